// Structured logs with pino. Message text is personal data: it is logged only at debug. Above debug
// every line passes through `redactForLog` (log-privacy.ts): errors keep only their type, message
// (quoted values out), stack frames and codes, never their query parameters, `detail` or bodies;
// text fields (`text`, `values`, `body`, `params`, …) are replaced at any depth. The usual
// secret-bearing fields are redacted at every level.
import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED, redactForLog, redactQuoted, serializeError, serializeErrorsOnly } from './log-privacy.ts';

export { REDACTED, redactForLog, redactQuoted, serializeError, TEXT_FIELDS } from './log-privacy.ts';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-slack-signature"]',
  'headers.authorization',
  '*.token',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.clientSecret',
  '*.text',
  '*.email',
];

const DEBUG = 20;

/** An interpolated argument (`log.info('… %s', x)`) could be anything: above debug only numbers and flags stay. */
const interpolated = (arg: unknown): unknown => (typeof arg === 'number' || typeof arg === 'boolean' ? arg : REDACTED);

/**
 * The arguments of one log call made safe for its level: above debug, `redactForLog` on the object,
 * quoted values out of the message, interpolated arguments replaced (an Error as the first argument
 * becomes `{ err }`, its message the line's message); at debug and below only errors are serialised
 * safely.
 */
export function privateLogArgs(args: unknown[], level: number): unknown[] {
  const [first, ...rest] = args;
  if (level <= DEBUG) return [first instanceof Error ? first : serializeErrorsOnly(first), ...rest];
  if (typeof first === 'string') return [redactQuoted(first), ...rest.map(interpolated)];
  const [msg, ...more] = rest;
  if (first instanceof Error) {
    const err = serializeError(first) as { message: string };
    return [{ err }, typeof msg === 'string' ? redactQuoted(msg) : err.message, ...more.map(interpolated)];
  }
  return [redactForLog(first), ...(typeof msg === 'string' ? [redactQuoted(msg), ...more.map(interpolated)] : rest.map(interpolated))];
}

export function createLogger(options: { level?: string; name?: string; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      name: options.name ?? 'osaava',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError },
      hooks: {
        logMethod(args, method, level) {
          method.apply(this, privateLogArgs(args, level) as Parameters<typeof method>);
        },
      },
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
