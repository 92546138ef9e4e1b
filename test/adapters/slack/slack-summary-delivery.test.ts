// Weekly summaries delivered on Slack end to end: the demo school, the real scheduler and the real Slack
// messenger (createSlackAdapter's outbound client) against the fake Web API. On Friday at 14:00 in
// Helsinki Mikko and Liisa get their summaries and Aino her recap as DMs posted to their user ids; a
// second pass sends nothing again; a 429 with Retry-After on the first post is waited out and the
// summary goes once, later.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSlackAdapter } from '../../../src/adapters/slack/index.ts';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { createScheduler, type PassReport } from '../../../src/scheduling/index.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { createTestClock, openTestDatabase, silentLogger, type TestDatabase } from '../../storage/backends.ts';
import { FAKE_TEAM_ID, startFakeSlackApi, type FakeSlackApi, type RecordedCall } from '../../support/fake-slack-api.ts';
import { buildRealCore } from '../../support/core.ts';
import { createScheduledMessages } from '../../../src/scheduled-messages.ts';

/** Friday 27 November 2026, 14:00 in Helsinki: the default summary moment. */
const FRIDAY_14 = '2026-11-27T12:00:00Z';
const WEEK = '2026-11-23';
const BOT_TOKEN = 'xoxb-summary-test';
const SIGNING_SECRET = 'summary-test-signing-secret';

/** Slack accounts for three of the demo people; Ville and Sanna have only the local chat. */
const SLACK_IDS = { aino: 'UDEMOAINO', mikko: 'UDEMOMIKKO', liisa: 'UDEMOLIISA' } as const;

const metadataSchema = z.object({ event_type: z.literal('osaava_delivery'), event_payload: z.object({ key: z.string() }) });
const keyOf = (call: RecordedCall): string => metadataSchema.parse(call.args.metadata).event_payload.key;
const text = (value: unknown): string => JSON.stringify(value);
/** "Näyttöä kertynyt yhteensä *21/25*" (Block Kit mrkdwn bold) → 21. */
const evidenceTotal = (call: RecordedCall): number => Number(/yhteensä \*(\d+)\/25\*/.exec(text(call.args.blocks))?.[1] ?? Number.NaN);

interface World {
  database: TestDatabase;
  fake: FakeSlackApi;
  core: ChatCore;
  run(iso: string): Promise<PassReport>;
  /** Passes at `iso` and each second after it for `seconds`: summaries sent in all. */
  runFor(iso: string, seconds: number): Promise<number>;
  posts(): RecordedCall[];
  close(): Promise<void>;
}

/** The production composition (src/app.ts) on a test database, with Slack pointed at the fake. */
async function startWorld(): Promise<World> {
  const database = await openTestDatabase('pglite');
  await seedDemo(database.db, { today: FRIDAY_14.slice(0, 10) });
  // The workspace is the one the bot token belongs to (auth.test's team_id), as the adapter links users itself.
  for (const [personId, slackId] of Object.entries(SLACK_IDS)) {
    await database.db.insertInto('identity').values({ platform: 'slack', tenant_id: FAKE_TEAM_ID, external_id: slackId, person_id: personId }).execute();
  }
  const fake = await startFakeSlackApi();
  for (const id of Object.values(SLACK_IDS)) fake.addUser({ id, locale: 'fi-FI' });

  const clock = createTestClock(FRIDAY_14);
  const { core, store, kb, calendar } = buildRealCore(database.db, clock);
  const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, core, logger: silentLogger });
  await adapter.start();
  // Default options: Slack's adaptive workspace rate (it starts slow: a pass at one instant sends what
  // its first tokens allow, the rest wait in the table for the next second) and the Friday 14:00 summary time.
  const scheduler = createScheduler({ store, messengers: [adapter.messenger], calendar, ...createScheduledMessages({ store, kb, calendar, logger: silentLogger }), clock, logger: silentLogger });
  return {
    database,
    fake,
    core,
    run(iso) {
      clock.set(iso);
      return scheduler.runOnce(new Date(iso));
    },
    async runFor(iso, seconds) {
      let sent = 0;
      for (let s = 0; s <= seconds; s += 1) {
        const at = new Date(Date.parse(iso) + s * 1000).toISOString();
        clock.set(at);
        sent += (await scheduler.runOnce(new Date(at))).delivery.sent.summary;
      }
      return sent;
    },
    posts: () => fake.callsTo('chat.postMessage'),
    async close() {
      await adapter.stop();
      await fake.close();
      await database.close();
    },
  };
}

// A fresh school per test: PGlite and the seed are the slow part, so they start in the hook.
let w: World;
beforeEach(async () => {
  w = await startWorld();
}, 60_000);
afterEach(async () => w?.close());

/** Several scheduler passes over an embedded database: generous when the machine is busy. */
const SLOW = 60_000;

describe('weekly summaries on Slack', () => {
  it('posts the instructor’s and the teacher’s summaries and the student’s recap to their user ids, once', async () => {
    const before = await w.run('2026-11-27T11:59:00Z');
    expect(before.summaries).toBe(5); // aino, ville (recaps), mikko, sanna (instructors), liisa (teacher)
    expect(w.posts()).toEqual([]);

    expect(await w.runFor(FRIDAY_14, 5)).toBe(3);
    const posts = w.posts();
    expect(new Set(posts.map(keyOf))).toEqual(
      new Set([`summary:instructor:mikko:${WEEK}`, `summary:teacher:liisa:${WEEK}`, `summary:student:aino:${WEEK}`]),
    );
    // A DM is posted straight to the user id: Slack opens the conversation itself.
    expect(w.fake.callsTo('conversations.open')).toEqual([]);
    for (const post of posts) {
      expect(post.token).toBe(BOT_TOKEN);
      expect(Array.isArray(post.args.blocks)).toBe(true);
    }

    const to = (userId: string) => posts.filter((p) => p.args.channel === userId);
    const mikko = text(to(SLACK_IDS.mikko).map((p) => p.args.blocks));
    expect(mikko).toContain('Viikkokooste');
    expect(mikko).toContain('Työpaikkaohjaajana: 1 opiskelija');
    expect(mikko).toContain('Aino Virtanen · Kodin Tekniikka Oy');
    expect(mikko).toMatch(/Päivän kyselyihin vastattu \*\d\/\d\*/);
    expect(mikko).toMatch(/Näyttöä kertynyt yhteensä \*\d+\/25\*/);
    expect(mikko).not.toContain('Ville');

    const liisa = text(to(SLACK_IDS.liisa).map((p) => p.args.blocks));
    expect(liisa).toContain('Opettajana: 2 opiskelijaa');
    expect(liisa).toContain('Aino Virtanen');
    expect(liisa).toContain('Ville Mäkinen');
    expect(liisa).toMatch(/Näyttöä kertynyt yhteensä \*\d+\/25\*/);

    const ainoPosts = to(SLACK_IDS.aino);
    const aino = text(ainoPosts.map((p) => p.args.blocks));
    expect(aino).toContain('Viikkosi');
    expect(aino).toContain('Kodin Tekniikka Oy');
    expect(aino).not.toContain('Ville');
    expect(aino).not.toContain('Lahden Tilitoimisto');

    // Aino's total is the one her progress shows (computed by another path), in all three messages about her.
    const progress = (await w.core.handle({ platform: 'local', userId: 'aino', tenantId: '', text: 'edistymiseni' })).map(renderPlainText).join('\n');
    const shown = Number(/(\d+)\/25/.exec(progress)?.[1]);
    expect(shown).toBeGreaterThan(0);
    const ainoTotal = ainoPosts.map(evidenceTotal).find((n) => !Number.isNaN(n));
    expect(ainoTotal).toBe(shown);
    expect(mikko).toContain(`yhteensä *${shown}/25*`);

    // Ville and Sanna have no Slack account: nothing is posted for them, and their rows are settled, not retried.
    const rows = await w.database.db.selectFrom('summary_delivery').select(['recipient_id', 'status', 'skip_reason']).orderBy('recipient_id').execute();
    expect(rows).toEqual([
      { recipient_id: 'aino', status: 'sent', skip_reason: null },
      { recipient_id: 'liisa', status: 'sent', skip_reason: null },
      { recipient_id: 'mikko', status: 'sent', skip_reason: null },
      { recipient_id: 'sanna', status: 'skipped', skip_reason: 'no-channel:local' },
      { recipient_id: 'ville', status: 'skipped', skip_reason: 'no-channel:local' },
    ]);

    // Again, at once and later in the afternoon: nothing is sent twice (Aino's 15:30 check-in is not due yet).
    const count = posts.length;
    const again = await w.run(FRIDAY_14);
    const later = await w.run('2026-11-27T13:00:00Z');
    expect(again.delivery.sent.summary + later.delivery.sent.summary).toBe(0);
    expect(w.posts()).toHaveLength(count);
  }, SLOW);

  it('honours a 429 with Retry-After on the first summary post: delivered after it, exactly once', async () => {
    w.fake.failNext('chat.postMessage', { kind: 'rate-limited', retryAfterSec: 30 });

    const first = await w.run(FRIDAY_14);
    const [refused, ...rest] = w.posts();
    if (!refused) throw new Error('no summary post was attempted');
    const limitedKey = keyOf(refused);
    expect(first.delivery.sent.summary).toBe(rest.length);
    expect(rest.map(keyOf)).not.toContain(limitedKey);
    const row = await w.database.db
      .selectFrom('summary_delivery')
      .select(['status', 'attempts', 'due_at', 'last_error'])
      .where('recipient_id', '=', limitedKey.split(':')[2] ?? '')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    expect(row.due_at.toISOString()).toBe('2026-11-27T12:00:30.000Z');
    expect(row.last_error).toContain('rate-limited');

    // Before the Retry-After has passed nothing goes to the workspace.
    const attempted = w.posts().length;
    const early = await w.run('2026-11-27T12:00:20Z');
    expect(early.delivery.sent.summary).toBe(0);
    expect(w.posts()).toHaveLength(attempted);

    expect(await w.runFor('2026-11-27T12:00:31Z', 5)).toBe(3 - rest.length);
    const retried = w.posts().slice(attempted);
    expect(retried.map(keyOf)).toContain(limitedKey);
    expect(retried[0]?.args.channel).toBe(refused.args.channel);

    // Every summary exactly once among the accepted posts; later passes add nothing.
    await w.run('2026-11-27T12:05:00Z');
    const accepted = w.posts().slice(1).map(keyOf);
    expect(accepted.filter((k) => k === limitedKey)).toHaveLength(1);
    expect(new Set(accepted)).toEqual(new Set([`summary:instructor:mikko:${WEEK}`, `summary:teacher:liisa:${WEEK}`, `summary:student:aino:${WEEK}`]));
    expect(accepted).toHaveLength(new Set(accepted).size);
    const sent = await w.database.db.selectFrom('summary_delivery').select('recipient_id').where('status', '=', 'sent').execute();
    expect(sent.map((r) => r.recipient_id).sort()).toEqual(['aino', 'liisa', 'mikko']);
  }, SLOW);
});
