// The checks an LLM answer must pass before anyone sees it. Any failure rejects the whole answer and
// the deterministic one is given; the reason (never the text) is logged.
import type { AnswerPlan } from '../plan.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../../knowledge/knowledge-base.ts';
import { textOf } from '../../../knowledge/knowledge-base.ts';
import { detectLanguage } from '../../../text/language.ts';
import type { QuoteMode } from './answer-scope.ts';
import type { LlmAnswer } from './answer-schema.ts';
import { findUncitedClaims, type Statement } from './uncited-claims.ts';

export type RejectionReason =
  | 'empty-answer'
  | 'too-long'
  | 'unknown-citation'
  | 'unknown-quote'
  | 'nothing-cited'
  | 'wrong-language'
  | 'uncited-claim';

export type AnswerVerdict =
  | { ok: true; /** Items printed verbatim, in plan order. */ shown: KnowledgeItem[]; /** Items shown or cited, in plan order. */ cited: KnowledgeItem[] }
  | { ok: false; reason: RejectionReason; /** How many offending ids, sentences or characters: never text. */ count: number };

const MAX_POINTS = 8;
const MAX_TEXT_CHARS = 700;

export function freeTextsOf(answer: LlmAnswer): string[] {
  return [answer.intro, ...answer.points.map((p) => p.text), answer.outro ?? ''].filter((t) => t.trim() !== '');
}

function statementOf(item: KnowledgeItem): Statement {
  const text = textOf(item);
  return { id: item.id, texts: text.en ? [text.fi, text.en] : [text.fi] };
}

export function validateLlmAnswer(answer: LlmAnswer, plan: AnswerPlan, mode: QuoteMode, kb: KnowledgeBase): AnswerVerdict {
  const free = freeTextsOf(answer);
  if (free.length === 0) return { ok: false, reason: 'empty-answer', count: 0 };
  const longest = Math.max(...free.map((t) => t.length));
  if (answer.points.length > MAX_POINTS || longest > MAX_TEXT_CHARS) return { ok: false, reason: 'too-long', count: Math.max(answer.points.length, longest) };

  const given = new Set(plan.items.map((i) => i.id));
  const citeIds = answer.points.flatMap((p) => p.cite);
  const quoteIds = answer.quotes.map((q) => q.id);
  const badCites = citeIds.filter((id) => !given.has(id)).length;
  if (badCites) return { ok: false, reason: 'unknown-citation', count: badCites };
  const badQuotes = quoteIds.filter((id) => !given.has(id)).length;
  if (badQuotes) return { ok: false, reason: 'unknown-quote', count: badQuotes };

  // A requirement or criterion the text cites is printed too: its wording is never left to the model.
  const named = new Set([...citeIds, ...quoteIds]);
  const shown = plan.items.filter((i) => mode === 'all' || quoteIds.includes(i.id) || (named.has(i.id) && (i.kind === 'requirement' || i.kind === 'criterion')));
  const cited = plan.items.filter((i) => mode === 'all' || named.has(i.id));
  if (cited.length === 0) return { ok: false, reason: 'nothing-cited', count: 0 };

  if (detectLanguage(free.join('\n'), plan.lang) !== plan.lang) return { ok: false, reason: 'wrong-language', count: 1 };

  const statements = kb.items.filter((i) => (i.kind === 'requirement' || i.kind === 'criterion') && i.unit.id === plan.unit.id).map(statementOf);
  const claims = findUncitedClaims(free, statements, cited.map(statementOf));
  if (claims.length) return { ok: false, reason: 'uncited-claim', count: claims.length };

  return { ok: true, shown, cited };
}
