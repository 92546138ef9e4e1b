// Malformed and unexpected activities get a clear reply or a logged 200, never a crash.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { aino, cardOf, invokeActivity, messageActivity, personalActivity, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

async function start(): Promise<RunningTeams> {
  teams = await startTeams();
  return teams;
}

function postedText(t: RunningTeams): string[] {
  return t.connector.activities().map((a) => (typeof a.activity.text === 'string' ? a.activity.text : JSON.stringify(cardOf(a.activity))));
}

/** The endpoint still answers normally afterwards. */
async function expectStillServing(t: RunningTeams): Promise<void> {
  const before = t.connector.activities().length;
  const response = await t.post(messageActivity(t.connector.serviceUrl, 'help'));
  expect(response.status).toBe(200);
  expect(t.connector.activities().length).toBeGreaterThan(before);
}

const invokeMessageSchema = z.object({ statusCode: z.literal(200), type: z.literal('application/vnd.microsoft.activity.message'), value: z.string() });

describe('malformed activities', () => {
  it('replies clearly to a message without `from`, without calling the core', async () => {
    const t = await start();
    const activity = messageActivity(t.connector.serviceUrl, 'help');
    delete activity.from;
    const response = await t.post(activity);
    expect(response.status).toBe(200);
    expect(t.core.calls).toHaveLength(0);
    expect(postedText(t)).toEqual([expect.stringContaining('En tunnistanut, kuka olet')]);
    expect(t.logs.some((l) => l.msg === 'teams activity without a user or tenant')).toBe(true);
    await expectStillServing(t);
  });

  it('replies clearly to a message without a tenant', async () => {
    const t = await start();
    const activity = messageActivity(t.connector.serviceUrl, 'help', { conversation: { id: aino.conversationId, conversationType: 'personal' }, channelData: {} });
    await t.post(activity);
    expect(t.core.calls).toHaveLength(0);
    expect(postedText(t)).toEqual([expect.stringContaining('En tunnistanut')]);
  });

  it('replies clearly to unknown card data', async () => {
    const t = await start();
    const response = await t.post(messageActivity(t.connector.serviceUrl, '', { value: { action: 'legacyButton', id: 7 } }));
    expect(response.status).toBe(200);
    expect(t.core.calls).toHaveLength(0);
    expect(postedText(t)).toEqual([expect.stringContaining('En saanut luettua kortin tietoja')]);
  });

  it('replies clearly to a submission whose values are not plain', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, '', { value: { osaava: 'submit', formKind: 'checkin', formId: 'x', 'osv:rt:confidence': { evil: true } } }));
    expect(t.core.calls).toHaveLength(0);
    expect(postedText(t)).toEqual([expect.stringContaining('En saanut luettua')]);
    expect(t.logs.some((l) => l.msg === 'teams card submission unreadable')).toBe(true);
  });

  it('replies clearly to a submission of an unknown form kind', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, '', { value: { osaava: 'submit', formKind: 'survey', formId: 'x' } }));
    expect(t.core.calls).toHaveLength(0);
    expect(postedText(t)).toEqual([expect.stringContaining('En saanut luettua')]);
  });

  it("shows the core's answer to a stale check-in card in place of the card", async () => {
    const t = await start();
    const response = await t.post(
      invokeActivity(t.connector.serviceUrl, 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'osaava.submit', data: { osaava: 'submit', formKind: 'checkin', formId: 'checkin-2024-01-01-aino', 'osv:rt:confidence': '3' } },
      }),
    );
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('kortti on vanhentunut');
  });

  it('answers a card action with an unknown verb with a message, not an error', async () => {
    const t = await start();
    const response = await t.post(invokeActivity(t.connector.serviceUrl, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'old.verb', data: {} } }));
    expect(response.status).toBe(200);
    expect(invokeMessageSchema.parse(await response.json()).value).toContain('En saanut luettua');
    expect(t.core.calls).toHaveLength(0);
  });

  it('answers a card action without a value with a message', async () => {
    const t = await start();
    const response = await t.post(invokeActivity(t.connector.serviceUrl, 'adaptiveCard/action', undefined));
    expect(response.status).toBe(200);
    invokeMessageSchema.parse(await response.json());
  });

  it('answers a message extension invoke without a command id', async () => {
    const t = await start();
    const response = await t.post(invokeActivity(t.connector.serviceUrl, 'composeExtension/submitAction', { data: {} }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ task: { type: 'message', value: expect.any(String) } });
  });

  it('logs and answers 200 to an invoke it does not handle', async () => {
    const t = await start();
    const response = await t.post(invokeActivity(t.connector.serviceUrl, 'composeExtension/query', { commandId: 'search' }));
    expect(response.status).toBe(200);
    expect(t.logs.some((l) => l.msg === 'teams invoke not handled' && l.name === 'composeExtension/query')).toBe(true);
  });

  it('tells the user when a message has no text (e.g. only an image)', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, '', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/a.png' }] }));
    expect(t.core.calls).toHaveLength(0);
    expect(postedText(t)).toEqual([expect.stringContaining('Ymmärrän vain tekstiviestejä')]);
  });

  it('ignores activity types it has no use for with a 200', async () => {
    const t = await start();
    const response = await t.post(personalActivity(t.connector.serviceUrl, { type: 'typing' }));
    expect(response.status).toBe(200);
    expect(t.connector.activities()).toHaveLength(0);
  });

  it('rejects a body that is not an activity with 400', async () => {
    const t = await start();
    expect((await t.post({ hello: 'world' })).status).toBe(400);
    expect((await t.post('{"type": "message",')).status).toBe(400);
    expect((await t.post({ type: 42, conversation: { id: 'x' } })).status).toBe(400);
    await expectStillServing(t);
  });

  it('answers the user when the core fails, and keeps serving', async () => {
    const t = await start();
    t.core.handle = async () => {
      throw new Error('database is down');
    };
    const response = await t.post(messageActivity(t.connector.serviceUrl, 'help'));
    expect(response.status).toBe(200);
    expect(postedText(t)).toEqual([expect.stringContaining('Jotain meni vikaan')]);
    expect(t.logs.some((l) => l.msg === 'teams turn failed')).toBe(true);
  });

  it('does not store a reference from a group chat', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, 'help', { conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', tenantId: TENANT } }));
    expect(await t.references.get(TENANT, aino.aadObjectId)).toBeUndefined();
  });
});

describe('request bodies', () => {
  it('answers 413 to a body over the size limit and keeps serving', async () => {
    const t = await start();
    const response = await t.post(messageActivity(t.connector.serviceUrl, 'x'.repeat(600 * 1024)));
    expect(response.status).toBe(413);
    expect(t.core.calls).toHaveLength(0);
    await expectStillServing(t);
  });
});
