// Turns a question into an answer plan: the intent, and the knowledge items the answer rests on.
// Deciding *what* to say is deterministic; composers only decide *how* to say it.
import type { Lang } from '../../conversation/reply.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../knowledge/knowledge-base.ts';
import { unitFactsId } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import type { NamedPerson } from '../../privacy/index.ts';
import { detectLanguage } from '../../text/language.ts';
import { foldDiacritics, stemEn, stemFi, words } from '../../text/normalize.ts';
import { isFunctionWordOf, isStopword } from '../../text/stopwords.ts';
import { detectIntent, type Intent, isBroadIntentWord, prepareIntent } from './intent.ts';
import { MAX_QUERY_CHARS, type QueryAnalysis, type SearchHit, type SearchIndex } from '../../knowledge/search-index.ts';
import { durationScore, facetOf, type Focus, hasList, listScore } from './excerpt.ts';
import { resolveGrades, scaleOf } from './grading-shape.ts';
import { namedDocument } from './named-document.ts';
import { type NumberedText, numberMentions, numberScore } from './numbers.ts';
import { createUnitNames } from './unit-names.ts';

export type Outcome = 'answered' | 'not-found' | 'out-of-scope';

export interface AnswerPlan {
  question: string;
  lang: Lang;
  intent: Intent;
  /** The unit the answer is from (the one its requirements and criteria belong to). */
  unit: Unit;
  /** Other units the answer applies to word for word: the generic criteria are the same in every unit on the 1–5 scale. */
  sharedWith?: Unit[];
  /** The same question answered for the asker's other current units, each shown under its own unit. */
  more?: AnswerPlan[];
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
  /** The asker's unit when known (one); `unitIds` lists them all. */
  unitId?: string;
  /**
   * The asker's current units (the placements active today, or those of the student a staff member asks
   * about), first first. A unit the question names wins; without either, the default unit first.
   */
  unitIds?: readonly string[];
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
function relevantForOpenQuestion(hit: SearchHit | undefined, question = ''): hit is SearchHit {
  if (!hit) return false;
  // A passage that only mentions the one word asked about ("vaikea" somewhere in a story) does not answer.
  if (hit.item.kind === 'passage' && !hit.about && hit.matched.length < 2) return false;
  // A name the base does not know ("Nordean asiakaspalvelun puhelinnumero") is what the question is about.
  const close = hit.relevance >= 0.45 && hit.knownRelevance >= 0.99 && hit.score >= 50 && !namesUnknown(question, hit);
  return hit.relevance > 0.5 || close;
}

/** A capitalised word after the first ("Nordean", "Espoon") that the hit left unmatched. */
function namesUnknown(question: string, hit: SearchHit): boolean {
  if (!hit.unknown.length) return false;
  const unknown = new Set(hit.unknown.map((w) => foldDiacritics(w)));
  return (question.match(/(?<=[\p{L}\p{N}][^\p{L}\p{N}.!?]*\s)\p{Lu}\p{Ll}+/gu) ?? []).some((w) => unknown.has(foldDiacritics(w)));
}

/** Close to the question without answering it: worth offering as a follow-up. */
function near(hit: SearchHit): boolean {
  return hit.knownRelevance >= 0.5 && hit.relevance >= 0.2;
}

/** Asking for a recommendation or the best of something, in the three languages (folded). */
const ASKS_RECOMMENDATION = /\b(suosittele\w*|suosittel\w*|suositu\w*|recommend\w*|rekommender\w*|tipsa\w*|what is the best|whats the best|which is the best|mika on paras|mika olis paras|vilken ar bast|vad ar bast)\b/;

/** "voinko", "saanko", "can I", "får jag": asking for permission. */
const PERMISSION = /^(voinko|saanko|voiko|saako|can i|may i|am i allowed|could i|far jag|kan jag|ma jag)\b/;

/** The item's own title carries every topic word of `topic` ("Asiakasohjaus" for "asiakasohjauksen"). */
function titleNames(item: KnowledgeItem, topic: string): boolean {
  const title = item.kind === 'passage' ? `${item.record.title.fi} ${item.record.title.en ?? item.record.title.fi}` : item.kind === 'requirement' ? item.requirement.text.fi : '';
  const have = new Set(words(title).flatMap((w) => [stemFi(w), stemEn(w)]));
  const want = words(topic).filter((w) => !isStopword(w));
  return want.length > 0 && want.every((w) => have.has(stemFi(w)) || have.has(stemEn(w)));
}

/** Two stems are one word's forms: equal, or sharing all but the last letters ("arvioid" of "arvioidaan", "arvioik" of "arvioikaa"). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  // Not a compound's shared first part: "asiakaspalvelu" and "asiakasmyönteisyys" are two words.
  return p >= 4 && p >= Math.max(a.length, b.length) - 2;
}

/** A heading has one of the word's stems. */
function headingNames(heading: string, wordStems: readonly string[]): boolean {
  const have = words(heading).filter((w) => !isStopword(w)).flatMap((w) => [stemFi(w), stemEn(w)]);
  return wordStems.some((s) => have.some((h) => sameWord(s, h)));
}

/** "Mitä X tarkoittaa", "what does X mean", "vad betyder X": the question asks what a concept is. */
const DEFINITION = /\b(tarkoit\w*|mika on|mita on|mika ihmeen|mean|means|meaning|meant|define|definition|what is|whats|what's|vad ar|vad betyder|vad menas|innebar|betyder)\b/;

/**
 * The passage a definition question is answered by: of the passages that match about as well as the
 * best one, the one whose title names the concept with the fewest other words ("Ratkaisukeskeisyys
 * asiakastyössä" before "Miten ratkaisukeskeisyys vs. ei-ratkaisukeskeisyys näyttäytyy asiakkaalle?").
 */
function preferDefinition(hits: SearchHit[], analysis: QueryAnalysis): SearchHit[] {
  const [top] = hits;
  if (top?.item.kind !== 'passage' || !DEFINITION.test(analysis.text)) return hits;
  const topic = analysis.words.filter((w) => !w.stop && w.known && w.stems.length > 0);
  if (!topic.length) return hits;
  // How well the title names the concept: the most of the question's words, then the fewest other words.
  // A word the title lacks ("i kundservice" of "vad betyder lösningsfokus i kundservice") only counts less.
  const rank = (h: SearchHit): number => {
    if (h.item.kind !== 'passage' || h.relevance < top.relevance - 0.05 || h.score < top.score * 0.5) return -Infinity;
    const title = words(h.item.record.title.fi);
    const have = new Set(title.flatMap((w) => [stemFi(w), stemEn(w)]));
    const named = topic.filter((w) => w.stems.some((s) => have.has(s) || [...have].some((t) => s.length >= 6 && t.startsWith(s)))).length;
    return named > 0 ? named * 1000 - title.length : -Infinity;
  };
  const best = hits.reduce<{ h: SearchHit; n: number } | undefined>((acc, h) => {
    const n = rank(h);
    return n > (acc?.n ?? -Infinity) ? { h, n } : acc;
  }, undefined);
  if (!best || best.h === top || best.n <= rank(top)) return hits;
  return [best.h, ...hits.filter((h) => h !== best.h)];
}

/** A passage that defines one concept: its heading is the concept's name ("Palvelu", "Asiakasohjaus", "Asiakaspalvelupiste"). */
interface Concept {
  item: KnowledgeItem;
  stems: string[];
}

function conceptsOf(kb: KnowledgeBase): Concept[] {
  return kb.items.flatMap((item) => {
    if (item.kind !== 'passage') return [];
    const heading = words(item.record.title.fi).filter((w) => !isStopword(w));
    return heading.length >= 1 && heading.length <= 2 ? [{ item, stems: heading.map(stemFi) }] : [];
  });
}

/**
 * "Mitä palvelu tarkoittaa", "what is customer guidance": the passage whose heading is the concept, and
 * nothing else, answers a definition question about it, though a common word ("palvelu") is in so many
 * passages that search alone ranks it low.
 */
function withConcept(hits: SearchHit[], analysis: QueryAnalysis, concepts: readonly Concept[]): SearchHit[] {
  if (!DEFINITION.test(analysis.text)) return hits;
  const topic = analysis.words.filter((w) => !w.stop && w.stems.length > 0);
  if (!topic.length || topic.some((w) => !w.known)) return hits;
  // The heading's own stems, exactly: "asiakaspalvelija" is not "Asiakaspalvelu".
  const all = new Set(topic.flatMap((w) => w.stems));
  const concept = concepts.find((c) => c.stems.every((t) => all.has(t)) && topic.every((w) => w.stems.some((s) => c.stems.includes(s))));
  if (!concept || hits[0]?.item.id === concept.item.id) return hits;
  const found = hits.find((h) => h.item.id === concept.item.id);
  const hit: SearchHit = found ?? { item: concept.item, score: hits[0]?.score ?? 1, coverage: 1, relevance: 1, knownRelevance: 1, matched: topic.map((w) => w.raw), unknown: [], about: true };
  return [hit, ...hits.filter((h) => h !== found)];
}

/** Intents about a unit as a whole: with several current units each gets its own answer (or one shared). */
const PER_UNIT: ReadonlySet<Intent['kind']> = new Set(['grade-criteria', 'grade-compare', 'grading-overview', 'all-requirements', 'demonstration', 'unit-facts']);

/** The units a question is answered for, the first one first, and whether the question named it. */
interface Scope {
  units: Unit[];
  named: boolean;
}

/** The two plans say the same thing: the same quoted texts and, for how a unit is graded, the same scale, levels and threads. */
function sameAnswer(a: AnswerPlan, b: AnswerPlan): boolean {
  const kind = a.intent.kind;
  if (kind !== b.intent.kind || a.outcome !== b.outcome) return false;
  if (kind !== 'grade-criteria' && kind !== 'grade-compare' && kind !== 'grading-overview') return false;
  const texts = (p: AnswerPlan) => JSON.stringify(p.items.map((i) => (i.kind === 'criterion' ? [i.level.grade, i.criterion.text.fi] : i.id)));
  if (texts(a) !== texts(b)) return false;
  if (kind !== 'grading-overview') return a.items.length > 0;
  const shape = (u: Unit) => JSON.stringify([scaleOf(u), u.assessment.levels.map((l) => [l.name.fi, l.criteria.length > 0]), u.assessment.threads.map((t) => t.name.fi)]);
  return shape(a.unit) === shape(b.unit);
}

/** Asking what is required ("mitä X:ltä vaaditaan", "what is required of", "vad krävs"). */
const ASKS_REQUIRED = /\b(vaaditaan|vaatii|vaatimu\w*|edellytetaan|edellyttaa|required|requirements?|expected|kravs|krav\w*)\b/;

/** Words that ask what a document is for or about, not about something in it. */
const ABOUT_DOCUMENT = /^(purpose|aim|aims|goal|goals|idea|point|about|content|contents|topic|topics|intended|audience|tarkoitu\w*|tavoit\w*|sisalto\w*|idea\w*|aihe\w*|kenelle|syfte\w*|mal|malet|innehall\w*|avsedd\w*)$/;

/** Headings several passages share: each such passage is about its theme only through the heading above it. */
function sharedHeadings(kb: KnowledgeBase): Set<string> {
  const count = new Map<string, number>();
  for (const item of kb.items) if (item.kind === 'passage') count.set(item.record.title.fi, (count.get(item.record.title.fi) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= 3).map(([t]) => t));
}

export function createPlanner(kb: KnowledgeBase, index: SearchIndex) {
  prepareIntent(kb);
  const genericTitles = sharedHeadings(kb);
  const concepts = conceptsOf(kb);
  const names = createUnitNames(kb);
  /** Each document's passages. */
  const passagesOf = new Map<string, KnowledgeItem[]>();
  for (const item of kb.items) if (item.kind === 'passage') passagesOf.set(item.document.id, [...(passagesOf.get(item.document.id) ?? []), item]);
  /** The numbers each passage names, made when a question with a number first needs them. */
  const numbered = new Map<string, NumberedText>();
  const numbersOf = (item: KnowledgeItem): NumberedText => {
    let out = numbered.get(item.id);
    if (!out) {
      out =
        item.kind === 'passage'
          ? { labels: [item.record.title.fi, item.record.title.en ?? '', ...item.record.keywords].flatMap(numberMentions), text: numberMentions(item.record.text) }
          : { labels: [], text: [] };
      numbered.set(item.id, out);
    }
    return out;
  };
  const isUnitName = (text: string) => names.namedIn(text) !== undefined;

  function scopeOf(question: string, context: PlanContext): Scope {
    const named = names.namedIn(question);
    if (named) return { units: [named], named: true };
    const units = kb.unitsByIds([...(context.unitIds ?? []), ...(context.unitId ? [context.unitId] : [])]);
    return { units: units.length ? units : [kb.defaultUnit()], named: false };
  }

  function focusOf(analysis: QueryAnalysis): Focus {
    const stems = new Map<string, number>();
    for (const w of analysis.words) for (const s of w.stems) stems.set(s, Math.max(stems.get(s) ?? 0, index.weightOf(s)));
    const content = analysis.words.filter((w) => !w.stop).length;
    const facet = facetOf(analysis.text, content, analysis.words.length);
    const numbers = numberMentions(analysis.text).filter((m) => m.context.length > 0);
    return { stems, ...(facet ? { facet } : {}), ...(numbers.length ? { numbers } : {}) };
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
    const capped = names.withCodesAsNames(capQuestion(question));
    const { lang, analysis } = languageOf(capped, context);
    const scope = scopeOf(capped, context);
    // A section's name tells which of the asker's units the question is about.
    const readings = scope.units.map((unit) => ({ unit, intent: detectIntent(kb, unit, capped, analysis, isUnitName) }));
    const [first] = readings;
    const chosen = readings.find((r) => r.intent.kind === 'section-requirements') ?? first;
    if (!chosen) throw new Error('a scope always has a unit');
    return answerFor(capped, chosen.intent, scope, chosen.unit, lang, analysis);
  }

  /** The plan for an intent decided elsewhere (the LLM's reading of a loose question). */
  function planForIntent(question: string, intent: Intent, context: PlanContext = {}): AnswerPlan {
    const capped = names.withCodesAsNames(capQuestion(question));
    const lang = detectLanguage(capped, context.preferredLang ?? 'fi');
    const scope = scopeOf(capped, context);
    const sectionUnit = intent.kind === 'section-requirements' ? scope.units.find((u) => u.sections.some((s) => s.id === intent.sectionId)) : undefined;
    return answerFor(capped, intent, scope, sectionUnit ?? scope.units[0] ?? kb.defaultUnit(), lang, index.analyze(capped, lang));
  }

  /**
   * The answer for the scope: the primary unit's, with the asker's other current units either sharing it
   * (the same criteria word for word) or answered after it. A yes/no requirement question their units have
   * nothing on is checked against every unit of the base, and a requirement that covers the whole question
   * answers it, saying its unit. Open questions stay within the scope: a word shared with some other unit's
   * requirement is no answer.
   */
  function answerFor(question: string, intent: Intent, scope: Scope, unit: Unit, lang: Lang, analysis: QueryAnalysis): AnswerPlan {
    const primary = build(question, intent, unit, scope.units, lang, analysis);
    if (primary.intent.kind === 'requirement-check' && primary.outcome !== 'answered' && !scope.named && kb.units.length > scope.units.length) {
      // One look at every unit's requirements; the unit whose requirement covers the question answers it.
      const [top] = index.search(primary.intent.query, { kinds: ['requirement'], limit: 1, ...(primary.intent.query === question ? { analysis } : { lang }) });
      if (top && top.item.kind === 'requirement' && relevantRequirement(top) && top.relevance >= 0.8) {
        const wider = build(question, intent, top.item.unit, [top.item.unit], lang, analysis);
        if (wider.outcome === 'answered' && wider.support === 'full') return wider;
      }
    }
    if (!PER_UNIT.has(primary.intent.kind) || scope.units.length < 2) return primary;
    const others = scope.units.filter((u) => u !== primary.unit).map((u) => build(question, intent, u, [u], lang, analysis));
    const shared = others.filter((o) => sameAnswer(primary, o));
    const more = others.filter((o) => !shared.includes(o) && o.intent.kind === primary.intent.kind);
    return {
      ...primary,
      ...(shared.length ? { sharedWith: shared.map((o) => o.unit) } : {}),
      ...(more.length ? { more } : {}),
    };
  }

  /** `searchIn`: the units whose items retrieval may answer with (passages always). */
  function build(question: string, detected: Intent, unit: Unit, searchIn: readonly Unit[], lang: Lang, analysis: QueryAnalysis): AnswerPlan {
    const intent = sharperIntent(detected, question, unit, lang, analysis);
    const base = { question, lang, intent, unit };
    const answered = (items: KnowledgeItem[]): AnswerPlan => ({ ...base, outcome: items.length ? 'answered' : 'not-found', items });
    const byIds = (ids: string[]) => ids.flatMap((id) => kb.item(id) ?? []);
    const focus = focusOf(analysis);
    const search = (query: string, kinds?: KnowledgeItem['kind'][], limit = 8): SearchHit[] => {
      const own = query === question ? { analysis } : { lang };
      const options = { limit, ...(kinds ? { kinds } : {}), ...own };
      // Each unit's items, merged by the index's own ranking (passages belong to no unit: once each).
      const seen = new Set<string>();
      const hits = searchIn.flatMap((u) => index.search(query, { ...options, unitId: u.id })).filter((h) => {
        if (h.item.kind === 'criterion' || seen.has(h.item.id)) return false;
        seen.add(h.item.id);
        return true;
      });
      return searchIn.length > 1 ? hits.sort((a, b) => b.score * b.relevance - a.score * a.relevance).slice(0, options.limit) : hits;
    };
    /** An answer from requirements is from one unit: the best one's. */
    const oneUnit = (items: KnowledgeItem[]): KnowledgeItem[] => {
      const [top] = items;
      return top && top.kind !== 'passage' ? items.filter((i) => i.kind === 'passage' || i.unit.id === top.unit.id) : items;
    };
    const unitOfItems = (items: KnowledgeItem[]): Unit => items.flatMap((i) => (i.kind === 'passage' ? [] : [i.unit]))[0] ?? unit;
    const declined = (outcome: Outcome, hits: SearchHit[]): AnswerPlan => ({ ...base, outcome, items: [], nearest: nearestOf(hits), focus });

    // "Mitä Hyvän palvelun työkirjassa esitetään näyttöjen laadusta?": a named document is where to
    // look, before what the question's words would otherwise make of it (the näyttö, a yes/no check).
    if (intent.kind === 'demonstration' || intent.kind === 'requirement-check' || intent.kind === 'unit-facts' || intent.kind === 'grading-overview') {
      const fromDocument = documentPlan(question);
      if (fromDocument) return fromDocument;
    }

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
        // The levels that have criteria: a grade without its own (older units) is shown by the levels around it.
        return answered(resolveGrades(unit, intent.grades).levels.flatMap((l) => l.criteria.map((c) => c.id)).flatMap((id) => kb.item(id) ?? []));
      case 'grading-overview':
        // A pass/fail unit's one level is the answer itself.
        if (scaleOf(unit) === 'pass-fail') return answered(resolveGrades(unit, [1]).levels.flatMap((l) => l.criteria.flatMap((c) => kb.item(c.id) ?? [])));
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
        // The best requirement that covers the question: one scoring higher on a common word alone ("kunden") does not.
        // One that covers the whole question before one that scores higher on a part of it ("asiakasyhteydenpito":
        // "pitää yhteyttä asiakkaaseen", not a requirement that only says "asiakas").
        const first = hits.find(relevantRequirement);
        const whole = first && first.relevance < 0.6 ? hits.find((h) => relevantRequirement(h) && h.relevance >= 0.8) : undefined;
        const top = whole ?? first;
        // "saako työpaikalla käyttää omaa puhelinta": what the asker may do is the school's to say; a
        // requirement that only touches the question is offered as the nearest thing, not as the answer.
        if (top && top.relevance < 0.8 && PERMISSION.test(analysis.text)) return declined('not-found', hits);
        if ((!top || top.relevance < 0.8) && ASKS_RECOMMENDATION.test(analysis.text)) return declined('out-of-scope', hits);
        if (top) {
          // Keep the close runners-up: "information security" is both AH-T2 and AH-T3 (when a whole match
          // came first, only other whole matches).
          const close = (h: SearchHit) => h.score >= top.score * 0.5 && (!whole || h.relevance >= 0.8);
          // Or nearly as strong a match on a little less of the question: "tietosuojasäännöt ja
          // tietoturvaohjeet" asks about both AH-H1 and AH-T3.
          const runnerUp = (h: SearchHit) => h.score >= top.score * 0.8 && h.knownRelevance >= 0.4 && h.relevance >= 0.25 && !whole;
          const items = oneUnit([top, ...hits.filter((h) => h !== top && ((relevantRequirement(h) && close(h)) || runnerUp(h)))].slice(0, 3).map((h) => h.item));
          return { ...base, unit: unitOfItems(items), outcome: 'answered', items, support: top.relevance >= 0.8 ? 'full' : 'partial', focus };
        }
        // Not a requirement: the supporting material may still say something about it, but never whether
        // the asker may do something ("voinko tehdä harjoittelun ulkomailla"): that is for their school.
        const all = search(intent.query);
        if (PERMISSION.test(analysis.text)) return declined('not-found', [...hits, ...all]);
        const passage = all.find((h) => h.item.kind === 'passage' || h.item.kind === 'method');
        if (passage && relevantForOpenQuestion(passage)) return { ...base, unit: unitOfItems([passage.item]), outcome: 'answered', items: [passage.item], focus };
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
        if (items.length === 2 && items[0]?.id !== items[1]?.id) return { ...base, unit: unitOfItems(items), outcome: 'answered', items, focus };
        return searchPlan(intent.topics.join(' '));
      }
      case 'search':
        return searchPlan(intent.query);
    }

    /** A question that names a document, answered from that document by the rest of its words; null when it names none or the document has nothing on it. */
    function documentPlan(query: string): AnswerPlan | null {
      const named = namedDocument(kb, query, query === question ? analysis : undefined);
      if (!named?.query) return null;
      const found = search(named.query, ['passage'], 40).filter((h) => h.item.kind === 'passage' && h.item.document.id === named.document.id);
      const ofDocument = passagesOf.get(named.document.id) ?? [];
      const inDocument = preferRequirements(preferNumbered(preferDefinition(preferLists(preferSpecific(found, focus, analysis), focus, analysis), analysis), analysis, ofDocument), analysis);
      const [best] = inDocument;
      // The document is already the asker's choice: a passage about part of the rest of the question answers.
      if (!best) return null;
      const partly = best.relevance >= 0.25 && (best.about || best.matched.length >= 2);
      if (!partly && !relevantForOpenQuestion(best)) return null;
      return { ...base, unit: unitOfItems([best.item]), outcome: 'answered', items: [best.item], focus, nearest: nearestOf(inDocument).filter((i) => i.id !== best.item.id) };
    }

    function searchPlan(query: string): AnswerPlan {
      const fromDocument = documentPlan(query);
      if (fromDocument) return fromDocument;
      // A document named says where to look, not what about: when it has nothing on the rest of the question
      // ("Turun kaupungin asiakaspalvelun puhelinnumero"), its title's words answer nothing elsewhere either.
      // Nor does another document: the asker said which one.
      const named = namedDocument(kb, query, query === question ? analysis : undefined);
      // What the document is for or about ("the purpose of the workbook") is the document itself: the whole question then.
      const asked = named && words(named.query).some((w) => !isStopword(w) && !ABOUT_DOCUMENT.test(w)) ? named.query : query;
      const found = search(asked).filter((h) => !named || h.item.kind !== 'passage' || h.item.document.id === named.document.id);
      const hits = preferRequirements(preferNumbered(preferDefinition(preferLists(preferSpecific(withConcept(found, analysis, concepts), focus, analysis), focus, analysis), analysis), analysis), analysis);
      const [top] = hits;
      // A recommendation or an opinion ("suositteletko hyvää CRM-ohjelmaa") is no one's to give here: the base only tells what it holds.
      if (!relevantForOpenQuestion(top, question) || ASKS_RECOMMENDATION.test(analysis.text)) return declined('out-of-scope', hits);
      if (top.item.kind === 'requirement') {
        const items = oneUnit(hits.filter((h) => h.item.kind === 'requirement' && relevantForOpenQuestion(h) && h.score >= top.score * 0.5).slice(0, 3).map((h) => h.item));
        return { ...base, unit: unitOfItems(items), outcome: 'answered', items, focus };
      }
      // The passage that answers; the next ones are a click away.
      return { ...base, unit: unitOfItems([top.item]), outcome: 'answered', items: [top.item], focus, nearest: nearestOf(hits).filter((i) => i.id !== top.item.id) };
    }
  }

  /**
   * A passage under a heading many passages share ("Kysymyksiä teeman pohjalta", "Miten teemaa
   * fasilitoitiin työpajassa?") is about its theme only by the heading above it: a passage of the same
   * theme with a heading of its own that matches about as well answers first ("mitä hyötyä
   * monituottajamallista on" is "Monituottajamallin hyötyjä", not the theme's reflection questions),
   * unless the question asks for what the shared heading says (questions, the workshop).
   */
  function preferSpecific(hits: SearchHit[], focus: Focus, analysis: QueryAnalysis): SearchHit[] {
    const [top] = hits;
    if (top?.item.kind !== 'passage' || focus.facet === 'questions') return hits;
    const heading = top.item.record.title.fi;
    if (!genericTitles.has(heading)) return hits;
    // The question asks for what the shared heading says (its questions, the workshop).
    if (analysis.words.some((w) => !w.stop && headingNames(heading, w.stems))) return hits;
    const generic = (h: SearchHit) => h.item.kind === 'passage' && genericTitles.has(h.item.record.title.fi);
    const better = hits.find((h) => h.item.kind === 'passage' && !generic(h) && h.relevance >= top.relevance - 0.2 && h.score >= top.score * 0.3);
    return better ? [better, ...hits.filter((h) => h !== better)] : hits;
  }


  /**
   * "Mitkä ovat ne 3 näkökulmaa", "4 erilaista asiakasta", "kaksiosainen testi": a question that names a
   * number with its words is answered by the passage that names the same number with the same words
   * ("kolme näkökulmaa" in its keywords, "neljän erilaisen asiakkaan" in its text), among those that match
   * nearly as well as the best one, or, for a named document, among its passages.
   */
  function preferNumbered(hits: SearchHit[], analysis: QueryAnalysis, document: readonly KnowledgeItem[] = []): SearchHit[] {
    const [top] = hits;
    if (top?.item.kind !== 'passage') return hits;
    const asked = numberMentions(analysis.text).filter((m) => m.context.length > 0);
    if (!asked.length) return hits;
    const close = hits.filter((h) => h.item.kind === 'passage' && h.relevance >= top.relevance - 0.5);
    const more: SearchHit[] = document
      .filter((item) => !close.some((h) => h.item.id === item.id))
      .map((item) => ({ ...top, item, matched: top.matched, about: true }));
    // A number in the passage's title or keywords (3 a word) says what it is about: it may match a little less.
    const scored = [...close, ...more]
      .map((h) => ({ h, n: numberScore(asked, numbersOf(h.item)) }))
      .filter((x) => x.h === top || x.n >= 3 || x.h.relevance >= top.relevance - 0.4);
    const own = scored.find((x) => x.h === top)?.n ?? 0;
    const best = scored.reduce<{ h: SearchHit; n: number } | undefined>((a, b) => (b.n > (a?.n ?? 0) ? b : a), undefined);
    // A passage of the document the search did not find needs more than one word by its number.
    if (!best || best.n <= own || (more.includes(best.h) && best.n < 2)) return hits;
    // The number and its words confirm it: it answers as surely as the best match would.
    const confirmed: SearchHit = { ...best.h, relevance: Math.max(best.h.relevance, top.relevance), knownRelevance: Math.max(best.h.knownRelevance, top.knownRelevance), about: true };
    return [confirmed, ...hits.filter((h) => h !== best.h)];
  }

  /**
   * "Mitä asiakkaan yhteydenpidosta vaaditaan": a question that asks what is required is answered by the
   * requirement that matches it as well as the best passage does.
   */
  function preferRequirements(hits: SearchHit[], analysis: QueryAnalysis): SearchHit[] {
    const [top] = hits;
    if (top?.item.kind !== 'passage' || !ASKS_REQUIRED.test(analysis.lemmaText)) return hits;
    const requirement = hits.find((h) => h.item.kind === 'requirement' && h.relevance >= top.relevance - 0.05 && relevantForOpenQuestion(h));
    return requirement ? [requirement, ...hits.filter((h) => h !== requirement)] : hits;
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
    // The heading names what the question asks about beyond the broad word: "miten kehittämiskokeiluja
    // arvioidaan" is the development experiment's own evaluation ("Toteuttakaa kehittämiskokeilu").
    const specific = topic.filter((w) => !isBroadIntentWord(intent.kind, w.lemma ?? w.written));
    // A verb of the question ("varmistetaan") is seldom in a heading: one of those words named is enough.
    if (top && top.relevance >= 0.99 && (titleNames(top.item, topic.map((w) => w.written).join(' ')) || specific.some((w) => titleNames(top.item, w.written))))
      return { kind: 'search', query: question };
    return intent;
  }

  /**
   * A question that asks for a list, a count or a duration ("mitkä ovat …", "kriittiset pisteet", "how many …", "kuinka pitkään …") is answered best by the
   * passage that lists it: among the passages that match as well as the best one, those with a list
   * that carries the question's words come first.
   */
  function preferLists(hits: SearchHit[], focus?: Focus, analysis?: QueryAnalysis): SearchHit[] {
    const [top] = hits;
    if (top?.item.kind !== 'passage' || (focus?.facet !== 'list' && focus?.facet !== 'count' && focus?.facet !== 'duration')) return hits;
    // "Kuinka pitkään …": the passage that gives a duration with the question's words.
    const factScore = focus.facet === 'duration' ? durationScore : listScore;
    const near = (reach: number, share: number) => (h: SearchHit) =>
      h.item.kind === 'passage' && h.relevance >= top.relevance - reach && h.score >= top.score * share ? factScore(h.item.record.text, focus) : 0;
    let scored = hits.map((h) => ({ h, list: near(0.05, 0.4)(h) }));
    // A duration asked for is a fact the best matches may all lack: a passage that gives one about the same
    // thing answers, though it matches less of the question ("how long should an experiment run before it is evaluated").
    const reach = focus.facet === 'duration' && scored.every((x) => x.list === 0) ? 0.3 : 0.05;
    if (reach > 0.05) scored = hits.map((h) => ({ h, list: near(reach, 0.2)(h) }));
    // The best match keeps its place when it has such a list itself, or a list under a heading that names
    // everything asked ("what are the benefits of cooperation": "Yhteistyön hyödyt", its list the benefits).
    const topic = analysis?.words.filter((w) => !w.stop && w.stems.length > 0) ?? [];
    const heading = `${top.item.record.title.fi} ${top.item.record.title.en ?? ''}`;
    if (focus.facet === 'list' && topic.length > 0 && hasList(top.item.record.text) && topic.every((w) => headingNames(heading, w.stems))) return hits;
    if ((scored[0]?.list ?? 0) > 0) return hits;
    // Reaching further, the best match that gives a duration at all: how well its sentence matches counts less than how well the passage does.
    const best = reach > 0.05 ? (scored.find((x) => x.list > 0) ?? scored[0]) : scored.reduce((a, b) => (b.list > a.list ? b : a));
    if (!best || best.list === 0 || best.h === top) return hits;
    // The duration it gives confirms it: it answers as surely as the best match would.
    const confirmed = reach > 0.05 ? { ...best.h, relevance: Math.max(best.h.relevance, top.relevance), knownRelevance: Math.max(best.h.knownRelevance, top.knownRelevance) } : best.h;
    return [confirmed, ...hits.filter((h) => h !== best.h)];
  }

  return Object.assign(plan, { forIntent: planForIntent });
}

export type Planner = ReturnType<typeof createPlanner>;
