// Where the Slack adapter keeps each user's DM channel id (`D…`): learned from chat.postMessage's
// answers and from the user's own DMs, needed to read the DM back (conversations.history takes a
// channel, never a user id, and the app may not open conversations). The database repo
// (src/storage/slack-dm-channel-repo.ts) implements this; the in-memory one is for tests and starts
// without a database, and forgets everything on restart.

import type { SlackDmChannelRepo } from '../../storage/delivery-channels.ts';

export type { SlackDmChannelRepo } from '../../storage/delivery-channels.ts';

/** Slack's ids of direct-message channels start with D; anything else cannot be the bot's DM. */
export function isDmChannelId(channelId: string): boolean {
  return /^D[A-Z0-9]+$/.test(channelId);
}

export function createInMemoryDmChannels(): SlackDmChannelRepo {
  const channels = new Map<string, string>();
  const key = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;
  return {
    async remember(tenantId, userId, channelId) {
      channels.set(key(tenantId, userId), channelId);
    },
    async find(tenantId, userId) {
      return channels.get(key(tenantId, userId));
    },
  };
}
