// The Slack, Teams and OpenAI SDKs are loaded only when configured. The app is started the way
// `npm start` starts it (the package's start script in a shell, node_modules/.bin on PATH), with a
// hook that records every module the process loads; then again with all three configured (local
// stand-ins for Slack's and OpenAI's APIs), where the SDKs load and the platforms' routes are mounted.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, describePostgres } from '../storage/backends.ts';
import { type FakeOpenAi, startFakeOpenAi } from '../support/fake-openai.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../support/fake-slack-api.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const RECORDER = join(import.meta.dirname, 'record-module-loads.ts');
const SDKS = { slack: '/node_modules/@slack/bolt/', teams: '/node_modules/@microsoft/agents-hosting/', openai: '/node_modules/openai/' };

interface Started {
  port: number;
  modules: string[];
  child: ChildProcess;
}

const dir = mkdtempSync(join(tmpdir(), 'osaava-lazy-sdks-'));
const running: ChildProcess[] = [];
let slackApi: FakeSlackApi;
let openai: FakeOpenAi;

beforeAll(async () => {
  [slackApi, openai] = await Promise.all([startFakeSlackApi(), startFakeOpenAi()]);
});

afterAll(async () => {
  await Promise.all(running.map(stop));
  await Promise.all([slackApi?.close(), openai?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the start script until the app says it listens; answers its port and the modules loaded by then. */
async function start(name: string, env: Record<string, string>): Promise<Started> {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const log = join(dir, `${name}.modules`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(SLACK_|OPENAI_|LLM_ENABLED$|clientId$|clientSecret$|tenantId$|DATABASE_URL$|NODE_OPTIONS$|VITEST)/.test(key)));
  const child = spawn('/bin/sh', ['-c', script], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inherited,
      PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
      NODE_OPTIONS: `--import=${RECORDER}`,
      OSAAVA_MODULE_LOG: log,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATA_DIR: join(dir, 'data'),
      SCHEDULER: 'off',
      ...env,
    },
  });
  running.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before listening:\n${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = (() => {
        try {
          return JSON.parse(line) as { msg?: string; port?: number };
        } catch {
          return {};
        }
      })();
      if (entry.msg?.startsWith('Osaava is listening') && entry.port) resolve(entry.port);
    });
  });
  return { port, modules: readFileSync(log, 'utf8').split('\n').filter(Boolean), child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

const loaded = (modules: string[], sdk: string) => modules.some((url) => url.includes(sdk));

describe('the platform and LLM SDKs', () => {
  it('are not loaded when nothing is configured (the demo school on the embedded database)', async () => {
    const app = await start('none', {});
    try {
      // The recorder saw the app's own dependencies, so an SDK missing from its list was not loaded.
      expect(loaded(app.modules, '/node_modules/@electric-sql/pglite/')).toBe(true);
      expect(loaded(app.modules, '/src/adapters/local/')).toBe(true);
      expect({ slack: loaded(app.modules, SDKS.slack), teams: loaded(app.modules, SDKS.teams), openai: loaded(app.modules, SDKS.openai) }).toEqual({ slack: false, teams: false, openai: false });
      expect(app.modules.filter((url) => /\/src\/adapters\/(slack|teams)\/|\/src\/llm\/openai-chat-model\.ts/.test(url))).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${app.port}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await stop(app.child);
    }
  }, 120_000);

  it('are loaded, and Slack and Teams mounted, when Slack, Teams and an LLM are configured', async () => {
    const app = await start('all', {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'test-signing-secret',
      SLACK_API_URL: slackApi.apiUrl,
      clientId: '00000000-0000-0000-0000-000000000001',
      clientSecret: 'test-secret',
      tenantId: '00000000-0000-0000-0000-000000000002',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: openai.baseURL,
    });
    try {
      // The LLM client is imported in the background at start; a moment later it is there.
      await expect.poll(() => loaded(readFileSync(join(dir, 'all.modules'), 'utf8').split('\n'), SDKS.openai), { timeout: 20_000 }).toBe(true);
      expect({ slack: loaded(app.modules, SDKS.slack), teams: loaded(app.modules, SDKS.teams) }).toEqual({ slack: true, teams: true });
      // Mounted: unsigned or unauthenticated requests are refused by the platforms' guards, not unknown paths.
      const slack = await fetch(`http://127.0.0.1:${app.port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(slack.status).toBe(401);
      const teams = await fetch(`http://127.0.0.1:${app.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(teams.status).toBe(401);
      expect(slackApi.calls.map((c) => c.method)).toContain('auth.test');
    } finally {
      await stop(app.child);
    }
  }, 120_000);
});

describePostgres('the embedded database and the local chat page on PostgreSQL', (url) => {
  it('are not loaded: no PGlite, and no esbuild while the local chat is off', async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE SCHEMA ${schema}`);
    try {
      const databaseUrl = new URL(url);
      databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
      const app = await start('postgres', { DATABASE_URL: databaseUrl.toString() });
      try {
        expect(loaded(app.modules, '/node_modules/pg/')).toBe(true);
        expect({ pglite: loaded(app.modules, '/node_modules/@electric-sql/pglite/'), esbuild: loaded(app.modules, '/node_modules/esbuild/') }).toEqual({ pglite: false, esbuild: false });
      } finally {
        await stop(app.child);
      }
    } finally {
      await adminQuery(url, `DROP SCHEMA ${schema} CASCADE`);
    }
  }, 120_000);
});
