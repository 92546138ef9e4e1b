import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SlackSignatureError, verifySlackSignature, type SignatureFailure } from '../../../src/adapters/slack/verify-signature.ts';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
const body = Buffer.from('token=x&team_id=T1&command=%2Fosaava&text=edistymiseni+%C3%A4%C3%B6');
const ts = 1_700_000_000;
const at = (seconds: number) => new Date(seconds * 1000);
// Built here with node:crypto, independently of the code under test.
const sign = (raw: Buffer, timestamp: number | string, key = secret) => `v0=${createHmac('sha256', key).update(`v0:${timestamp}:`).update(raw).digest('hex')}`;

function failure(run: () => void): SignatureFailure | 'passed' {
  try {
    run();
    return 'passed';
  } catch (err) {
    if (err instanceof SlackSignatureError) return err.reason;
    throw err;
  }
}

describe('verifySlackSignature', () => {
  it('passes a request signed with the secret within five minutes', () => {
    expect(failure(() => verifySlackSignature(secret, { rawBody: body, signature: sign(body, ts), timestamp: String(ts) }, at(ts + 299)))).toBe('passed');
  });

  it.each([
    ['no signature', { signature: undefined, timestamp: String(ts) }, ts, 'missing-headers'],
    ['no timestamp', { signature: sign(body, ts), timestamp: undefined }, ts, 'missing-headers'],
    ['a timestamp that is not a number', { signature: sign(body, 'abc'), timestamp: 'abc' }, ts, 'bad-timestamp'],
    ['a timestamp 5 min 1 s old', { signature: sign(body, ts), timestamp: String(ts) }, ts + 301, 'stale'],
    ['a timestamp 5 min 1 s ahead', { signature: sign(body, ts), timestamp: String(ts) }, ts - 301, 'stale'],
    ['another secret', { signature: sign(body, ts, 'other'), timestamp: String(ts) }, ts, 'mismatch'],
    ['another timestamp than signed', { signature: sign(body, ts), timestamp: String(ts + 1) }, ts, 'mismatch'],
    ['a v1 signature', { signature: sign(body, ts).replace('v0=', 'v1='), timestamp: String(ts) }, ts, 'malformed-signature'],
    ['a short signature', { signature: 'v0=abcdef', timestamp: String(ts) }, ts, 'malformed-signature'],
  ] as const)('refuses %s', (_name, headers, now, reason) => {
    expect(failure(() => verifySlackSignature(secret, { rawBody: body, ...headers }, at(now)))).toBe(reason);
  });

  it('refuses a body changed after signing, even by one byte', () => {
    const tampered = Buffer.from(body.toString().replace('edistymiseni', 'edistymisen1'));
    expect(failure(() => verifySlackSignature(secret, { rawBody: tampered, signature: sign(body, ts), timestamp: String(ts) }, at(ts)))).toBe('mismatch');
  });

  it('checks the raw bytes, so UTF-8 text signs as Slack signs it', () => {
    const finnish = Buffer.from(JSON.stringify({ text: 'Mitä arvosanaan 4 vaaditaan? ä ö å' }));
    expect(failure(() => verifySlackSignature(secret, { rawBody: finnish, signature: sign(finnish, ts), timestamp: String(ts) }, at(ts)))).toBe('passed');
  });

  it('will not run without a secret', () => {
    expect(() => verifySlackSignature('', { rawBody: body, signature: sign(body, ts, ''), timestamp: String(ts) }, at(ts))).toThrow(/signing secret/);
  });
});
