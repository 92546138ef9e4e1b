// Turns a question into an answer plan: the intent, and the knowledge items the answer rests on.
// Deciding *what* to say is deterministic; composers only decide *how* to say it.
import type { Lang } from '../../conversation/reply.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../knowledge/knowledge-base.ts';
import { unitFactsId } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import type { NamedPerson } from '../../privacy/index.ts';
import { detectLanguage } from '../../text/language.ts';
import { detectIntent, type Intent } from './intent.ts';
import type { SearchHit, SearchIndex } from '../../knowledge/search-index.ts';

export type Outcome = 'answered' | 'not-found' | 'out-of-scope';

export interface AnswerPlan {
  question: string;
  lang: Lang;
  intent: Intent;
  unit: Unit;
  outcome: Outcome;
  /** The items the answer quotes and cites, in display order. */
  items: KnowledgeItem[];
}

export interface PlanContext {
  /** The asker's unit (from their placement) when known; otherwise the unit the question names or the default. */
  unitId?: string;
  /** Used when the question itself does not show its language ("T2"). */
  preferredLang?: Lang;
  /** The people in the conversation, whose names are redacted before any text leaves for an LLM. */
  people?: readonly NamedPerson[];
}

/** A hit is relevant when it matches most of the question's topic words, or strongly matches some. */
function relevant(hit: SearchHit | undefined): hit is SearchHit {
  if (!hit) return false;
  return hit.coverage >= 0.5 || (hit.coverage >= 0.3 && hit.score >= 25);
}

/**
 * Open questions need more: half of two words is one stray match ("kuka on Suomen presidentti"
 * meets "Suomen Turku"), so exactly half counts only with a strong score.
 */
function relevantForOpenQuestion(hit: SearchHit | undefined): hit is SearchHit {
  if (!hit) return false;
  return hit.coverage > 0.5 || (hit.coverage >= 0.5 && hit.score >= 50);
}

export function createPlanner(kb: KnowledgeBase, index: SearchIndex) {
  function requirementsMatching(unit: Unit, query: string): KnowledgeItem[] {
    const hits = index.search(query, { kinds: ['requirement'], unitId: unit.id, limit: 5 });
    const [top] = hits;
    if (!relevant(top)) return [];
    // Keep the close runners-up: "information security" is both AH-T2 and AH-T3.
    return hits.filter((h) => relevant(h) && h.score >= top.score * 0.5).slice(0, 3).map((h) => h.item);
  }

  function searchAll(unit: Unit, query: string): KnowledgeItem[] {
    const hits = index.search(query, { unitId: unit.id, limit: 6 }).filter((h) => h.item.kind !== 'criterion');
    const [top] = hits;
    if (!relevantForOpenQuestion(top)) return [];
    if (top.item.kind === 'requirement') return hits.filter((h) => h.item.kind === 'requirement' && relevant(h) && h.score >= top.score * 0.5).slice(0, 3).map((h) => h.item);
    return hits.filter((h) => h.item.kind === top.item.kind && h.coverage >= top.coverage && h.score >= top.score * 0.5).slice(0, 2).map((h) => h.item);
  }

  const unitFor = (question: string, context: PlanContext): Unit =>
    kb.unitNamedIn(question) ?? (context.unitId ? kb.unit(context.unitId) : undefined) ?? kb.defaultUnit();

  function plan(question: string, context: PlanContext = {}): AnswerPlan {
    return planForIntent(question, detectIntent(kb, unitFor(question, context), question), context);
  }

  /** The plan for an intent decided elsewhere (the LLM's reading of a loose question). */
  function planForIntent(question: string, intent: Intent, context: PlanContext = {}): AnswerPlan {
    const lang = detectLanguage(question, context.preferredLang ?? 'fi');
    const unit = unitFor(question, context);
    const base = { question, lang, intent, unit };
    const answered = (items: KnowledgeItem[]): AnswerPlan => ({ ...base, outcome: items.length ? 'answered' : 'not-found', items });
    const byIds = (ids: string[]) => ids.flatMap((id) => kb.item(id) ?? []);

    switch (intent.kind) {
      case 'greeting':
      case 'thanks':
      case 'help':
        return { ...base, outcome: 'answered', items: [] };
      case 'grade-criteria':
      case 'grade-compare':
        return answered(intent.grades.flatMap((g) => kb.level(unit, g)?.criteria.map((c) => c.id) ?? []).flatMap((id) => kb.item(id) ?? []));
      case 'grading-overview':
        return answered(unit.assessment.levels.flatMap((l) => byIds(l.criteria.map((c) => c.id))));
      case 'grade-invalid':
      case 'unknown-unit':
        return { ...base, outcome: 'out-of-scope', items: [] };
      case 'section-requirements': {
        const section = unit.sections.find((s) => s.id === intent.sectionId);
        return answered(byIds(section?.requirements.map((r) => r.id) ?? []));
      }
      case 'all-requirements':
        return answered(byIds(kb.requirements(unit).map((r) => r.requirement.id)));
      case 'demonstration':
        return answered(byIds(unit.demonstration.methods.map((m) => m.id)));
      case 'unit-facts':
        return answered(byIds([unitFactsId(unit)]));
      case 'requirement-check': {
        const items = requirementsMatching(unit, intent.query);
        if (items.length) return answered(items);
        // Not a requirement: the supporting material may still say something about it.
        const other = searchAll(unit, intent.query).filter((i) => i.kind === 'passage' || i.kind === 'method');
        return { ...base, outcome: other.length ? 'answered' : 'not-found', items: other };
      }
      case 'search': {
        const items = searchAll(unit, intent.query);
        return { ...base, outcome: items.length ? 'answered' : 'out-of-scope', items };
      }
    }
  }

  return Object.assign(plan, { forIntent: planForIntent });
}

export type Planner = ReturnType<typeof createPlanner>;
