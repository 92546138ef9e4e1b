// The scheduler as `npm start` composes it: on Friday at 14:00 the demo school's weekly summaries
// reach the local chat's inbox through the real job engine (pg-boss on PGlite), the staff's with the
// LLM paragraph from a local OpenAI stand-in, and nothing is sent twice.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsaava, type Osaava } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { type FakeOpenAi, schemaNameOf, startFakeOpenAi, userPromptOf } from '../support/fake-openai.ts';
import { silentLogger } from '../support/knowledge.ts';

// Friday 27 November 2026, 14:05 in Helsinki: the summaries are due, the check-ins not yet.
const NOW = new Date('2026-11-27T12:05:00Z');

interface InboxMessage {
  seq: number;
  replies: { kind: string; blocks?: { type: string; text?: string; items?: { text: string }[] }[] }[];
}

describe('the scheduler in the app', () => {
  let app: Osaava;
  let base: string;
  let openai: FakeOpenAi;

  const inbox = async (user: string): Promise<InboxMessage[]> => {
    const res = await fetch(`${base}/api/inbox?user=${user}&after=0`);
    return ((await res.json()) as { messages: InboxMessage[] }).messages;
  };
  const textOf = (messages: InboxMessage[]) => JSON.stringify(messages);
  const waitFor = async (user: string, count: number): Promise<InboxMessage[]> => {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const messages = await inbox(user);
      if (messages.length >= count || Date.now() > deadline) return messages;
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    openai = await startFakeOpenAi();
    const dataDir = mkdtempSync(join(tmpdir(), 'osaava-app-scheduler-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL });
    app = await createOsaava(config, silentLogger(), { now: () => NOW });
    base = `http://127.0.0.1:${await app.listen()}`;
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await openai?.close();
  });

  it('delivers the week’s summaries to the instructor, the teacher and the student, once each', async () => {
    const mikko = await waitFor('mikko', 1);
    const liisa = await waitFor('liisa', 1);
    const aino = await waitFor('aino', 1);
    expect(mikko).toHaveLength(1);
    expect(textOf(mikko)).toContain('Aino');
    expect(textOf(mikko)).toMatch(/\d+\/25/);
    expect(textOf(mikko)).not.toContain('Ville'); // Mikko instructs Aino only
    expect(textOf(liisa)).toContain('Aino');
    expect(textOf(liisa)).toContain('Ville');
    expect(aino).toHaveLength(1);
    expect(textOf(aino)).not.toContain('Ville');

    // The staff's summary carries the model's paragraph; only one student's figures went to it, no names.
    expect(textOf(mikko)).toContain('Tällä viikolla kirjattiin pohdintoja ja havaintoja.');
    const narratives = openai.requests.filter((r) => schemaNameOf(r) === 'osaava_summary_narrative');
    expect(narratives.length).toBeGreaterThanOrEqual(2);
    for (const request of narratives) {
      expect(request.rawBody).not.toMatch(/Aino|Ville|Virtanen|Korhonen/);
      expect(userPromptOf(request)).toMatch(/Daily reflections: \d+ answered/);
    }

    // Another pass at the same instant sends nothing more.
    await app.scheduler?.runOnce(NOW);
    expect(await inbox('mikko')).toHaveLength(1);
    expect(await inbox('aino')).toHaveLength(1);
  }, 60_000);
});
