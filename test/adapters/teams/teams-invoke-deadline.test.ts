// Invokes inside Teams' 5 s: "Log as observation" (composeExtension/fetchTask) over the real core
// with the LLM path on and the model (the OpenAI stand-in) answering in 6 s. The payload is the
// message action's from msteams-docs create-task-module.md, as in teams-forms.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeActivity, recordingCore, startTeams, TENANT, type RunningTeams } from './fixtures.ts';
import { mikko, startSlowLlmCore, type SlowLlmCore } from './llm-core.ts';

const LLM_DELAY_MS = 6_000;

let llm: SlowLlmCore | undefined;
let teams: RunningTeams | undefined;

beforeAll(async () => {
  llm = await startSlowLlmCore(LLM_DELAY_MS);
  await llm.store.people.linkIdentity({ platform: 'teams', tenantId: TENANT, externalId: mikko.aadObjectId, personId: 'mikko' });
  teams = await startTeams({ core: recordingCore(llm.core) });
}, 60_000);
afterAll(async () => {
  await teams?.close();
  await llm?.close();
});

describe("invokes answered inside Teams' 5 s while the LLM is slow", () => {
  it('answers "Log as observation" with a usable form in under 5 s', async () => {
    if (!teams || !llm) throw new Error('not started');
    const started = performance.now();
    const response = await teams.post(
      invokeActivity(
        teams.connector.serviceUrl,
        'composeExtension/fetchTask',
        {
          commandId: 'logObservation',
          commandContext: 'message',
          messagePayload: {
            id: '1712345000000',
            body: { contentType: 'html', content: '<p>Aino hoiti <b>asiakaspalautteen</b> rauhallisesti ja päivitti asiakastiedot.</p>' },
            from: { user: { userIdentityType: 'aadUser', id: mikko.aadObjectId, displayName: mikko.name } },
          },
          context: { theme: 'default' },
        },
        {
          from: { id: mikko.teamsId, name: mikko.name, aadObjectId: mikko.aadObjectId },
          conversation: { id: mikko.conversationId, conversationType: 'personal', tenantId: TENANT },
        },
      ),
    );
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    const body = (await response.json()) as { task: { type: string; value: unknown } };
    expect(elapsed).toBeLessThan(5_000);
    // The LLM was asked (and is still thinking): the form came from the deterministic path.
    expect(llm.openai.requests.length).toBeGreaterThan(0);
    expect(body.task.type).toBe('continue');
    const card = JSON.stringify(body.task.value);
    expect(card).toContain('Havainto: Aino Virtanen');
    expect(card).toContain('Aino hoiti asiakaspalautteen rauhallisesti');
    expect(card).toContain('"osv:ms:requirements:0"');
    expect(card).toContain('Tallenna havainto');
  }, 20_000);
});
