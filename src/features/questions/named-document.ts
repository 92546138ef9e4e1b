// "Mitä Hyvän palvelun työkirjan mukaan …", "according to the Turku customer service package, …",
// "enligt arbetsboken Uudista yhteistyötä": a question that names a supporting document asks about
// that document. Its title's words then say where to look, not what about: left out of the query,
// they no longer pull up the document's title passages ahead of the one that answers.
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { QueryAnalysis } from '../../knowledge/search-index.ts';
import type { SupportingDocument } from '../../knowledge/schema.ts';
import { foldDiacritics, stemEn, stemFi, words } from '../../text/normalize.ts';
import { isStopword } from '../../text/stopwords.ts';

export interface NamedDocument {
  document: SupportingDocument;
  /** The question without the title's words and the frame around them ("mukaan", "according to"). */
  query: string;
}

/** Words of a document's title that name nothing on their own ("osa", "part", "4"). */
const WEAK = /^(osa|part|del|\d+|the|of|city)$/;
/** The frame around a named document. */
const FRAME = /^(mukaan|mukainen|according|enligt|workbook|tyokirja\w*|kirja|kirjan|kirjassa|kirjasta|book|opas\w*|oppaa\w*|guide|materiaali\w*|material\w*|package|paketti\w*|koulutuspaketti\w*|arbetsbok\w*|boken)$/;

const stems = (word: string) => new Set([stemFi(word), stemEn(word)]);

/** The stems of the units' requirement texts: words every question about the units uses. */
const common = new WeakMap<KnowledgeBase, Set<string>>();
function commonStems(kb: KnowledgeBase): Set<string> {
  let out = common.get(kb);
  if (!out) {
    const texts = kb.items.flatMap((item) => (item.kind === 'requirement' ? [item.requirement.text.fi, item.requirement.text.en ?? ''] : []));
    out = new Set(texts.flatMap((t) => words(t).flatMap((w) => [...stems(foldDiacritics(w.toLowerCase()))])));
    common.set(kb, out);
  }
  return out;
}

/**
 * The one document at least two of whose title words the question carries, or undefined. With the
 * question's analysis, an English or Swedish word names a title word by its glossary terms too ("enligt
 * Åbo stads material": Åbo stad is Turun kaupunki).
 */
export function namedDocument(kb: KnowledgeBase, question: string, analysis?: QueryAnalysis): NamedDocument | undefined {
  // "Åbo-materialet" is two words, as the analysis reads it.
  const asked = words(question)
    .flatMap((w) => w.split('-'))
    .filter(Boolean)
    .map((w) => foldDiacritics(w.toLowerCase()));
  const glossed = analysis && analysis.lang !== 'fi' && analysis.words.length === asked.length ? analysis.words.map((w) => (w.stop ? [] : w.stems)) : undefined;
  const found: { document: SupportingDocument; at: Set<number> }[] = [];
  for (const document of kb.documents) {
    const title = [document.title.fi, document.title.en ?? ''].flatMap((t) => words(t).map((w) => foldDiacritics(w.toLowerCase()))).filter((w) => !isStopword(w) && !WEAK.test(w));
    const titleStems = new Set(title.flatMap((w) => [...stems(w)]));
    const hit = asked.map((w, i) => [...stems(w), ...(glossed?.[i] ?? [])].some((s) => s.length >= 3 && titleStems.has(s)));
    // The title is named where two of its words stand together (a stopword or a frame word between
    // them allowed): "customer" alone later in the question is the topic again.
    const at = new Set<number>();
    hit.forEach((yes, i) => {
      if (!yes) return;
      for (let j = i + 1; j < asked.length && j <= i + 2; j++) {
        if (hit[j]) {
          at.add(i);
          at.add(j);
          break;
        }
        if (!isStopword(asked[j] ?? '') && !FRAME.test(asked[j] ?? '')) break;
      }
    });
    const own = (i: number) => [...stems(asked[i] ?? '')].every((st) => !commonStems(kb).has(st));
    // Or one word of its own next to a word for material: "the Turku material", "Turun materiaalissa".
    if (at.size === 0)
      hit.forEach((yes, i) => {
        if (yes && own(i) && (FRAME.test(asked[i + 1] ?? '') || FRAME.test(asked[i - 1] ?? ''))) at.add(i);
      });
    // One of them the title's own: "customer service" is every unit's talk, "Turku" or "Uudista" names the document.
    if (at.size >= 1 && [...at].some(own)) found.push({ document, at });
  }
  if (found.length !== 1 || !found[0]) return undefined;
  const { document, at } = found[0];
  const rest = asked.filter((w, i) => !at.has(i) && !FRAME.test(w));
  return { document, query: rest.join(' ') };
}
