// What every command handler gets: the speaker (or null when Osaava does not know them), the
// language to answer in, today's date in the speaker's zone, and the core's services.
import type { Logger } from 'pino';
import type { AnswerService } from '../features/questions/answer-service.ts';
import type { RequirementSuggester } from '../requirement-suggestions/requirement-suggester.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Unit } from '../knowledge/schema.ts';
import type { Clock, Person } from '../storage/index.ts';
import type { Store } from '../storage/store.ts';
import type { PlatformUser } from './incoming.ts';
import type { Lang, MessageReply, Reply } from './reply.ts';

export interface CoreServices {
  store: Store;
  kb: KnowledgeBase;
  answers: AnswerService;
  /** Requirements a free text touches (retrieval, or the LLM when configured); the person confirms. */
  suggestRequirements: RequirementSuggester;
  clock: Clock;
  logger: Logger;
  /** Where admin exports are written. */
  exportDir: string;
}

export interface CommandContext {
  services: CoreServices;
  user: PlatformUser;
  actor: Person | null;
  lang: Lang;
  today: string;
}

export type Handler<C> = (ctx: CommandContext, command: C) => Promise<Reply[]>;

export function message(lang: Lang, ...blocks: MessageReply['blocks']): MessageReply {
  return { kind: 'message', lang, blocks, citations: [] };
}

export function unitOf(services: CoreServices, unitIds: readonly string[]): Unit {
  for (const id of unitIds) {
    const unit = services.kb.unit(id);
    if (unit) return unit;
  }
  return services.kb.defaultUnit();
}
