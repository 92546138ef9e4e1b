// The request guard in front of Bolt on POST /slack/events, over real HTTP: its signature check is
// Bolt's verifySlackRequest on our injected clock, plus the checks Bolt lacks (far-future timestamps,
// a non-UTF-8 body, the body size limit). Signatures are built here with node:crypto, independently.
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRequestGuard, MAX_SLACK_BODY_BYTES, SLACK_EVENTS_PATH } from '../../../src/adapters/slack/request-guard.ts';
import { silentLogger } from '../../support/knowledge.ts';
import { capturingLogger, type CapturedLogger } from './fixtures.ts';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
// 2023-11-14: far from the system clock, so a pass also shows the injected clock is the one used.
const ts = 1_700_000_000;
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const json = { 'content-type': 'application/json' };
const command = Buffer.from('token=x&team_id=T1&command=%2Fosaava&text=edistymiseni+%C3%A4%C3%B6&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1');
const sign = (raw: Buffer, timestamp: number | string, key = secret) => `v0=${createHmac('sha256', key).update(`v0:${timestamp}:`).update(raw).digest('hex')}`;
const signed = (raw: Buffer, timestamp: number | string = ts, key = secret) => ({ 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(raw, timestamp, key) });

let nowSeconds = ts;
const log: CapturedLogger = capturingLogger();
let reached: Buffer[] = [];
let url = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const app = express();
  // What stands behind the guard (Bolt, in the app): records what got through.
  const behind: RequestHandler = (req, res) => {
    reached.push((req as unknown as { rawBody: Buffer }).rawBody);
    res.status(200).send('reached');
  };
  app.post(SLACK_EVENTS_PATH, ...createRequestGuard({ signingSecret: secret, clock: { now: () => new Date(nowSeconds * 1000) }, logger: log.logger, isReady: () => true }), behind);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => close());
beforeEach(() => {
  nowSeconds = ts;
  log.lines.length = 0;
  reached = [];
});

async function post(raw: Buffer, headers: Record<string, string>) {
  const res = await fetch(url, { method: 'POST', headers, body: raw });
  return { status: res.status, text: await res.text() };
}

const refusals = () => log.lines.filter((l) => l.msg === 'Slack request refused: bad signature');

describe('the Slack request guard (Bolt verifySlackRequest behind it)', () => {
  it('passes a request signed with the secret within five minutes of the injected clock, raw body intact', async () => {
    nowSeconds = ts + 299;
    const res = await post(command, { ...form, ...signed(command) });
    expect(res).toEqual({ status: 200, text: 'reached' });
    expect(reached).toHaveLength(1);
    expect(reached[0]?.equals(command)).toBe(true);
    expect(refusals()).toEqual([]);
  });

  it('checks the raw bytes, so UTF-8 text signs as Slack signs it', async () => {
    const finnish = Buffer.from(JSON.stringify({ type: 'event_callback', event: { type: 'message', text: 'Mitä arvosanaan 4 vaaditaan? ä ö å' } }));
    expect((await post(finnish, { ...json, ...signed(finnish) })).text).toBe('reached');
  });

  it.each([
    ['no signature headers', () => ({}), /missing/],
    ['no signature', () => ({ 'x-slack-request-timestamp': String(ts) }), /missing/],
    ['no timestamp', () => ({ 'x-slack-signature': sign(command, ts) }), /missing/],
    ['a timestamp that is not a number', () => signed(command, 'abc'), /not a number/],
    ['a timestamp 5 min 1 s old', () => ({ ...signed(command), now: ts + 301 }), /stale/],
    ['a timestamp 5 min 1 s ahead', () => ({ ...signed(command), now: ts - 301 }), /future/],
    ['another secret', () => signed(command, ts, 'another-secret'), /signature mismatch/],
    ['another timestamp than signed', () => ({ ...signed(command), 'x-slack-request-timestamp': String(ts + 1) }), /signature mismatch/],
    ['a v1 signature', () => ({ ...signed(command), 'x-slack-signature': sign(command, ts).replace('v0=', 'v1=') }), /unknown signature version/],
    ['a short signature', () => ({ ...signed(command), 'x-slack-signature': 'v0=abcdef' }), /signature mismatch/],
  ] as const)('refuses %s with 401, logged, and nothing behind it runs', async (_name, make, reason) => {
    const { now, ...headers } = { now: ts, ...make() };
    nowSeconds = now;
    const res = await post(command, { ...form, ...headers });
    expect(res.status).toBe(401);
    expect(reached).toEqual([]);
    expect(refusals()).toHaveLength(1);
    expect(String(refusals()[0]?.reason)).toMatch(reason);
  });

  it('refuses a body changed after signing, even by one byte', async () => {
    const tampered = Buffer.from(command.toString().replace('edistymiseni', 'edistymisen1'));
    expect((await post(tampered, { ...form, ...signed(command) })).status).toBe(401);
    expect(String(refusals()[0]?.reason)).toMatch(/signature mismatch/);
    expect(reached).toEqual([]);
  });

  it('refuses a body that is not UTF-8, even when the bytes are signed', async () => {
    const latin1 = Buffer.concat([Buffer.from('{"type":"event_callback","event":{"type":"message","text":"'), Buffer.from([0xe4]), Buffer.from('"}}')]);
    expect((await post(latin1, { ...json, ...signed(latin1) })).status).toBe(401);
    expect(String(refusals()[0]?.reason)).toMatch(/UTF-8/);
    expect(reached).toEqual([]);
  });

  it('refuses a body over the size limit with 413 before checking anything', async () => {
    const huge = Buffer.alloc(MAX_SLACK_BODY_BYTES + 1, 'a');
    expect((await post(huge, { ...json, ...signed(huge) })).status).toBe(413);
    expect(reached).toEqual([]);
  });

  it('will not start without a secret', () => {
    expect(() => createRequestGuard({ signingSecret: '', clock: { now: () => new Date() }, logger: silentLogger(), isReady: () => true })).toThrow(/signing secret/);
  });
});
