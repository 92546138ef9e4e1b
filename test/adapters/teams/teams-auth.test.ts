// With an app id configured, the SDK's JWT check guards /api/messages: no valid bearer token, 401,
// before the core or the connector see anything. The fake connector is the token issuer here (the SDK
// reads signing keys from `${authority}/${tenant}/discovery/v2.0/keys`, so it can be pointed at it).
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ID, messageActivity, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

async function start(): Promise<RunningTeams> {
  teams = await startTeams({ auth: (connector) => ({ clientId: APP_ID, clientSecret: 'not-used-in-tests', tenantId: TENANT, authorityEndpoint: connector.authority }) });
  return teams;
}

/**
 * An activity whose replies come back in the HTTP response (`expectReplies`) and which names no
 * serviceUrl: proves the token was accepted and the turn ran, without the bot fetching its own
 * outbound token from Entra (which a test cannot issue).
 */
function expectRepliesActivity(): Record<string, unknown> {
  const activity = messageActivity('', 'help', { deliveryMode: 'expectReplies' });
  delete activity.serviceUrl;
  return activity;
}

const expectedRepliesSchema = z.object({ activities: z.array(z.object({ type: z.string() }).loose()).min(1) });

async function expectRefused(t: RunningTeams, headers: Record<string, string>): Promise<void> {
  const response = await t.post(expectRepliesActivity(), headers);
  expect(response.status).toBe(401);
  expect(t.core.calls).toHaveLength(0);
  expect(t.connector.activities()).toHaveLength(0);
}

describe('authentication with an app id configured', () => {
  it('refuses a request without a token with 401', async () => {
    await expectRefused(await start(), {});
  });

  it('refuses a malformed Authorization header', async () => {
    await expectRefused(await start(), { Authorization: 'Basic dXNlcjpwYXNz' });
  });

  it('refuses a token signed with a key the issuer does not publish', async () => {
    const t = await start();
    await expectRefused(t, { Authorization: `Bearer ${t.connector.signToken(TENANT, { audience: APP_ID, foreignKey: true })}` });
  });

  it('refuses a token for another audience', async () => {
    const t = await start();
    await expectRefused(t, { Authorization: `Bearer ${t.connector.signToken(TENANT, { audience: 'someone-else' })}` });
  });

  it('refuses an expired token', async () => {
    const t = await start();
    await expectRefused(t, { Authorization: `Bearer ${t.connector.signToken(TENANT, { audience: APP_ID, expiresInSeconds: -3600 })}` });
  });

  it('refuses a token from an issuer outside the tenant', async () => {
    const t = await start();
    const otherTenant = '0d0d0d0d-1111-4222-8333-444444444444';
    await expectRefused(t, { Authorization: `Bearer ${t.connector.signToken(TENANT, { audience: APP_ID, issuer: t.connector.issuerFor(otherTenant) })}` });
  });

  it('refuses before reading the body', async () => {
    const t = await start();
    const response = await t.post('{ not json', {});
    expect(response.status).toBe(401);
  });

  it('accepts a valid token and runs the turn', async () => {
    const t = await start();
    const response = await t.post(expectRepliesActivity(), { Authorization: `Bearer ${t.connector.signToken(TENANT, { audience: APP_ID })}` });
    expect(response.status).toBe(200);
    const body = expectedRepliesSchema.parse(await response.json());
    expect(body.activities[0]?.type).toBe('message');
    expect(t.core.calls.map((c) => c.method)).toEqual(['handle']);
  });
});
