// Bolt and its Web API client log through this bridge into our pino logger. Bolt tries to set its own
// level; pino's configured level stays in charge.
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

export function createBoltLogger(logger: Logger): BoltLogger {
  let log = logger.child({ component: 'slack-sdk' });
  return {
    debug: (...msg: unknown[]) => {
      if (log.isLevelEnabled('debug')) log.debug(joinMessage(msg));
    },
    info: (...msg: unknown[]) => log.info(joinMessage(msg)),
    warn: (...msg: unknown[]) => log.warn(joinMessage(msg)),
    error: (...msg: unknown[]) => log.error(joinMessage(msg)),
    setLevel: () => {},
    getLevel: () => levelOf(log),
    setName: (name: string) => {
      log = logger.child({ component: 'slack-sdk', sdk: name });
    },
  };
}
