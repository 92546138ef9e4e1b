// What every command handler gets: the speaker (or null when Osaava does not know them), the
// language to answer in, today's date in the speaker's zone, and the core's services.
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { NamedPerson } from '../privacy/index.ts';
import type { Unit } from '../knowledge/schema.ts';
import type { Clock, Person } from '../storage/index.ts';
import type { Repositories } from '../storage/store.ts';
import type { PlatformUser } from './incoming.ts';
import type { Lang, MessageReply } from './reply.ts';


export interface SuggestRequest {
  text: string;
  unit: Unit;
  lang: Lang;
  /** Names in the text, redacted before it leaves for an LLM. */
  people?: readonly NamedPerson[];
}

/** The port for "which requirements does this text touch" (retrieval, or the LLM first when configured); the person confirms. */
export type RequirementSuggester = (request: SuggestRequest) => Promise<string[]>;

/** What every feature may use; a feature's own services come through its factory. */
export interface CoreServices {
  /** The repositories (a feature never holds the database itself). */
  store: Repositories;
  kb: KnowledgeBase;
  suggestRequirements: RequirementSuggester;
  clock: Clock;
  logger: Logger;
}

export interface CommandContext {
  services: CoreServices;
  user: PlatformUser;
  actor: Person | null;
  lang: Lang;
  today: string;
}

export function message(lang: Lang, ...blocks: MessageReply['blocks']): MessageReply {
  return { kind: 'message', lang, blocks, citations: [] };
}

/** One paragraph in the context's language: the commonest reply. */
export function paragraph(ctx: CommandContext, text: string): MessageReply[] {
  return [message(ctx.lang, { type: 'paragraph', text })];
}

/** Every unit of a placement the knowledge base knows, in the placement's order; its default unit when it knows none. */
export function unitsFor(kb: KnowledgeBase, unitIds: readonly string[]): Unit[] {
  const units = [...new Set(unitIds)].flatMap((id) => {
    const unit = kb.unit(id);
    return unit ? [unit] : [];
  });
  return units.length > 0 ? units : [kb.defaultUnit()];
}

export function unitsOf(services: CoreServices, unitIds: readonly string[]): Unit[] {
  return unitsFor(services.kb, unitIds);
}

/** The most requirements suggested for one text, whatever the number of units. */
const MAX_SUGGESTED = 5;

/**
 * The requirements a text touches across several units: the suggester asked per unit (at once), the
 * picks taken in turn from each unit's ranked list, so that no unit crowds out another.
 */
export async function suggestAcrossUnits(services: CoreServices, request: Omit<SuggestRequest, 'unit'> & { units: readonly Unit[] }): Promise<string[]> {
  const { units, ...rest } = request;
  const perUnit = await Promise.all(units.map((unit) => services.suggestRequirements({ ...rest, unit })));
  const picked: string[] = [];
  for (let rank = 0; picked.length < MAX_SUGGESTED && perUnit.some((ids) => rank < ids.length); rank++)
    for (const ids of perUnit) {
      const id = ids[rank];
      if (id !== undefined && !picked.includes(id) && picked.length < MAX_SUGGESTED) picked.push(id);
    }
  return picked;
}
