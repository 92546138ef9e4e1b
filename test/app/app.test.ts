// The whole app as `npm start` builds it (embedded database, demo data, local chat), over HTTP and
// in a real browser.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsaava, type Osaava } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { silentLogger } from '../support/knowledge.ts';
import { adminQuery, describePostgres } from '../storage/backends.ts';

let app: Osaava;
let base: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'osaava-app-'));
  app = await createOsaava(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), silentLogger());
  base = `http://127.0.0.1:${await app.listen()}`;
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('the app on embedded defaults', () => {
  it('answers health and readiness probes', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('serves the local chat with the demo users', async () => {
    const users = (await (await fetch(`${base}/api/users`)).json()) as { users: { id: string }[] };
    expect(users.users.map((u) => u.id).sort()).toEqual(['admin', 'aino', 'liisa', 'mikko', 'sanna', 'ville']);
  });

  it('answers a question and a command through POST /api/chat', async () => {
    const post = async (user: string, text: string) =>
      (await (await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text }) })).json()) as { replies: { kind: string; citations?: { id: string }[] }[] };
    const answer = await post('nobody-known', 'what does grade 4 require');
    expect(answer.replies[0]?.citations?.map((c) => c.id)).toContain('AH-G4.1');
    const progress = await post('aino', 'edistymiseni');
    expect(JSON.stringify(progress)).toContain('/25');
  });

  it('shows the banner notice: anyone can act as anyone here', async () => {
    const body = (await (await fetch(`${base}/api/users`)).json()) as { notice?: string };
    expect(body.notice).toMatch(/anyone who opens this page can act as anyone/);
  });

  it('refuses the local chat at a forged Host (DNS rebinding) with 403', async () => {
    for (const path of ['/', '/api/users']) {
      const response = await send(base, { path, headers: { Host: 'rebind.attacker.example' } });
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'forbidden' } });
    }
    // The probes are not the local chat's: a load balancer may call them by any name.
    expect((await send(base, { path: '/healthz', headers: { Host: 'osaava.koulu.fi' } })).status).toBe(200);
  });

  it('answers 400, not 500, for a NUL byte in the user or text, a fake gzip body and malformed JSON, and keeps serving', async () => {
    const chat = (body: string, headers: Record<string, string> = {}) =>
      send(base, { method: 'POST', path: '/api/chat', headers: { 'Content-Type': 'application/json', ...headers }, body });
    const codeOf = (response: { status: number; body: string }) => [response.status, (JSON.parse(response.body) as { error: { code: string } }).error.code];
    expect(codeOf(await chat(JSON.stringify({ user: 'aino\u0000', text: 'edistymiseni' })))).toEqual([400, 'invalid_request']);
    expect(codeOf(await chat(JSON.stringify({ user: 'aino', text: 'olen\u0000 sairaana tänään' })))).toEqual([400, 'invalid_request']);
    expect(codeOf(await chat(JSON.stringify({ user: 'aino', text: 'help' }), { 'Content-Encoding': 'gzip' }))).toEqual([400, 'invalid_encoding']);
    expect(codeOf(await chat('{"user": "aino", "text": '))).toEqual([400, 'invalid_json']);
    const form = await send(base, { method: 'POST', path: '/api/form', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: 'aino', formKind: 'checkin', formId: 'checkin\u0000', values: {} }) });
    expect(codeOf(form)).toEqual([400, 'invalid_request']);
    expect((await chat(JSON.stringify({ user: 'aino', text: 'help' }))).status).toBe(200);
  });

  it('gives a JSON 404 for unknown paths', async () => {
    const res = await fetch(`${base}/no/such/thing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('the local chat on data that may be real', () => {
  /** Starts the app on this configuration; answers what GET / and GET /api/users give, and the log. */
  async function probe(env: Record<string, string>): Promise<{ page: number; users: number; log: string[] }> {
    const log: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => { log.push(String((JSON.parse(String(chunk)) as { msg: string }).msg)); done(); } }));
    const other = await createOsaava(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'osaava-app-')), SCHEDULER: 'off', ...env }), logger);
    try {
      const url = `http://127.0.0.1:${await other.listen()}`;
      return { page: (await fetch(`${url}/`)).status, users: (await fetch(`${url}/api/users`)).status, log };
    } finally {
      await other.stop();
    }
  }

  it('keeps the local chat off on an embedded database without the demo school, and says why', async () => {
    const result = await probe({ DEMO_DATA: 'off' });
    expect(result).toMatchObject({ page: 404, users: 404 });
    expect(result.log.filter((line) => line.startsWith('local chat off'))).toEqual([expect.stringMatching(/DEMO_DATA=off.*LOCAL_CHAT=on/)]);
  }, 60_000);

  describePostgres('with DATABASE_URL', (url) => {
    it('keeps the local chat off on LOCAL_CHAT=auto (404 for / and /api/users), and serves it with LOCAL_CHAT=on', async () => {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      await adminQuery(url, `CREATE SCHEMA ${schema}`);
      try {
        const databaseUrl = new URL(url);
        databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
        const auto = await probe({ DATABASE_URL: databaseUrl.toString() });
        expect(auto).toMatchObject({ page: 404, users: 404 });
        expect(auto.log.filter((line) => line.startsWith('local chat off'))).toEqual([expect.stringMatching(/DATABASE_URL.*LOCAL_CHAT=on/)]);
        expect(await probe({ DATABASE_URL: databaseUrl.toString(), LOCAL_CHAT: 'on' })).toMatchObject({ page: 200, users: 200 });
      } finally {
        await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
      }
    }, 60_000);
  });
});

describe('the local chat in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 30_000);
  afterAll(async () => browser?.close());

  it('lets a newcomer pick a demo user, ask a question and see the cited answer', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${base}/`);
    await page.locator('label.user-option', { hasText: 'Aino Virtanen' }).click();
    const input = page.getByLabel('Viesti / Message');
    await input.fill('Mitä arvosanaan 4 vaaditaan?');
    await input.press('Enter');
    const answer = page.locator('#log article.msg-bot:not(.msg-error)').last();
    await expect.poll(async () => answer.innerText(), { timeout: 10_000 }).toContain('suunnittelee ja toteuttaa työkokonaisuuden itsenäisesti');
    expect(await answer.innerText()).toContain('AH-G4.1');
    await page.close();
  });
});

/** A request with a Host header fetch would not forge. */
function send(baseUrl: string, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string }> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: options.method ?? 'GET', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
