// Full-text search over the knowledge items: MiniSearch over Snowball stems (Finnish, and English for
// the translations), with a query analysis in front of it that reads Finnish as it is written: spoken
// forms ("tarviiks", "mun"), missing ä/ö, typos and unknown compounds against the base's own
// vocabulary (vocabulary.ts), and the glossary's Finnish terms for English and Swedish words.
// Relevance weighs the question's words by how rare they are in the base; a word the base does not
// know at all weighs most, so that one shared common word never makes an answer.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeBase, KnowledgeItem } from './knowledge-base.ts';
import { textOf } from './knowledge-base.ts';
import type { Localized } from './schema.ts';
import { compact, finnishHomographKey, foldDiacritics, memoisedByWord, stemEn, stemFi, words, writtenFinnish } from '../text/normalize.ts';
import { isStopword, stopwords } from '../text/stopwords.ts';
import { boundedDistance, createVocabulary, type Vocabulary } from './vocabulary.ts';

/** At most this much of a message is analysed: a question is short; the rest of a long text is noise. */
export const MAX_QUERY_CHARS = 600;
export const MAX_QUERY_WORDS = 60;
/** Typo look-ups per message (each is bounded too). */
const MAX_CORRECTIONS = 12;
/**
 * In a base of many units a few stems are in a large share of its items ("opiskelija" heads every
 * requirement of every unit): scoring them costs a pass over most of the base and tells nothing. From
 * this size on, such a stem is not searched when the question has rarer ones; it still counts as
 * matched in the items that have it.
 */
const COMMON_MIN_ITEMS = 2000;
const COMMON_SHARE = 0.05;

interface IndexedItem {
  id: string;
  fi: string;
  en: string;
  /** The curriculum's Swedish, where it has it. */
  sv: string;
  title: string;
  keywords: string;
  /** The last parts of the text's compounds ("järjestelmässä" of "tietojärjestelmässä"), so that a part finds the whole. */
  parts?: string;
}

export interface QueryWord {
  /** The word as written, lower case. */
  raw: string;
  /** Its written form, folded: a spoken form standardised ("tarviiks" → "tarvitseeko"), a typo corrected. */
  written: string;
  /** A function or question word: it carries no topic. */
  stop: boolean;
  /** The base knows the word (as written, corrected, by its first compound part or through the glossary). */
  known: boolean;
  corrected: boolean;
  /** The base's own form of a word it knows by its stem only ("requirments" → "requirements"), for the intent rules. */
  lemma?: string;
  /** The first word's position when the word belongs to a glossary phrase ("customer service"): the phrase is one topic. */
  phrase?: number;
  /** Index stems that stand for the word: its own, its compound part's and its glossary terms'. */
  stems: string[];
  /** The stems of the last part of a compound the base knows ("tietoja" in "asiakastietoja"): a weaker match. */
  partStems: string[];
  /**
   * The glossary's Finnish terms of more than one word, each word's stems ("utvecklande respons" →
   * kehittävä palaute): an item with only some of a term's words matches the term by half.
   */
  termStems?: string[][][];
}

export interface QueryAnalysis {
  words: QueryWord[];
  /** The written forms joined by spaces. */
  text: string;
  /** The same with each word in the base's own form where it has one: what the intent rules read. */
  lemmaText: string;
  /** The message was longer than what was analysed. */
  truncated: boolean;
  /** The language the question was read in, when given. */
  lang?: 'fi' | 'en' | 'sv';
}

export interface SearchHit {
  item: KnowledgeItem;
  score: number;
  /** Share of the question's topic words that this item matches (0..1), each word counting once. */
  coverage: number;
  /** Share of the topic words' weight matched: rare words weigh more, words the base does not know most. */
  relevance: number;
  /** The same over the words the base knows (0 when it knows none): how well the item covers what it can. */
  knownRelevance: number;
  matched: string[];
  /** Topic words the base does not know at all. */
  unknown: string[];
  /** Some matched word is in the item's title or keywords: the item is about it, not just mentioning it. */
  about: boolean;
}

export interface SearchOptions {
  kinds?: readonly KnowledgeItem['kind'][];
  unitId?: string;
  limit?: number;
  /** The question's language: Finnish spoken forms are read only in Finnish text. */
  lang?: 'fi' | 'en' | 'sv';
  /** An analysis made earlier (the planner analyses once). */
  analysis?: QueryAnalysis;
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchHit[];
  /** The question read against the base's vocabulary (bounded: the first MAX_QUERY_WORDS words). */
  analyze(query: string, lang?: 'fi' | 'en' | 'sv'): QueryAnalysis;
  /** The stemmed topic terms of a query after glossary expansion, for relevance checks. */
  topicTerms(query: string): string[];
  /** How many of the analysed words the base has only in its Finnish texts, and only in its English ones. */
  languageEvidence(analysis: QueryAnalysis): { fi: number; en: number };
  /** How rare a stem is in the base: ln(1 + N / df); words the base lacks get the most. */
  weightOf(stem: string): number;
  readonly vocabulary: Vocabulary;
}

/** A word's index stems; remembered, since a school's base repeats its words hundreds of thousands of times. */
const stems: (word: string) => readonly string[] = memoisedByWord(stemsOf, 200_000);

function stemsOf(word: string): readonly string[] {
  // "chat-palvelu" is "chat" and "palvelu", as the index's tokenizer splits it.
  if (word.includes('-')) return word.split('-').flatMap(stems);
  if (isStopword(word) || word.length < 2) return [];
  const own = finnishHomographKey(foldDiacritics(word));
  if (own) return [own];
  const fi = stemFi(word);
  const en = stemEn(word);
  return fi === en ? [fi] : [fi, en];
}

function processTerm(term: string): string[] | null {
  const out = stems(term);
  // MiniSearch only reads the list: the remembered one is handed over as it is.
  return out.length ? (out as string[]) : null;
}

/** Every language of a text, for a field that holds them all (titles). */
function allOf(text: Localized): string {
  return [text.fi, text.en, text.sv].filter(Boolean).join(' ');
}

function toDocument(item: KnowledgeItem): IndexedItem {
  const text = textOf(item);
  const own = { id: item.id, fi: text.fi, en: text.en ?? '', sv: text.sv ?? '' };
  switch (item.kind) {
    case 'requirement':
      // Every requirement has the unit's subject ("Opiskelija", "the student") in front of it.
      return { ...own, title: `${allOf(item.section.title)} ${allOf(item.unit.assessment.subject)}`, keywords: [...item.requirement.keywords].join(' ') };
    case 'criterion':
      return { ...own, title: `${allOf(item.level.name)}${item.criterion.target ? ` ${allOf(item.criterion.target)}` : ''}`, keywords: '' };
    case 'method':
      return { ...own, title: allOf(item.unit.demonstration.title), keywords: 'näyttö demonstration demonstrate show skills' };
    case 'unit':
      return { ...own, title: allOf(item.unit.name), keywords: item.unit.aliases.join(' ') };
    case 'passage':
      return {
        ...own,
        fi: `${item.record.text} ${item.record.questions.join(' ')}`,
        title: `${item.record.title.fi} ${item.record.headingPath.join(' ')}`,
        keywords: item.record.keywords.join(' '),
      };
  }
}

/** Swedish prepositions that join the words a Finnish compound is made of ("handledning på arbetsplatsen"). */
const SV_COMPOUND_PREPOSITIONS: ReadonlySet<string> = new Set(['pa', 'i', 'av', 'for', 'vid', 'inom', 'med']);

/** Endings an English or Swedish word may carry beyond its glossary form ("konkurrenterna" → "konkurrent"). */
const FOREIGN_ENDINGS = ['erna', 'arna', 'orna', 'ens', 'ets', 'en', 'et', 'er', 'ar', 'or', 'na', 'es', 's', 'n', 't', 'e', 'a'];

/**
 * A Finnish yes/no question opens with its verb and the clitic -ko/-kö ("pitääkö", "liittyykö"): the verb is
 * the question's frame unless the base has it as a topic ("raportoidaanko" asks about reporting).
 */
function isQuestionVerb(word: string, position: number, df?: ReadonlyMap<string, number>): boolean {
  if (position !== 0 || word.length < 5 || !word.endsWith('ko')) return false;
  const base = word.slice(0, -2);
  // "pitäkö" is "pitääkö" misspelt: a base one edit from a function word is one.
  if (isStopword(base) || isStopword(word) || nearStopword(word)) return true;
  return !(df && stems(base).some((s) => df.has(s)));
}

const STOPWORDS_BY_LENGTH = new Map<number, string[]>();
for (const w of stopwords()) STOPWORDS_BY_LENGTH.set(w.length, [...(STOPWORDS_BY_LENGTH.get(w.length) ?? []), w]);

function nearStopword(word: string): boolean {
  for (let len = word.length - 1; len <= word.length + 1; len++)
    for (const w of STOPWORDS_BY_LENGTH.get(len) ?? []) if (boundedDistance(word, w, 1) <= 1) return true;
  return false;
}

/** The last part of a compound whose parts the base knows, at least four letters: "tietojärjestelmässä" → "järjestelmässä". */
function compoundTail(vocabulary: Vocabulary, word: string): string | undefined {
  if (word.length < 8 || word.includes('-')) return undefined;
  const parts = vocabulary.split(word);
  if (!parts || parts[1].length < 4 || parts[0].length < 4 || !vocabulary.knows(parts[1]) || isStopword(parts[1])) return undefined;
  return parts[1];
}

interface Tokens {
  fi: string[];
  rest: string[];
  /** How many items have this text. */
  count: number;
}

/** The base words a text gives to the vocabulary, each text's words as many times as items have it. */
function* vocabularyOf(kb: KnowledgeBase, tokens: readonly Tokens[], lexicon: readonly string[]): Generator<string | readonly [string, number]> {
  yield* lexicon;
  yield* stopwords();
  for (const t of tokens) for (const w of [...t.fi, ...t.rest]) yield t.count === 1 ? w : [w, t.count];
  for (const [key, terms] of [...kb.glossary.enToFi, ...kb.glossary.svToFi]) yield* [...words(key), ...terms.flatMap(words)];
  for (const [form, lemma] of kb.glossary.fiLemmas) yield* [...words(form), ...words(lemma)];
}

/**
 * Items with the same indexed text (the generic criteria every 2022+ unit shares, a standard sentence of
 * the ways of demonstrating skills) are indexed once: a school's base repeats them hundreds of times, and
 * every copy would be scored on every search. A hit stands for all of its items.
 */
function groupDocuments(kb: KnowledgeBase): { documents: IndexedItem[]; members: KnowledgeItem[][] } {
  const groups = new Map<string, number>();
  const documents: IndexedItem[] = [];
  const members: KnowledgeItem[][] = [];
  for (const item of kb.items) {
    const d = toDocument(item);
    const key = [d.fi, d.en, d.sv, d.title, d.keywords].join('\u0000');
    let g = groups.get(key);
    if (g === undefined) {
      g = documents.length;
      groups.set(key, g);
      documents.push({ ...d, id: String(g) });
      members.push([]);
    }
    members[g]?.push(item);
  }
  return { documents, members };
}

/** Which groups hold items of a unit or a kind, and a group's items in one unit (passages belong to every unit). */
interface GroupScopes {
  /** Group ids (as the index knows them) with an item of the unit. */
  ofUnit(unitId: string): ReadonlySet<string>;
  /** Group ids with a passage: a passage belongs to every unit. */
  readonly passages: ReadonlySet<string>;
  ofKind(kind: KnowledgeItem['kind']): ReadonlySet<string>;
  /** The group's items a search in `unitId` may answer with, in the base's order. */
  membersIn(group: number, unitId: string): readonly KnowledgeItem[];
}

/**
 * A search within one unit scores only that unit's groups: in a school's base the other units' items are
 * most of what a question's words are found in, and scoring them only to drop them is what grows with it.
 */
function groupScopes(members: readonly (readonly KnowledgeItem[])[]): GroupScopes {
  const byUnit = new Map<string, Set<string>>();
  const byKind = new Map<KnowledgeItem['kind'], Set<string>>();
  const passageGroups = new Set<string>();
  /** Per unit, its items of each group that has any. */
  const unitMembers = new Map<string, Map<number, KnowledgeItem[]>>();
  /** A group's passages alone: what a unit without items in the group finds in it. */
  const passagesOf = new Map<number, KnowledgeItem[]>();
  const add = <K>(map: Map<K, Set<string>>, key: K, id: string) => {
    const set = map.get(key);
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  };
  members.forEach((items, g) => {
    const id = String(g);
    const passages = items.filter((i) => i.kind === 'passage');
    if (passages.length) {
      passageGroups.add(id);
      passagesOf.set(g, passages);
    }
    for (const item of items) {
      add(byKind, item.kind, id);
      if (item.kind === 'passage') continue;
      const unitId = item.unit.id;
      const own = unitMembers.get(unitId) ?? new Map<number, KnowledgeItem[]>();
      unitMembers.set(unitId, own);
      const list = own.get(g);
      if (list) {
        // With passages the unit's list was made whole, in order, when its first item came.
        if (!passages.length) list.push(item);
        continue;
      }
      add(byUnit, unitId, id);
      own.set(g, passages.length ? items.filter((i) => i.kind === 'passage' || i.unit.id === unitId) : [item]);
    }
  });
  const none = new Set<string>();
  return {
    ofUnit: (unitId) => byUnit.get(unitId) ?? none,
    passages: passageGroups,
    ofKind: (kind) => byKind.get(kind) ?? none,
    membersIn: (g, unitId) => unitMembers.get(unitId)?.get(g) ?? passagesOf.get(g) ?? [],
  };
}

export function createSearchIndex(kb: KnowledgeBase, options: { lexicon?: readonly string[] } = {}): SearchIndex {
  const { documents, members } = groupDocuments(kb);
  const scopes = groupScopes(members);
  // Each document's words once, for the weights, the vocabulary, the compound parts and the language evidence.
  const tokens: Tokens[] = documents.map((d, g) => ({ fi: words(d.fi), rest: words(`${d.en} ${d.sv} ${d.title} ${d.keywords}`), count: members[g]?.length ?? 1 }));
  const vocabulary = createVocabulary(vocabularyOf(kb, tokens, options.lexicon ?? []));
  const tails = new Map<string, string | undefined>();
  const tailOf = (word: string): string | undefined => {
    let tail = tails.get(word);
    if (tail === undefined && !tails.has(word)) {
      tail = compoundTail(vocabulary, word);
      tails.set(word, tail);
    }
    return tail;
  };
  documents.forEach((d, i) => {
    const t = tokens[i];
    if (!t) return;
    d.parts = [...t.fi, ...t.rest].flatMap((w) => tailOf(w) ?? []).join(' ');
  });
  const index = new MiniSearch<IndexedItem>({
    fields: ['fi', 'en', 'sv', 'title', 'keywords', 'parts'],
    processTerm,
    searchOptions: { boost: { keywords: 2, title: 1.5, fi: 1, en: 0.8, sv: 0.8, parts: 0.5 }, prefix: (t) => t.length >= 5 },
  });
  index.addAll(documents);

  // Document frequency of each stem, for the weights.
  const df = new Map<string, number>();
  for (const t of tokens) {
    const seen = new Set<string>();
    for (const w of t.fi) for (const s of stems(w)) seen.add(s);
    for (const w of t.rest) for (const s of stems(w)) seen.add(s);
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + t.count);
  }
  const n = kb.items.length;
  // A term of five letters or more is searched as a prefix ("opiskel" finds "opiskelij"): its share is
  // that of the most frequent stem it begins.
  const sortedStems = n >= COMMON_MIN_ITEMS ? [...df.keys()].sort() : [];
  const commonMemo = new Map<string, boolean>();
  const isCommon = (term: string): boolean => {
    if (n < COMMON_MIN_ITEMS) return false;
    let common = commonMemo.get(term);
    if (common === undefined) {
      let most = df.get(term) ?? 0;
      if (term.length >= 5) {
        let lo = 0;
        let hi = sortedStems.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((sortedStems[mid] ?? '') < term) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < sortedStems.length && sortedStems[i]?.startsWith(term); i++) most = Math.max(most, df.get(sortedStems[i] ?? '') ?? 0);
      }
      common = most > COMMON_SHARE * n;
      if (commonMemo.size > 10_000) commonMemo.clear();
      commonMemo.set(term, common);
    }
    return common;
  };
  // A document's stems, all and in its title and keywords, made when a search needs them.
  const documentStems: { all: Set<string>; about: Set<string> }[] = [];
  const stemsOfDocument = (g: number) => {
    let out = documentStems[g];
    if (!out) {
      const d = documents[g];
      const t = tokens[g];
      const about = new Set(words(`${d?.title ?? ''} ${d?.keywords ?? ''}`).flatMap((w) => [...stems(w)]));
      out = { all: new Set([...(t?.fi ?? []), ...(t?.rest ?? []), ...words(d?.parts ?? '')].flatMap((w) => [...stems(w)])), about };
      documentStems[g] = out;
    }
    return out;
  };
  const unknownWeight = 1.5 * Math.log(1 + n);
  // The base's stems in order, for "does the base have a stem that begins so" (a compound written apart).
  const orderedStems = [...df.keys()].sort();
  const stemsBeginning = (prefix: string, max = 4): string[] => {
    let lo = 0;
    let hi = orderedStems.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((orderedStems[mid] ?? '') < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < orderedStems.length && out.length < max && orderedStems[i]?.startsWith(prefix); i++) out.push(orderedStems[i] ?? '');
    return out;
  };
  // Swedish words the glossary has only inside its phrases ("hålla" of "hålla kontakt"): alone they
  // stand for no Finnish term, and their own letters match Finnish text only by chance.
  const svKeys = [...kb.glossary.svToFi.keys()];
  const svPhraseOnly = new Set(svKeys.filter((k) => k.includes(' ')).flatMap(words).filter((w) => !kb.glossary.svToFi.has(w)));
  const weightOf = (stem: string): number => {
    const count = df.get(stem);
    return count ? Math.log(1 + n / count) : unknownWeight;
  };
  // Which words (Finnish by their stems) the base writes in Finnish, which in English: a question made of
  // Finnish terms joined by "vs" is Finnish.
  const fiForms = new Set<string>();
  const enForms = new Set<string>();
  documents.forEach((d, g) => {
    for (const w of tokens[g]?.fi ?? []) fiForms.add(stemFi(w));
    for (const w of words(d.en)) enForms.add(foldDiacritics(w));
  });
  for (const key of kb.glossary.enToFi.keys()) for (const w of words(key)) enForms.add(w);
  for (const unit of kb.units)
    for (const name of [unit.name, ...unit.sections.map((x) => x.title), ...unit.assessment.levels.map((l) => l.name), ...unit.assessment.threads.map((x) => x.name)])
      for (const w of words(name.en ?? '')) enForms.add(foldDiacritics(w));
  const languageEvidence = (analysis: QueryAnalysis) => {
    let fi = 0;
    let en = 0;
    for (const w of analysis.words) {
      if (w.stop || /\d/.test(w.written)) continue;
      // A Finnish term in an English title ("Customer guidance (asiakasohjaus)") is still Finnish.
      if (fiForms.has(stemFi(w.written))) fi++;
      else if (enForms.has(w.written)) en++;
    }
    return { fi, en };
  };

  // The Finnish lemmas by the stem of their one-word forms, so that any case of the word finds its lemma
  // ("asiakastietojen", "asiakastiedoista" as "asiakastieto").
  const lemmaByStem = new Map<string, string>();
  for (const [form, lemma] of kb.glossary.fiLemmas) if (!form.includes(' ') && form.length >= 5) lemmaByStem.set(stemFi(form), lemma);
  const fiLemma = (phrase: string, single: boolean): string | undefined =>
    kb.glossary.fiLemmas.get(phrase) ?? (single && phrase.length >= 5 ? lemmaByStem.get(stemFi(phrase)) : undefined);

  /** Glossary terms for a (folded) phrase: English, Swedish (with its endings), Finnish lemmas. */
  function glossaryTerms(phrase: string, single: boolean): string[] {
    const direct = [...(kb.glossary.enToFi.get(phrase) ?? []), ...(kb.glossary.svToFi.get(phrase) ?? [])];
    const lemma = fiLemma(phrase, single);
    if (lemma) direct.push(lemma);
    if (direct.length || phrase.length < 5) return direct;
    const inflected = foreignBase(phrase, single);
    if (inflected.length || !single || phrase.length < 8 || phrase.includes(' ')) return inflected;
    // A Swedish compound of two glossary words is the Finnish compound of their terms: "kundstyrning" is
    // "kund" (asiakas) + "styrning" (ohjaus), "asiakasohjaus", when the base has that word.
    for (let cut = 3; cut <= phrase.length - 4; cut++) {
      const heads = kb.glossary.svToFi.get(phrase.slice(0, cut)) ?? (phrase[cut - 1] === 's' ? kb.glossary.svToFi.get(phrase.slice(0, cut - 1)) : undefined);
      if (!heads) continue;
      const tails = foreignBase(phrase.slice(cut), true).filter((t) => !t.includes(' '));
      const joined = heads.filter((h) => !h.includes(' ')).flatMap((h) => tails.map((t) => `${h}${t}`));
      const found = joined.filter((j) => stemsBeginning(stemFi(j), 1).length > 0);
      if (found.length) return found;
    }
    return [];
  }

  /** A Swedish or English word's glossary terms by its base form ("konkurrenterna" → "konkurrent"). */
  function foreignBase(phrase: string, single: boolean): string[] {
    const direct = [...(kb.glossary.svToFi.get(phrase) ?? []), ...(single ? (kb.glossary.enToFi.get(phrase) ?? []) : [])];
    if (direct.length) return direct;
    for (const ending of FOREIGN_ENDINGS) {
      if (!phrase.endsWith(ending) || phrase.length - ending.length < 3) continue;
      const stem = phrase.slice(0, -ending.length);
      // Swedish plurals change the last vowel: "nyttorna" → "nytta", "skolor" → "skola".
      for (const base of [stem, `${stem}a`, `${stem}e`]) {
        const found = [...(kb.glossary.svToFi.get(base) ?? []), ...(single ? (kb.glossary.enToFi.get(base) ?? []) : [])];
        if (found.length) return found;
      }
    }
    return [];
  }

  /** A passage whose title or one keyword holds every word of one of the terms. */
  function namesAnyTerm(item: KnowledgeItem, terms: readonly string[][][]): boolean {
    if (item.kind !== 'passage') return false;
    const { title, keywords } = item.record;
    return [title.fi, title.en ?? '', ...keywords].some((label) => {
      const have = new Set(words(label).flatMap((w) => [...stems(w)]));
      return terms.some((t) => t.every((ws) => ws.some((s) => have.has(s))));
    });
  }

  function analyze(query: string, lang?: 'fi' | 'en' | 'sv'): QueryAnalysis {
    let text = query;
    let truncated = false;
    if (text.length > MAX_QUERY_CHARS) {
      const cut = text.lastIndexOf(' ', MAX_QUERY_CHARS);
      text = text.slice(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS);
      truncated = true;
    }
    // A hyphenated word the base does not know as a whole is its parts ("pivot-taulukon", "chat-palvelu").
    let raw = words(text).flatMap((w) => (w.includes('-') && !vocabulary.knows(w) && !kb.glossary.enToFi.has(compact(w)) && !kb.glossary.svToFi.has(compact(w)) ? w.split('-').filter(Boolean) : [w]));
    if (raw.length > MAX_QUERY_WORDS) {
      raw = raw.slice(0, MAX_QUERY_WORDS);
      truncated = true;
    }
    const spoken = lang === undefined || lang === 'fi';
    const out: QueryWord[] = raw.map((w, i) => {
      const written = spoken ? writtenFinnish(w, vocabulary.knows) : foldDiacritics(w);
      return { raw: w, written, stop: isStopword(written) || isQuestionVerb(written, i, df), known: vocabulary.knows(written), corrected: false, stems: [], partStems: [] };
    });
    // Glossary phrases, longest first; their Finnish terms stand for every word of the phrase.
    const extra = out.map(() => [] as string[]);
    /** Raw prefixes of the base's stems a word stands for (a glossary verb's first letters). */
    const rootsOf = out.map(() => [] as string[]);
    // A word inside a longer phrase takes the phrase's meaning only ("service guidance" is palveluohjaus, not palvelu + ohjaus).
    const inPhrase = out.map(() => false);
    for (let len = 3; len >= 1; len--)
      for (let i = 0; i + len <= out.length; i++) {
        if (inPhrase.slice(i, i + len).some(Boolean)) continue;
        const phrase = compact(out.slice(i, i + len).map((w) => w.written).join(' '));
        const terms = glossaryTerms(phrase, len === 1);
        if (!terms.length) continue;
        if (len > 1) for (let j = i; j < i + len; j++) inPhrase[j] = true;
        // A Finnish lemma's words are several ways to find the word, not one term to match whole.
        const lemma = fiLemma(phrase, len === 1);
        // A term's function words ("pitää" of "pitää yhteyttä") are no part of what an item must match.
        const multi = terms
          .filter((t) => t !== lemma)
          .map((t) => words(t).map((w) => [...stems(w)]).filter((ws) => ws.length > 0))
          .filter((t) => t.length > 1);
        // A Finnish verb's infinitive stems short ("pohtia" → "poht"): its first letters find its other
        // forms in the base ("pohtimaan", "pohtiminen"), as the index matches a long term as a prefix.
        const roots = terms.flatMap(words).flatMap((t) => {
          const root = /^(.{4,}[aeiouyäö])[aä]$/.exec(t)?.[1];
          return root && stemsBeginning(foldDiacritics(root), 1).length > 0 ? [foldDiacritics(root)] : [];
        });
        for (let j = i; j < i + len; j++) {
          const word = out[j];
          if (!word) continue;
          extra[j]?.push(...terms.flatMap(words));
          if (roots.length) rootsOf[j]?.push(...roots);
          if (multi.length) word.termStems = [...(word.termStems ?? []), ...multi];
          word.known = true;
          // A glossary phrase's own function words ("on time") still carry its topic, and it is one topic.
          if (len > 1) {
            word.stop = false;
            word.phrase ??= i;
          }
        }
      }
    // A compound written apart ("ajan tasalla" for "ajantasaisuudesta", "asiakas palvelu"): two Finnish
    // words whose joined stem begins a stem of the base are one topic, found by that stem too.
    if (spoken)
      for (let i = 0; i + 1 < out.length; i++) {
        const [a, b] = [out[i], out[i + 1]];
        if (!a || !b || a.stop || b.stop || a.phrase !== undefined || b.phrase !== undefined || /\d/.test(a.written + b.written)) continue;
        if (a.written.length < 3 || b.written.length < 3) continue;
        // The first part may be in the genitive: "asiakaspalvelun kanavat" ~ "asiakaspalvelukanavissa".
        const heads = /[aeiouy]n$/.test(a.written) ? [a.written, a.written.slice(0, -1)] : [a.written];
        // The joined stem must be longer than either part's: "ajantasa" reaches beyond "aja" and "tasa".
        const joined = heads.map((h) => stemFi(`${h}${b.written}`)).find((j) => j.length >= 7 && stemsBeginning(j, 1).length > 0);
        if (!joined) continue;
        // Each word stays its own topic; an item with the compound has both.
        for (const w of [a, b]) w.known = true;
        extra[i]?.push(joined);
        extra[i + 1]?.push(joined);
        i++;
      }
    // A Swedish phrase with a preposition is often one Finnish compound: "handledning på arbetsplatsen" is
    // "työpaikkaohjaus" (työpaikka + ohjaus), when the base has that word; it then means that alone.
    if (lang === 'sv')
      for (let i = 0; i + 2 < out.length; i++) {
        const [a, by, b] = [out[i], out[i + 1], out[i + 2]];
        if (!a || !by || !b || a.stop || !SV_COMPOUND_PREPOSITIONS.has(by.written)) continue;
        const heads = foreignBase(b.written, true).filter((t) => !t.includes(' '));
        const tails = foreignBase(a.written, true).filter((t) => !t.includes(' '));
        const joined = heads.flatMap((h) => tails.map((t) => `${h}${t}`)).find((j) => stemsBeginning(stemFi(j), 1).length > 0);
        if (!joined) continue;
        extra[i] = [joined];
        a.known = true;
      }
    if (lang === 'sv')
      out.forEach((word, i) => {
        if (!word.stop && !extra[i]?.length && svPhraseOnly.has(word.written)) word.stop = true;
      });
    // Typos and unknown compounds, a bounded number per message.
    let corrections = 0;
    const modifiers = out.map(() => [] as string[]);
    const tried = new Map<string, string | undefined>();
    out.forEach((word, i) => {
      // Digits and run-on strings (a pasted URL, "aaaa…") are nobody's typo.
      if (word.known || /\d/.test(word.written) || word.written.length > 40) return;
      // A typo first (one or two edits from a written form), else an unknown compound by its known first part.
      if (!tried.has(word.written) && corrections < MAX_CORRECTIONS) {
        corrections++;
        const fix = vocabulary.correct(word.written);
        // Into a function word only one edit away, and elsewhere than the question's first word ("pitäkö")
        // only a long word, as spoken Finnish drops a letter ("tarkottaa"): a short content word would
        // vanish ("sähköä" is not "saako", "tienaa" is not "tietää").
        const intoFunctionWord = fix !== undefined && isStopword(fix) && ((i > 0 && word.written.length < 8) || boundedDistance(word.written, fix, 1) > 1);
        tried.set(word.written, intoFunctionWord ? undefined : fix);
      }
      const corrected = tried.get(word.written);
      if (corrected) {
        word.written = corrected;
        word.corrected = true;
        word.known = true;
        word.stop = isStopword(corrected);
        return;
      }
      const parts = vocabulary.split(word.written);
      if (parts) {
        // A Finnish compound is a kind of its last part: "asiakasyhteydenpito" is "yhteydenpito", about a
        // customer. The first part alone matches it only weakly, as a compound's last part does.
        if (vocabulary.knows(parts[1]) && !isStopword(parts[1]) && parts[1].length >= 4) {
          extra[i]?.push(parts[1]);
          modifiers[i]?.push(parts[0]);
        } else extra[i]?.push(parts[0]);
        word.known = true;
      }
    });
    out.forEach((word, i) => {
      // A yes/no question's verb ("arvioiko", "raportoidaanko") stands for the verb without its clitic.
      const own = i === 0 && !word.stop && word.written.length >= 5 && word.written.endsWith('ko') ? [...stems(word.written.slice(0, -2))] : [...stems(word.written)];
      // The partitive of a "-nen" word ("kriittistä") has the stem of its other cases ("kriittis").
      const variant = /[aeiouy]sta$/.test(word.written) ? `${stemFi(word.written)}s` : '';
      if (variant && df.has(variant)) own.push(variant);
      // A verbal noun stands for its verb ("noudattaminen" ~ "noudattaa", "käyttämisestä" ~ "käyttää"),
      // as a requirement says what the student does.
      const verbal = /^(.{3,}[aeiouy])mi(?:nen|sen|sta|seen|sesta|sella|selle|set|sia|sista|siin)$/.exec(word.written)?.[1];
      if (verbal && !word.stop) own.push(...stems(`${verbal}a`).filter((s) => s.length >= 4 && stemsBeginning(s, 1).length > 0));
      // A verb's infinitive in -ta/-tä stands for its present forms: "tarjota" ~ "tarjoaa", "pelata" ~ "pelaa".
      const contracted = /^(.{3,}[aouy])ta$/.exec(word.written)?.[1];
      if (contracted && !word.stop) own.push(...stems(contracted.endsWith('a') ? `${contracted}a` : `${contracted}aa`).filter((s) => s.length >= 5 && stemsBeginning(s, 1).length > 0));
      // A long stem also stands for its derivations by its beginning ("kartoitus" ~ "kartoittaa",
      // "ylläpito" ~ "ylläpitää"): the index matches it as a prefix.
      const fi = stemFi(word.written);
      if (fi.length >= 6 && !word.stop && !finnishHomographKey(word.written)) own.push(fi.slice(0, fi.length >= 8 ? Math.max(6, fi.length - 2) : fi.length - 1));
      // A part's stem of two letters ("ammat" → "am") is no topic: as a prefix it would match anything.
      word.stems = word.stop ? [] : [...new Set([...own, ...(extra[i] ?? []).flatMap(stems).filter((x) => x.length >= 3), ...(rootsOf[i] ?? [])])];
      const tail = word.stop ? undefined : tailOf(word.written);
      word.partStems = [...new Set([...(tail ? stems(tail) : []), ...(modifiers[i] ?? []).flatMap(stems)])].filter((x) => !word.stems.includes(x));
      // Only longer words: a short one shares its stem with too much ("näytä" is not "näyttö").
      if (!word.stop && !word.corrected && word.written.length >= 7 && !/ko$/.test(word.written)) {
        const lemma = vocabulary.lemma(word.written);
        if (lemma && lemma.slice(0, 4) === word.written.slice(0, 4)) word.lemma = lemma;
      }
    });
    return {
      words: out,
      text: out.map((w) => w.written).join(' '),
      lemmaText: out.map((w) => w.lemma ?? w.written).join(' '),
      truncated,
      ...(lang ? { lang } : {}),
    };
  }

  function topicTerms(query: string): string[] {
    return [...new Set(analyze(query).words.flatMap((w) => w.stems))];
  }

  function search(query: string, options: SearchOptions = {}): SearchHit[] {
    const analysis = options.analysis ?? analyze(query, options.lang);
    const topic = analysis.words.filter((w) => !w.stop && w.stems.length > 0 && !/^\d+$/.test(w.written));
    const terms = [...new Set(topic.flatMap((w) => [...w.stems, ...w.partStems]))];
    if (terms.length === 0) return [];
    const wanted = (item: KnowledgeItem) => {
      if (options.kinds && !options.kinds.includes(item.kind)) return false;
      if (options.unitId && item.kind !== 'passage' && item.unit.id !== options.unitId) return false;
      return true;
    };
    // One topic per word, or per glossary phrase: "customer service worker" is one thing asked about.
    const units = new Map<number, QueryWord[]>();
    analysis.words.forEach((w, i) => {
      if (!topic.includes(w)) return;
      const key = w.phrase ?? i;
      units.set(key, [...(units.get(key) ?? []), w]);
    });
    // The base has no Swedish text: a Swedish word it does not know may be the question's frame as well
    // as its topic, so it weighs half of what an unknown word does in Finnish or English; at the full
    // weight of the base's commonest word, a command in Swedish ("kan du skicka frågan kl 14") matched
    // a passage on "frågan" alone. Swedish function words are in text/stopwords.ts.
    const strangerWeight = (options.lang ?? analysis.lang) === 'sv' ? unknownWeight / 2 : unknownWeight;
    const unitList = [...units.values()].map((ws) => {
      const known = ws.every((w) => w.known);
      const weight = known ? Math.max(1, ...ws.flatMap((w) => w.stems.map((s) => (df.has(s) ? weightOf(s) : 0)))) : strangerWeight;
      const terms = ws.flatMap((w) => w.termStems ?? []);
      return { words: ws, known, weight, stems: new Set(ws.flatMap((w) => w.stems)), partStems: new Set(ws.flatMap((w) => w.partStems)), terms, termOnly: new Set(terms.flat(2)) };
    });
    const total = unitList.reduce((a, u) => a + u.weight, 0);
    const knownTotal = unitList.reduce((a, u) => a + (u.known ? u.weight : 0), 0);
    // The best-scoring items, each group's items in the base's order, as many as are ranked below.
    const cap = Math.max(20, options.limit ?? 10);
    // A word with a stem in a large share of the base is matched in the items found by the other words.
    const commonWords = unitList.filter((u) => [...u.stems].some(isCommon));
    const rare = commonWords.length < unitList.length ? [...new Set(unitList.filter((u) => !commonWords.includes(u)).flatMap((u) => [...u.stems, ...u.partStems]))] : terms;
    // Only the groups with an item the search may answer with are scored; the scores are those of the
    // whole index. Whether the words are in the base at all (any group) still decides the fallback below.
    const inUnit = options.unitId === undefined ? undefined : scopes.ofUnit(options.unitId);
    const ofKinds = options.kinds?.map(scopes.ofKind);
    let inBase = false;
    const boostDocument =
      inUnit || ofKinds
        ? (id: string): number => {
            inBase = true;
            if (inUnit && !inUnit.has(id) && !scopes.passages.has(id)) return 0;
            return !ofKinds || ofKinds.some((set) => set.has(id)) ? 1 : 0;
          }
        : undefined;
    const run = (ts: readonly string[]) => {
      inBase = false;
      const out = index.search(ts.join(' '), { processTerm: (t) => t, ...(boostDocument ? { boostDocument } : {}) });
      return { results: out, anywhere: inBase || out.length > 0 };
    };
    let searched = rare;
    let { results, anywhere } = run(searched);
    if (!anywhere && searched !== terms) {
      searched = terms;
      ({ results } = run(terms));
    }
    const unsearched = terms.filter((t) => !searched.includes(t));
    const found: { r: SearchResult; item: KnowledgeItem }[] = [];
    for (const r of results) {
      const g = Number(r.id);
      for (const item of options.unitId === undefined ? (members[g] ?? []) : scopes.membersIn(g, options.unitId)) {
        if (wanted(item)) found.push({ r, item });
        if (found.length >= cap) break;
      }
      if (found.length >= cap) break;
    }
    // Rank by the score and by how much of the question an item answers: of two items that score
    // alike, the one that matches every word of the question comes first.
    const hits = found.map(({ r, item }) => {
      const hitTerms = new Set(r.queryTerms);
      const titleTerms = new Set(Object.entries(r.match).filter(([, fields]) => fields.includes('title') || fields.includes('keywords')).map(([term]) => term));
      if (unsearched.length) {
        const own = stemsOfDocument(Number(r.id));
        for (const t of unsearched) {
          if (own.all.has(t)) hitTerms.add(t);
          if (own.about.has(t)) titleTerms.add(t);
        }
      }
      let about = false;
      // Its title or one of its keywords is a glossary term of several words: it is about that term.
      let namesTerm = false;
      let matchedWeight = 0;
      let matchedUnits = 0;
      const matched: string[] = [];
      for (const u of unitList) {
        // A glossary term of several words is matched whole by all of its words, or by a stem of its own
        // ("kehittävä palaute" is not matched by "kehittävä kumppanuus").
        const whole = [...u.stems].some((s) => hitTerms.has(s)) && (u.terms.length === 0 || [...u.stems].some((s) => hitTerms.has(s) && !u.termOnly.has(s)) || u.terms.some((t) => t.every((ws) => ws.some((s) => hitTerms.has(s)))));
        // Matched by a compound's last part only ("tietoja" for "asiakastietoja") or by some words of a term: half the word.
        const part = !whole && [...u.stems, ...u.partStems].some((s) => hitTerms.has(s));
        if (!whole && !part) continue;
        // A long stem is searched as a prefix: "perehdyty" finds the keyword "perehdytys" (another form of one word, not a longer word).
        if ([...u.stems].some((s) => titleTerms.has(s) || (s.length >= 7 && [...titleTerms].some((t) => t.startsWith(s) && t.length - s.length <= 1)))) about = true;
        if (u.terms.length && !namesTerm && namesAnyTerm(item, u.terms)) namesTerm = true;
        matched.push(u.words.map((w) => w.raw).join(' '));
        matchedWeight += whole ? u.weight : u.weight / 2;
        matchedUnits++;
      }
      return {
        item,
        score: namesTerm ? 2 * r.score : r.score,
        coverage: unitList.length ? matchedUnits / unitList.length : 0,
        relevance: total ? matchedWeight / total : 0,
        knownRelevance: knownTotal ? Math.min(1, matchedWeight / knownTotal) : 0,
        matched,
        unknown: unitList.filter((u) => !u.known).map((u) => u.words.map((w) => w.raw).join(' ')),
        about,
      };
    });
    return hits.sort((a, b) => b.score * b.relevance - a.score * a.relevance).slice(0, options.limit ?? 10);
  }

  return { search, analyze, topicTerms, weightOf, languageEvidence, vocabulary };
}
