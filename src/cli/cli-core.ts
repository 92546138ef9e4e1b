// The chat core as the command line and the evaluation run it: every feature (composeChatCore), on an
// embedded in-memory database with the demo school seeded relative to the clock's today, so that a
// line typed here goes the same way as in the chat (understand → authorise → handler → replies).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createWorkCalendar } from '../calendar/index.ts';
import { composeChatCore } from '../compose-core.ts';
import type { Config } from '../config/config.ts';
import type { Citation, Reply } from '../conversation/reply.ts';
import type { RegisteredChatCore, Route } from '../core/chat-core.ts';
import type { Answer, AnswerService } from '../features/questions/answer-service.ts';
import { createSummaryService, type Narrate } from '../features/summaries/summary-service.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { buildLanguageServices } from '../language-services.ts';
import { type Clock, createDatabase, localDateAt, MEMORY_DATA_DIR, seedDemo, systemClock } from '../storage/index.ts';
import { createStore } from '../storage/store.ts';

/** The local ids the demo school seeds (`--as`). */
export const DEMO_USERS = ['aino', 'ville', 'mikko', 'sanna', 'liisa', 'admin'] as const;

/** The platform user id of someone the school does not know (the default asker). */
export const UNKNOWN_USER = 'cli-unknown-user';

export interface Asked {
  replies: Reply[];
  /** The routes the core reported for this message (one). */
  routes: Route[];
  /** What the questions feature planned and composed, when the message was answered as a question. */
  answers: Answer[];
}

export interface CliCore {
  core: RegisteredChatCore;
  /** One message from a demo user (`as`: a local id) or, with null, from someone unknown. */
  ask(text: string, as: string | null): Promise<Asked>;
  /** Milliseconds spent opening the embedded database (PGlite start and migrations) and seeding. */
  readonly startup: { databaseMs: number; seedMs: number };
  close(): Promise<void>;
}

export interface CliCoreOptions {
  config: Config;
  kb: KnowledgeBase;
  logger: Logger;
  /** The real clock by default; the evaluation passes a fixed weekday during the demo placements. */
  clock?: Clock;
}

export async function openCliCore({ config, kb, logger, clock = systemClock }: CliCoreOptions): Promise<CliCore> {
  const languages = buildLanguageServices(config, kb, logger);
  let started = performance.now();
  const database = await createDatabase({ dataDir: MEMORY_DATA_DIR, logger });
  const databaseMs = performance.now() - started;
  started = performance.now();
  try {
    await seedDemo(database.db, { today: localDateAt(clock.now(), 'Europe/Helsinki') });
  } catch (error) {
    await database.close();
    throw error;
  }
  const seedMs = performance.now() - started;

  // Routes and answer plans are collected per message; messages are handled one at a time.
  let routes: Route[] = [];
  let answered: Answer[] = [];
  const answers: AnswerService = {
    index: languages.answers.index,
    plan: (question, context) => languages.answers.plan(question, context),
    async answer(question, context) {
      const answer = await languages.answers.answer(question, context);
      answered.push(answer);
      return answer;
    },
  };
  const extraDaysOff = config.SCHOOL_DAYS_OFF;
  const calendar = createWorkCalendar({ extraDaysOff });
  // As in the app: the LLM paragraph goes on the staff's summaries only.
  const narrateSummary = languages.narrateSummary;
  const narrate: Narrate | undefined = narrateSummary && (async (input) => (input.audience === 'staff' ? narrateSummary(input) : null));
  const store = createStore(database.db, clock);
  const summaries = createSummaryService({ repo: store.weeklySummaries, audit: store.audit, kb, calendar, options: { extraDaysOff }, logger, ...(narrate ? { narrate } : {}) });
  const core = composeChatCore({
    store, kb, answers, suggestRequirements: languages.suggestRequirements, summaries, calendar, clock, logger, extraDaysOff,
    // Exports of the throwaway demo data go to the system's temporary folder, made on first use.
    exportDir: join(tmpdir(), 'osaava-cli-exports'),
    onRoute: (route) => routes.push(route),
  });

  let queue: Promise<unknown> = Promise.resolve();
  return {
    core,
    startup: { databaseMs, seedMs },
    ask(text, as) {
      const run = queue.then(async (): Promise<Asked> => {
        routes = [];
        answered = [];
        const replies = await core.handle({ platform: 'local', userId: as ?? UNKNOWN_USER, tenantId: '', text });
        return { replies, routes, answers: answered };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close: () => database.close(),
  };
}

/** The route as the JSON output's `intent`: the command's id, the statement's feature, the question's intent. */
export function intentOf(asked: Asked): string {
  const route = asked.routes.at(-1);
  switch (route?.kind) {
    case 'command':
    case 'refused':
    case 'stranger':
      return route.command;
    case 'statement':
      return route.feature;
    case 'help':
      return 'help';
    case 'question':
      return asked.answers.at(-1)?.plan.intent.kind ?? 'question';
    default:
      return 'unknown';
  }
}

/** Every reply's citations, each source once. */
export function citationsOf(replies: readonly Reply[]): Citation[] {
  const seen = new Set<string>();
  const all: Citation[] = [];
  for (const reply of replies) {
    if (reply.kind !== 'message') continue;
    for (const citation of reply.citations) {
      if (seen.has(citation.id)) continue;
      seen.add(citation.id);
      all.push(citation);
    }
  }
  return all;
}
