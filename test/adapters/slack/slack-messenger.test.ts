// Every way a proactive DM can end, against the fake Web API with the outbound client settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../../src/adapters/slack/client-options.ts';
import { createSlackMessenger } from '../../../src/adapters/slack/slack-messenger.ts';
import type { Messenger, OutboundAddress } from '../../../src/messaging/messenger.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { silentLogger } from '../../support/knowledge.ts';
import type { Logger } from 'pino';
import { TOKEN_PAUSE_MS } from '../../../src/adapters/slack/slack-messenger.ts';
import { BOT_TOKEN, capturingLogger, message, STUDENT } from './fixtures.ts';

let fake: FakeSlackApi;
let messenger: Messenger;
const to: OutboundAddress = { platform: 'slack', tenantId: 'T0SCHOOL', userId: STUDENT.id };
const weekly = [message('fi', 'Viikkokooste: 3 reflektiota, 2 havaintoa.')];

function messengerAt(apiUrl: string, logger: Logger = silentLogger(), now?: () => Date): Messenger {
  return createSlackMessenger({ client: new webApi.WebClient(BOT_TOKEN, webClientOptions({ apiUrl, logger: createBoltLogger(logger), purpose: 'outbound' })), logger, ...(now ? { now } : {}) });
}

beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.addUser(STUDENT);
  messenger = messengerAt(fake.apiUrl);
});
afterAll(async () => fake.close());

const postsSoFar = () => fake.callsTo('chat.postMessage').length;

describe('the Slack messenger', () => {
  it('delivers to the user id and returns the message ts', async () => {
    const result = await messenger.send(to, weekly);
    expect(result).toEqual({ ok: true, messageId: expect.stringMatching(/^1700000000\.\d{6}$/) });
    expect(fake.callsTo('chat.postMessage').at(-1)?.args).toMatchObject({ channel: STUDENT.id, text: 'Viikkokooste: 3 reflektiota, 2 havaintoa.' });
  });

  it.each([
    ['429 with Retry-After', { kind: 'rate-limited', retryAfterSec: 30 }, { ok: false, reason: 'rate-limited', retryAfterMs: 30_000 }],
    ['ratelimited in the body', { kind: 'error', error: 'ratelimited' }, { ok: false, reason: 'rate-limited', retryAfterMs: 30_000 }],
    ['user_not_found', { kind: 'error', error: 'user_not_found' }, { ok: false, reason: 'unreachable', detail: 'user_not_found' }],
    ['cannot_dm_bot', { kind: 'error', error: 'cannot_dm_bot' }, { ok: false, reason: 'unreachable', detail: 'cannot_dm_bot' }],
    ['internal_error', { kind: 'error', error: 'internal_error' }, { ok: false, reason: 'failed', retryable: true, detail: 'internal_error' }],
    ['invalid_blocks', { kind: 'error', error: 'invalid_blocks' }, { ok: false, reason: 'failed', retryable: false, detail: 'invalid_blocks' }],
    ['HTTP 503', { kind: 'http', status: 503 }, { ok: false, reason: 'failed', retryable: true, detail: 'HTTP 503' }],
    ['HTTP 400', { kind: 'http', status: 400 }, { ok: false, reason: 'failed', retryable: false, detail: 'HTTP 400' }],
    // A 429 whose Retry-After is missing: Slack refused the call, nothing was posted.
    ['429 without Retry-After', { kind: 'rate-limited' }, { ok: false, reason: 'rate-limited', retryAfterMs: 30_000 }],
  ] as const)('maps %s, sending exactly once', async (_name, failure, expected) => {
    const before = postsSoFar();
    fake.failNext('chat.postMessage', failure);
    expect(await messenger.send(to, weekly)).toEqual(expected);
    expect(postsSoFar() - before).toBe(1);
  });

  it('calls a connection dropped after the request was sent uncertain, and does not repeat it', async () => {
    const before = postsSoFar();
    fake.failNext('chat.postMessage', { kind: 'drop' });
    expect(await messenger.send(to, weekly)).toMatchObject({ ok: false, reason: 'uncertain' });
    expect(postsSoFar() - before).toBe(1);
  });

  it('calls a refused connection failed and retryable: Slack never saw it', async () => {
    const closed = await startFakeSlackApi();
    const url = closed.apiUrl;
    await closed.close();
    expect(await messengerAt(url).send(to, weekly)).toMatchObject({ ok: false, reason: 'failed', retryable: true, detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('calls a long reply that broke off half-way uncertain, so it is not sent twice', async () => {
    const long = [{ ...message('fi', 'x'), blocks: Array.from({ length: 60 }, (_, i) => ({ type: 'paragraph' as const, text: `kappale ${i}` })) }];
    const before = postsSoFar();
    // The first part goes through, the second hits a rate limit.
    fake.failNext('chat.postMessage', { kind: 'rate-limited', retryAfterSec: 5 }, 1, 1);
    expect(await messenger.send(to, long)).toMatchObject({ ok: false, reason: 'uncertain', detail: '1 of 2 messages posted, then rate-limited' });
    expect(postsSoFar() - before).toBe(2);
  });

  it('attaches the delivery key as message metadata', async () => {
    await messenger.send(to, weekly, { deliveryKey: 'checkin:pl_demo_aino:2026-11-23' });
    expect(fake.callsTo('chat.postMessage').at(-1)?.args.metadata).toEqual({ event_type: 'osaava_delivery', event_payload: { key: 'checkin:pl_demo_aino:2026-11-23' } });
  });

  it('refuses an address of another platform without calling Slack', async () => {
    const before = fake.calls.length;
    expect(await messenger.send({ ...to, platform: 'teams' }, weekly)).toMatchObject({ ok: false, reason: 'failed', retryable: false });
    expect(fake.calls.length).toBe(before);
  });
});

// Errors about Osaava's own token (issue 13, Slack: "Errors about our own token are not a recipient's
// fault"). Shapes: chat.postMessage's error answers `{ "ok": false, "error": "invalid_auth" }` as in its
// docs (docs.slack.dev/reference/methods/chat.postMessage, "Errors": invalid_auth, not_authed,
// token_revoked, account_inactive — "Authentication token is for a deleted user or workspace when using
// a bot token" — missing_scope); missing_scope carries `needed` and `provided` as in Slack's docs on
// scopes (docs.slack.dev/authentication/…, `{"ok":false,"error":"missing_scope","needed":"chat:write","provided":"users:read"}`).
describe('the Slack messenger when Slack refuses its token', () => {
  it.each([
    ['invalid_auth', {}],
    ['not_authed', {}],
    ['token_revoked', {}],
    ['account_inactive', {}],
    ['missing_scope', { needed: 'chat:write', provided: 'users:read,users:read.email' }],
  ] as const)('%s pauses all sending without failing the check-in, tells the admins once, and resumes', async (code, extra) => {
    const log = capturingLogger();
    let now = Date.parse('2026-11-23T08:00:00Z');
    const paused = messengerAt(fake.apiUrl, log.logger, () => new Date(now));
    const before = postsSoFar();
    fake.failNext('chat.postMessage', { kind: 'error', error: code, extra }, 2);
    // Not the recipient's fault: the scheduler waits for the whole workspace and refunds the attempt.
    expect(await paused.send(to, weekly)).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: TOKEN_PAUSE_MS });
    // Other students meanwhile: no call to Slack at all.
    const other: OutboundAddress = { ...to, userId: 'UOTHER01' };
    expect(await paused.send(other, weekly)).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(postsSoFar() - before).toBe(1);
    // After the pause one send tries again; still refused, still paused, and not told again.
    now += TOKEN_PAUSE_MS + 1;
    expect(await paused.send(other, weekly)).toMatchObject({ ok: false, reason: 'rate-limited' });
    const errors = log.lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ slackError: code, ...(code === 'missing_scope' ? { neededScope: 'chat:write' } : {}) });
    // Fixed: the next send after the pause goes through.
    now += TOKEN_PAUSE_MS + 1;
    expect(await paused.send(to, weekly)).toMatchObject({ ok: true });
    expect(log.has((l) => l.msg === 'Slack accepts the bot token again; sending resumed')).toBe(true);
  });
});
