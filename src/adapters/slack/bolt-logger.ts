// Bolt, its Web API client and Socket Mode log through this bridge into our pino logger. Bolt tries to
// set its own level; pino's configured level stays in charge, so the SDK's debug lines (whole API
// requests and responses, with e-mails and message text) are produced only with LOG_LEVEL=debug and
// always at debug. Above debug an SDK line keeps its own words; an error it passes goes to the
// logger's safe `err` serializer and any other object it passes is left out.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';

function levelOf(logger: Logger): LogLevel {
  switch (logger.level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

const joinMessage = (msg: unknown[]): string => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');

/** An SDK line above debug: its strings, the first error as `err`, no other objects. */
function safeLine(msg: unknown[]): [{ err?: Error }, string] {
  const err = msg.find((m): m is Error => m instanceof Error);
  const words = msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : typeof m === 'number' || typeof m === 'boolean' ? String(m) : '[object]'));
  return [err ? { err } : {}, words.join(' ')];
}

export function createBoltLogger(logger: Logger): BoltLogger {
  let log = logger.child({ component: 'slack-sdk' });
  return {
    debug: (...msg: unknown[]) => {
      if (log.isLevelEnabled('debug')) log.debug(joinMessage(msg));
    },
    info: (...msg: unknown[]) => log.info(...safeLine(msg)),
    warn: (...msg: unknown[]) => log.warn(...safeLine(msg)),
    error: (...msg: unknown[]) => log.error(...safeLine(msg)),
    setLevel: () => {},
    getLevel: () => levelOf(log),
    setName: (name: string) => {
      log = logger.child({ component: 'slack-sdk', sdk: name });
    },
  };
}
