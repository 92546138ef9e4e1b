// The whole app as `npm start` builds it (embedded database, demo data, local chat), over HTTP and
// in a real browser.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsaava, type Osaava } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { launchBrowser } from '../support/browser.ts';
import { silentLogger } from '../support/knowledge.ts';

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

  it('gives a JSON 404 for unknown paths', async () => {
    const res = await fetch(`${base}/no/such/thing`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
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
