// Proactive sends from a stored conversation reference, and what Teams' refusals do to it.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundAddress } from '../../../src/messaging/messenger.ts';
import { aino, cardOf, checkinForm, messageActivity, personalActivity, startTeams, BOT_ID, TENANT, type RunningTeams } from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

const toAino: OutboundAddress = { platform: 'teams', tenantId: TENANT, userId: aino.aadObjectId };

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** A running endpoint where Aino has written to the bot once, so her reference is stored. */
async function startWithReference(): Promise<RunningTeams> {
  teams = await startTeams();
  await teams.post(messageActivity(teams.connector.serviceUrl, 'help'));
  teams.connector.requests.length = 0;
  return teams;
}

describe('proactive messages', () => {
  it('sends a check-in card to the stored conversation', async () => {
    const t = await startWithReference();
    const result = await t.messenger.send(toAino, [checkinForm()]);
    expect(result).toEqual({ ok: true, messageId: expect.stringMatching(/^activity-/) });
    const [sent] = t.connector.activities();
    expect(sent?.call).toMatchObject({ conversationId: aino.conversationId });
    expect(sent?.activity).toMatchObject({ recipient: { id: aino.teamsId }, from: { id: BOT_ID } });
    expect(cardOf(sent?.activity ?? {})).toMatchObject({ type: 'AdaptiveCard', actions: [{ type: 'Action.Execute' }] });
  });

  it('is unreachable when the app was never installed for the user', async () => {
    teams = await startTeams();
    const result = await teams.messenger.send(toAino, [checkinForm()]);
    // The connector refused to create the 1:1 chat: nothing was sent, nothing stored.
    expect(result).toEqual({ ok: false, reason: 'unreachable', detail: 'app not installed for this user (HTTP 403)' });
    expect(teams.connector.requests.filter((r) => r.call.kind === 'create-conversation')).toHaveLength(1);
    expect(teams.connector.activities()).toHaveLength(0);
    expect(await teams.references.listStale()).toEqual([]);
  });

  it('creates the 1:1 conversation when the install event was missed (no stored reference)', async () => {
    teams = await startTeams();
    teams.connector.installFor(aino.aadObjectId);
    const result = await teams.messenger.send(toAino, [checkinForm()]);
    expect(result).toEqual({ ok: true, messageId: expect.stringMatching(/^activity-/) });
    // The body msteams-docs shows for POST /v3/conversations (bots-conv-proactive.md: `bot`, `members`,
    // `channelData.tenant.id`), the member the user's Entra object id (OfficeDev/Microsoft-Teams-Samples
    // bot-conversation: `members: [{ id: member.aadObjectId }]`).
    const created = teams.connector.requests.find((r) => r.call.kind === 'create-conversation');
    expect(created?.body).toMatchObject({
      isGroup: false,
      bot: { id: BOT_ID },
      members: [{ id: aino.aadObjectId }],
      tenantId: TENANT,
      channelData: { tenant: { id: TENANT } },
    });
    const [sent] = teams.connector.activities();
    expect(sent?.call).toMatchObject({ conversationId: teams.connector.personalConversationOf(aino.aadObjectId) });
    expect(cardOf(sent?.activity ?? {})).toMatchObject({ type: 'AdaptiveCard' });
  });

  it.each(['BotNotInConversationRoster', 'MessageWritesBlocked'])('marks the reference stale on 403 %s and never tries it again', async (code) => {
    const t = await startWithReference();
    t.connector.failNext({ status: 403, code });
    const first = await t.messenger.send(toAino, [checkinForm()]);
    expect(first).toEqual({ ok: false, reason: 'unreachable', detail: `HTTP 403 ${code}` });

    const stale = await t.references.listStale();
    expect(stale).toEqual([expect.objectContaining({ aadObjectId: aino.aadObjectId, stale: expect.objectContaining({ reason: code }) })]);

    const again = await t.messenger.send(toAino, [checkinForm()]);
    expect(again).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(t.connector.activities()).toHaveLength(1);
  });

  it('marks the reference stale on 404 ConversationNotFound', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 404, code: 'ConversationNotFound' });
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'unreachable' });
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale?.reason).toBe('ConversationNotFound');
  });

  it('a new message from the user makes the reference fresh again', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 403, code: 'MessageWritesBlocked' });
    await t.messenger.send(toAino, [checkinForm()]);
    await t.post(messageActivity(t.connector.serviceUrl, 'help'));
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale).toBeUndefined();
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: true });
  });

  it('reports 429 as rate-limited with the Retry-After delay', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 429, retryAfterSeconds: 7 });
    expect(await t.messenger.send(toAino, [checkinForm()])).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: 7000 });
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale).toBeUndefined();
  });

  it('reports 5xx as a retryable failure', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 502 });
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'failed', retryable: true });
  });

  it('reports a connection dropped after the request was sent as uncertain', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 'drop' });
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'uncertain' });
  });

  it('reports a refused connection as a retryable failure (nothing was sent)', async () => {
    const t = await startWithReference();
    const reference = await t.references.get(TENANT, aino.aadObjectId);
    if (!reference) throw new Error('reference missing');
    await t.references.save({ ...reference, serviceUrl: `http://127.0.0.1:${await closedPort()}/` });
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'failed', retryable: true });
  });
});

describe('installation', () => {
  it('stores the reference and welcomes the user when the app is installed', async () => {
    teams = await startTeams();
    const t = teams;
    const response = await t.post(
      personalActivity(t.connector.serviceUrl, { type: 'conversationUpdate', membersAdded: [{ id: BOT_ID }] }),
    );
    expect(response.status).toBe(200);
    expect(await t.references.get(TENANT, aino.aadObjectId)).toMatchObject({ conversationId: aino.conversationId });
    expect(t.core.calls.map((c) => c.method)).toEqual(['home']);
    expect(t.connector.activities()).toHaveLength(1);
  });

  it('marks the reference stale when the app is removed', async () => {
    const t = await startWithReference();
    await t.post(personalActivity(t.connector.serviceUrl, { type: 'installationUpdate', action: 'remove' }));
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale?.reason).toBe('uninstalled');
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'unreachable' });
  });
});
