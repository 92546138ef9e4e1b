// What the core says back, independent of any platform. Adapters render these into HTML (local chat),
// Block Kit (Slack) or Adaptive Cards (Teams); the core never formats for a platform.
import type { Lang } from '../i18n/lang.ts';
import type { Citation } from '../knowledge/citation.ts';

export type { Lang } from '../i18n/lang.ts';
export type { Citation, SourceKind } from '../knowledge/citation.ts';

export interface ListItem {
  text: string;
  /** Osaava's translation shown under a verbatim Finnish quote (English answers). */
  translation?: string;
  /** Citation id this item quotes. */
  cite?: string;
}

/**
 * Text a person wrote (an observation, a reflection, a name, a help request) inside one of Osaava's own
 * texts. Osaava's texts may hold **bold** and _italic_; text a person wrote is shown literally on every
 * surface: no links, no markdown, no mentions, no HTML. The span is delimited by FIRST STRONG ISOLATE and
 * POP DIRECTIONAL ISOLATE (invisible, and right for mixed-direction text should one ever leak out);
 * every renderer reads them with `textRuns` or `withLiterals`.
 */
export function userText(text: string): string {
  return `${LITERAL_OPEN}${text.replace(MARKERS, '')}${LITERAL_CLOSE}`;
}

export const LITERAL_OPEN = '\u2068';
export const LITERAL_CLOSE = '\u2069';
const MARKERS = /[\u2068\u2069\ue000\ue001]/g;
const LITERAL_SPAN = /\u2068([^\u2068\u2069]*)\u2069/g;

/** Whether a text holds any text a person wrote. */
export function hasUserText(text: string): boolean {
  return text.includes(LITERAL_OPEN);
}

/** The text with the user-text marks removed (for plain-text surfaces and lengths). */
export function stripUserTextMarks(text: string): string {
  return text.replace(MARKERS, '');
}

/**
 * Renders a text to a platform's markup: `core` converts Osaava's own markup (with each user-text span
 * replaced by a placeholder it leaves alone), `literal` escapes what a person wrote.
 */
export function withLiterals(text: string, core: (text: string) => string, literal: (text: string) => string): string {
  const literals: string[] = [];
  const masked = text.replace(LITERAL_SPAN, (_, inner: string) => `\ue000${literals.push(inner) - 1}\ue001`).replace(/[\u2068\u2069]/g, '');
  return core(masked).replace(/\ue000(\d+)\ue001/g, (_, i: string) => literal(literals[Number(i)] ?? ''));
}

/** A piece of a text with its style: what structured surfaces (Teams TextRun, Slack rich text) show. */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Written by a person: shown as it is. */
  literal: boolean;
}

// **bold** and _italic_ of Osaava's own texts; `_` inside words (snake_case) is not italic.
const INLINE = /\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gsu;

/** A text as styled runs: Osaava's marks become styles, a person's text stays literal (and keeps the style around it). */
export function textRuns(text: string): TextRun[] {
  const literals: string[] = [];
  const masked = text.replace(LITERAL_SPAN, (_, inner: string) => `\ue000${literals.push(inner) - 1}\ue001`).replace(/[\u2068\u2069]/g, '');
  const runs: TextRun[] = [];
  const push = (piece: string, bold: boolean, italic: boolean) => {
    for (const [i, part] of piece.split(/\ue000(\d+)\ue001/).entries()) {
      if (i % 2 === 1) {
        const literal = literals[Number(part)] ?? '';
        if (literal) runs.push({ text: literal, bold, italic, literal: true });
      } else if (part) {
        runs.push({ text: part, bold, italic, literal: false });
      }
    }
  };
  let last = 0;
  for (const match of masked.matchAll(INLINE)) {
    if (match.index > last) push(masked.slice(last, match.index), false, false);
    const [, bold, italic] = match;
    push(bold ?? italic ?? '', bold !== undefined, bold === undefined);
    last = match.index + match[0].length;
  }
  if (last < masked.length) push(masked.slice(last), false, false);
  return runs;
}

/** A block of a rendered message; `text` may contain **bold** and _italic_ only, and `userText` spans. */
export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: ListItem[] }
  | { type: 'quote'; text: string; translation?: string; cite?: string }
  | { type: 'context'; text: string }
  | { type: 'actions'; actions: SuggestedAction[] };

/** A follow-up the user can pick with one click; it sends `text` as if typed. */
export interface SuggestedAction {
  label: string;
  text: string;
}

export type MessageReply = {
  kind: 'message';
  lang: Lang;
  blocks: Block[];
  citations: Citation[];
};

/**
 * A platform-neutral form (the daily check-in, confirming an observation's requirements …).
 * Slack renders it as Block Kit inputs or a modal, Teams as an Adaptive Card, the local chat as HTML.
 * Its submission comes back to the core as a `FormSubmission` with the same `formKind` and `formId`.
 */
export interface FormReply {
  kind: 'form';
  lang: Lang;
  formKind: FormKind;
  /** Opaque id the core uses to find what the form is about (e.g. the check-in's id). */
  formId: string;
  title: string;
  intro: Block[];
  fields: FormField[];
  submitLabel: string;
}

export type FormKind = 'checkin' | 'observation' | 'checkin-time';

export interface FormOption {
  value: string;
  label: string;
}

export type FormField =
  | { type: 'multi-select'; id: string; label: string; groups: { label: string; options: FormOption[] }[]; initial: string[]; optional: boolean }
  | { type: 'select'; id: string; label: string; options: FormOption[]; initial?: string; optional: boolean }
  | { type: 'rating'; id: string; label: string; min: number; max: number; minLabel: string; maxLabel: string; initial?: number; optional: boolean }
  | { type: 'text'; id: string; label: string; multiline: boolean; maxLength: number; placeholder?: string; initial?: string; optional: boolean };

/**
 * A file for the user (an admin's export): Slack uploads it into the DM, Teams shows it on a card, the
 * local chat offers it as a download. It exists only in this reply: nothing is kept on the server.
 */
export interface FileReply {
  kind: 'file';
  lang: Lang;
  /** File name, e.g. `aino-virtanen-2026-12-07.json`. */
  name: string;
  mimeType: string;
  /** The file's text (UTF-8). */
  content: string;
  /** A line to show with it (Osaava's text: **bold** and _italic_ only). */
  comment: string;
}

export type Reply = MessageReply | FormReply | FileReply;
