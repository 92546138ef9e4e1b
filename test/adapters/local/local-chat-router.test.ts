import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/conversation/reply.ts';
import type { LocalChatDeps } from '../../../src/adapters/local/local-chat-router.ts';
import {
  errorBodySchema,
  localUserSchema,
  MAX_FORM_LIST_ITEMS,
  MAX_TEXT_LENGTH,
} from '../../../src/adapters/local/schemas.ts';
import { z } from 'zod';
import {
  captureLogs,
  checkinSavedReply,
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

function postJson(chat: RunningChat, body: string, contentType = 'application/json', path = 'chat'): Promise<Response> {
  return fetch(`${chat.baseUrl}/api/${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
}

function postForm(chat: RunningChat, body: unknown, contentType = 'application/json'): Promise<Response> {
  return postJson(chat, typeof body === 'string' ? body : JSON.stringify(body), contentType, 'form');
}

type FormInput = Parameters<LocalChatDeps['submit']>[0];

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

describe('POST /api/form', () => {
  const checkin = {
    user: 'u-aino',
    formKind: 'checkin',
    formId: 'checkin-u-aino-2025-03-12',
    values: { requirements: ['R02', 'R19'], confidence: 4, learned: 'Opin kirjaamaan havainnot.' },
  };

  /** Starts the chat with a submit that records its calls. */
  async function startRecording(reply: Reply[] = [checkinSavedReply]): Promise<{ chat: RunningChat; calls: FormInput[] }> {
    const calls: FormInput[] = [];
    const chat = await start({
      submit: async (input) => {
        calls.push(input);
        return reply;
      },
    });
    return { chat, calls };
  }

  it('hands the submitted form to the core and returns its replies', async () => {
    const { chat, calls } = await startRecording();
    const response = await postForm(chat, { ...checkin, user: '  u-aino ' });
    expect(response.status).toBe(200);
    const expected: { replies: Reply[] } = { replies: [checkinSavedReply] };
    expect(await response.json()).toEqual(expected);
    expect(calls).toEqual([
      {
        userId: 'u-aino',
        formKind: 'checkin',
        formId: 'checkin-u-aino-2025-03-12',
        values: { requirements: ['R02', 'R19'], confidence: 4, learned: 'Opin kirjaamaan havainnot.' },
      },
    ]);
  });

  it('accepts every form kind, empty values, and values exactly at the limits', async () => {
    const { chat, calls } = await startRecording([]);
    for (const formKind of ['checkin', 'observation', 'checkin-time']) {
      expect((await postForm(chat, { ...checkin, formKind, values: {} })).status).toBe(200);
    }
    const atLimits = {
      ...checkin,
      values: { text: 'a'.repeat(MAX_TEXT_LENGTH), list: Array.from({ length: MAX_FORM_LIST_ITEMS }, (_, i) => `R${i}`), none: [] },
    };
    const response = await postForm(chat, atLimits);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ replies: [] });
    expect(calls.map((call) => call.formKind)).toEqual(['checkin', 'observation', 'checkin-time', 'checkin']);
    expect(calls[3]?.values).toEqual(atLimits.values);
  });

  const badBodies: Array<[string, unknown, RegExp]> = [
    ['a missing user', { ...checkin, user: undefined }, /"user" is required/],
    ['an empty user', { ...checkin, user: ' ' }, /"user" must not be empty/],
    ['a missing form kind', { ...checkin, formKind: undefined }, /"formKind" is required/],
    ['an unknown form kind', { ...checkin, formKind: 'survey' }, /"formKind" must be one of checkin, observation, checkin-time/],
    ['a missing form id', { ...checkin, formId: undefined }, /"formId" is required/],
    ['an empty form id', { ...checkin, formId: '' }, /"formId" must not be empty/],
    ['missing values', { ...checkin, values: undefined }, /"values" is required/],
    ['values that are a list', { ...checkin, values: ['R02'] }, /"values" must be an object/],
    ['a boolean value', { ...checkin, values: { ok: true } }, /"values.ok" must be a string, a list of strings or a number/],
    ['a null value', { ...checkin, values: { ok: null } }, /"values.ok" must be a string, a list of strings or a number/],
    ['an object value', { ...checkin, values: { ok: { a: 1 } } }, /"values.ok" must be a string, a list of strings or a number/],
    ['a list of numbers', { ...checkin, values: { ids: [1, 2] } }, /"values.ids" must be a string, a list of strings or a number/],
    [
      'a list over the item limit',
      { ...checkin, values: { ids: Array.from({ length: MAX_FORM_LIST_ITEMS + 1 }, () => 'R01') } },
      new RegExp(`"values.ids" has too many items: the limit is ${MAX_FORM_LIST_ITEMS}`),
    ],
    ['an empty field id', { ...checkin, values: { '': 'x' } }, /field ids in "values" must be 1 to 200 characters/],
    ['an array body', [checkin], /JSON object/],
    ['a null body', null, /JSON object/],
  ];

  for (const [name, body, message] of badBodies) {
    it(`answers 400 invalid_request for ${name}`, async () => {
      const { chat, calls } = await startRecording();
      const text = await expectError(await postForm(chat, body), 400, 'invalid_request');
      expect(text).toMatch(message);
      expect(calls).toEqual([]);
    });
  }

  it('answers 400 text_too_long for an answer over the limit, in a field or in a list', async () => {
    const { chat, calls } = await startRecording();
    const tooLong = 'a'.repeat(MAX_TEXT_LENGTH + 1);
    const message = await expectError(await postForm(chat, { ...checkin, values: { learned: tooLong } }), 400, 'text_too_long');
    expect(message).toBe(`"values.learned" is too long: the limit is ${MAX_TEXT_LENGTH} characters`);
    await expectError(await postForm(chat, { ...checkin, values: { requirements: ['R01', tooLong] } }), 400, 'text_too_long');
    expect(calls).toEqual([]);
  });

  it('answers 400 invalid_json, 413 and 415 like /api/chat', async () => {
    const { chat, calls } = await startRecording();
    await expectError(await postForm(chat, '{"user": "u-aino", "values": '), 400, 'invalid_json');
    const huge = { ...checkin, values: { a: 'a'.repeat(3000), b: Array.from({ length: 30 }, () => 'b'.repeat(3000)) } };
    const message = await expectError(await postForm(chat, huge), 413, 'payload_too_large');
    expect(message).toMatch(/64 kB/);
    await expectError(await postForm(chat, JSON.stringify(checkin), 'text/plain'), 415, 'unsupported_media_type');
    await expectError(await postForm(chat, 'user=u-aino', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type');
    expect(calls).toEqual([]);
  });

  it('answers 500 with a generic message when the core throws, logs it, and keeps serving', async () => {
    const logs = captureLogs();
    const chat = await start({ logger: logs.logger, submit: () => Promise.reject(new Error('secret form detail')) });
    const message = await expectError(await postForm(chat, checkin), 500, 'internal');
    expect(message).toMatch(/^Something went wrong/);
    expect(message).not.toContain('secret');
    const errors = logs.lines().filter((line) => line.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ userId: 'u-aino', formKind: 'checkin' });
    expect(JSON.stringify(errors[0])).toContain('secret form detail');
    expect(JSON.stringify(errors[0])).not.toContain('Opin kirjaamaan');
    expect((await postJson(chat, JSON.stringify({ user: 'u-aino', text: 'help' }))).status).toBe(200);
  });

  it('logs each form at info without the answers, which only debug carries', async () => {
    const logs = captureLogs();
    const chat = await start({ logger: logs.logger });
    const secret = 'Asiakas Matti Meikäläinen, 131052-308T, kaatui';
    expect((await postForm(chat, { ...checkin, values: { ...checkin.values, learned: secret } })).status).toBe(200);
    const lines = logs.lines();
    const info = lines.filter((line) => line.level === 30);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      userId: 'u-aino',
      formKind: 'checkin',
      formId: 'checkin-u-aino-2025-03-12',
      fields: ['requirements', 'confidence', 'learned'],
      replies: 1,
    });
    const nonDebug = lines.filter((line) => typeof line.level === 'number' && line.level > 20);
    expect(JSON.stringify(nonDebug)).not.toContain('Meikäläinen');
    expect(JSON.stringify(nonDebug)).not.toContain('R19');
    const debug = lines.filter((line) => line.level === 20);
    expect(JSON.stringify(debug)).toContain(secret);
  });
});
