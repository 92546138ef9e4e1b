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

/** A block of a rendered message; `text` may contain **bold** and _italic_ only. */
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

export type Reply = MessageReply | FormReply;
