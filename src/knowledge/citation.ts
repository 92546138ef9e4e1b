// What an answer cites: one item of the knowledge base, with its verbatim Finnish text.
export type SourceKind = 'requirement' | 'criterion' | 'method' | 'unit' | 'passage';

/** One item of the knowledge base an answer rests on. `text_fi` is the verbatim Finnish text. */
export interface Citation {
  id: string;
  kind: SourceKind;
  title: string;
  text_fi: string;
  /** Osaava's English translation, when the knowledge base has one. */
  text_en?: string;
  /** Where the item comes from, e.g. the unit or document name and heading path. */
  origin: string;
}
