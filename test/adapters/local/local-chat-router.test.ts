import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/chat/reply.ts';
import { errorBodySchema, localUserSchema, MAX_TEXT_LENGTH } from '../../../src/adapters/local/schemas.ts';
import { z } from 'zod';
import {
  captureLogs,
  demoUsers,
  englishGradeReply,
  finnishGradeReply,
  startLocalChat,
} from './local-chat-fixtures.ts';
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

function postJson(chat: RunningChat, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${chat.baseUrl}/api/chat`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

async function expectError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error.message;
}

const usersResponseSchema = z.object({ users: z.array(localUserSchema), notice: z.string().optional() });

describe('GET /', () => {
  it('serves one self-contained HTML page with a hash-pinned CSP', async () => {
    const chat = await start();
    const response = await fetch(`${chat.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<style>');
    expect(html).toContain('<script>');
    expect(html).not.toContain('__OSAAVA_');
    // No external assets: nothing is loaded from another origin.
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\//i);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
  });
});

describe('GET /api/users', () => {
  it('lists the local users', async () => {
    const chat = await start();
    const response = await fetch(`${chat.baseUrl}/api/users`);
    expect(response.status).toBe(200);
    const body = usersResponseSchema.parse(await response.json());
    expect(body.users).toEqual(demoUsers);
    expect(body.notice).toBeUndefined();
  });

  it('passes the notice along for the banner', async () => {
    const chat = await start({ notice: 'Demo data only' });
    const body = usersResponseSchema.parse(await (await fetch(`${chat.baseUrl}/api/users`)).json());
    expect(body.notice).toBe('Demo data only');
  });

  it('answers 500 when the users cannot be listed', async () => {
    const chat = await start({ listUsers: () => Promise.reject(new Error('db down')) });
    await expectError(await fetch(`${chat.baseUrl}/api/users`), 500, 'internal');
  });
});

describe('POST /api/chat', () => {
  it('hands the trimmed text to the core and returns its replies', async () => {
    const calls: Array<{ userId: string; text: string }> = [];
    const chat = await start({
      handle: async (input) => {
        calls.push(input);
        return [finnishGradeReply, englishGradeReply];
      },
    });
    const response = await postJson(chat, JSON.stringify({ user: 'u-aino', text: '  Mitä arvosanaan 4 vaaditaan?\n' }));
    expect(response.status).toBe(200);
    const body: unknown = await response.json();
    const expected: { replies: Reply[] } = { replies: [finnishGradeReply, englishGradeReply] };
    expect(body).toEqual(expected);
    expect(calls).toEqual([{ userId: 'u-aino', text: 'Mitä arvosanaan 4 vaaditaan?' }]);
  });

  it('lets an unknown user id through: the core decides what it may do', async () => {
    const seen: string[] = [];
    const chat = await start({
      handle: async ({ userId }) => {
        seen.push(userId);
        return [];
      },
    });
    const response = await postJson(chat, JSON.stringify({ user: 'nobody-we-know', text: 'help' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ replies: [] });
    expect(seen).toEqual(['nobody-we-know']);
  });

  it('accepts a message of exactly the limit', async () => {
    const chat = await start();
    const response = await postJson(chat, JSON.stringify({ user: 'u-aino', text: 'a'.repeat(MAX_TEXT_LENGTH) }));
    expect(response.status).toBe(200);
  });

  const badBodies: Array<[string, unknown, RegExp]> = [
    ['a missing user', { text: 'help' }, /"user" is required/],
    ['a missing text', { user: 'u-aino' }, /"text" is required/],
    ['an empty user', { user: '', text: 'help' }, /"user" must not be empty/],
    ['an empty text', { user: 'u-aino', text: '' }, /"text" must not be empty/],
    ['a whitespace-only text', { user: 'u-aino', text: ' \n\t ' }, /"text" must not be empty/],
    ['a numeric user', { user: 42, text: 'help' }, /"user" must be a string/],
    ['a text that is an object', { user: 'u-aino', text: { q: 'help' } }, /"text" must be a string/],
    ['an array body', [{ user: 'u-aino', text: 'help' }], /JSON object/],
    ['a null body', null, /JSON object/],
    ['a string body', 'help', /JSON object/],
  ];

  for (const [name, body, message] of badBodies) {
    it(`answers 400 invalid_request for ${name}`, async () => {
      let called = false;
      const chat = await start({
        handle: async () => {
          called = true;
          return [];
        },
      });
      const text = await expectError(await postJson(chat, JSON.stringify(body)), 400, 'invalid_request');
      expect(text).toMatch(message);
      expect(called).toBe(false);
    });
  }

  it('answers 400 invalid_json for a body that is not JSON', async () => {
    const chat = await start();
    const message = await expectError(await postJson(chat, '{"user": "u-aino", "text": '), 400, 'invalid_json');
    expect(message).toMatch(/not valid JSON/);
  });

  it('answers 400 text_too_long and states the limit', async () => {
    const chat = await start();
    const response = await postJson(chat, JSON.stringify({ user: 'u-aino', text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }));
    const message = await expectError(response, 400, 'text_too_long');
    expect(message).toContain(`limit is ${MAX_TEXT_LENGTH} characters`);
    expect(message).toContain(`got ${MAX_TEXT_LENGTH + 1}`);
  });

  it('answers 413 for a body over 64 kB', async () => {
    const chat = await start();
    const response = await postJson(chat, JSON.stringify({ user: 'u-aino', text: 'a'.repeat(70 * 1024) }));
    const message = await expectError(response, 413, 'payload_too_large');
    expect(message).toMatch(/64 kB/);
  });

  it('answers 415 for a body that is not sent as JSON', async () => {
    const chat = await start();
    const response = await postJson(chat, JSON.stringify({ user: 'u-aino', text: 'help' }), 'text/plain');
    await expectError(response, 415, 'unsupported_media_type');
  });

  it('answers 500 with a generic message when the core throws, logs it, and keeps serving', async () => {
    const logs = captureLogs();
    const chat = await start({
      logger: logs.logger,
      handle: () => Promise.reject(new Error('secret stack detail')),
    });
    const message = await expectError(
      await postJson(chat, JSON.stringify({ user: 'u-aino', text: 'help' })),
      500,
      'internal',
    );
    expect(message).toMatch(/^Something went wrong/);
    expect(message).not.toContain('secret');
    const errors = logs.lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain('secret stack detail');
    expect((await fetch(`${chat.baseUrl}/api/users`)).status).toBe(200);
  });

  it('logs each request at info without the message text, which only debug carries', async () => {
    const logs = captureLogs();
    const chat = await start({ logger: logs.logger });
    const secret = 'Henkilötunnukseni on 131052-308T';
    expect((await postJson(chat, JSON.stringify({ user: 'u-aino', text: secret }))).status).toBe(200);
    const lines = logs.lines();
    const info = lines.filter((line) => line.level === 30);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ userId: 'u-aino', chars: secret.length, replies: 1 });
    const nonDebug = lines.filter((line) => typeof line.level === 'number' && line.level > 20);
    expect(JSON.stringify(nonDebug)).not.toContain('131052');
    const debug = lines.filter((line) => line.level === 20);
    expect(JSON.stringify(debug)).toContain(secret);
  });
});
