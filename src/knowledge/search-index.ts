// Full-text search over the knowledge items: MiniSearch with the Snowball Finnish stemmer (and the
// English one for the translations), plus a glossary that adds Finnish terms to English questions.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeBase, KnowledgeItem } from './knowledge-base.ts';
import { textOf } from './knowledge-base.ts';
import { compact, foldDiacritics, stemEn, stemFi, words } from '../text/normalize.ts';
import { isStopword } from '../text/stopwords.ts';

interface IndexedItem {
  id: string;
  fi: string;
  en: string;
  title: string;
  keywords: string;
}

export interface SearchHit {
  item: KnowledgeItem;
  score: number;
  /** Share of the question's topic words that this item matches (0..1). */
  coverage: number;
  matched: string[];
}

export interface SearchOptions {
  kinds?: readonly KnowledgeItem['kind'][];
  unitId?: string;
  limit?: number;
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchHit[];
  /** The stemmed topic terms of a query after glossary expansion, for relevance checks. */
  topicTerms(query: string): string[];
}

function stems(word: string): string[] {
  if (isStopword(word) || word.length < 2) return [];
  const fi = stemFi(word);
  const en = stemEn(word);
  return fi === en ? [fi] : [fi, en];
}

function processTerm(term: string): string[] | null {
  const out = stems(term);
  return out.length ? out : null;
}

function toDocument(item: KnowledgeItem): IndexedItem {
  const text = textOf(item);
  switch (item.kind) {
    case 'requirement':
      return {
        id: item.id,
        fi: text.fi,
        en: text.en,
        title: `${item.section.title.fi} ${item.section.title.en}`,
        keywords: [...item.requirement.keywords].join(' '),
      };
    case 'criterion':
      return { id: item.id, fi: text.fi, en: text.en, title: `${item.level.name.fi} ${item.level.name.en}`, keywords: '' };
    case 'method':
      return { id: item.id, fi: text.fi, en: text.en, title: `${item.unit.demonstration.title.fi} ${item.unit.demonstration.title.en}`, keywords: 'näyttö demonstration demonstrate show skills' };
    case 'unit':
      return { id: item.id, fi: text.fi, en: text.en, title: `${item.unit.name.fi} ${item.unit.name.en}`, keywords: item.unit.aliases.join(' ') };
    case 'passage':
      return {
        id: item.id,
        fi: `${item.record.text} ${item.record.questions.join(' ')}`,
        en: item.record.title.en,
        title: `${item.record.title.fi} ${item.record.headingPath.join(' ')}`,
        keywords: item.record.keywords.join(' '),
      };
  }
}

export function createSearchIndex(kb: KnowledgeBase): SearchIndex {
  const index = new MiniSearch<IndexedItem>({
    fields: ['fi', 'en', 'title', 'keywords'],
    processTerm,
    searchOptions: { boost: { keywords: 2, title: 1.5, fi: 1, en: 0.8 }, prefix: (t) => t.length >= 5 },
  });
  index.addAll(kb.items.map(toDocument));

  /** Query words plus Finnish terms the glossary gives for English words and phrases. */
  function expand(query: string): string[] {
    const ws = words(query);
    const extra: string[] = [];
    for (let n = 3; n >= 1; n--)
      for (let i = 0; i + n <= ws.length; i++) {
        const phrase = compact(ws.slice(i, i + n).join(' '));
        extra.push(...(kb.glossary.enToFi.get(phrase) ?? []));
        const lemma = kb.glossary.fiLemmas.get(phrase);
        if (lemma) extra.push(lemma);
      }
    return [...ws, ...extra.flatMap(words)];
  }

  function topicTerms(query: string): string[] {
    return [...new Set(words(query).flatMap(stems))];
  }

  function search(query: string, options: SearchOptions = {}): SearchHit[] {
    const expanded = expand(query).join(' ');
    const filter = (r: SearchResult) => {
      const item = kb.item(r.id);
      if (!item) return false;
      if (options.kinds && !options.kinds.includes(item.kind)) return false;
      if (options.unitId && item.kind !== 'passage' && item.unit.id !== options.unitId) return false;
      return true;
    };
    // Each topic word of the question with the stems that stand for it: its own and its glossary terms'.
    const topic = words(query)
      .filter((w) => stems(w).length > 0)
      .map((w) => {
        const related = [...(kb.glossary.enToFi.get(compact(w)) ?? []), kb.glossary.fiLemmas.get(compact(w)) ?? ''];
        return { word: w, stems: new Set([...stems(w), ...related.flatMap(words).flatMap(stems)]) };
      });
    const toHits = (results: SearchResult[]): SearchHit[] =>
      results.slice(0, options.limit ?? 10).flatMap((r) => {
        const item = kb.item(r.id);
        if (!item) return [];
        const hitTerms = new Set(r.queryTerms.map(foldDiacritics));
        const matched = topic.filter((t) => [...t.stems].some((s) => hitTerms.has(s))).map((t) => t.word);
        return [{ item, score: r.score, coverage: topic.length ? matched.length / topic.length : 0, matched }];
      });
    const exact = toHits(index.search(expanded, { filter }));
    if ((exact[0]?.coverage ?? 0) >= 0.5) return exact;
    // Typos: a second, fuzzy pass only when the exact one matched too little (fuzzy search is costly).
    const fuzzy = toHits(index.search(expanded, { filter, fuzzy: (t) => (t.length >= 6 ? 0.2 : false) }));
    return (fuzzy[0]?.coverage ?? 0) > (exact[0]?.coverage ?? 0) ? fuzzy : exact;
  }

  return { search, topicTerms };
}
