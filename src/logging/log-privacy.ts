// What a person wrote never reaches a log above debug, whatever fails. Three things carry it there:
//  - error objects: PGlite's errors carry the query's `params`, PostgreSQL's `detail` repeats the row
//    ("Failing row contains (…, olen raskaana)"), `where` and `internalQuery` the statement, HTTP client
//    errors their request and response bodies, Slack's `data` the whole API answer. An error is logged
//    as an allow-list of fields (`serializeError`), never with its own properties.
//  - messages that quote their input: PostgreSQL's `invalid input syntax for type integer: "…"`,
//    `syntax error at or near "…"`, V8's `Unexpected token 'o', "…" is not valid JSON`. A quoted
//    string stays only after a word that names a database object or a field (`relation "reflection"`,
//    `constraint "reflection_placement_day_key"`, `field "text"`); any other is replaced.
//  - fields that hold text (`text`, `values`, `body`, `params`, …), anywhere in a log line's object.

export const REDACTED = '[redacted]';

/** Fields whose value is (or may hold) what a person wrote; a string or object under one is replaced wherever it occurs above debug. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set([
  'text',
  'texts',
  'values',
  'value',
  'body',
  'rawBody',
  'params',
  'parameters',
  'bindings',
  'data',
  'payload',
  'email',
  'hard',
  'helpNeeded',
  'help_needed',
  'note',
  'comment',
  'reflection',
  'observation',
  'summary',
  'narrative',
  'prompt',
  'messages',
  'question',
]);

/** Error fields kept when they are short primitives; everything else on an error is dropped. */
const SAFE_ERROR_FIELDS = [
  'code',
  'severity',
  'constraint',
  'table',
  'column',
  'schema',
  'dataType',
  'routine',
  'errno',
  'syscall',
  'address',
  'port',
  'status',
  'statusCode',
  'retryable',
  'retryAfter',
  'reason',
] as const;

/** Words after which a double-quoted string names a database object or a field, not a value. */
const OBJECT_WORDS = new Set([
  'relation',
  'constraint',
  'column',
  'columns',
  'table',
  'index',
  'type',
  'function',
  'schema',
  'database',
  'role',
  'sequence',
  'view',
  'operator',
  'extension',
  'encoding',
  'savepoint',
  'cursor',
  'statement',
  'trigger',
  'collation',
  'domain',
  'parameter',
  'field',
  'id',
  'queue',
]);

const IDENTIFIER = /^[\p{L}_][\p{L}\p{N}_$.-]{0,62}$/u;
const MAX_FIELD_CHARS = 200;
const MAX_DEPTH = 3;

/** Replaces each double-quoted string that is not a database object's or a field's name. */
export function redactQuoted(text: string): string {
  return text.replace(/"([^"\n]*)"/g, (match, inner: string, offset: number) => {
    const before = /([\p{L}_]+)\s*$/u.exec(text.slice(Math.max(0, offset - 40), offset));
    const word = before?.[1]?.toLowerCase();
    if (word && OBJECT_WORDS.has(word) && IDENTIFIER.test(inner)) return match;
    return `"${REDACTED}"`;
  });
}

export interface SerializedError {
  type: string;
  message: string;
  stack?: string;
  [field: string]: unknown;
}

/** An error as it may be logged: its type, message (quoted values out), stack frames and a few codes. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (error === null || error === undefined) return error;
  if (typeof error === 'string') return redactQuoted(error);
  if (typeof error === 'number' || typeof error === 'boolean') return error;
  if (typeof error !== 'object') return String(error);
  if (isSerialized(error)) return error;
  const source = error as Record<string, unknown> & Partial<Error>;
  const type = error instanceof Error ? (error.constructor?.name ?? error.name ?? 'Error') : 'Object';
  const message = redactQuoted(typeof source.message === 'string' ? source.message : '');
  const out: SerializedError = { type, message };
  const frames = typeof source.stack === 'string' ? stackFrames(source.stack) : '';
  if (frames) out.stack = `${type}: ${message}\n${frames}`;
  for (const field of SAFE_ERROR_FIELDS) {
    const value = source[field];
    if (typeof value === 'number' || typeof value === 'boolean') out[field] = value;
    else if (typeof value === 'string') out[field] = redactQuoted(value.slice(0, MAX_FIELD_CHARS));
  }
  // HTTP client errors keep the status of their response, never the response itself.
  const response = source.response as { status?: unknown; statusCode?: unknown } | undefined;
  if (out.status === undefined && response && typeof response === 'object') {
    const status = response.status ?? response.statusCode;
    if (typeof status === 'number') out.status = status;
  }
  // Slack's platform error code (`data.error`, e.g. "channel_not_found"), never the rest of `data`.
  const data = source.data as { error?: unknown } | undefined;
  if (data && typeof data === 'object' && typeof data.error === 'string' && /^[a-z_]{1,64}$/.test(data.error)) {
    out.platformError = data.error;
  }
  if (depth < MAX_DEPTH) {
    if (source.cause !== undefined) out.cause = serializeError(source.cause, depth + 1);
    const errors = (source as { errors?: unknown }).errors;
    if (Array.isArray(errors)) out.errors = errors.slice(0, 5).map((e) => serializeError(e, depth + 1));
    const original = (source as { original?: unknown }).original;
    if (original instanceof Error) out.original = serializeError(original, depth + 1);
  }
  Object.defineProperty(out, SERIALIZED, { value: true, enumerable: false });
  return out;
}

const SERIALIZED = Symbol('osaava.serializedError');
const isSerialized = (value: object): boolean => (value as Record<symbol, unknown>)[SERIALIZED] === true;

/** The `at …` lines of a stack (the first lines repeat the message, which may quote a value). */
function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/**
 * A log line's object as it may be written above debug: errors serialised safely, text fields
 * replaced, quoted values out of every string. Returns a copy; the caller's object is untouched.
 */
export function redactForLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactQuoted(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value);
  if (isSerialized(value)) return value;
  if (value instanceof Date) return value;
  if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`; // a Buffer of a request body, say
  if (depth > 6) return '[object]';
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // A count or a flag under a text field's name (`messages: 3`) says nothing anyone wrote.
    const holdsText = typeof item === 'string' || (item !== null && typeof item === 'object');
    out[key] = TEXT_FIELDS.has(key) && holdsText ? REDACTED : redactForLog(item, depth + 1);
  }
  return out;
}

/** Errors anywhere in a debug line are still serialised safely (their own fields are never logged). */
export function serializeErrorsOnly(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return serializeError(value);
  if (isSerialized(value) || value instanceof Date || depth > 6) return value;
  if (Array.isArray(value)) return value.some((item) => item !== null && typeof item === 'object') ? value.map((item) => serializeErrorsOnly(item, depth + 1)) : value;
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const next = serializeErrorsOnly(item, depth + 1);
    if (next !== item) changed = true;
    out[key] = next;
  }
  return changed ? out : value;
}
