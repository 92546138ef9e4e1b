// Calls to the local chat API (local-chat-router.ts). Every body is parsed by wire.ts before use.
import { errorMessage, parseInboxBody, parseRepliesBody, parseUsersBody } from './wire.ts';
import type { InboxBody, Lang, Reply, UsersBody } from './wire.ts';

const REQUEST_TIMEOUT_MS = 120_000;
const INBOX_TIMEOUT_MS = 15_000;

/** A failed chat or form request, with a message for the reader; `retryable` when sending again may help. */
export class ChatError extends Error {
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean) {
    super(message);
    this.retryable = retryable;
  }
}

/** A readable message for anything thrown. */
export function describe(err: unknown): string {
  if (err instanceof ChatError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return 'Tuntematon virhe / Unknown error';
}

function apiUrl(path: string): string {
  // Relative to the page, so the router also works when mounted under a prefix.
  const base = location.pathname.endsWith('/') ? location.pathname : `${location.pathname}/`;
  return `${base}api/${path}`;
}

/** The parsed JSON body, or null when it is not JSON. */
async function readJson(response: Response): Promise<unknown> {
  try {
    const body: unknown = await response.json();
    return body;
  } catch {
    return null;
  }
}

/** GET /api/users; throws an Error with the server's message (or the HTTP status). */
export async function fetchUsers(): Promise<UsersBody> {
  const response = await fetch(apiUrl('users'), { headers: { Accept: 'application/json' } });
  const body = await readJson(response);
  const parsed = response.ok ? parseUsersBody(body) : null;
  if (!parsed) throw new Error(errorMessage(body) ?? `HTTP ${response.status}`);
  return parsed;
}

/** GET /api/inbox: the user's messages after `after`. */
export async function fetchInbox(userId: string, after: number): Promise<InboxBody> {
  const response = await fetch(apiUrl(`inbox?user=${encodeURIComponent(userId)}&after=${after}`), {
    headers: { Accept: 'application/json' },
    signal: AbortSignal.timeout(INBOX_TIMEOUT_MS),
  });
  const parsed = parseInboxBody(await readJson(response));
  if (!response.ok || !parsed) throw new Error(`inbox: HTTP ${response.status}`);
  return parsed;
}

export type ChatPayload = { user: string; text: string };

export type FormPayload = {
  user: string;
  formKind: string | undefined;
  formId: string | undefined;
  lang: Lang | undefined;
  values: Record<string, string | string[] | number>;
};

/** POSTs to /api/chat or /api/form; resolves to the replies, throws a ChatError with a readable message. */
export async function postForReplies(path: 'chat', payload: ChatPayload): Promise<Reply[]>;
export async function postForReplies(path: 'form', payload: FormPayload): Promise<Reply[]>;
export async function postForReplies(path: 'chat' | 'form', payload: ChatPayload | FormPayload): Promise<Reply[]> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
    throw new ChatError(timedOut
      ? 'Vastaus viipyi liian kauan. / The answer took too long.'
      : 'Palvelimeen ei saatu yhteyttä. / Could not reach the server.', true);
  }
  const body = await readJson(response);
  if (!response.ok) {
    throw new ChatError(errorMessage(body) ?? `HTTP ${response.status}`, response.status >= 500);
  }
  const replies = parseRepliesBody(body);
  if (!replies) {
    throw new ChatError('Palvelimen vastaus oli vääränmuotoinen. / The server sent an unexpected answer.', true);
  }
  return replies;
}
