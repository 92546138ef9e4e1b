// One Osaava scheduler instance of the fan-out benchmark: the real scheduler with its default
// (adaptive) rate settings, sending through the real Slack messenger (Web API client) or the real
// Teams messenger (Agents SDK CloudAdapter, anonymous, against a local connector) until every
// check-in of the day is settled. Run in the bench process (PGlite) or as a process of its own
// (`node --import tsx bench/fanout-instance.ts '<json>'`, PostgreSQL), printing its tally as JSON.
import { CloudAdapter, OutboundHostValidator } from '@microsoft/agents-hosting';
import { webApi } from '@slack/bolt';
import { sql } from 'kysely';
import { z } from 'zod';
import { createBoltLogger } from '../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../src/adapters/slack/client-options.ts';
import { createSlackMessenger } from '../src/adapters/slack/slack-messenger.ts';
import { toAuthConfiguration } from '../src/adapters/teams/auth-config.ts';
import { createInMemoryConversationReferenceStore } from '../src/adapters/teams/conversation-references.ts';
import { createTeamsMessenger } from '../src/adapters/teams/teams-messenger.ts';
import { createWorkCalendar } from '../src/calendar/index.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { createLogger } from '../src/logging/logger.ts';
import type { Messenger } from '../src/messaging/messenger.ts';
import { createScheduledMessages } from '../src/scheduled-messages.ts';
import { createScheduler } from '../src/scheduling/index.ts';
import { createDatabase, type Database } from '../src/storage/index.ts';
import { createStore } from '../src/storage/store.ts';

export const instanceConfigSchema = z.object({
  platform: z.enum(['slack', 'teams']),
  /** The stand-in's base URL. */
  url: z.string(),
  tenantId: z.string(),
  placements: z.number().int().positive(),
  /** Real epoch ms at which the bench's 15:00 happened; the instance's clock runs from there. */
  startedAtMs: z.number(),
  dueAt: z.string(),
  localDate: z.string(),
  instanceId: z.string(),
  /** Stop trying after this many real ms (a failed run must end). */
  giveUpAfterMs: z.number().positive(),
  databaseUrl: z.string().optional(),
  schema: z.string().optional(),
});
export type InstanceConfig = z.infer<typeof instanceConfigSchema>;

/** What one instance did, printed by its process as one JSON line. */
export const instanceTallySchema = z.object({
  instanceId: z.string(),
  sent: z.number(),
  rateLimited: z.number(),
  deferred: z.number(),
  failed: z.number(),
  uncertain: z.number(),
  passes: z.number(),
});
export type InstanceTally = z.infer<typeof instanceTallySchema>;

const BOT_ID = '28:osaava-bench';

function messengerFor(config: InstanceConfig): Messenger {
  const logger = createLogger({ level: 'silent' });
  if (config.platform === 'slack') {
    const client = new webApi.WebClient('xoxb-bench', webClientOptions({ apiUrl: `${config.url}api/`, logger: createBoltLogger(logger), purpose: 'outbound' }));
    return createSlackMessenger({ client, logger });
  }
  const adapter = new CloudAdapter(toAuthConfiguration(undefined), undefined, undefined, { validateServiceUrl: true }, new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: ['127.0.0.1'] }));
  const references = createInMemoryConversationReferenceStore();
  const updatedAt = new Date();
  for (let i = 0; i < config.placements; i++) {
    void references.save({ tenantId: config.tenantId, aadObjectId: userIdOf('teams', i), teamsUserId: `29:bench-${i}`, conversationId: `a:bench-${i}`, serviceUrl: config.url, channelId: 'msteams', botId: BOT_ID, updatedAt });
  }
  return createTeamsMessenger({ adapter, appId: undefined, references, logger, now: () => new Date(), botId: BOT_ID });
}

/** The platform user id of the bench's student `i`: a Slack user id, or an Entra object id. */
export function userIdOf(platform: 'slack' | 'teams', i: number): string {
  return platform === 'slack' ? `U${String(i).padStart(6, '0')}` : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

export async function runInstance(config: InstanceConfig, database: Database): Promise<InstanceTally> {
  const logger = createLogger({ level: 'silent' });
  const realStart = config.startedAtMs;
  const benchStart = Date.parse(config.dueAt);
  const clock = { now: () => new Date(benchStart + (Date.now() - realStart)) };
  const store = createStore(database.db, clock);
  const calendar = createWorkCalendar();
  const scheduler = createScheduler({
    store,
    messengers: [messengerFor(config)],
    calendar,
    ...createScheduledMessages({ store, kb: loadKnowledgeBase('knowledge'), calendar, logger }),
    clock,
    logger,
    instanceId: config.instanceId,
  });
  const tally: InstanceTally = { instanceId: config.instanceId, sent: 0, rateLimited: 0, deferred: 0, failed: 0, uncertain: 0, passes: 0 };
  while (Date.now() - realStart < config.giveUpAfterMs) {
    const { delivery } = await scheduler.deliverDue();
    tally.passes += 1;
    tally.sent += delivery.sent.checkin;
    tally.rateLimited += delivery.rateLimited;
    tally.deferred += delivery.deferred;
    tally.failed += delivery.failed;
    tally.uncertain += delivery.uncertain;
    const left = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM checkin WHERE local_date = ${config.localDate}::date AND status IN ('pending', 'sending')
    `.execute(database.db);
    if (Number(left.rows[0]?.n ?? 0) === 0) break;
    // Another instance holds the rest, or they wait for a Retry-After: look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return tally;
}

if (process.argv[1] === import.meta.filename) {
  const config = instanceConfigSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const logger = createLogger({ level: 'silent' });
  const database = await createDatabase({ ...(config.databaseUrl ? { url: config.databaseUrl } : {}), dataDir: '', logger, ...(config.schema ? { schema: config.schema } : {}) });
  try {
    process.stdout.write(`${JSON.stringify(await runInstance(config, database))}\n`);
  } finally {
    await database.close();
  }
}
