// Where a person's scheduled messages go: their account on the preferred platform that has a
// messenger. A person with no account at all is unreachable (reported); one whose accounts are
// only on platforms without outbound messages (the local web chat) is simply not messaged.
import type { Kysely } from 'kysely';
import type { Platform } from '../conversation/incoming.ts';
import type { Messenger, OutboundAddress } from '../messaging/messenger.ts';
import type { DatabaseSchema } from '../storage/schema.ts';

export type Route =
  | { kind: 'route'; address: OutboundAddress; messenger: Messenger }
  | { kind: 'no-account' }
  | { kind: 'no-channel'; platforms: Platform[] };

export async function loadAddresses(db: Kysely<DatabaseSchema>, personIds: readonly string[]): Promise<Map<string, OutboundAddress[]>> {
  const byPerson = new Map<string, OutboundAddress[]>();
  if (personIds.length === 0) return byPerson;
  const rows = await db
    .selectFrom('identity')
    .select(['person_id', 'platform', 'tenant_id', 'external_id'])
    .where('person_id', 'in', [...new Set(personIds)])
    // The newest link first: a person's newer account (the old one deactivated) is the one in use.
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push({ platform: row.platform, tenantId: row.tenant_id, userId: row.external_id });
    byPerson.set(row.person_id, list);
  }
  return byPerson;
}

export function chooseRoute(
  addresses: readonly OutboundAddress[] | undefined,
  messengers: ReadonlyMap<Platform, Messenger>,
  preference: readonly Platform[],
): Route {
  if (!addresses || addresses.length === 0) return { kind: 'no-account' };
  for (const platform of preference) {
    const messenger = messengers.get(platform);
    const address = addresses.find((a) => a.platform === platform);
    if (messenger && address) return { kind: 'route', address, messenger };
  }
  return { kind: 'no-channel', platforms: [...new Set(addresses.map((a) => a.platform))] };
}

/** The rate-limiter key of an address: one bucket per workspace (Slack) or tenant (Teams). */
export function rateKey(address: OutboundAddress): string {
  return `${address.platform}:${address.tenantId}`;
}
