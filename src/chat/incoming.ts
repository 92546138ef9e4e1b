// A message as the core sees it, whatever platform it came from.
import type { Lang } from './reply.ts';

export type Platform = 'local' | 'slack' | 'teams';

export interface IncomingMessage {
  platform: Platform;
  /** The platform's user id (local id, Slack user id, Teams AAD object id). */
  userId: string;
  /** Slack team id or Teams tenant id; empty for the local chat. */
  tenantId: string;
  text: string;
  /** The platform's idea of the user's language, used when the text does not show one. */
  localeHint?: Lang;
}
