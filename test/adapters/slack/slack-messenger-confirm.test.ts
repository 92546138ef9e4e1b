// Settling a Slack DM whose answer was lost by reading the DM back (conversations.history with
// message metadata) instead of posting it again: first the messenger's `confirm` on its own against
// the fake Web API, then the real scheduler and the real adapter on a test database, where a check-in
// Slack took is confirmed without a second post and one that never arrived is sent again, normally.
import { randomBytes } from 'node:crypto';
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../../src/adapters/slack/client-options.ts';
import type { SlackDmChannelRepo } from '../../../src/adapters/slack/dm-channels.ts';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.ts';
import { createSlackMessenger, toSlackTs } from '../../../src/adapters/slack/slack-messenger.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.ts';
import type { Messenger, OutboundAddress } from '../../../src/messaging/messenger.ts';
import { claimCheckins } from '../../../src/scheduling/claims.ts';
import { createSlackDmChannelRepo } from '../../../src/storage/slack-dm-channel-repo.ts';
import { createHarness, resetTables, type Harness } from '../../scheduling/harness.ts';
import { describeEachBackend, useTestDatabase } from '../../storage/backends.ts';
import { FAKE_TEAM_ID, startFakeSlackApi, type FakeFailure, type FakeSlackApi, type RecordedCall } from '../../support/fake-slack-api.ts';
import { silentLogger } from '../../support/knowledge.ts';
import { BOT_TOKEN, capturingLogger, createFixtureCore, dmEvent, INSTRUCTOR, message, SIGNING_SECRET, signatureHeaders, STUDENT } from './fixtures.ts';

const to: OutboundAddress = { platform: 'slack', tenantId: FAKE_TEAM_ID, userId: STUDENT.id };
const AINO_DM = `D${STUDENT.id.slice(1)}`;
const weekly = [message('fi', 'Viikkokooste: 3 reflektiota, 2 havaintoa.')];
const longReply = [{ ...message('fi', 'x'), blocks: Array.from({ length: 60 }, (_, i) => ({ type: 'paragraph' as const, text: `kappale ${i}` })) }];

const metadataSchema = z.object({ event_type: z.literal('osaava_delivery'), event_payload: z.object({ key: z.string() }) });
const keyOf = (call: RecordedCall): string | undefined => metadataSchema.safeParse(call.args.metadata).data?.event_payload.key;

interface Setup {
  fake: FakeSlackApi;
  messenger: Messenger;
  /** The fake's clock: message timestamps are taken from it. */
  setNow(iso: string): void;
}

async function setUp(opts: { logger?: Logger; dmChannels?: SlackDmChannelRepo } = {}): Promise<Setup> {
  let now = new Date('2026-11-02T13:00:00Z');
  const fake = await startFakeSlackApi({ now: () => now });
  fake.addUser(STUDENT);
  fake.addUser(INSTRUCTOR);
  const logger = opts.logger ?? silentLogger();
  const client = new webApi.WebClient(BOT_TOKEN, webClientOptions({ apiUrl: fake.apiUrl, logger: createBoltLogger(logger), purpose: 'outbound' }));
  const messenger = createSlackMessenger({ client, logger, ...(opts.dmChannels ? { dmChannels: opts.dmChannels } : {}) });
  return {
    fake,
    messenger,
    setNow(iso) {
      now = new Date(iso);
    },
  };
}

function confirmOf(messenger: Messenger): NonNullable<Messenger['confirm']> {
  if (!messenger.confirm) throw new Error('the Slack messenger should be able to confirm');
  return messenger.confirm.bind(messenger);
}

const SINCE = new Date('2026-11-01T13:00:00Z');

describe('the Slack messenger confirming a lost DM', () => {
  let s: Setup;
  beforeEach(async () => {
    s = await setUp();
  });
  afterEach(async () => s.fake.close());

  it('says delivered when Slack took the post but the answer was lost, reading the DM with metadata', async () => {
    await s.messenger.send(to, weekly); // an earlier DM: the channel is known from its answer
    s.fake.failNext('chat.postMessage', { kind: 'accept-then-drop' });
    expect(await s.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-11-02' })).toMatchObject({ ok: false, reason: 'uncertain' });
    expect(s.fake.history(AINO_DM)).toHaveLength(2);

    expect(await confirmOf(s.messenger)(to, 'checkin:pl_1:2026-11-02', SINCE)).toBe('delivered');
    const [read] = s.fake.callsTo('conversations.history');
    expect(read?.args).toMatchObject({ channel: AINO_DM, include_all_metadata: 'true' });
    // A little earlier than asked (Slack's clock is not ours), never later.
    expect(Number(read?.args.oldest)).toBeLessThan(Number(toSlackTs(SINCE)));
    expect(Number(read?.args.oldest)).toBeGreaterThan(Number(toSlackTs(SINCE)) - 3600);
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('says not-delivered when the DM was read to the end and no message carries the key', async () => {
    await s.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-11-01' });
    s.fake.failNext('chat.postMessage', { kind: 'drop' });
    expect(await s.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-11-02' })).toMatchObject({ ok: false, reason: 'uncertain' });

    expect(await confirmOf(s.messenger)(to, 'checkin:pl_1:2026-11-02', SINCE)).toBe('not-delivered');
    expect(await confirmOf(s.messenger)(to, 'checkin:pl_1:2026-11-01', SINCE)).toBe('delivered');
  });

  it('looks back only to `since`: an older message with the key is not this delivery', async () => {
    s.setNow('2026-10-20T13:00:00Z');
    await s.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-10-20' });
    expect(await confirmOf(s.messenger)(to, 'checkin:pl_1:2026-10-20', SINCE)).toBe('not-delivered');
    expect(await confirmOf(s.messenger)(to, 'checkin:pl_1:2026-10-20', new Date('2026-10-20T12:00:00Z'))).toBe('delivered');
  });

  it('says unknown, without asking Slack, for a user whose DM it has never seen', async () => {
    await s.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-11-02' });
    const mikko: OutboundAddress = { platform: 'slack', tenantId: FAKE_TEAM_ID, userId: INSTRUCTOR.id };
    expect(await confirmOf(s.messenger)(mikko, 'checkin:pl_1:2026-11-02', SINCE)).toBe('unknown');
    // The same user id in another workspace is another person.
    expect(await confirmOf(s.messenger)({ ...to, tenantId: 'T0OTHER' }, 'checkin:pl_1:2026-11-02', SINCE)).toBe('unknown');
    expect(s.fake.callsTo('conversations.history')).toEqual([]);
  });

  it('pages through a busy DM, and says unknown when the key lies beyond what it may read', async () => {
    await s.messenger.send(to, weekly, { deliveryKey: 'summary:student:aino:2026-10-26' });
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: s.fake.apiUrl, retryConfig: { retries: 0 } });
    const chatter = async (count: number) => {
      for (let i = 0; i < count; i += 50) {
        await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => client.chat.postMessage({ channel: AINO_DM, text: `viesti ${i + j}` })));
      }
    };
    await chatter(450); // the key is on the third page of 200
    expect(await confirmOf(s.messenger)(to, 'summary:student:aino:2026-10-26', SINCE)).toBe('delivered');
    expect(s.fake.callsTo('conversations.history').map((c) => c.args.cursor)).toEqual([undefined, 'offset:200', 'offset:400']);

    await chatter(200); // now on the fourth: not read, so not known
    const before = s.fake.callsTo('conversations.history').length;
    expect(await confirmOf(s.messenger)(to, 'summary:student:aino:2026-10-26', SINCE)).toBe('unknown');
    expect(s.fake.callsTo('conversations.history').length - before).toBe(3);
  });

  it('says delivered for a long reply only when every part arrived, unknown when only some did', async () => {
    await s.messenger.send(to, longReply, { deliveryKey: 'summary:teacher:liisa:2026-11-23' });
    expect(s.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(await confirmOf(s.messenger)(to, 'summary:teacher:liisa:2026-11-23', SINCE)).toBe('delivered');

    // The first part goes through, the second hits a rate limit: resending would repeat the first.
    s.fake.failNext('chat.postMessage', { kind: 'rate-limited', retryAfterSec: 5 }, 1, 1);
    expect(await s.messenger.send(to, longReply, { deliveryKey: 'summary:teacher:liisa:2026-11-30' })).toMatchObject({ ok: false, reason: 'uncertain' });
    expect(await confirmOf(s.messenger)(to, 'summary:teacher:liisa:2026-11-30', SINCE)).toBe('unknown');
  });

  it('still reports a post as delivered when remembering its channel fails', async () => {
    const broken: SlackDmChannelRepo = {
      remember: () => Promise.reject(new Error('database is down')),
      find: () => Promise.reject(new Error('database is down')),
    };
    const other = await setUp({ dmChannels: broken });
    try {
      expect(await other.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-11-02' })).toMatchObject({ ok: true });
      expect(await confirmOf(other.messenger)(to, 'checkin:pl_1:2026-11-02', SINCE)).toBe('unknown');
    } finally {
      await other.fake.close();
    }
  });
});

describe('the Slack messenger when conversations.history fails', () => {
  it.each<[string, FakeFailure]>([
    ['missing_scope', { kind: 'error', error: 'missing_scope' }],
    ['channel_not_found', { kind: 'error', error: 'channel_not_found' }],
    ['a 429', { kind: 'rate-limited', retryAfterSec: 60 }],
    ['HTTP 500', { kind: 'http', status: 500 }],
    ['a dropped connection', { kind: 'drop' }],
  ])('says unknown on %s, and logs a warning; no message text above debug', async (_name, failure) => {
    const log = capturingLogger();
    const s = await setUp({ logger: log.logger });
    try {
      await s.messenger.send(to, weekly, { deliveryKey: 'checkin:pl_1:2026-11-02' });
      s.fake.failNext('conversations.history', failure);
      expect(await confirmOf(s.messenger)(to, 'checkin:pl_1:2026-11-02', SINCE)).toBe('unknown');
      expect(log.has((line) => line.level === 40 && line.component === 'slack-messenger' && String(line.msg).includes('conversations.history'))).toBe(true);
      expect(JSON.stringify(log.lines.filter((line) => Number(line.level) > 20))).not.toContain('Viikkokooste');
      expect(s.fake.callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      await s.fake.close();
    }
  });
});

// ---- End to end: the real scheduler, the real adapter, the database ----

const MON_1500 = '2026-11-02T13:00:00Z';

describeEachBackend('lost Slack check-ins settled by reading the DM on %s', (backend) => {
  const t = useTestDatabase(backend);
  let fake: FakeSlackApi;
  /** The harness whose clock the fake's timestamps follow (the process that is running). */
  let active: Harness | undefined;
  const running: { adapter: SlackAdapter; http: HttpServer }[] = [];

  beforeEach(async () => {
    fake = await startFakeSlackApi({ now: () => active?.clock.now() ?? new Date(MON_1500) });
  });
  afterEach(async () => {
    for (const { adapter, http } of running.splice(0)) {
      await adapter.stop();
      await http.close();
    }
    await fake.close();
    active = undefined;
    await t.db.deleteFrom('slack_dm_channel').execute();
    await resetTables(t.db);
  });

  /** One Osaava process: the Slack adapter (HTTP mode) with the database's DM channels, and a scheduler over it. */
  async function startProcess(instanceId: string): Promise<{ h: Harness; messenger: Messenger; postEvent(body: unknown): Promise<number> }> {
    const dmChannels = createSlackDmChannelRepo(t.db, () => active?.clock.now() ?? new Date());
    const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, core: createFixtureCore(), logger: silentLogger(), dmChannels });
    if (!adapter.router) throw new Error('HTTP mode should give a router');
    await adapter.start();
    const http = createHttpServer({ logger: silentLogger(), mounts: [{ path: '/', router: adapter.router }] });
    const port = await http.listen(0, '127.0.0.1');
    running.push({ adapter, http });
    const h = createHarness(t.db, { messengers: [adapter.messenger], instanceId });
    active = h;
    return {
      h,
      messenger: adapter.messenger,
      async postEvent(body) {
        const raw = JSON.stringify(body);
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(raw) }, body: raw });
        return res.status;
      },
    };
  }

  /** A student on Slack in the fake's workspace, with a one-day placement on Monday 2 November. */
  async function student(h: Harness): Promise<{ slackId: string; dm: string; placementId: string; key: string }> {
    const slackId = `U${randomBytes(4).toString('hex').toUpperCase()}`;
    fake.addUser({ id: slackId, locale: 'fi-FI' });
    const personId = await h.person({ slack: null });
    await t.db.insertInto('identity').values({ platform: 'slack', tenant_id: FAKE_TEAM_ID, external_id: slackId, person_id: personId }).execute();
    const placementId = await h.placement({ studentId: personId, startDate: '2026-11-02', endDate: '2026-11-02' });
    return { slackId, dm: `D${slackId.slice(1)}`, placementId, key: `checkin:${placementId}:2026-11-02` };
  }

  /** The student writes to the bot in the morning: the adapter learns the DM channel from the event. */
  async function writesToBot(p: { postEvent(body: unknown): Promise<number>; h: Harness }, slackId: string, dm: string): Promise<void> {
    p.h.clock.set('2026-11-02T08:00:00Z');
    expect(await p.postEvent(dmEvent({ user: slackId, text: 'mitä arvosanaan 4 vaaditaan?' }))).toBe(200);
    await fake.waitFor('chat.postMessage', (c) => c.args.channel === dm, 10_000);
    expect(await createSlackDmChannelRepo(t.db).find(FAKE_TEAM_ID, slackId)).toBe(dm);
  }

  const checkinPosts = (key: string) => fake.callsTo('chat.postMessage').filter((c) => keyOf(c)?.startsWith(key));
  const checkinRow = (placementId: string) =>
    t.db.selectFrom('checkin').select(['status', 'resolution', 'last_error']).where('placement_id', '=', placementId).executeTakeFirstOrThrow();

  const arrivedWith = (dm: string, key: string) => fake.history(dm).filter((m) => metadataSchema.safeParse(m.metadata).data?.event_payload.key.startsWith(key));

  it('confirms a check-in Slack took but whose answer was lost, without posting it again', async () => {
    const p = await startProcess('only');
    const s = await student(p.h);
    await writesToBot(p, s.slackId, s.dm);

    fake.failNext('chat.postMessage', { kind: 'accept-then-drop' });
    const report = await p.h.run(MON_1500);
    expect(report.delivery.sent.checkin).toBe(0);
    expect(await checkinRow(s.placementId)).toMatchObject({ status: 'sent', resolution: 'checkin:confirmed' });
    expect(fake.callsTo('conversations.history').map((c) => c.args)).toEqual([expect.objectContaining({ channel: s.dm, include_all_metadata: 'true' })]);

    await p.h.run('2026-11-02T13:05:00Z');
    expect(checkinPosts(s.key).map(keyOf)).toEqual([s.key]);
    expect(arrivedWith(s.dm, s.key)).toHaveLength(1);
  }, 60_000);

  it('sends a check-in that never reached Slack again, once, as the normal check-in', async () => {
    const p = await startProcess('only');
    const s = await student(p.h);
    await writesToBot(p, s.slackId, s.dm);

    fake.failNext('chat.postMessage', { kind: 'drop' });
    await p.h.run(MON_1500);
    await p.h.run('2026-11-02T13:05:00Z');

    expect(fake.callsTo('conversations.history').map((c) => c.args.channel)).toEqual([s.dm]);
    // Two attempts at the same check-in (the dropped one and the resend), no notice variant.
    expect(checkinPosts(s.key).map(keyOf)).toEqual([s.key, s.key]);
    expect(arrivedWith(s.dm, s.key)).toHaveLength(1);
    expect(JSON.stringify(checkinPosts(s.key)[1]?.args.blocks)).not.toContain('voit ohittaa tämän viestin');
    expect(await checkinRow(s.placementId)).toMatchObject({ status: 'sent', resolution: null });
  }, 60_000);

  it('confirms from the database after a restart: a process died after Slack took its check-in', async () => {
    const first = await startProcess('first');
    const s = await student(first.h);
    await writesToBot(first, s.slackId, s.dm);
    await first.h.run('2026-11-02T08:00:00Z'); // plan only
    // The first process claimed the check-in at 15:00, Slack took the post, and the process died.
    const [claimed] = await claimCheckins(t.db, { owner: 'first', until: new Date('2026-11-02T13:02:00Z') }, new Date(MON_1500), 10);
    expect(claimed?.placementId).toBe(s.placementId);
    first.h.clock.set(MON_1500);
    fake.failNext('chat.postMessage', { kind: 'accept-then-drop' });
    const address: OutboundAddress = { platform: 'slack', tenantId: FAKE_TEAM_ID, userId: s.slackId };
    expect(await first.messenger.send(address, [message('fi', 'Päivän check-in')], { deliveryKey: s.key })).toMatchObject({ ok: false, reason: 'uncertain' });

    // Another process, nothing in memory: once the lease has run out, the DM channel comes from the database.
    const restarted = await startProcess('restarted');
    await restarted.h.run('2026-11-02T13:03:00Z');
    expect(await checkinRow(s.placementId)).toMatchObject({ status: 'sent', resolution: 'checkin:confirmed' });
    expect(fake.callsTo('conversations.history').map((c) => c.args.channel)).toEqual([s.dm]);
    expect(checkinPosts(s.key)).toHaveLength(1);
    expect(arrivedWith(s.dm, s.key)).toHaveLength(1);
  }, 60_000);
});
