// Each Slack event is acted on once (issue 13, Slack: "Each event is acted on once"). Slack redelivers an
// event with the same `event_id`:
// - over HTTP with the headers X-Slack-Retry-Num (1, 2, 3) and X-Slack-Retry-Reason (`http_timeout`,
//   `http_error`, …), as Slack's docs describe them (docs.slack.dev/apis/events-api/using-http-request-urls,
//   "Retries") and as bolt-js reads them (src/receivers/HTTPModuleFunctions.ts, extractRetryNumFromHTTPRequest);
// - in Socket Mode as an `events_api` envelope with `retry_attempt` / `retry_reason`, shaped as in
//   slackapi/node-slack-sdk packages/socket-mode SocketModeClient spec ("retry_attempt": 2, "retry_reason": "timeout").
// The DM event itself is Slack's `message.im` in its Events API wrapper (see dmEvent in fixtures.ts).
// The ledger is the database (PGlite here, and PostgreSQL when TEST_DATABASE_URL is set), shared by two
// Osaava processes serving one app.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.ts';
import { createSlackEventRepo } from '../../../src/storage/slack-event-repo.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { describeEachBackend, openTestDatabase, type TestDatabase } from '../../storage/backends.ts';
import { startFakeSocketModeServer, type FakeSocketModeServer } from './fake-socket-mode-server.ts';
import { BOT_TOKEN, capturingLogger, createFixtureCore, dmEvent, startSlackHarness, STUDENT, type FixtureCore, type SlackHarness } from './fixtures.ts';

const retry = (num: number, reason: 'http_timeout' | 'http_error') => ({ 'x-slack-retry-num': String(num), 'x-slack-retry-reason': reason });

/** A clock the test moves by hand, for the ledger's "claimed long ago". */
function handClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describeEachBackend('the Slack event ledger on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  }, 60_000);
  afterAll(async () => database?.close());

  it('claims an event once, drops it while running and after it is done', async () => {
    const ledger = createSlackEventRepo(database.db);
    expect(await ledger.claim('Ev0LEDGER1')).toBe('first');
    expect(await ledger.claim('Ev0LEDGER1')).toBe('in-progress');
    await ledger.finish('Ev0LEDGER1');
    expect(await ledger.claim('Ev0LEDGER1')).toBe('done');
  });

  it('lets a retry take over a claim that never finished within a minute, once', async () => {
    const clock = handClock();
    const ledger = createSlackEventRepo(database.db, clock.now);
    expect(await ledger.claim('Ev0LEDGER2')).toBe('first');
    clock.advance(30_000);
    expect(await ledger.claim('Ev0LEDGER2')).toBe('in-progress');
    clock.advance(61_000);
    const racing = await Promise.all([ledger.claim('Ev0LEDGER2'), ledger.claim('Ev0LEDGER2')]);
    expect(racing.sort()).toEqual(['in-progress', 'taken-over']);
  });

  it('forgets old events', async () => {
    const clock = handClock(Date.parse('2026-01-01T00:00:00Z'));
    const ledger = createSlackEventRepo(database.db, clock.now);
    await ledger.claim('Ev0OLD');
    expect(await ledger.prune(new Date('2026-01-02T00:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await ledger.claim('Ev0OLD')).toBe('first');
  });
});

describe('Slack events redelivered over HTTP, two processes, one database', () => {
  let database: TestDatabase;
  let a: SlackHarness;
  let b: SlackHarness | undefined;
  let coreA: FixtureCore;
  let coreB: FixtureCore;
  beforeAll(async () => {
    database = await openTestDatabase(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  }, 60_000);
  afterAll(async () => database?.close());
  afterEach(async () => {
    await b?.close();
    await a.close();
    b = undefined;
  });

  async function start(clock?: ReturnType<typeof handClock>) {
    coreA = createFixtureCore();
    coreB = createFixtureCore();
    const events = createSlackEventRepo(database.db, clock?.now);
    a = await startSlackHarness({ core: coreA, events });
    b = await startSlackHarness({ core: coreB, events, fake: a.fake });
  }

  it('posts once for a DM delivered, then redelivered three times (http_error) to either process', async () => {
    await start();
    const event = dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' });
    const gate = coreA.hold();
    expect((await a.postEvent(event)).status).toBe(200);
    // While the first attempt is still answering: Slack retries it, to this process and the other.
    expect((await b!.postEvent(event, retry(1, 'http_error'))).status).toBe(200);
    expect((await a.postEvent(event, retry(2, 'http_error'))).status).toBe(200);
    gate.release();
    await a.fake.waitFor('chat.postMessage');
    // After it was answered (the claim is marked done once the listener returns, just after the post).
    await vi.waitFor(async () => {
      const row = await database.db.selectFrom('slack_event').select('status').where('event_id', '=', event.event_id).executeTakeFirst();
      expect(row?.status).toBe('done');
    });
    expect((await b!.postEvent(event, retry(3, 'http_error'))).status).toBe(200);
    // A control message through the other process, answered after the retries were dropped.
    await b!.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
    await a.fake.waitFor('chat.postMessage', (c) => a.fake.callsTo('chat.postMessage').indexOf(c) === 1);
    expect(a.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(coreA.handled.map((m) => m.text)).toEqual(['Mitä arvosanaan 4 vaaditaan?']);
    expect(coreB.handled.map((m) => m.text)).toEqual(['apua']);
    expect(b!.log.has((l) => l.msg === 'Slack event delivered again; already handled, dropped' && l.claim === 'done' && l.retryReason === 'http_error')).toBe(true);
  });

  it('handles an http_timeout retry of an event whose first attempt died, and drops one that is still running', async () => {
    const clock = handClock();
    await start(clock);
    const died = dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' });
    // The first attempt was claimed by a process that died before answering.
    await createSlackEventRepo(database.db, clock.now).claim(died.event_id);
    // Slack's first retry comes at once: the claim is fresh, so the other process may still be on it.
    await a.postEvent(died, retry(1, 'http_timeout'));
    clock.advance(61_000);
    // The retry a minute later is handled.
    expect((await b!.postEvent(died, retry(2, 'http_timeout'))).status).toBe(200);
    const post = await a.fake.waitFor('chat.postMessage');
    expect(post.args.channel).toBe('DAINO001');
    expect(coreA.handled).toEqual([]);
    expect(coreB.handled.map((m) => m.text)).toEqual(['Mitä arvosanaan 4 vaaditaan?']);
    expect(b!.log.has((l) => l.msg === 'Slack event retried after an attempt that never finished; handling it')).toBe(true);
  });
});

describe('a sick day written in Slack and redelivered, over the real core', () => {
  let real: TestCore;
  let h: SlackHarness | undefined;
  beforeAll(async () => {
    real = await createTestCore();
  }, 60_000);
  afterAll(async () => real?.close());
  afterEach(async () => h?.close());

  it('records "olen sairaana tänään" once', async () => {
    const aino = { id: 'UDEMOAINO', email: 'aino.virtanen@opiskelija.example.fi', locale: 'fi-FI' };
    h = await startSlackHarness({ core: real.core, users: [aino], events: createSlackEventRepo(real.store.db) });
    const event = dmEvent({ user: aino.id, text: 'olen sairaana tänään' });
    await h.postEvent(event);
    await h.fake.waitFor('chat.postMessage', undefined, 10_000);
    await h.postEvent(event, retry(1, 'http_error'));
    await h.postEvent(event, retry(2, 'http_timeout'));
    // A control message, answered after the retries were dropped.
    await h.postEvent(dmEvent({ user: aino.id, text: 'apua' }));
    await h.fake.waitFor('chat.postMessage', () => h!.fake.callsTo('chat.postMessage').length >= 2, 10_000);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    const placement = await real.store.placements.findActiveForStudent('aino', '2026-11-23');
    if (!placement) throw new Error('the demo has Aino on a placement');
    const pauses = await real.store.pauses.list(placement.id, '2026-11-23');
    expect(pauses.filter((p) => p.reason === 'sick')).toHaveLength(1);
  });
});

describe('Slack events redelivered in Socket Mode', () => {
  let fake: FakeSlackApi;
  let socket: FakeSocketModeServer;
  let adapter: SlackAdapter;
  afterEach(async () => {
    await adapter.stop();
    await socket.close();
    await fake.close();
  });

  it('acknowledges a retried envelope and acts on the event once', async () => {
    fake = await startFakeSlackApi();
    fake.addUser(STUDENT);
    socket = await startFakeSocketModeServer();
    fake.setSocketUrl(socket.url);
    const core = createFixtureCore();
    adapter = createSlackAdapter({ botToken: BOT_TOKEN, appToken: 'xapp-1-test', apiUrl: fake.apiUrl, core, logger: capturingLogger().logger });
    await adapter.start();
    const event = dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' });
    await socket.send('events_api', event);
    await fake.waitFor('chat.postMessage');
    const ack = await socket.send('events_api', event, 5000, { attempt: 1, reason: 'timeout' });
    expect(ack.envelope_id).toMatch(/^env-/);
    await socket.send('events_api', dmEvent({ user: STUDENT.id, text: 'apua' }));
    await fake.waitFor('chat.postMessage', () => fake.callsTo('chat.postMessage').length >= 2);
    expect(core.handled.map((m) => m.text)).toEqual(['Mitä arvosanaan 4 vaaditaan?', 'apua']);
  });
});
