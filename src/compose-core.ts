// The chat core with every feature, as the app, the command line and the tests build it. Features
// that need each other meet here, never by importing one another.
import type { Logger } from 'pino';
import { createIdentityResolver } from './access/identity.ts';
import type { WorkCalendar } from './calendar/index.ts';
import type { RequirementSuggester } from './conversation/command-context.ts';
import { type ChatCoreDeps, createChatCore, type RegisteredChatCore } from './core/chat-core.ts';
import { createCheckinsFeature } from './features/checkins/index.ts';
import { enrolmentFeature } from './features/enrolment/index.ts';
import { observationCandidates, observationsFeature } from './features/observations/index.ts';
import { createOperationsFeature } from './features/operations/index.ts';
import { createPeopleFeature } from './features/people/index.ts';
import { progressFeature } from './features/progress/index.ts';
import type { AnswerService } from './features/questions/answer-service.ts';
import { createQuestionsFeature, type PersonalAsk } from './features/questions/index.ts';
import { createSummariesFeature } from './features/summaries/index.ts';
import type { SummaryService } from './features/summaries/summary-service.ts';
import type { KnowledgeBase } from './knowledge/knowledge-base.ts';
import type { PersonMessenger } from './messaging/person-messenger.ts';
import { createFanoutReportRepo } from './storage/fanout-report-repo.ts';
import type { Clock } from './storage/index.ts';
import type { Store } from './storage/store.ts';

export interface CoreParts {
  store: Store;
  kb: KnowledgeBase;
  answers: AnswerService;
  suggestRequirements: RequirementSuggester;
  summaries: SummaryService;
  calendar: WorkCalendar;
  clock: Clock;
  logger: Logger;
  /** Where admin exports are written. */
  exportDir: string;
  /** School days off on top of the calendar's. */
  extraDaysOff?: readonly string[];
  /** Messages to one person at once (a student's cry for help to their instructor); without it, none are sent. */
  messagePerson?: PersonMessenger;
  /** Told the route of every message (the evaluation). */
  onRoute?: ChatCoreDeps['onRoute'];
}

/** The commands that answer a personal question from the asker's own data (people and progress features). */
const PERSONAL_COMMANDS: Record<PersonalAsk, { command: string; answer: 'none' | 'after' | 'before' }> = {
  teacher: { command: 'my-teacher', answer: 'none' },
  instructor: { command: 'my-instructor', answer: 'none' },
  grade: { command: 'my-grade', answer: 'none' },
  // Who decides the grade, then what the named grade requires.
  'grade-criteria': { command: 'my-grade', answer: 'after' },
  // That the bot does not see their dates, then who to ask: their teacher.
  schedule: { command: 'my-teacher', answer: 'before' },
  progress: { command: 'progress', answer: 'none' },
};

export function composeChatCore(parts: CoreParts): RegisteredChatCore {
  const questions = createQuestionsFeature({ answers: parts.answers, kb: parts.kb });
  return createChatCore({
    store: parts.store,
    kb: parts.kb,
    suggestRequirements: parts.suggestRequirements,
    clock: parts.clock,
    logger: parts.logger,
    identities: createIdentityResolver({ people: parts.store.people, logger: parts.logger }),
    // The order is the order of the help lines.
    features: [
      progressFeature,
      createCheckinsFeature({ calendar: parts.calendar, extraDaysOff: parts.extraDaysOff ?? [], intentOf: questions.intentOf, ...(parts.messagePerson ? { messagePerson: parts.messagePerson } : {}) }),
      createSummariesFeature(parts.summaries),
      observationsFeature,
      createPeopleFeature({ exportDir: parts.exportDir }),
      enrolmentFeature,
      createOperationsFeature({ fanouts: createFanoutReportRepo(parts.store.db) }),
    ],
    answerQuestion: questions.answer,
    questionCovered: questions.covers,
    personalCommand: (ctx, text) => {
      const asked = questions.personalAsk(ctx, text);
      return asked ? PERSONAL_COMMANDS[asked] : null;
    },
    observationCandidates,
    ...(parts.onRoute ? { onRoute: parts.onRoute } : {}),
  });
}
