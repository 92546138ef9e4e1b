// Weekly summaries delivered on Teams end to end: the demo school, the real scheduler and the real Teams
// messenger sending proactively to conversation references stored in the database when Mikko and Aino
// first wrote to the bot. Mikko's summary arrives as an Adaptive Card about Aino; Aino's recap is refused
// with 403 ConversationBlockedByUser, which marks her reference stale and settles the delivery: no later
// pass posts to her conversation again, and her instructor's next summary says she cannot be reached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../../src/adapters/teams/index.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.ts';
import { createScheduler, type PassReport } from '../../../src/scheduling/index.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { createTeamsReferenceRepo } from '../../../src/storage/teams-reference-repo.ts';
import { createTestClock, openTestDatabase, silentLogger, type TestDatabase } from '../../storage/backends.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { BOT_ID, cardOf, messageActivity, TENANT } from './fixtures.ts';
import { buildRealCore } from '../../support/core.ts';
import { createScheduledMessages } from '../../../src/scheduled-messages.ts';

/** Friday 27 November 2026, 14:00 in Helsinki: the default summary moment. */
const FRIDAY_14 = '2026-11-27T12:00:00Z';
const WEEK = '2026-11-23';

interface TeamsUser {
  personId: string;
  teamsId: string;
  aadObjectId: string;
  name: string;
  email: string;
  conversationId: string;
}

const mikko: TeamsUser = {
  personId: 'mikko',
  teamsId: '29:1mikko-teams-id',
  aadObjectId: 'b2c3d4e5-0000-4000-8000-000000000002',
  name: 'Mikko Laine',
  email: 'mikko.laine@kodintekniikka.example.fi',
  conversationId: 'a:1personal-chat-mikko',
};
const aino: TeamsUser = {
  personId: 'aino',
  teamsId: '29:1aino-teams-id',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'Aino Virtanen',
  email: 'aino.virtanen@opiskelija.example.fi',
  conversationId: 'a:1personal-chat-aino',
};

let database: TestDatabase;
let http: HttpServer;
let baseUrl: string;
// Teams gives each user's activities a regional serviceUrl; Mikko's and Aino's are different services
// here, so that a refusal can be aimed at Aino's conversation alone whatever order the sends go in.
let mikkosService: FakeBotConnector;
let ainosService: FakeBotConnector;
let run: (iso: string) => Promise<PassReport>;
const references = () => createTeamsReferenceRepo(database.db);

/** The user writes to the bot in their personal chat: the adapter links them by e-mail and stores the reference. */
async function firstMessage(user: TeamsUser, connector: FakeBotConnector): Promise<void> {
  connector.addMember(user.conversationId, { id: user.teamsId, aadObjectId: user.aadObjectId, name: user.name, email: user.email, userPrincipalName: user.email, tenantId: TENANT, userRole: 'user' });
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(
      messageActivity(connector.serviceUrl, 'apua', {
        from: { id: user.teamsId, name: user.name, aadObjectId: user.aadObjectId },
        conversation: { id: user.conversationId, conversationType: 'personal', tenantId: TENANT },
      }),
    ),
  });
  expect(response.status).toBe(200);
  expect(JSON.stringify(connector.activities().at(-1)?.activity)).toContain(`Hei ${user.name.split(' ')[0]}`);
  connector.requests.length = 0;
}

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await seedDemo(database.db, { today: FRIDAY_14.slice(0, 10) });
  const clock = createTestClock('2026-11-27T08:00:00Z');
  const { core, store, kb, calendar } = buildRealCore(database.db, clock);
  // As src/app.ts composes it, without credentials (the SDK's anonymous mode against a local connector).
  // The fake connectors listen on loopback: the only connector host allowed here.
  const teams = createTeamsAdapter({ auth: undefined, core, references: createTeamsReferenceRepo(database.db, () => clock.now()), logger: silentLogger, now: () => clock.now(), connectorHosts: ['127.0.0.1'] });
  http = createHttpServer({ logger: silentLogger, mounts: [{ path: '/', router: teams.router }] });
  baseUrl = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  mikkosService = await startFakeBotConnector();
  ainosService = await startFakeBotConnector();
  await firstMessage(mikko, mikkosService);
  await firstMessage(aino, ainosService);

  const scheduler = createScheduler({ store, messengers: [teams.messenger], calendar, ...createScheduledMessages({ store, kb, calendar, logger: silentLogger }), clock, logger: silentLogger });
  run = (iso) => {
    clock.set(iso);
    return scheduler.runOnce(new Date(iso));
  };
}, 60_000);

afterAll(async () => {
  await http?.close();
  await mikkosService?.close();
  await ainosService?.close();
  await database?.close();
});

const summaryRow = (recipientId: string, week: string) =>
  database.db.selectFrom('summary_delivery').select(['status', 'attempts', 'last_error']).where('recipient_id', '=', recipientId).where('week_start', '=', week).executeTakeFirstOrThrow();

describe('weekly summaries on Teams', () => {
  it('links the two users by e-mail and keeps their conversation references', async () => {
    const identities = await database.db.selectFrom('identity').select(['person_id', 'tenant_id', 'external_id']).where('platform', '=', 'teams').orderBy('person_id').execute();
    expect(identities).toEqual([
      { person_id: 'aino', tenant_id: TENANT, external_id: aino.aadObjectId },
      { person_id: 'mikko', tenant_id: TENANT, external_id: mikko.aadObjectId },
    ]);
    expect(await references().get(TENANT, mikko.aadObjectId)).toMatchObject({ conversationId: mikko.conversationId, serviceUrl: mikkosService.serviceUrl });
    expect(await references().get(TENANT, aino.aadObjectId)).toMatchObject({ conversationId: aino.conversationId, serviceUrl: ainosService.serviceUrl });
  });

  it('delivers the instructor’s summary as an Adaptive Card; the student’s recap refused with 403 marks her reference stale', async () => {
    ainosService.failNext({ status: 403, code: 'ConversationBlockedByUser' });
    const report = await run(FRIDAY_14);
    expect(report.delivery.sent.summary).toBe(1);
    expect(report.delivery.failed).toBe(1);

    const sent = mikkosService.activities();
    expect(sent.length).toBeGreaterThanOrEqual(1);
    // Into his personal chat (the SDK posts a proactive message as a reply to the continuation activity).
    for (const s of sent) expect(s.call).toMatchObject({ conversationId: mikko.conversationId });
    const [first] = sent;
    expect(first?.activity).toMatchObject({ type: 'message', recipient: { id: mikko.teamsId }, from: { id: BOT_ID } });
    expect(first?.activity.attachments).toEqual([expect.objectContaining({ contentType: 'application/vnd.microsoft.card.adaptive' })]);
    expect(cardOf(first?.activity ?? {})).toMatchObject({ type: 'AdaptiveCard' });
    const cards = JSON.stringify(sent.map((s) => cardOf(s.activity)));
    expect(cards).toContain('Viikkokooste');
    // Names a person gave are TextRuns of a RichTextBlock: never read as markdown.
    expect(cards).toContain('{"type":"TextRun","text":"Aino Virtanen","weight":"Bolder"},{"type":"TextRun","text":" · ","weight":"Bolder"},{"type":"TextRun","text":"Kodin Tekniikka Oy","weight":"Bolder"}');
    expect(cards).toMatch(/Näyttöä kertynyt yhteensä \*\*\d+\/25\*\*/);
    expect(cards).not.toContain('Ville');
    expect(await summaryRow('mikko', WEEK)).toMatchObject({ status: 'sent', attempts: 1 });

    // Aino's recap was tried once and refused; the refusal settles it (failed, not pending for a retry).
    expect(ainosService.activities()).toHaveLength(1);
    expect(ainosService.activities()[0]?.call).toMatchObject({ conversationId: aino.conversationId });
    expect(JSON.stringify(cardOf(ainosService.activities()[0]?.activity ?? {}))).toContain('Viikkosi');
    expect(await summaryRow('aino', WEEK)).toEqual({ status: 'failed', attempts: 1, last_error: 'unreachable: HTTP 403 ConversationBlockedByUser' });
    expect(await references().listStale()).toEqual([
      expect.objectContaining({ aadObjectId: aino.aadObjectId, stale: expect.objectContaining({ reason: 'ConversationBlockedByUser' }) }),
    ]);
  });

  it('does not post to the blocked conversation again: not the recap, not her check-ins, not next week', async () => {
    const mikkosCards = mikkosService.activities().length;
    await run('2026-11-27T12:05:00Z');
    await run('2026-11-27T13:30:00Z'); // Aino's Friday check-in is due at 15:30
    expect(mikkosService.activities()).toHaveLength(mikkosCards);
    const friday = await database.db.selectFrom('checkin').select(['status', 'last_error']).where('placement_id', '=', 'pl_demo_aino').where('local_date', '=', '2026-11-27').executeTakeFirstOrThrow();
    expect(friday).toEqual({ status: 'failed', last_error: 'unreachable: conversation is stale: ConversationBlockedByUser' });

    // The next week's check-ins and summaries: Mikko's arrives, nothing reaches Aino's conversation.
    for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03']) await run(`${day}T13:30:00Z`);
    await run('2026-12-04T12:00:00Z');
    expect(ainosService.activities()).toHaveLength(1);
    expect(await summaryRow('aino', WEEK)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await summaryRow('aino', '2026-11-30')).toMatchObject({ status: 'failed', last_error: 'unreachable: conversation is stale: ConversationBlockedByUser' });
    expect(await summaryRow('mikko', '2026-11-30')).toMatchObject({ status: 'sent' });
    // Her instructor is told that she cannot be reached on the chat platform.
    const nextWeek = JSON.stringify(mikkosService.activities().slice(mikkosCards).map((s) => cardOf(s.activity)));
    expect(nextWeek).toContain('Aino Virtanen');
    expect(nextWeek).toContain('ei tavoitettavissa viestialustalla');
  });
});
