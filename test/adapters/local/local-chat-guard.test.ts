// The local chat over real HTTP: only at loopback Host names (DNS rebinding), and bad input is a
// clear 4xx with an info line, never a 500.
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { errorBodySchema, MAX_BODY_BYTES } from '../../../src/adapters/local/schemas.ts';
import { captureLogs, startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

let running: RunningChat | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(...args: Parameters<typeof startLocalChat>): Promise<RunningChat> {
  running = await startLocalChat(...args);
  return running;
}

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** A request with headers fetch will not forge (Host) and bodies sent byte for byte. */
function send(chat: RunningChat, options: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<RawResponse> {
  const url = new URL(options.path, chat.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: options.method ?? 'GET', headers: options.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function expectError(response: RawResponse, status: number, code: string): string {
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  expect(response.contentType).toMatch(/^application\/json/);
  const body = errorBodySchema.parse(JSON.parse(response.body));
  expect(body.error.code).toBe(code);
  expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return body.error.message;
}

const json = (body: unknown) => JSON.stringify(body);
const postChat = (chat: RunningChat, body: Buffer | string, headers: Record<string, string> = {}) =>
  send(chat, { method: 'POST', path: '/api/chat', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('the Host header', () => {
  const routes: Array<[string, string, string?]> = [
    ['GET', '/'],
    ['GET', '/api/users'],
    ['GET', '/api/inbox?user=aino'],
    ['POST', '/api/chat', json({ user: 'aino', text: 'help' })],
    ['POST', '/api/form', json({ user: 'aino', formKind: 'checkin', formId: 'x', values: {} })],
  ];

  for (const [method, path, body] of routes) {
    it(`refuses ${method} ${path} at a forged Host with 403, before reading anything`, async () => {
      let called = false;
      const chat = await start({
        listUsers: async () => {
          called = true;
          return [];
        },
        handle: async () => {
          called = true;
          return [];
        },
        submit: async () => {
          called = true;
          return [];
        },
      });
      const response = await send(chat, { method, path, headers: { Host: 'rebind.attacker.example:3978', 'Content-Type': 'application/json' }, ...(body ? { body } : {}) });
      expect(expectError(response, 403, 'forbidden')).toMatch(/DNS rebinding/);
      expect(called).toBe(false);
    });
  }

  it('serves localhost, 127.0.0.1 and [::1] with any port', async () => {
    const chat = await start();
    for (const host of ['localhost', 'localhost:3978', '127.0.0.1:1234', '[::1]:3978']) {
      expect((await send(chat, { path: '/api/users', headers: { Host: host } })).status).toBe(200);
    }
  });

  it('serves the extra names it is given (LOCAL_CHAT_HOSTS), and no others', async () => {
    const chat = await start({ access: { allowRemote: false, extraHosts: ['devbox.lan'] } });
    expect((await send(chat, { path: '/api/users', headers: { Host: 'devbox.lan:3978' } })).status).toBe(200);
    expect((await send(chat, { path: '/api/users', headers: { Host: 'other.lan:3978' } })).status).toBe(403);
  });

  it('refuses a request a local proxy forwards for another machine', async () => {
    const chat = await start();
    const response = await send(chat, { path: '/api/users', headers: { 'X-Forwarded-For': '203.0.113.9' } });
    expect(expectError(response, 403, 'forbidden')).toMatch(/LOCAL_CHAT=on/);
  });

  it('logs each refusal at info with its status and reason, without the body', async () => {
    const logs = captureLogs();
    const chat = await start({ logger: logs.logger });
    await send(chat, { method: 'POST', path: '/api/chat', headers: { Host: 'evil.example', 'Content-Type': 'application/json' }, body: json({ user: 'aino', text: 'salainen viesti' }) });
    const refusals = logs.lines().filter((line) => line.msg === 'local chat request refused');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ level: 30, status: 403, reason: 'host', path: '/api/chat', host: 'evil.example' });
    expect(JSON.stringify(logs.lines())).not.toContain('salainen');
  });

  it('leaves paths that are not the local chat’s alone', async () => {
    const chat = await start();
    expect((await send(chat, { path: '/slack/events', headers: { Host: 'evil.example' } })).status).toBe(404);
  });
});

// A request to this machine's own non-loopback address arrives from that address, not from loopback:
// what another machine on the network looks like. Skipped where the machine has no such interface.
const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((nic) => nic !== undefined && !nic.internal && nic.family === 'IPv4')?.address;

describe.skipIf(lanAddress === undefined)(`the remote address (over ${lanAddress ?? 'no non-loopback interface'})`, () => {
  it('refuses a request from a non-loopback address with 403, and logs why', async () => {
    const logs = captureLogs();
    const chat = await start({ logger: logs.logger }, lanAddress);
    const response = await send(chat, { path: '/api/users', headers: { Host: 'localhost:3978' } });
    expect(expectError(response, 403, 'forbidden')).toMatch(/LOCAL_CHAT=on/);
    expect(logs.lines().filter((line) => line.msg === 'local chat request refused')).toMatchObject([{ level: 30, status: 403, reason: 'remote_address', remoteAddress: lanAddress }]);
  });

  it('serves it with an explicit LOCAL_CHAT=on at a host name LOCAL_CHAT_HOSTS lists', async () => {
    const chat = await start({ access: { allowRemote: true, extraHosts: [lanAddress ?? ''] } }, lanAddress);
    expect((await send(chat, { path: '/api/users' })).status).toBe(200);
    expect((await send(chat, { path: '/api/users', headers: { Host: 'evil.example' } })).status).toBe(403);
  });
});

describe('bad input is 400, never 500', () => {
  const controlCharacters: Array<[string, string]> = [
    ['a NUL byte', 'ai\u0000no'],
    ['a bell', 'ai\u0007no'],
    ['an escape', '\u001b[31maino'],
    ['a DEL', 'aino\u007f'],
    ['a C1 control', 'ai\u0085no'],
    ['a line break inside', 'ai\nno'],
  ];

  for (const [name, user] of controlCharacters) {
    it(`answers 400 for ${name} in "user", and the core never sees it`, async () => {
      let called = false;
      const chat = await start({
        handle: async () => {
          called = true;
          return [];
        },
      });
      expect(expectError(await postChat(chat, json({ user, text: 'help' })), 400, 'invalid_request')).toMatch(/"user" must not contain control characters/);
      expect(called).toBe(false);
    });
  }

  it('answers 400 for a NUL byte in the text (PostgreSQL refuses it), but takes line breaks and tabs', async () => {
    const chat = await start();
    expect(expectError(await postChat(chat, json({ user: 'aino', text: 'moi\u0000' })), 400, 'invalid_request')).toMatch(/NUL/);
    expect((await postChat(chat, json({ user: 'aino', text: 'rivi 1\nrivi\t2' }))).status).toBe(200);
  });

  it('answers 400 for control characters in every id of a form, and NUL in its values', async () => {
    const chat = await start();
    const form = { user: 'aino', formKind: 'checkin', formId: 'checkin-aino-2026-12-14', values: { learned: 'opin' } };
    const post = (body: unknown) => send(chat, { method: 'POST', path: '/api/form', headers: { 'Content-Type': 'application/json' }, body: json(body) });
    expect((await post(form)).status).toBe(200);
    expect(expectError(await post({ ...form, user: 'aino\u0000' }), 400, 'invalid_request')).toMatch(/"user"/);
    expect(expectError(await post({ ...form, formId: 'checkin\u0000' }), 400, 'invalid_request')).toMatch(/"formId"/);
    expect(expectError(await post({ ...form, values: { 'learn\u0000ed': 'opin' } }), 400, 'invalid_request')).toMatch(/field ids/);
    expect(expectError(await post({ ...form, values: { learned: 'op\u0000in' } }), 400, 'invalid_request')).toMatch(/"values.learned" must not contain NUL/);
  });

  it('answers 400 for control characters in the inbox user', async () => {
    const chat = await start();
    expect(expectError(await send(chat, { path: '/api/inbox?user=ai%00no' }), 400, 'invalid_request')).toMatch(/control characters/);
  });

  const fakeEncodings = ['gzip', 'deflate', 'br'];
  for (const encoding of fakeEncodings) {
    it(`answers 400 invalid_encoding for a body that claims Content-Encoding: ${encoding} but is not`, async () => {
      const chat = await start();
      const message = expectError(await postChat(chat, json({ user: 'aino', text: 'help' }), { 'Content-Encoding': encoding }), 400, 'invalid_encoding');
      expect(message).toMatch(/Content-Encoding/);
    });
  }

  it('answers 400 for a gzip body cut short', async () => {
    const chat = await start();
    const cut = gzipSync(json({ user: 'aino', text: 'help' })).subarray(0, 15);
    expectError(await postChat(chat, cut, { 'Content-Encoding': 'gzip' }), 400, 'invalid_encoding');
  });

  it('reads bodies that really are gzip, deflate or br', async () => {
    const chat = await start();
    const body = json({ user: 'aino', text: 'help' });
    expect((await postChat(chat, gzipSync(body), { 'Content-Encoding': 'gzip' })).status).toBe(200);
    expect((await postChat(chat, deflateSync(body), { 'Content-Encoding': 'deflate' })).status).toBe(200);
    expect((await postChat(chat, brotliCompressSync(body), { 'Content-Encoding': 'br' })).status).toBe(200);
  });

  it('answers 413 for a small gzip body that inflates past the limit', async () => {
    const chat = await start();
    const bomb = gzipSync(json({ user: 'aino', text: 'a'.repeat(MAX_BODY_BYTES * 4) }));
    expect(bomb.length).toBeLessThan(MAX_BODY_BYTES / 10);
    expectError(await postChat(chat, bomb, { 'Content-Encoding': 'gzip' }), 413, 'payload_too_large');
  });

  it('answers 415 for an unknown Content-Encoding or charset', async () => {
    const chat = await start();
    expectError(await postChat(chat, json({ user: 'aino', text: 'help' }), { 'Content-Encoding': 'x-unknown' }), 415, 'unsupported_media_type');
    expectError(await postChat(chat, json({ user: 'aino', text: 'help' }), { 'Content-Type': 'application/json; charset=klingon' }), 415, 'unsupported_media_type');
  });

  it('answers 400 for malformed JSON, 415 for a wrong Content-Type, 413 for a body over the limit', async () => {
    const chat = await start();
    expectError(await postChat(chat, '{"user": "aino", "text": '), 400, 'invalid_json');
    expectError(await postChat(chat, '{"user": "aino"\u0000}'), 400, 'invalid_json');
    expectError(await postChat(chat, json({ user: 'aino', text: 'help' }), { 'Content-Type': 'text/plain' }), 415, 'unsupported_media_type');
    expectError(await postChat(chat, json({ user: 'aino', text: 'a'.repeat(MAX_BODY_BYTES) })), 413, 'payload_too_large');
  });

  it('logs each rejection at info with its status, never the body, and nothing at error', async () => {
    const logs = captureLogs();
    const chat = await start({ logger: logs.logger });
    const secret = 'Matti Meikäläinen 131052-308T';
    await postChat(chat, json({ user: 'aino\u0000', text: secret }));
    await postChat(chat, `{"user": "aino", "text": "${secret}`);
    await postChat(chat, json({ user: 'aino', text: secret }), { 'Content-Encoding': 'gzip' });
    await postChat(chat, json({ user: 'aino', text: secret }), { 'Content-Type': 'text/plain' });
    await postChat(chat, json({ user: 'aino', text: secret.repeat(5000) }));
    const lines = logs.lines();
    const rejected = lines.filter((line) => line.msg === 'local chat request rejected');
    expect(rejected.map((line) => [line.level, line.status])).toEqual([[30, 400], [30, 400], [30, 400], [30, 415], [30, 413]]);
    expect(lines.filter((line) => typeof line.level === 'number' && line.level >= 40)).toEqual([]);
    expect(JSON.stringify(lines)).not.toContain('Meikäläinen');
  });
});
