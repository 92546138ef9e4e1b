// What the page holds: the users, who is selected, and each user's conversation.
import type { FileReply, FormReply, Lang, LocalUser, MessageReply } from './wire.ts';

export type FormStatus = 'open' | 'sending' | 'done';

export type FormEntry = {
  kind: 'form';
  reply: FormReply;
  userId: string;
  /** 'sending' and 'done' both refuse another submit: a form is sent at most once. */
  status: FormStatus;
  /** The rendered form; it lives as long as the entry, so what was ticked and typed survives switching users. */
  node: HTMLElement | null;
  seq: number;
};

/** One item of a conversation; `seq` is unique on the page (it also makes element ids unique). */
export type Entry =
  | { kind: 'user'; text: string; seq: number }
  | { kind: 'bot'; reply: MessageReply | FileReply; seq: number }
  | FormEntry
  | { kind: 'notice'; text: string; lang: Lang; seq: number }
  /** The label above what the scheduler sent, in the language of the first reply it sent. */
  | { kind: 'inbox'; at: string; lang: Lang; seq: number }
  | { kind: 'error'; message: string; retryText: string | null; seq: number };

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
/** An entry before it is added to a conversation (which gives it its `seq`). */
export type NewEntry = WithoutSeq<Entry>;

export const state = {
  users: [] as LocalUser[],
  currentUserId: null as string | null,
  /** Per user: the entries of their conversation, so switching users keeps separate views. */
  conversations: new Map<string, Entry[]>(),
  /** Users whose request is in flight. */
  pending: new Set<string>(),
};

let messageSeq = 0;

export function nextSeq(): number {
  return ++messageSeq;
}

export function withSeq(entry: NewEntry): Entry {
  return { ...entry, seq: nextSeq() };
}

export function entriesOf(userId: string): Entry[] {
  let entries = state.conversations.get(userId);
  if (!entries) {
    entries = [];
    state.conversations.set(userId, entries);
  }
  return entries;
}

export function currentUser(): LocalUser | null {
  return state.users.find((u) => u.id === state.currentUserId) ?? null;
}

/** Whether the selected user waits for an answer. */
export function currentBusy(): boolean {
  return Boolean(state.currentUserId && state.pending.has(state.currentUserId));
}
