// The JSON the local chat API answers with, parsed into typed shapes. Everything from the server is
// untrusted input to the page: each parser keeps what it can use and drops what it does not know, so an
// unexpected value is skipped rather than shown raw (or thrown on). Hand-written guards, not zod: this
// code is bundled into the page and should stay small.

/** The languages Osaava speaks (LANGS in ../../../../i18n/lang.ts); a reply's chrome on the page follows it. */
export const LANGS = ['fi', 'en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

/** The longest message the server accepts, in UTF-16 code units (MAX_TEXT_LENGTH in ../../schemas.ts). */
export const MAX_TEXT_LENGTH = 4000;

export interface Citation {
  id: string;
  title: string;
  origin: string;
}

export interface ListItem {
  text: string;
  translation?: string;
  cite?: string;
}

export interface SuggestedAction {
  label: string;
  text: string;
}

export type Block =
  | { type: 'heading' | 'paragraph' | 'context'; text: string }
  | { type: 'list'; items: (ListItem | null)[] }
  | { type: 'quote'; text: string; translation?: string; cite?: string }
  | { type: 'actions'; actions: SuggestedAction[] };

export interface MessageReply {
  kind: 'message';
  /** The language the reply is shown in. */
  lang: Lang;
  blocks: Block[];
  citations: Citation[];
}

export interface FormOption {
  value: string;
  label: string;
}

interface FieldBase {
  id: string;
  label: string;
  optional: boolean;
}

export type FormField =
  | (FieldBase & { type: 'multi-select'; groups: { label: string; options: FormOption[] }[]; initial: string[] })
  | (FieldBase & { type: 'select'; options: FormOption[]; initial?: string })
  | (FieldBase & { type: 'rating'; min?: number; max?: number; minLabel: string; maxLabel: string; initial?: number })
  | (FieldBase & { type: 'text'; multiline: boolean; maxLength?: number; placeholder?: string; initial: string });

export interface FormReply {
  kind: 'form';
  /** The form's own language as the server gave it (sent back on submit); shown as Finnish when absent. */
  lang?: Lang;
  formKind?: string;
  formId?: string;
  title: string;
  intro: Block[];
  /** Fields this page cannot render are dropped here. */
  fields: FormField[];
  submitLabel: string;
}

/** A file for the user (an admin's export): offered as a download made in the page, never stored on the server. */
export interface FileReply {
  kind: 'file';
  lang: Lang;
  name: string;
  mimeType: string;
  content: string;
  comment: string;
}

export type Reply = MessageReply | FormReply | FileReply;

export interface LocalUser {
  id: string;
  name: string;
  roles: string[];
  description?: string;
}

export interface UsersBody {
  users: LocalUser[];
  notice?: string;
}

export interface InboxMessage {
  seq: number;
  at: string;
  replies: Reply[];
}

export interface InboxBody {
  messages: InboxMessage[];
  next?: number;
}

// ---- Guards ------------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

/** A string, or '' for anything else. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A non-empty string, or undefined. */
function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function langOf(value: unknown): Lang | undefined {
  return LANGS.find((lang) => lang === value);
}

// ---- Replies -----------------------------------------------------------------------------------------

function parseCitation(value: unknown): Citation | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null;
  return { id: value.id, title: textOf(value.title), origin: textOf(value.origin) };
}

function parseListItem(value: unknown): ListItem | null {
  if (!isRecord(value)) return null;
  return { text: textOf(value.text), translation: nonEmpty(value.translation), cite: nonEmpty(value.cite) };
}

function parseAction(value: unknown): SuggestedAction | null {
  if (!isRecord(value) || typeof value.text !== 'string') return null;
  return { label: nonEmpty(value.label) ?? value.text, text: value.text };
}

/** A block this page knows, or null for one it does not (skipped rather than shown as raw data). */
function parseBlock(value: unknown): Block | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'heading':
    case 'paragraph':
    case 'context':
      return { type: value.type, text: textOf(value.text) };
    case 'list':
      return { type: 'list', items: listOf(value.items).map(parseListItem) };
    case 'quote':
      return { type: 'quote', text: textOf(value.text), translation: nonEmpty(value.translation), cite: nonEmpty(value.cite) };
    case 'actions':
      return { type: 'actions', actions: listOf(value.actions).map(parseAction).filter((a) => a !== null) };
    default:
      return null;
  }
}

function parseBlocks(value: unknown): Block[] {
  return listOf(value).map(parseBlock).filter((b) => b !== null);
}

function parseOptions(value: unknown): FormOption[] {
  const options: FormOption[] = [];
  for (const option of listOf(value)) {
    if (isRecord(option) && typeof option.value === 'string') options.push({ value: option.value, label: textOf(option.label) });
  }
  return options;
}

/** A field this page can render, or null (a field type this page does not know yet, or one without an id). */
function parseField(value: unknown): FormField | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !value.id) return null;
  const base: FieldBase = { id: value.id, label: textOf(value.label), optional: Boolean(value.optional) };
  switch (value.type) {
    case 'multi-select': {
      const groups: { label: string; options: FormOption[] }[] = [];
      for (const g of listOf(value.groups)) {
        if (isRecord(g) && Array.isArray(g.options)) groups.push({ label: textOf(g.label), options: parseOptions(g.options) });
      }
      return { ...base, type: 'multi-select', groups, initial: listOf(value.initial).map(String) };
    }
    case 'select':
      return { ...base, type: 'select', options: parseOptions(value.options), initial: typeof value.initial === 'string' ? value.initial : undefined };
    case 'rating':
      return {
        ...base,
        type: 'rating',
        min: integer(value.min),
        max: integer(value.max),
        minLabel: textOf(value.minLabel),
        maxLabel: textOf(value.maxLabel),
        initial: typeof value.initial === 'number' ? value.initial : undefined,
      };
    case 'text':
      return {
        ...base,
        type: 'text',
        multiline: Boolean(value.multiline),
        maxLength: integer(value.maxLength),
        placeholder: nonEmpty(value.placeholder),
        initial: textOf(value.initial),
      };
    default:
      return null;
  }
}

/** A reply this page can show, or null for a reply kind it does not know. */
function parseReply(value: unknown): Reply | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'message') {
    return {
      kind: 'message',
      lang: langOf(value.lang) ?? 'fi',
      blocks: parseBlocks(value.blocks),
      citations: listOf(value.citations).map(parseCitation).filter((c) => c !== null),
    };
  }
  if (value.kind === 'file') {
    if (typeof value.content !== 'string' || typeof value.name !== 'string') return null;
    return {
      kind: 'file',
      lang: langOf(value.lang) ?? 'fi',
      name: value.name,
      mimeType: nonEmpty(value.mimeType) ?? 'application/octet-stream',
      content: value.content,
      comment: textOf(value.comment),
    };
  }
  if (value.kind === 'form') {
    return {
      kind: 'form',
      lang: langOf(value.lang),
      formKind: typeof value.formKind === 'string' ? value.formKind : undefined,
      formId: typeof value.formId === 'string' ? value.formId : undefined,
      title: textOf(value.title),
      intro: parseBlocks(value.intro),
      fields: listOf(value.fields).map(parseField).filter((f) => f !== null),
      submitLabel: textOf(value.submitLabel),
    };
  }
  return null;
}

/** The replies of `value` this page can show; anything but a list gives none. */
function parseReplies(value: unknown): Reply[] {
  return listOf(value).map(parseReply).filter((r) => r !== null);
}

// ---- Response bodies ---------------------------------------------------------------------------------

/** `{ replies: [...] }` of POST /api/chat and /api/form, or null when the body has no list of replies. */
export function parseRepliesBody(body: unknown): Reply[] | null {
  return isRecord(body) && Array.isArray(body.replies) ? parseReplies(body.replies) : null;
}

/** `{ users: [...], notice? }` of GET /api/users, or null when the body has no list of users. */
export function parseUsersBody(body: unknown): UsersBody | null {
  if (!isRecord(body) || !Array.isArray(body.users)) return null;
  const users: LocalUser[] = [];
  for (const u of body.users) {
    if (!isRecord(u) || typeof u.id !== 'string' || typeof u.name !== 'string') continue;
    users.push({
      id: u.id,
      name: u.name,
      roles: Array.isArray(u.roles) ? u.roles.map(String) : [],
      description: nonEmpty(u.description),
    });
  }
  const notice = typeof body.notice === 'string' && body.notice.trim() ? body.notice : undefined;
  return { users, notice };
}

/** `{ messages: [...], next }` of GET /api/inbox, or null when the body has no list of messages. */
export function parseInboxBody(body: unknown): InboxBody | null {
  if (!isRecord(body) || !Array.isArray(body.messages)) return null;
  const messages: InboxMessage[] = [];
  for (const m of body.messages) {
    if (!isRecord(m) || typeof m.seq !== 'number' || !Number.isSafeInteger(m.seq)) continue;
    messages.push({ seq: m.seq, at: textOf(m.at), replies: parseReplies(m.replies) });
  }
  const next = typeof body.next === 'number' && Number.isSafeInteger(body.next) ? body.next : undefined;
  return { messages, next };
}

/** The message of the API's `{ error: { message } }` body, or null. */
export function errorMessage(body: unknown): string | null {
  const error = isRecord(body) ? body.error : undefined;
  return isRecord(error) ? nonEmpty(error.message) ?? null : null;
}
