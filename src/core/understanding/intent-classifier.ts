// The second chance for a command written in words no phrasing has ("haluun tehdä päivän
// reflektion", "mitä havaintoja musta on kirjattu"): an intent classifier (NLP.js's neural NLU, with
// its Finnish, English and Swedish stemmers) trained at start on the registry's own phrasings, against
// a "none" class drawn from the knowledge base's vocabulary so that curriculum questions stay
// questions. Deterministic, a millisecond a message, no API key.
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangFi } from '@nlpjs/lang-fi';
import { LangSv } from '@nlpjs/lang-sv';
import { NluNeural } from '@nlpjs/nlu';
import type { Phrasing } from '../../conversation/command.ts';
import { LANGS, type Lang } from '../../i18n/lang.ts';
import type { RegisteredCommand } from '../registry.ts';
import { createIntentSupport } from './intent-support.ts';
import { writtenText } from './word-forms.ts';

export const NONE = 'None';

export interface IntentGuess {
  command: string;
  score: number;
}

export interface IntentClassifier {
  classify(text: string, lang: Lang): Promise<IntentGuess | null>;
}

/** The literal words of a phrasing, each alternative written out (slots left out: they carry no intent). */
export function phrasingUtterances(phrasing: Phrasing, max = 8): string[] {
  const source = typeof phrasing === 'string' ? phrasing : phrasing.text;
  const parts = [...source.matchAll(/\{\w+\}|\[([^\]]+)\]|\(([^)]+)\)|[^\s{[(]+/g)].map((m) => {
    if (m[0].startsWith('{')) return [''];
    if (m[1] !== undefined) return ['', ...m[1].split('|')];
    if (m[2] !== undefined) return m[2].split('|');
    return [m[0]];
  });
  let out = [''];
  for (const options of parts) {
    out = out.flatMap((prefix) => options.map((option) => `${prefix} ${option}`.trim())).slice(0, max * 4);
  }
  return [...new Set(out.filter(Boolean))].slice(0, max);
}

const PLUGINS: Record<Lang, unknown> = { fi: LangFi, en: LangEn, sv: LangSv };

export async function createIntentClassifier(commands: readonly RegisteredCommand[], none: Record<Lang, readonly string[]>, threshold = 0.9): Promise<IntentClassifier> {
  const models = new Map<Lang, NluNeural>();
  const corpora = {} as Record<Lang, { utterance: string; intent: string }[]>;
  for (const lang of LANGS) {
    const container = await containerBootstrap();
    container.use(PLUGINS[lang]);
    const nlu = new NluNeural({ locale: lang, container, log: false });
    const corpus = commands.flatMap(({ declaration }) =>
      declaration.phrasings[lang].flatMap((p) => phrasingUtterances(p).map((utterance) => ({ utterance, intent: declaration.id }))),
    );
    for (const utterance of none[lang]) corpus.push({ utterance, intent: NONE });
    // Each utterance also in written form ("mun" → minun, "oon" → olen), as messages are read.
    const written = corpus.map(({ utterance, intent }) => ({ utterance: writtenText(utterance), intent })).filter((w, i) => w.utterance !== corpus[i]?.utterance);
    corpora[lang] = [...corpus, ...written];
    await nlu.train(corpora[lang]);
    models.set(lang, nlu);
  }
  const support = createIntentSupport(corpora, NONE);
  return {
    async classify(text, lang) {
      const model = models.get(lang);
      if (!model) return null;
      const [best, second] = (await model.process(writtenText(text.slice(0, 300)))).classifications;
      if (!best || best.intent === NONE || best.score < threshold) return null;
      // A near tie is no decision.
      if (second && best.score - second.score < 0.5) return null;
      // Sure, but on the strength of words every question has: no decision either.
      if (!support.supports(best.intent, text, lang)) return null;
      return { command: best.intent, score: best.score };
    },
  };
}
