// With an app id configured, /api/messages takes requests from the Bot Framework only. The SDK checks
// signature, audience and expiry; Osaava then accepts only the Bot Framework issuer (not tokens the
// school's own tenant issues for the bot), requires the token's `serviceurl` claim to name the
// activity's serviceUrl, only Bot Connector hosts, no `expectReplies`, and (single-tenant) only the
// school's tenant. Every refusal is logged with status and reason; 401 bodies say nothing more.
//
// Shapes: the token claims are those of a Bot Framework channel token as botbuilder-js validates it
// (libraries/botframework-connector/src/auth/channelValidation.ts: issuer `https://api.botframework.com`,
// audience = the bot's app id, the `serviceurl` claim compared with the activity's serviceUrl); the
// fake connector's `botFrameworkIssuer` stands in for that issuer, whose real keys a test cannot sign
// for. The activities are personal-chat messages as in msteams-docs
// (msteams-platform/bots/how-to/conversations/send-proactive-messages.md, conversation `a:…`,
// conversationType `personal`, channelData.tenant.id).
import { afterEach, describe, expect, it } from 'vitest';
import type { TokenOptions } from '../../support/fake-bot-connector.ts';
import { APP_ID, messageActivity, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

async function start(): Promise<RunningTeams> {
  teams = await startTeams({
    auth: (connector) => ({ clientId: APP_ID, clientSecret: 'not-used-in-tests', tenantId: TENANT, authorityEndpoint: connector.authority, issuers: [connector.botFrameworkIssuer] }),
  });
  return teams;
}

/** A token as Azure Bot Service sends it for this activity, unless `options` change it. */
function botFrameworkToken(t: RunningTeams, options: TokenOptions = {}): string {
  return t.connector.signToken(TENANT, { audience: APP_ID, issuer: t.connector.botFrameworkIssuer, extraClaims: { serviceurl: t.connector.serviceUrl }, ...options });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const REFUSED_BODIES = [
  { error: { code: 'unauthorized', message: 'Unauthorized.' } },
  { error: { code: 'forbidden', message: 'Forbidden.' } },
  { error: { code: 'bad_request', message: 'The request was refused.' } },
];

async function expectRefused(t: RunningTeams, activity: unknown, headers: Record<string, string>, status: number, reason: RegExp): Promise<void> {
  const response = await t.post(activity, headers);
  expect(response.status).toBe(status);
  // Nothing about internals: one fixed body per status.
  expect(REFUSED_BODIES).toContainEqual(await response.json());
  expect(t.core.calls).toHaveLength(0);
  expect(t.connector.activities()).toHaveLength(0);
  const refusal = t.logs.find((l) => l.msg === 'teams request refused');
  expect(refusal).toMatchObject({ status });
  expect(String(refusal?.reason)).toMatch(reason);
  // Logged without the body or the token.
  const logged = JSON.stringify(t.logs);
  expect(logged).not.toContain('Mitä arvosanaan');
  expect(logged).not.toContain(headers.Authorization?.slice(7, 60) ?? '\u0000');
}

const question = (t: RunningTeams, fields: Record<string, unknown> = {}) => messageActivity(t.connector.serviceUrl, 'Mitä arvosanaan 4 vaaditaan?', fields);

describe('authentication with an app id configured', () => {
  it('refuses a request without a token with 401', async () => {
    const t = await start();
    await expectRefused(t, question(t), {}, 401, /token refused/);
  });

  it('refuses a malformed Authorization header', async () => {
    const t = await start();
    await expectRefused(t, question(t), { Authorization: 'Basic dXNlcjpwYXNz' }, 401, /token refused/);
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const t = await start();
    await expectRefused(t, question(t), bearer(botFrameworkToken(t, { foreignKey: true })), 401, /token refused/);
  });

  it('refuses a token for another audience', async () => {
    const t = await start();
    await expectRefused(t, question(t), bearer(botFrameworkToken(t, { audience: 'someone-else' })), 401, /token refused/);
  });

  it('refuses an expired token', async () => {
    const t = await start();
    await expectRefused(t, question(t), bearer(botFrameworkToken(t, { expiresInSeconds: -3600 })), 401, /token refused/);
  });

  it("refuses a token the school's own tenant issued for the bot (client credentials of any app in the tenant)", async () => {
    const t = await start();
    // What Entra issues to an app asking for a token to the bot: iss `${authority}/${tenant}/v2.0`, tid, no serviceurl.
    const token = t.connector.signToken(TENANT, { audience: APP_ID, extraClaims: { tid: TENANT, serviceurl: t.connector.serviceUrl } });
    await expectRefused(t, question(t), bearer(token), 401, /token refused/);
  });

  it('refuses a token from another tenant', async () => {
    const t = await start();
    const otherTenant = '0d0d0d0d-1111-4222-8333-444444444444';
    await expectRefused(t, question(t), bearer(t.connector.signToken(TENANT, { audience: APP_ID, issuer: t.connector.issuerFor(otherTenant) })), 401, /token refused/);
  });

  it('refuses a Bot Framework token without a serviceurl claim', async () => {
    const t = await start();
    await expectRefused(t, question(t), bearer(botFrameworkToken(t, { extraClaims: {} })), 401, /no serviceurl claim/);
  });

  it("refuses an activity whose serviceUrl is not the token's", async () => {
    const t = await start();
    const token = botFrameworkToken(t, { extraClaims: { serviceurl: 'https://smba.trafficmanager.net/emea/' } });
    await expectRefused(t, question(t), bearer(token), 401, /does not match/);
  });

  it('refuses a serviceUrl that is not a Bot Connector host, even with a matching claim', async () => {
    const t = await start();
    const attacker = 'https://connector.attacker.example/';
    const token = botFrameworkToken(t, { extraClaims: { serviceurl: attacker } });
    await expectRefused(t, question(t, { serviceUrl: attacker }), bearer(token), 400, /not a Bot Connector host/);
    expect(await t.references.get(TENANT, 'a1b2c3d4-0000-4000-8000-000000000001')).toBeUndefined();
  });

  it('refuses replies in the HTTP response (deliveryMode expectReplies) with 400', async () => {
    const t = await start();
    await expectRefused(t, question(t, { deliveryMode: 'expectReplies' }), bearer(botFrameworkToken(t)), 400, /expectReplies/);
  });

  it('refuses an activity from another tenant with 403', async () => {
    const t = await start();
    const other = '72f988bf-86f1-41af-91ab-2d7cd011db47';
    const activity = question(t, { conversation: { id: 'a:1other', conversationType: 'personal', tenantId: other }, channelData: { tenant: { id: other } } });
    await expectRefused(t, activity, bearer(botFrameworkToken(t)), 403, /another tenant/);
  });

  it('refuses before reading the body', async () => {
    const t = await start();
    const response = await t.post('{ not json', {});
    expect(response.status).toBe(401);
  });

  it('lets a Bot Framework token for this serviceUrl and tenant through to the turn', async () => {
    const t = await start();
    const response = await t.post(question(t), bearer(botFrameworkToken(t)));
    // Past every check; the bot's own outbound token cannot be had from a test authority (MSAL wants
    // https), so the SDK stops there with a 500 rather than a refusal.
    expect(t.logs.some((l) => l.msg === 'teams request refused')).toBe(false);
    expect(response.status).toBe(500);
    expect(t.logs.some((l) => l.msg === 'teams request could not be processed')).toBe(true);
  });
});
