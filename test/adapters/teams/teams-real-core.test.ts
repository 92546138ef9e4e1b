// Teams over the real core and database: identity linked to a demo person, a check-in card answered
// and recorded, access refused for a student asking about another, an instructor's observation.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore as createRealCore, type TestCore as RealCore } from '../../support/core.ts';
import { aino, cardOf, recordingCore, invokeActivity, messageActivity, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let real: RealCore;
let teams: RunningTeams | undefined;

beforeAll(async () => {
  real = await createRealCore();
  await real.store.people.linkIdentity({ platform: 'teams', tenantId: TENANT, externalId: aino.aadObjectId, personId: 'aino' });
}, 60_000);
afterAll(async () => real?.close());
afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

const lastCardText = (t: RunningTeams) => JSON.stringify(t.connector.activities().map((a) => cardOf(a.activity) ?? a.activity.text).at(-1));

describe('Teams over the real core', () => {
  it('refuses a student asking about another student', async () => {
    teams = await startTeams({ core: recordingCore(real.core) });
    await teams.post(messageActivity(teams.connector.serviceUrl, 'progress Ville'));
    const text = lastCardText(teams);
    expect(text).toContain('not allowed');
    expect(text).not.toContain('Lahden Tilitoimisto');
  });

  it('shows the student their own progress', async () => {
    teams = await startTeams({ core: recordingCore(real.core) });
    await teams.post(messageActivity(teams.connector.serviceUrl, 'edistymiseni'));
    expect(lastCardText(teams)).toContain('/25');
  });

  it('records a check-in answered on the card', async () => {
    teams = await startTeams({ core: recordingCore(real.core) });
    await teams.post(messageActivity(teams.connector.serviceUrl, 'reflektoi'));
    const card = JSON.stringify(cardOf(teams.connector.activities()[0]?.activity ?? {}));
    const formId = /"formId":"([^"]+)"/.exec(card)?.[1];
    expect(formId).toMatch(/^pl_demo_aino:\d{4}-\d{2}-\d{2}$/);
    const response = await teams.post(invokeActivity(teams.connector.serviceUrl, 'adaptiveCard/action', {
      action: { type: 'Action.Execute', verb: 'osaava.submit', data: { osaava: 'submit', formKind: 'checkin', formId, 'osv:tx:text': 'Päivitin asiakasrekisterin', 'osv:ms:requirements:2': 'AH-T4', 'osv:rt:confidence': '4' } },
      trigger: 'manual',
    }));
    expect(response.status).toBe(200);
    const body = JSON.stringify(await response.json());
    expect(body).toContain('Reflektio tallennettu');
    const day = await real.store.reflections.findForDay('pl_demo_aino', formId!.split(':')[1]!);
    expect(day).toMatchObject({ text: 'Päivitin asiakasrekisterin', requirementIds: ['AH-T4'], confidence: 4 });
  });
});
