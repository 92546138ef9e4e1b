// Slack DM channels in the database (the adapter's SlackDmChannelRepo), so that a restarted process
// can still read a user's DM back to settle a send whose outcome was lost.
import type { Kysely } from 'kysely';
import type { SlackDmChannelRepo } from './delivery-channels.ts';
import type { DatabaseSchema } from './schema.ts';

export function createSlackDmChannelRepo(db: Kysely<DatabaseSchema>, now: () => Date = () => new Date()): SlackDmChannelRepo {
  return {
    async remember(tenantId, userId, channelId) {
      const at = now();
      await db
        .insertInto('slack_dm_channel')
        .values({ tenant_id: tenantId, user_id: userId, channel_id: channelId, updated_at: at })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ channel_id: channelId, updated_at: at }))
        .execute();
    },
    async find(tenantId, userId) {
      const row = await db.selectFrom('slack_dm_channel').select('channel_id').where('tenant_id', '=', tenantId).where('user_id', '=', userId).executeTakeFirst();
      return row?.channel_id;
    },
  };
}
