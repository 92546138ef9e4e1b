// Forms through the real CloudAdapter: the check-in card rendered, submitted as a universal action
// (adaptiveCard/action invoke) and as an Action.Submit message, and the observation message action.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  aino,
  cardOf,
  CHECKIN_ID,
  invokeActivity,
  messageActivity,
  OBSERVATION_ID,
  startTeams,
  TENANT,
  type CoreCall,
  type RunningTeams,
} from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

async function start(): Promise<RunningTeams> {
  teams = await startTeams();
  return teams;
}

const submitted = (calls: CoreCall[]) => calls.flatMap((c) => (c.method === 'submit' ? [c.input] : []));

/** What Teams sends when the check-in card's inputs are filled in. */
const filledCheckin = {
  osaava: 'submit',
  formKind: 'checkin',
  formId: CHECKIN_ID,
  'osv:ms:requirements:0': 'AH-R1,AH-R2',
  'osv:ms:requirements:1': 'AH-R7',
  'osv:rt:confidence': '4',
  'osv:tx:reflection': 'Opin kysymään asiakkaalta tarkentavia kysymyksiä.',
};

const cardInvokeResponseSchema = z.object({
  statusCode: z.literal(200),
  type: z.string(),
  value: z.unknown(),
});

const taskResponseSchema = z.object({
  task: z.object({ type: z.enum(['continue', 'message']), value: z.unknown() }),
});

describe('the check-in card', () => {
  it('renders a form reply as an Adaptive Card 1.5 with Action.Execute and an Action.Submit fallback', async () => {
    const t = await start();
    await t.post(messageActivity(t.connector.serviceUrl, 'reflect'));
    const card = cardOf(t.connector.activities()[0]?.activity ?? {});
    expect(card).toMatchObject({
      version: '1.5',
      actions: [
        {
          type: 'Action.Execute',
          verb: 'osaava.submit',
          data: { osaava: 'submit', formKind: 'checkin', formId: CHECKIN_ID },
          fallback: { type: 'Action.Submit', data: { osaava: 'submit', formKind: 'checkin', formId: CHECKIN_ID } },
        },
      ],
    });
    const text = JSON.stringify(card);
    expect(text).toContain('"isMultiSelect":true');
    expect(text).not.toContain('filtered');
  });

  it('records a universal-action submit and replaces the card with what was recorded', async () => {
    const t = await start();
    const response = await t.post(
      invokeActivity(t.connector.serviceUrl, 'adaptiveCard/action', { action: { type: 'Action.Execute', verb: 'osaava.submit', data: filledCheckin }, trigger: 'manual' }),
    );
    expect(response.status).toBe(200);
    const body = cardInvokeResponseSchema.parse(await response.json());
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.value)).toContain('Check-in tallennettu');
    expect(JSON.stringify(body.value)).toContain('Vaatimuksia: 3');

    expect(submitted(t.core.calls)).toEqual([
      expect.objectContaining({
        platform: 'teams',
        userId: aino.aadObjectId,
        tenantId: TENANT,
        email: aino.email,
        formKind: 'checkin',
        formId: CHECKIN_ID,
        values: { requirements: ['AH-R1', 'AH-R2', 'AH-R7'], confidence: 4, reflection: 'Opin kysymään asiakkaalta tarkentavia kysymyksiä.' },
      }),
    ]);
    // The answer went back in the invoke response: nothing extra was posted.
    expect(t.connector.activities()).toHaveLength(0);
  });

  it('records an Action.Submit (fallback) and updates the card in place', async () => {
    const t = await start();
    const cardMessageId = 'card-activity-17';
    const response = await t.post(messageActivity(t.connector.serviceUrl, '', { value: filledCheckin, replyToId: cardMessageId }));
    expect(response.status).toBe(200);
    expect(submitted(t.core.calls)).toHaveLength(1);
    const [update] = t.connector.activities();
    expect(update?.call).toEqual({ kind: 'update', conversationId: aino.conversationId, activityId: cardMessageId });
    expect(JSON.stringify(cardOf(update?.activity ?? {}))).toContain('Check-in tallennettu');
  });

  it('falls back to a new message when the card cannot be updated', async () => {
    const t = await start();
    t.connector.failNext({ status: 404, code: 'ActivityNotFound' });
    await t.post(messageActivity(t.connector.serviceUrl, '', { value: filledCheckin, replyToId: 'gone' }));
    const calls = t.connector.activities().map((a) => a.call.kind);
    expect(calls).toEqual(['update', 'reply']);
    expect(JSON.stringify(t.connector.activities()[1]?.activity)).toContain('Check-in tallennettu');
  });
});

describe('the "Log as observation" message action', () => {
  const payload = {
    commandId: 'logObservation',
    commandContext: 'message',
    messagePayload: {
      id: '1712345000000',
      body: { contentType: 'html', content: '<p>Aino hoiti <b>asiakaspalautteen</b> rauhallisesti &amp; ystävällisesti.</p><p>Hyvä!</p>' },
      // msteams-docs create-task-module.md ("channel (reply to thread)"): from.user.id is the author's Entra object id.
      from: { user: { userIdentityType: 'aadUser', id: 'b2c3d4e5-0000-4000-8000-000000000002', displayName: 'Mikko Laine' } },
    },
    context: { theme: 'default' },
  };

  it('opens a dialog with the form prefilled from the message text', async () => {
    const t = await start();
    const response = await t.post(invokeActivity(t.connector.serviceUrl, 'composeExtension/fetchTask', payload));
    expect(response.status).toBe(200);
    const body = taskResponseSchema.parse(await response.json());
    expect(body.task.type).toBe('continue');
    const card = JSON.stringify(body.task.value);
    expect(card).toContain('Kirjaa havainto');
    // A dialog only supports Action.Submit.
    expect(card).toContain('Action.Submit');
    expect(card).not.toContain('Action.Execute');

    const drafted = t.core.calls.find((c) => c.method === 'draftObservation');
    expect(drafted).toMatchObject({ text: 'Aino hoiti asiakaspalautteen rauhallisesti & ystävällisesti.\nHyvä!', input: { userId: aino.aadObjectId } });
  });

  it('explains in the dialog when the message gives nothing to log', async () => {
    const t = await start();
    const response = await t.post(
      invokeActivity(t.connector.serviceUrl, 'composeExtension/fetchTask', { ...payload, messagePayload: { body: { contentType: 'html', content: '<p> </p>' } } }),
    );
    const body = taskResponseSchema.parse(await response.json());
    expect(JSON.stringify(body.task.value)).toContain('Viestissä ei ole tekstiä');
  });

  it('records the submitted observation and confirms it briefly', async () => {
    const t = await start();
    const response = await t.post(
      invokeActivity(t.connector.serviceUrl, 'composeExtension/submitAction', {
        commandId: 'logObservation',
        commandContext: 'message',
        data: { osaava: 'submit', formKind: 'observation', formId: OBSERVATION_ID, 'osv:tx:note': 'Aino hoiti palautteen hyvin', 'osv:ms:requirements:0': 'AH-R1' },
      }),
    );
    const body = taskResponseSchema.parse(await response.json());
    expect(body.task).toEqual({ type: 'message', value: expect.stringContaining('Havainto kirjattu') });
    expect(submitted(t.core.calls)).toEqual([
      expect.objectContaining({ formKind: 'observation', formId: OBSERVATION_ID, values: { note: 'Aino hoiti palautteen hyvin', requirements: ['AH-R1'] } }),
    ]);
  });

  it('answers an unknown command without calling the core', async () => {
    const t = await start();
    const response = await t.post(invokeActivity(t.connector.serviceUrl, 'composeExtension/fetchTask', { ...payload, commandId: 'somethingElse' }));
    const body = taskResponseSchema.parse(await response.json());
    expect(body.task.type).toBe('message');
    expect(t.core.calls).toHaveLength(0);
  });
});
