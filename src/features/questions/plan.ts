// Turns a question into an answer plan: the intent, and the knowledge items the answer rests on.
// Deciding *what* to say is deterministic; composers only decide *how* to say it.
import type { Lang } from '../../conversation/reply.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../knowledge/knowledge-base.ts';
import { unitFactsId } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import type { NamedPerson } from '../../privacy/index.ts';
import { detectLanguage } from '../../text/language.ts';
import { stemEn, stemFi, words } from '../../text/normalize.ts';
import { isFunctionWordOf, isStopword } from '../../text/stopwords.ts';
import { detectIntent, type Intent, isBroadIntentWord } from './intent.ts';
import { MAX_QUERY_CHARS, type QueryAnalysis, type SearchHit, type SearchIndex } from '../../knowledge/search-index.ts';
import { facetOf, type Focus, listScore } from './excerpt.ts';

export type Outcome = 'answered' | 'not-found' | 'out-of-scope';

export interface AnswerPlan {
  question: string;
  lang: Lang;
  intent: Intent;
  unit: Unit;
  outcome: Outcome;
  /** The items the answer quotes and cites, in display order. */
  items: KnowledgeItem[];
  /**
   * For a requirement check: the requirements match the whole question ("full"), or only part of it
   * ("partial": the question names something they do not, so the answer may not say a plain yes).
   */
  support?: 'full' | 'partial';
  /** What the question asks about, for picking the sentences of a passage that answer it. */
  focus?: Focus;
  /** Items close to a question the base cannot answer, offered as follow-ups. */
  nearest?: KnowledgeItem[];
}

export interface PlanContext {
  /** The asker's unit (from their placement) when known; otherwise the unit the question names or the default. */
  unitId?: string;
  /** Used when the question itself does not show its language ("T2"). */
  preferredLang?: Lang;
  /** The people in the conversation, whose names are redacted before any text leaves for an LLM. */
  people?: readonly NamedPerson[];
}

/** At most this much of a message is read: a question is short, and the work stays bounded for any message. */
export function capQuestion(question: string): string {
  if (question.length <= MAX_QUERY_CHARS) return question;
  const cut = question.lastIndexOf(' ', MAX_QUERY_CHARS);
  return question.slice(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS);
}

/**
 * A requirement answers a yes/no question when it covers most of what the base knows of the question
 * ("pitääkö energiaa säästää" → "toimii energia- ja resurssiviisaasti") and some of all of it.
 */
function relevantRequirement(hit: SearchHit | undefined): hit is SearchHit {
  if (!hit) return false;
  return hit.knownRelevance >= 0.5 && hit.relevance >= 0.25;
}

/**
 * Open questions need more: most of the question's weight, words the base does not know weighing most
 * ("kuka on Suomen presidentti" shares "Suomen" with a passage and asks about something else).
 */
function relevantForOpenQuestion(hit: SearchHit | undefined): hit is SearchHit {
  if (!hit) return false;
  // A passage that only mentions the one word asked about ("vaikea" somewhere in a story) does not answer.
  if (hit.item.kind === 'passage' && !hit.about && hit.matched.length < 2) return false;
  return hit.relevance > 0.5 || (hit.relevance >= 0.45 && hit.knownRelevance >= 0.99 && hit.score >= 50);
}

/** Close to the question without answering it: worth offering as a follow-up. */
function near(hit: SearchHit): boolean {
  return hit.knownRelevance >= 0.5 && hit.relevance >= 0.2;
}

/** "voinko", "saanko", "can I", "får jag": asking for permission. */
const PERMISSION = /^(voinko|saanko|voiko|saako|can i|may i|am i allowed|could i|far jag|kan jag|ma jag)\b/;

/** The item's own title carries every topic word of `topic` ("Asiakasohjaus" for "asiakasohjauksen"). */
function titleNames(item: KnowledgeItem, topic: string): boolean {
  const title = item.kind === 'passage' ? `${item.record.title.fi} ${item.record.title.en}` : item.kind === 'requirement' ? item.requirement.text.fi : '';
  const have = new Set(words(title).flatMap((w) => [stemFi(w), stemEn(w)]));
  const want = words(topic).filter((w) => !isStopword(w));
  return want.length > 0 && want.every((w) => have.has(stemFi(w)) || have.has(stemEn(w)));
}

export function createPlanner(kb: KnowledgeBase, index: SearchIndex) {
  const unitFor = (question: string, context: PlanContext): Unit =>
    kb.unitNamedIn(question) ?? (context.unitId ? kb.unit(context.unitId) : undefined) ?? kb.defaultUnit();

  function focusOf(analysis: QueryAnalysis): Focus {
    const stems = new Map<string, number>();
    for (const w of analysis.words) for (const s of w.stems) stems.set(s, Math.max(stems.get(s) ?? 0, index.weightOf(s)));
    const content = analysis.words.filter((w) => !w.stop).length;
    const facet = facetOf(analysis.text, content, analysis.words.length);
    return facet ? { stems, facet } : { stems };
  }

  function nearestOf(hits: SearchHit[]): KnowledgeItem[] {
    const seen = new Set<string>();
    // Items about a word of the question (in their heading) before those that only mention one.
    const ranked = hits.filter(near).sort((a, b) => Number(b.about) - Number(a.about) || b.knownRelevance - a.knownRelevance);
    return ranked.flatMap((h) => {
      const key = h.item.kind === 'passage' ? h.item.id : h.item.kind === 'requirement' ? h.item.id : '';
      if (!key || seen.has(key)) return [];
      seen.add(key);
      return [h.item];
    }).slice(0, 2);
  }

  /**
   * The question's language: detectLanguage, unless it read English or Swedish from no function word of
   * that language and the question's terms are the base's Finnish ones ("asiakasohjaus vs palveluohjaus").
   */
  function languageOf(question: string, context: PlanContext): { lang: Lang; analysis: QueryAnalysis } {
    const fallback = context.preferredLang ?? 'fi';
    const lang = detectLanguage(question, fallback);
    const analysis = index.analyze(question, lang);
    if (lang === 'fi' || fallback !== 'fi') return { lang, analysis };
    // "on" is Finnish and English: a word of both languages shows neither.
    const ws = words(question);
    const hasFunctionWord = ws.some((w) => !/^(vs|versus|ok|okay)$/.test(w) && isFunctionWordOf(w, lang) && !isFunctionWordOf(w, 'fi'));
    if (hasFunctionWord) return { lang, analysis };
    const evidence = index.languageEvidence(analysis);
    const finnishFunctionWords = ws.filter((w) => isFunctionWordOf(w, 'fi') && !isFunctionWordOf(w, lang)).length;
    return evidence.fi + finnishFunctionWords > 0 && evidence.en === 0 ? { lang: 'fi', analysis: index.analyze(question, 'fi') } : { lang, analysis };
  }

  function plan(question: string, context: PlanContext = {}): AnswerPlan {
    const capped = capQuestion(question);
    const { lang, analysis } = languageOf(capped, context);
    const unit = unitFor(capped, context);
    return build(capped, detectIntent(kb, unit, capped, analysis), context, lang, analysis);
  }

  /** The plan for an intent decided elsewhere (the LLM's reading of a loose question). */
  function planForIntent(question: string, intent: Intent, context: PlanContext = {}): AnswerPlan {
    const capped = capQuestion(question);
    const lang = detectLanguage(capped, context.preferredLang ?? 'fi');
    return build(capped, intent, context, lang, index.analyze(capped, lang));
  }

  function build(question: string, detected: Intent, context: PlanContext, lang: Lang, analysis: QueryAnalysis): AnswerPlan {
    const unit = unitFor(question, context);
    const intent = sharperIntent(detected, question, unit, lang, analysis);
    const base = { question, lang, intent, unit };
    const answered = (items: KnowledgeItem[]): AnswerPlan => ({ ...base, outcome: items.length ? 'answered' : 'not-found', items });
    const byIds = (ids: string[]) => ids.flatMap((id) => kb.item(id) ?? []);
    const focus = focusOf(analysis);
    const search = (query: string, kinds?: KnowledgeItem['kind'][]) => {
      const own = query === question ? { analysis } : { lang };
      return index.search(query, { unitId: unit.id, limit: 8, ...(kinds ? { kinds } : {}), ...own }).filter((h) => h.item.kind !== 'criterion');
    };
    const declined = (outcome: Outcome, hits: SearchHit[]): AnswerPlan => ({ ...base, outcome, items: [], nearest: nearestOf(hits), focus });

    switch (intent.kind) {
      case 'greeting':
      case 'thanks':
      case 'help':
        return { ...base, outcome: 'answered', items: [] };
      case 'personal':
        return { ...base, outcome: 'out-of-scope', items: [] };
      case 'source': {
        const item = kb.item(intent.id);
        return item ? { ...base, outcome: 'answered', items: [item] } : { ...base, outcome: 'not-found', items: [] };
      }
      case 'grade-criteria':
      case 'grade-compare':
        return answered(intent.grades.flatMap((g) => kb.level(unit, g)?.criteria.map((c) => c.id) ?? []).flatMap((id) => kb.item(id) ?? []));
      case 'grading-overview':
        // The scale and how its criteria climb; each level's criteria are one click away.
        return { ...base, outcome: 'answered', items: [] };
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
        const hits = search(intent.query, ['requirement']);
        const [top] = hits;
        if (relevantRequirement(top)) {
          // Keep the close runners-up: "information security" is both AH-T2 and AH-T3.
          const items = hits.filter((h) => relevantRequirement(h) && h.score >= top.score * 0.5).slice(0, 3).map((h) => h.item);
          return { ...base, outcome: 'answered', items, support: top.relevance >= 0.8 ? 'full' : 'partial', focus };
        }
        // Not a requirement: the supporting material may still say something about it, but never whether
        // the asker may do something ("voinko tehdä harjoittelun ulkomailla"): that is for their school.
        const all = search(intent.query);
        if (PERMISSION.test(analysis.text)) return declined('not-found', [...hits, ...all]);
        const passage = all.find((h) => h.item.kind === 'passage' || h.item.kind === 'method');
        if (passage && relevantForOpenQuestion(passage)) return { ...base, outcome: 'answered', items: [passage.item], focus };
        return declined('not-found', [...hits, ...all]);
      }
      case 'compare-topics': {
        const items: KnowledgeItem[] = [];
        for (const topic of intent.topics) {
          const hits = search(topic).filter((h) => relevantForOpenQuestion(h) && (h.item.kind === 'passage' || h.item.kind === 'requirement') && !items.some((i) => i.id === h.item.id));
          // The item that is about the side (its title names it) before one that only mentions it.
          const titled = hits.find((h) => titleNames(h.item, topic));
          const pick = titled ?? hits[0];
          if (pick) items.push(pick.item);
        }
        if (items.length === 2 && items[0]?.id !== items[1]?.id) return { ...base, outcome: 'answered', items, focus };
        return searchPlan(intent.topics.join(' '));
      }
      case 'search':
        return searchPlan(intent.query);
    }

    function searchPlan(query: string): AnswerPlan {
      const hits = preferLists(search(query), focus);
      const [top] = hits;
      if (!relevantForOpenQuestion(top)) return declined('out-of-scope', hits);
      if (top.item.kind === 'requirement') {
        const items = hits.filter((h) => h.item.kind === 'requirement' && relevantForOpenQuestion(h) && h.score >= top.score * 0.5).slice(0, 3).map((h) => h.item);
        return { ...base, outcome: 'answered', items, focus };
      }
      // The passage that answers; the next ones are a click away.
      return { ...base, outcome: 'answered', items: [top.item], focus, nearest: nearestOf(hits).filter((i) => i.id !== top.item.id) };
    }
  }

  /**
   * A broad reading ("how skills are demonstrated", "how the unit is graded") gives way to a passage whose
   * heading names everything the question asks about: "mitä kuuluu näyttöjen laatuun" is the critical
   * point "Näyttöjen laatu", not the ways of demonstrating skills.
   */
  function sharperIntent(intent: Intent, question: string, unit: Unit, lang: Lang, analysis: QueryAnalysis): Intent {
    if (intent.kind !== 'demonstration' && intent.kind !== 'grading-overview') return intent;
    const topic = analysis.words.filter((w) => !w.stop && !isStopword(w.written) && w.stems.length > 0);
    // Something beyond what made the question broad: "laatuun" in "mitä kuuluu näyttöjen laatuun".
    if (!topic.some((w) => !isBroadIntentWord(intent.kind, w.lemma ?? w.written))) return intent;
    const [top] = index.search(question, { unitId: unit.id, limit: 3, kinds: ['passage'], analysis, lang });
    if (top && top.relevance >= 0.99 && titleNames(top.item, topic.map((w) => w.written).join(' '))) return { kind: 'search', query: question };
    return intent;
  }

  /**
   * A question that asks for a list or a count ("mitkä ovat …", "kriittiset pisteet", "how many …") is answered best by the
   * passage that lists it: among the passages that match as well as the best one, those with a list
   * that carries the question's words come first.
   */
  function preferLists(hits: SearchHit[], focus?: Focus): SearchHit[] {
    const [top] = hits;
    if (top?.item.kind !== 'passage' || (focus?.facet !== 'list' && focus?.facet !== 'count')) return hits;
    const withList = (h: SearchHit) =>
      h.item.kind === 'passage' && h.relevance >= top.relevance - 0.05 && h.score >= top.score * 0.4 ? listScore(h.item.record.text, focus) : 0;
    const scored = hits.map((h) => ({ h, list: withList(h) }));
    // The best match keeps its place when it has such a list itself.
    if ((scored[0]?.list ?? 0) > 0) return hits;
    const best = scored.reduce((a, b) => (b.list > a.list ? b : a));
    if (best.list === 0 || best.h === top) return hits;
    return [best.h, ...hits.filter((h) => h !== best.h)];
  }

  return Object.assign(plan, { forIntent: planForIntent });
}

export type Planner = ReturnType<typeof createPlanner>;
