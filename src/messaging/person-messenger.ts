// The port for a message to one person outside the scheduler's rounds (a student's cry for help to
// their instructor, say): the person is named, not an address. It goes to their account on the first
// platform, in preference order, that has a messenger; the app builds it from the configured
// messengers and the people's linked identities.
import type { Platform } from '../conversation/incoming.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Messenger, OutboundAddress, SendOptions } from './messenger.ts';

export type PersonSendResult =
  | { ok: true; platform: Platform }
  /** No linked account at all, or accounts only on platforms without a messenger here. */
  | { ok: false; reason: 'no-account' | 'no-channel' }
  | { ok: false; reason: 'send-failed'; detail: string };

export interface PersonMessenger {
  send(personId: string, replies: Reply[], options?: SendOptions): Promise<PersonSendResult>;
}

export interface PersonMessengerDeps {
  /** Read at each send: the platforms' messengers may be created after the chat core that uses this. */
  messengers: () => readonly Messenger[];
  /** The person's linked accounts, oldest first. */
  addressesOf: (personId: string) => Promise<OutboundAddress[]>;
  preference?: readonly Platform[];
}

const DEFAULT_PREFERENCE: readonly Platform[] = ['slack', 'teams', 'local'];

export function createPersonMessenger(deps: PersonMessengerDeps): PersonMessenger {
  const preference = deps.preference ?? DEFAULT_PREFERENCE;
  return {
    async send(personId, replies, options) {
      const addresses = await deps.addressesOf(personId);
      if (addresses.length === 0) return { ok: false, reason: 'no-account' };
      const messengers = deps.messengers();
      for (const platform of preference) {
        const messenger = messengers.find((m) => m.platform === platform);
        const address = addresses.find((a) => a.platform === platform);
        if (!messenger || !address) continue;
        try {
          const result = await messenger.send(address, replies, options);
          if (result.ok) return { ok: true, platform };
          return { ok: false, reason: 'send-failed', detail: result.reason };
        } catch (error) {
          return { ok: false, reason: 'send-failed', detail: error instanceof Error ? error.name : 'error' };
        }
      }
      return { ok: false, reason: 'no-channel' };
    },
  };
}
