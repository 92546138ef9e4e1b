// The real core over the demo school with the LLM path on, the model being the OpenAI stand-in
// answering every request after `delayMs`: for the tests of what a slow LLM may not hold up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkCalendar } from '../../src/calendar/index.ts';
import { composeChatCore } from '../../src/compose-core.ts';
import type { ChatCore } from '../../src/core/chat-core.ts';
import { createSummaryService } from '../../src/features/summaries/summary-service.ts';
import { buildLanguageServices } from '../../src/language-services.ts';
import { seedDemo } from '../../src/storage/index.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { createTestClock, openTestDatabase, silentLogger } from '../storage/backends.ts';
import { DEMO_NOW } from './core.ts';
import { delayed, echoResponder, startFakeOpenAi, type FakeOpenAi } from './fake-openai.ts';
import { realKnowledge } from './knowledge.ts';

export interface SlowLlmCore {
  core: ChatCore;
  store: Store;
  openai: FakeOpenAi;
  close(): Promise<void>;
}

export async function startSlowLlmCore(delayMs: number): Promise<SlowLlmCore> {
  const openai = await startFakeOpenAi((request) => delayed(delayMs, echoResponder(request)));
  const database = await openTestDatabase('pglite');
  await seedDemo(database.db, { today: DEMO_NOW.slice(0, 10) });
  const clock = createTestClock(DEMO_NOW);
  const store = createStore(database.db, clock);
  const { kb } = realKnowledge();
  // As src/app.ts builds them with LLM_ENABLED=on and OPENAI_BASE_URL at the stand-in.
  const languages = buildLanguageServices({ llmEnabled: true, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: openai.baseURL, OPENAI_MODEL: 'fake-model' }, kb, silentLogger);
  const calendar = createWorkCalendar();
  const summaries = createSummaryService({ repo: store.weeklySummaries, audit: store.audit, kb, calendar, options: { extraDaysOff: [] }, logger: silentLogger });
  const core = composeChatCore({
    store,
    kb,
    answers: languages.answers,
    summaries,
    calendar,
    clock,
    logger: silentLogger,
    suggestRequirements: languages.suggestRequirements,
    exportDir: join(mkdtempSync(join(tmpdir(), 'osaava-export-')), 'exports'),
  });
  // The latency tests measure a running bot: the classifiers the first message after a start trains
  // (a one-off few hundred milliseconds of CPU) are trained already.
  await core.prepare();
  return {
    core,
    store,
    openai,
    async close() {
      await openai.close();
      await database.close();
    },
  };
}
