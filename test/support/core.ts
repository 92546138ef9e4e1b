// The real chat core on a real (test) database with the demo school seeded and a hand-set clock.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequirementSuggester } from '../../src/requirement-suggestions/requirement-suggester.ts';
import { createWorkCalendar, type WorkCalendar } from '../../src/calendar/index.ts';
import { composeChatCore } from '../../src/compose-core.ts';
import type { ChatCore, RegisteredChatCore } from '../../src/core/chat-core.ts';
import type { Clock } from '../../src/storage/clock.ts';
import type { Database } from '../../src/storage/database.ts';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { createSummaryService, type SummaryService } from '../../src/features/summaries/summary-service.ts';
import type { FormSubmission } from '../../src/conversation/incoming.ts';
import type { MessageReply, Reply } from '../../src/conversation/reply.ts';
import { renderPlainText } from '../../src/conversation/render-text.ts';
import { seedDemo } from '../../src/storage/index.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { type BackendName, createTestClock, openTestDatabase, silentLogger } from '../storage/backends.ts';
import { realKnowledge } from './knowledge.ts';

/** Monday 23 November 2026, 12:00 in Helsinki. The demo placements run from about four weeks before. */
export const DEMO_NOW = '2026-11-23T10:00:00Z';

export interface TestCore {
  core: ChatCore;
  store: Store;
  clock: ReturnType<typeof createTestClock>;
  say(user: string, text: string): Promise<Reply[]>;
  text(user: string, text: string): Promise<string>;
  submit(user: string, form: Omit<FormSubmission, 'platform' | 'userId' | 'tenantId'>): Promise<Reply[]>;
  close(): Promise<void>;
}

export interface RealCore {
  core: RegisteredChatCore;
  store: Store;
  kb: KnowledgeBase;
  calendar: WorkCalendar;
  summaries: SummaryService;
}

export interface CoreOptions {
  /** The knowledge folder (default: the shipped `knowledge/`), e.g. a fixture with several units. */
  knowledgeDir?: string;
}

/** The chat core as src/app.ts composes it (every feature), on a given database and clock. */
export function buildRealCore(db: Database['db'], clock: Clock, options: CoreOptions = {}): RealCore {
  const store = createStore(db, clock);
  const { kb, answers } = realKnowledge(options.knowledgeDir);
  const calendar = createWorkCalendar();
  const summaries = createSummaryService({ repo: store.weeklySummaries, audit: store.audit, kb, calendar, options: { extraDaysOff: [] }, logger: silentLogger });
  const core = composeChatCore({
    store, kb, answers, summaries, calendar, clock, logger: silentLogger,
    suggestRequirements: createRequirementSuggester({ index: answers.index, logger: silentLogger }),
    exportDir: join(mkdtempSync(join(tmpdir(), 'osaava-export-')), 'exports'),
  });
  return { core, store, kb, calendar, summaries };
}

export async function createTestCore(backend: BackendName = 'pglite', now = DEMO_NOW, options: CoreOptions = {}): Promise<TestCore> {
  const database = await openTestDatabase(backend);
  const clock = createTestClock(now);
  await seedDemo(database.db, { today: now.slice(0, 10) });
  const { core, store } = buildRealCore(database.db, clock, options);
  const say = (user: string, text: string) => core.handle({ platform: 'local', userId: user, tenantId: '', text });
  return {
    core,
    store,
    clock,
    say,
    text: async (user, text) => (await say(user, text)).map(renderPlainText).join('\n'),
    submit: (user, form) => core.submit({ platform: 'local', userId: user, tenantId: '', ...form }),
    close: () => database.close(),
  };
}

export function messages(replies: Reply[]): MessageReply[] {
  return replies.filter((r): r is MessageReply => r.kind === 'message');
}
