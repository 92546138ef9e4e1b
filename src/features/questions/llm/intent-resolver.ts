// Looser questions: when the rules found nothing, the model maps the question onto one of the core's
// intents, and the planner answers that intent from the knowledge base as usual. The model sees the
// redacted question and a catalogue of titles (sections, grades, supporting-material headings), never
// record texts, never anyone's data.
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Intent } from '../intent.ts';
import type { AnswerPlan } from '../plan.ts';
import type { KnowledgeBase } from '../../../knowledge/knowledge-base.ts';
import type { Unit } from '../../../knowledge/schema.ts';
import type { Redactor } from '../../../privacy/index.ts';
import { isLlmError, type ChatModel } from '../../../llm/chat-model.ts';
import type { ComposeContext } from './llm-composer.ts';
import { asData, prompts } from '../../../llm/prompts.ts';

export const LLM_INTENT_SCHEMA_NAME = 'osaava_intent';
const MAX_QUERY_CHARS = 200;

export function intentSchemaFor(unit: Unit) {
  const sectionIds = unit.sections.map((s) => s.id);
  const query = z.string();
  return z.object({
    intent: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('grade-criteria'), grades: z.array(z.number().int().min(1).max(5)) }),
      z.object({ kind: z.literal('grading-overview') }),
      z.object({ kind: z.literal('section-requirements'), sectionId: z.enum(sectionIds) }),
      z.object({ kind: z.literal('all-requirements') }),
      z.object({ kind: z.literal('requirement-check'), query }),
      z.object({ kind: z.literal('demonstration') }),
      z.object({ kind: z.literal('unit-facts') }),
      z.object({ kind: z.literal('search'), query }),
      z.object({ kind: z.literal('none') }),
    ]),
  });
}
export type LlmIntent = z.infer<ReturnType<typeof intentSchemaFor>>['intent'];

/** The core intent for the model's choice, or undefined for "none" and for unusable choices. */
export function toIntent(choice: LlmIntent): Intent | undefined {
  switch (choice.kind) {
    case 'grade-criteria': {
      const grades = [...new Set(choice.grades)].sort((a, b) => a - b);
      return grades.length ? { kind: 'grade-criteria', grades } : undefined;
    }
    case 'requirement-check':
    case 'search': {
      const query = choice.query.trim();
      return query && query.length <= MAX_QUERY_CHARS ? { kind: choice.kind, query } : undefined;
    }
    case 'section-requirements':
      return { kind: 'section-requirements', sectionId: choice.sectionId };
    case 'grading-overview':
    case 'all-requirements':
    case 'demonstration':
    case 'unit-facts':
      return { kind: choice.kind };
    case 'none':
      return undefined;
  }
}

/** Titles only: what the question could be about, not what the records say. */
export function intentCatalog(kb: KnowledgeBase, unit: Unit): string {
  const grades = unit.assessment.levels.map((l) => `  ${l.grade}: ${l.name.fi} (${l.name.en ?? l.name.fi})`);
  const sections = unit.sections.map((s) => `  ${s.id}: ${s.title.fi} (${s.title.en ?? s.title.fi})`);
  // Each heading once: workshop documents repeat "Kysymyksiä teeman pohjalta" under every theme.
  const documents = kb.documents.map((d) => `  ${d.title.fi} (${d.title.en ?? d.title.fi}): ${[...new Set(d.records.map((r) => r.title.fi))].join('; ')}`);
  return [
    `Unit: ${unit.name.fi} (${unit.name.en ?? unit.name.fi}), ${unit.competencePoints} osp, ${unit.qualification.name.fi}`,
    'Grades:', ...grades,
    'Sections (sectionId: title):', ...sections,
    'Supporting material (document: headings):', ...documents,
  ].join('\n');
}

/** Only questions the rules could not answer, and not the deliberate refusals (grade 6, other units). */
export function canResolveWithLlm(plan: AnswerPlan): boolean {
  return plan.outcome !== 'answered' && (plan.intent.kind === 'search' || plan.intent.kind === 'requirement-check');
}

export interface IntentResolver {
  /** See `canResolveWithLlm`. */
  canResolve(plan: AnswerPlan): boolean;
  /** Never throws: any failure is logged and means "no better intent". */
  resolve(plan: AnswerPlan, context?: ComposeContext): Promise<Intent | undefined>;
}

export function createLlmIntentResolver(deps: { model: ChatModel; kb: KnowledgeBase; logger: Logger; redactor: Redactor }): IntentResolver {
  const { model, kb, logger, redactor } = deps;
  const schemas = new Map<string, ReturnType<typeof intentSchemaFor>>();
  const schemaFor = (unit: Unit) => {
    const schema = schemas.get(unit.id) ?? intentSchemaFor(unit);
    schemas.set(unit.id, schema);
    return schema;
  };

  return {
    canResolve: canResolveWithLlm,
    async resolve(plan, context = {}) {
      const log = { resolver: 'llm', model: model.name, intent: plan.intent.kind };
      const question = redactor.redact(plan.question, { names: context.people ?? [] }).text;
      const p = prompts();
      try {
        const { value } = await model.complete({
          system: p.intentSystem({ unitName: `${plan.unit.name.fi} (${plan.unit.name.en ?? plan.unit.name.fi})`, catalog: intentCatalog(kb, plan.unit) }),
          messages: [{ role: 'user', content: p.intentUser({ question: asData(question) }) }],
          schema: schemaFor(plan.unit),
          schemaName: LLM_INTENT_SCHEMA_NAME,
          maxTokens: 200,
        });
        const intent = toIntent(value.intent);
        logger.debug({ ...log, resolved: intent?.kind ?? 'none' }, 'llm intent resolved');
        return intent;
      } catch (error) {
        logger.warn({ ...log, code: isLlmError(error) ? error.code : 'unexpected' }, 'llm intent resolution failed');
        return undefined;
      }
    },
  };
}
