// The real thing on the embedded database: pg-boss's tick and deliver jobs, the Slack messenger and
// its Web API client, against a local chat.postMessage that answers 429 + Retry-After.
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../src/adapters/slack/client-options.ts';
import { createSlackMessenger } from '../../src/adapters/slack/slack-messenger.ts';
import { createWorkCalendar } from '../../src/calendar/index.ts';
import { createScheduler, type Scheduler } from '../../src/scheduling/index.ts';
import { createDatabase, type Database, MEMORY_DATA_DIR } from '../../src/storage/index.ts';
import { createStore } from '../../src/storage/store.ts';
import { silentLogger } from '../storage/backends.ts';
import { realKnowledge } from '../support/knowledge.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack-post-message.ts';
import { createHarness } from './harness.ts';
import { createScheduledMessages } from '../../src/scheduled-messages.ts';

const STUDENTS = 30;

describe('the scheduler on pg-boss (PGlite) against a rate-limited Slack', () => {
  let database: Database;
  let slack: FakeSlack;
  let scheduler: Scheduler;

  beforeAll(async () => {
    database = await createDatabase({ dataDir: MEMORY_DATA_DIR, logger: silentLogger });
    slack = await startFakeSlack({ perSecond: 20, burst: 5, retryAfterSeconds: 1 });
  }, 60_000);
  afterAll(async () => {
    await scheduler?.stop();
    await slack?.close();
    await database?.close();
  });

  it('delivers every due check-in exactly once, honouring 429 + Retry-After, then stops gracefully', async () => {
    // Real time, moved to Monday 2 November 2026 just after 15:00 in Helsinki.
    const offset = Date.parse('2026-11-02T13:00:05Z') - Date.now();
    const clock = { now: () => new Date(Date.now() + offset) };
    const h = createHarness(database.db);
    for (let i = 0; i < STUDENTS; i++) {
      const student = await h.person({ slack: `U${String(i).padStart(3, '0')}` });
      await h.placement({ studentId: student, startDate: '2026-11-02', endDate: '2026-11-06' });
    }
    const client = new webApi.WebClient('xoxb-test', webClientOptions({ apiUrl: slack.apiUrl, logger: createBoltLogger(silentLogger), purpose: 'outbound' }));
    const store = createStore(database.db, clock);
    const calendar = createWorkCalendar();
    scheduler = createScheduler({
      store,
      database,
      messengers: [createSlackMessenger({ client, logger: silentLogger })],
      calendar,
      ...createScheduledMessages({ store, kb: realKnowledge().kb, calendar, logger: silentLogger }),
      clock,
      logger: silentLogger,
      // Our limiter is set higher than the server's on purpose: the server's 429s must be honoured.
      options: { rateLimits: { slack: { perSecond: 100, burst: 100 } }, concurrency: 8, bossSchema: 'pgboss_test' },
    });
    await scheduler.start();
    const deadline = Date.now() + 25_000;
    while (slack.posts().length < STUDENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await scheduler.stop();

    const channels = slack.posts().map((p) => p.channel);
    expect(channels).toHaveLength(STUDENTS);
    expect(new Set(channels).size).toBe(STUDENTS);
    expect(slack.rejected()).toBeGreaterThan(0);
    const rows = await database.db.selectFrom('checkin').select(['status', 'message_ref']).where('local_date', '=', '2026-11-02').execute();
    expect(rows).toHaveLength(STUDENTS);
    expect(rows.every((r) => r.status === 'sent' && r.message_ref !== null)).toBe(true);
  }, 60_000);
});
