// What an answer cites: one item of the knowledge base, with its verbatim Finnish text.
export type SourceKind = 'requirement' | 'criterion' | 'method' | 'unit' | 'passage';

/** One item of the knowledge base an answer rests on. `text_fi` is the verbatim Finnish text. */
export interface Citation {
  id: string;
  kind: SourceKind;
  title: string;
  text_fi: string;
  /** The English text, when the knowledge base has one (Osaava's own, or the curriculum's: the unit's `translations.en`). */
  text_en?: string;
  /** The curriculum's own Swedish text, for a Swedish reader, when the knowledge base has it. */
  text_sv?: string;
  /** Where the item comes from, e.g. the unit or document name and heading path. */
  origin: string;
}
