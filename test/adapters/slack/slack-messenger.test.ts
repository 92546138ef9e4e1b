// Every way a proactive DM can end, against the fake Web API with the outbound client settings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../../src/adapters/slack/client-options.ts';
import { createSlackMessenger } from '../../../src/adapters/slack/slack-messenger.ts';
import type { Messenger, OutboundAddress } from '../../../src/messaging/messenger.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { silentLogger } from '../../support/knowledge.ts';
import { BOT_TOKEN, message, STUDENT } from './fixtures.ts';

let fake: FakeSlackApi;
let messenger: Messenger;
const to: OutboundAddress = { platform: 'slack', tenantId: 'T0SCHOOL', userId: STUDENT.id };
const weekly = [message('fi', 'Viikkokooste: 3 reflektiota, 2 havaintoa.')];

function messengerAt(apiUrl: string): Messenger {
  const logger = silentLogger();
  return createSlackMessenger({ client: new webApi.WebClient(BOT_TOKEN, webClientOptions({ apiUrl, logger: createBoltLogger(logger), purpose: 'outbound' })), logger });
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
    ['account_inactive', { kind: 'error', error: 'account_inactive' }, { ok: false, reason: 'unreachable', detail: 'account_inactive' }],
    ['cannot_dm_bot', { kind: 'error', error: 'cannot_dm_bot' }, { ok: false, reason: 'unreachable', detail: 'cannot_dm_bot' }],
    ['internal_error', { kind: 'error', error: 'internal_error' }, { ok: false, reason: 'failed', retryable: true, detail: 'internal_error' }],
    ['invalid_blocks', { kind: 'error', error: 'invalid_blocks' }, { ok: false, reason: 'failed', retryable: false, detail: 'invalid_blocks' }],
    ['HTTP 503', { kind: 'http', status: 503 }, { ok: false, reason: 'failed', retryable: true, detail: 'HTTP 503' }],
    ['HTTP 400', { kind: 'http', status: 400 }, { ok: false, reason: 'failed', retryable: false, detail: 'HTTP 400' }],
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
