// Personal chat through the real CloudAdapter: messages in, the core called, replies posted to the
// fake Bot Connector as Teams would receive them.
import { afterEach, describe, expect, it } from 'vitest';
import { aino, cardOf, messageActivity, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

async function start(): Promise<RunningTeams> {
  teams = await startTeams();
  return teams;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

describe('personal chat messages', () => {
  it('answers a curriculum question from the real knowledge base as an Adaptive Card with its sources', async () => {
    const t = await start();
    const response = await t.post(messageActivity(t.connector.serviceUrl, 'Mitä arvosanaan 4 vaaditaan?'));
    expect(response.status).toBe(200);

    const handled = t.core.calls.find((c) => c.method === 'handle');
    expect(handled?.input).toMatchObject({
      platform: 'teams',
      userId: aino.aadObjectId,
      tenantId: TENANT,
      text: 'Mitä arvosanaan 4 vaaditaan?',
      localeHint: 'fi',
      email: aino.email,
    });

    const sent = t.connector.activities();
    expect(sent).toHaveLength(1);
    const [first] = sent;
    expect(first?.call).toMatchObject({ kind: 'reply', conversationId: aino.conversationId });
    const card = first ? cardOf(first.activity) : undefined;
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    const text = json(card);
    expect(text).toContain('Hyvä 4');
    expect(text).toContain('Lähteet');
    // Cited list items carry a numbered marker that the sources section resolves.
    expect(text).toMatch(/\[1\]/);
    expect(first?.activity.replyToId).toBeDefined();
  });

  it('removes @mentions of the bot before the text reaches the core', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, '<at>Osaava</at> help'));
    expect(t.core.calls.find((c) => c.method === 'handle')?.input).toMatchObject({ text: 'help' });
  });

  it('sends each command of the manifest to the core and posts a reply for each', async () => {
    const t = await start();
    const commands = ['help', 'progress', 'reflect', 'observe', 'students', 'summary'];
    for (const command of commands) {
      const response = await t.post(messageActivity(t.connector.serviceUrl, command));
      expect(response.status).toBe(200);
    }
    const texts = t.core.calls.flatMap((c) => (c.method === 'handle' ? [c.input.text] : []));
    // "observe" alone asks for the observation form (below), not the knowledge base.
    expect(texts).toEqual(commands.filter((c) => c !== 'observe'));
    expect(t.core.calls.filter((c) => c.method === 'draftObservation')).toEqual([expect.objectContaining({ text: '' })]);
    expect(t.connector.activities().length).toBeGreaterThanOrEqual(commands.length);
  });

  it('passes "havainto Aino: …" to the core unchanged', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, 'havainto Aino: hoiti asiakaspalautteen rauhallisesti'));
    expect(t.core.calls.find((c) => c.method === 'handle')?.input).toMatchObject({ text: 'havainto Aino: hoiti asiakaspalautteen rauhallisesti' });
  });

  it('takes the language hint from the activity locale', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, 'help', { locale: 'en-US' }));
    expect(t.core.calls.find((c) => c.method === 'handle')?.input).toMatchObject({ localeHint: 'en' });
  });

  it('sends a suggested action button as text to the core, like a typed message', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, '', { value: { osaava: 'say', text: 'mitä arvosanaan 5 vaaditaan' } }));
    expect(t.core.calls.find((c) => c.method === 'handle')?.input).toMatchObject({ text: 'mitä arvosanaan 5 vaaditaan' });
  });

  it('saves the conversation reference of every message', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, 'help'));
    const reference = await t.references.get(TENANT, aino.aadObjectId);
    expect(reference).toMatchObject({
      tenantId: TENANT,
      aadObjectId: aino.aadObjectId,
      teamsUserId: aino.teamsId,
      conversationId: aino.conversationId,
      serviceUrl: t.connector.serviceUrl,
      channelId: 'msteams',
    });
    expect(reference?.stale).toBeUndefined();
  });

  it('looks the e-mail up once and then from its cache', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, 'help'));
    await t.post(messageActivity(t.connector.serviceUrl, 'help'));
    expect(t.connector.requests.filter((r) => r.call.kind === 'get-member')).toHaveLength(1);
    expect(t.core.calls.filter((c) => c.method === 'handle').every((c) => c.method === 'handle' && c.input.email === aino.email)).toBe(true);
  });
});
