// A local HTTP server that answers like Slack's Web API (and response_urls), recording every call.
// Point the real Bolt App / WebClient at it with `apiUrl: fake.apiUrl`. What chat.postMessage
// accepted is kept per channel (a post to a user id lands in their DM, `D…`), so conversations.history
// can read it back, metadata included.
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

export type FakeFailure =
  | { kind: 'rate-limited'; retryAfterSec?: number }
  /** `{ ok: false, error }`, with Slack's extra fields where it sends them (missing_scope: `needed`, `provided`). */
  | { kind: 'error'; error: string; extra?: Record<string, unknown> }
  | { kind: 'http'; status: number }
  /** Reads the request, then drops the connection: the client cannot know whether it was taken (it was not). */
  | { kind: 'drop' }
  /** Carries the call out (a post is posted), then drops the connection before answering. */
  | { kind: 'accept-then-drop' };

export interface FakeUser {
  id: string;
  email?: string;
  locale?: string;
}

/** A message as conversations.history returns it. */
export interface FakeMessage {
  type: 'message';
  ts: string;
  text: string;
  user: string;
  bot_id: string;
  metadata?: unknown;
}

/** A file uploaded through files.getUploadURLExternal → upload_url → files.completeUploadExternal. */
export interface FakeUploadedFile {
  id: string;
  filename: string;
  length: number;
  /** The raw body posted to the upload URL (the SDK posts the bytes, possibly as multipart). */
  body: string;
  /** Set by files.completeUploadExternal. */
  channel?: string;
  title?: string;
  initialComment?: string;
}

export interface FakeSlackApiOptions {
  /** The clock message timestamps are taken from; by default they start at 1700000000 (November 2023). */
  now?: () => Date;
}

export interface FakeSlackApi {
  /** `http://127.0.0.1:PORT/api/` */
  apiUrl: string;
  origin: string;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  callsTo(method: string): RecordedCall[];
  /** Files by id, as uploaded and completed. */
  files: Map<string, FakeUploadedFile>;
  /** What was posted to a channel (a DM: `D` + the user id without its `U`), newest last. */
  history(channel: string): FakeMessage[];
  /** A response_url served by this fake. */
  responseUrl(id: string): string;
  /** The next `times` calls to `method` fail, after `after` calls that succeed. */
  failNext(method: string, failure: FakeFailure, times?: number, after?: number): void;
  addUser(user: FakeUser): void;
  /** What apps.connections.open answers (Socket Mode). */
  setSocketUrl(url: string): void;
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  waitForResponse(predicate?: (r: RecordedResponse) => boolean, timeoutMs?: number): Promise<RecordedResponse>;
  close(): Promise<void>;
}

export const FAKE_TEAM_ID = 'T0SCHOOL';
export const FAKE_BOT_USER_ID = 'UBOT0001';
export const FAKE_BOT_ID = 'BBOT0001';
/** conversations.history's page size when no limit is given, and the most it returns at once. */
const HISTORY_DEFAULT_LIMIT = 100;
const HISTORY_MAX_LIMIT = 999;

/** Slack timestamps (`seconds.micros`) compared as numbers, without floating point. */
function tsValue(ts: string): bigint {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return /^\d+$/.test(seconds) && /^\d*$/.test(micros) ? BigInt(seconds) * 1_000_000n + BigInt(micros.padEnd(6, '0').slice(0, 6)) : 0n;
}

const truthy = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 1;

function parseValue(value: string): unknown {
  if (/^\s*[[{]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if ((contentType ?? '').includes('application/json')) {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? Object.fromEntries(Object.entries(parsed)) : {};
  }
  return Object.fromEntries([...new URLSearchParams(raw)].map(([k, v]) => [k, parseValue(v)]));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Where a Block Kit payload has a text object or rich text run with no text: Slack refuses the whole call
 * with `invalid_blocks` and `"must be more than 0 characters [json-pointer:…]"` (Block Kit's text objects
 * take 1–3,000 characters; docs.slack.dev/reference/block-kit/composition-objects/text-object).
 */
export function emptyTextPointers(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => emptyTextPointers(item, `${pointer}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  const record: Record<string, unknown> = Object.fromEntries(Object.entries(value));
  const own = ['plain_text', 'mrkdwn', 'text'].includes(String(record.type)) && record.text === '' ? [`${pointer}/text`] : [];
  return [...own, ...Object.entries(record).flatMap(([key, child]) => (typeof child === 'object' ? emptyTextPointers(child, `${pointer}/${key}`) : []))];
}

function invalidBlocks(args: Record<string, unknown>): Record<string, unknown> | undefined {
  const pointers = [...emptyTextPointers(args.blocks, '/blocks'), ...emptyTextPointers(typeof args.view === 'object' ? args.view : undefined, '/view')];
  if (pointers.length === 0) return undefined;
  return { ok: false, error: 'invalid_blocks', errors: pointers.map((p) => `must be more than 0 characters [json-pointer:${p}]`) };
}

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const events = new EventEmitter();
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const failures = new Map<string, (FakeFailure | undefined)[]>();
  const users = new Map<string, FakeUser>();
  let socketUrl = 'ws://127.0.0.1:1/';
  const files = new Map<string, FakeUploadedFile>();
  let fileCounter = 0;
  let uploadOrigin = '';
  let tsCounter = 0;
  let viewCounter = 0;
  const nextTs = () => `${options.now ? Math.floor(options.now().getTime() / 1000) : 1700000000}.${String(++tsCounter).padStart(6, '0')}`;
  const channels = new Map<string, FakeMessage[]>();
  // Slack answers channel_not_found for a channel it does not have; a known user's DM exists.
  const channelExists = (channel: string) => channels.has(channel) || (channel.startsWith('D') && users.has(`U${channel.slice(1)}`));

  function post(channel: string, args: Record<string, unknown>): FakeMessage {
    const message: FakeMessage = { type: 'message', ts: nextTs(), text: typeof args.text === 'string' ? args.text : '', user: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID };
    if (typeof args.metadata === 'object' && args.metadata !== null) message.metadata = args.metadata;
    const list = channels.get(channel) ?? [];
    list.push(message);
    channels.set(channel, list);
    return message;
  }

  /** Newest first, `oldest` and `latest` exclusive, paged with an opaque cursor (the offset here). */
  function history(args: Record<string, unknown>): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : '';
    if (!channelExists(channel)) return { ok: false, error: 'channel_not_found' };
    const tsArg = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? tsValue(String(value)) : undefined);
    const oldest = tsArg(args.oldest) ?? 0n;
    const latest = tsArg(args.latest);
    const limit = Math.min(Math.max(1, Number(args.limit) || HISTORY_DEFAULT_LIMIT), HISTORY_MAX_LIMIT);
    const offset = typeof args.cursor === 'string' && /^offset:\d+$/.test(args.cursor) ? Number(args.cursor.slice('offset:'.length)) : 0;
    const matching = (channels.get(channel) ?? [])
      .filter((m) => tsValue(m.ts) > oldest && (latest === undefined || tsValue(m.ts) < latest))
      .toReversed();
    const page = matching.slice(offset, offset + limit).map(({ metadata, ...message }) => (truthy(args.include_all_metadata) && metadata !== undefined ? { ...message, metadata } : message));
    const hasMore = offset + limit < matching.length;
    return { ok: true, messages: page, has_more: hasMore, pin_count: 0, ...(hasMore ? { response_metadata: { next_cursor: `offset:${offset + limit}` } } : {}) };
  }

  function answer(method: string, args: Record<string, unknown>): Record<string, unknown> {
    const str = (key: string) => (typeof args[key] === 'string' ? String(args[key]) : '');
    if (['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'views.open', 'views.update', 'views.publish', 'views.push'].includes(method)) {
      const invalid = invalidBlocks(args);
      if (invalid) return invalid;
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://school.slack.com/', team: 'School', user: 'osaava', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: FAKE_BOT_ID };
      case 'chat.postMessage': {
        const channel = str('channel');
        // Slack answers channel_not_found for a user id it does not know.
        if (channel.startsWith('U') && !users.has(channel)) return { ok: false, error: 'channel_not_found' };
        const dm = channel.startsWith('U') ? `D${channel.slice(1)}` : channel;
        return { ok: true, channel: dm, ts: post(dm, args).ts, message: { text: args.text } };
      }
      case 'chat.update':
        return { ok: true, channel: str('channel'), ts: str('ts'), text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.open':
      case 'views.update':
      case 'views.publish': {
        const view = typeof args.view === 'object' && args.view !== null ? args.view : {};
        return { ok: true, view: { ...view, id: str('view_id') || `V${String(++viewCounter).padStart(6, '0')}` } };
      }
      case 'users.info': {
        const user = users.get(str('user'));
        if (!user) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: user.id, name: user.id.toLowerCase(), locale: user.locale, profile: user.email ? { email: user.email } : {} } };
      }
      case 'conversations.history':
        return history(args);
      case 'conversations.open': {
        // docs.slack.dev conversations.open: `users` (one id for a DM) → `{ ok, channel: { id } }`.
        const user = str('users');
        if (!users.has(user)) return { ok: false, error: 'user_not_found' };
        return { ok: true, channel: { id: `D${user.slice(1)}` } };
      }
      case 'files.getUploadURLExternal': {
        // `filename`, `length` → `{ ok, upload_url, file_id }`; the bytes are then posted to upload_url.
        const length = Number(args.length);
        if (!str('filename') || !Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' };
        const id = `F${String(++fileCounter).padStart(8, '0')}`;
        files.set(id, { id, filename: str('filename'), length, body: '' });
        return { ok: true, upload_url: `${uploadOrigin}/upload/v1/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        // `files` ([{ id, title }]), `channel_id`, `initial_comment` → `{ ok, files: [{ id, name, title, … }] }`.
        const listed = Array.isArray(args.files) ? args.files : [];
        const done: Record<string, unknown>[] = [];
        for (const entry of listed) {
          const id = typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : '';
          const file = files.get(id);
          if (!file?.body) return { ok: false, error: 'file_not_found' };
          const channel = str('channel_id');
          if (channel && !channelExists(channel)) return { ok: false, error: 'channel_not_found' };
          file.channel = channel || undefined;
          file.title = typeof entry === 'object' && entry !== null && 'title' in entry ? String(entry.title) : undefined;
          file.initialComment = str('initial_comment') || undefined;
          if (channel) post(channel, { text: file.initialComment ?? '' });
          done.push({ id, name: file.filename, title: file.title ?? file.filename, size: file.length });
        }
        return { ok: true, files: done };
      }
      case 'apps.connections.open':
        return { ok: true, url: socketUrl };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const contentType = req.headers['content-type'];
    if (url.pathname.startsWith('/response/')) {
      const recorded = { id: url.pathname.slice('/response/'.length), body: parseBody(raw, contentType) };
      // A response_url refuses empty texts too (it is not recorded as shown).
      const invalid = invalidBlocks(recorded.body);
      if (invalid) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify(invalid));
        return;
      }
      responses.push(recorded);
      events.emit('response', recorded);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    if (url.pathname.startsWith('/upload/v1/')) {
      const file = files.get(url.pathname.slice('/upload/v1/'.length));
      if (!file) {
        res.writeHead(404).end('not found');
        return;
      }
      file.body = raw;
      res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${Buffer.byteLength(raw)}`);
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const auth = req.headers.authorization;
    const call: RecordedCall = { method, args: parseBody(raw, contentType), token: auth?.replace(/^Bearer /, '') };
    calls.push(call);
    const failure = failures.get(method)?.shift();
    events.emit('call', call);
    if (failure) {
      switch (failure.kind) {
        case 'rate-limited':
          res.writeHead(429, { 'content-type': 'application/json', ...(failure.retryAfterSec !== undefined ? { 'retry-after': String(failure.retryAfterSec) } : {}) }).end('{"ok":false,"error":"ratelimited"}');
          return;
        case 'error':
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: failure.error, ...failure.extra }));
          return;
        case 'http':
          res.writeHead(failure.status, { 'content-type': 'text/plain' }).end('upstream trouble');
          return;
        case 'drop':
          req.socket.destroy();
          return;
        case 'accept-then-drop':
          answer(method, call.args);
          req.socket.destroy();
          return;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(method, call.args)));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('fake Slack API did not get a port');
  const { port } = address;
  const origin = `http://127.0.0.1:${port}`;
  uploadOrigin = origin;

  function waitForEvent<T>(event: string, existing: () => T | undefined, predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = existing();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        events.off(event, listener);
        reject(new Error(`fake Slack API: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (item: T) => {
        if (!predicate(item)) return;
        clearTimeout(timer);
        events.off(event, listener);
        resolve(item);
      };
      events.on(event, listener);
    });
  }

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    responses,
    files,
    callsTo: (method) => calls.filter((c) => c.method === method),
    history: (channel) => [...(channels.get(channel) ?? [])],
    responseUrl: (id) => `${origin}/response/${id}`,
    failNext(method, failure, times = 1, after = 0) {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < after; i += 1) queue.push(undefined);
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    addUser: (user) => void users.set(user.id, user),
    setSocketUrl: (url) => {
      socketUrl = url;
    },
    waitFor: (method, predicate = () => true, timeoutMs = 5000) =>
      waitForEvent<RecordedCall>('call', () => calls.find((c) => c.method === method && predicate(c)), (c) => c.method === method && predicate(c), timeoutMs, `call to ${method}`),
    waitForResponse: (predicate = () => true, timeoutMs = 5000) =>
      waitForEvent<RecordedResponse>('response', () => responses.find(predicate), predicate, timeoutMs, 'response_url post'),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
