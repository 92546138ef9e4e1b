// The dev routing corpus through the chat core: a floor under today's accuracy, so that a change that
// routes fewer messages right fails here. Raise the floors as the understanding step improves
// (`npm run eval -- --corpus` prints the current figures). The held-out corpus is only checked for
// shape here: it is scored by `npm run eval` and never tuned on.
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, LANGS, type Outcome, ratio, readCorpus, ROUTES, runCorpus, type Score, score } from './corpus.ts';

// Measured on 2026-12-04 (dev: 69 % overall) minus a margin.
const FLOOR = {
  overall: 0.95,
  route: { command: 0.95, question: 0.9, statement: 0.9, smalltalk: 0.95, personal: 0.9, unknown: 0.9 },
  lang: { fi: 0.93, en: 0.93, sv: 0.93 },
};

describe('routing corpus', () => {
  it('has labelled lines in every route and language in every part (the second has no personal route)', () => {
    const sizes = { dev: 150, dev2: 200, dev3: 150, dev4: 200, dev5: 150, heldout: 100, heldout2: 150, heldout3: 200, heldout4: 200, dev6: 150, heldout5: 200, dev7: 200, heldout6: 200, heldout7: 200 };
    for (const [part, file] of Object.entries(CORPORA)) {
      const lines = readCorpus(file);
      expect(lines.length, part).toBeGreaterThanOrEqual(sizes[part as keyof typeof sizes]);
      // The second held-out set's tester had no "personal" label (questions about one's own teacher,
      // instructor or grade); what they wrote of other people's private matters is labelled "unknown".
      // dev2 has no curriculum questions, dev3 only commands, statements and personal questions.
      const routes = part === 'heldout2' ? ROUTES.filter((r) => r !== 'personal') : part === 'dev2' ? ROUTES.filter((r) => r !== 'question') : part === 'dev3' ? (['command', 'statement', 'personal'] as const) : ROUTES;
      for (const route of routes) for (const lang of LANGS) expect(lines.some((l) => l.route === route && l.lang === lang), `${part} ${route} ${lang}`).toBe(true);
    }
  });

  describe('the dev part through the chat core', () => {
    let outcomes: Outcome[];
    let s: Score;
    beforeAll(async () => {
      outcomes = await runCorpus(readCorpus(CORPORA.dev));
      s = score(outcomes);
    });

    const misses = () => s.misses.map((m) => `${m.line.id} "${m.line.text}" → ${m.got}`).join('\n');

    it('routes at least the measured share overall', () => {
      expect(outcomes).toHaveLength(readCorpus(CORPORA.dev).length);
      expect(ratio(s.overall), misses()).toBeGreaterThanOrEqual(FLOOR.overall);
    });

    it('keeps every route and language above its floor', () => {
      for (const [route, floor] of Object.entries(FLOOR.route)) expect(ratio(s.byRoute[route] ?? { correct: 0, total: 0 }), route).toBeGreaterThanOrEqual(floor);
      for (const [lang, floor] of Object.entries(FLOOR.lang)) expect(ratio(s.byLang[lang] ?? { correct: 0, total: 0 }), lang).toBeGreaterThanOrEqual(floor);
    });
  });

  // The tuning sets written by later testers: a floor under today's figures (2026-12-06, session 7:
  // dev2 100 %, dev3 98.7 %, dev4 100 %, dev5 100 %, dev6 99.3 %, dev7 98.0 %; dev6 was 90.7 % and dev7 91.5 % when first scored).
  it.each([
    ['dev2', 0.97],
    ['dev3', 0.95],
    ['dev4', 0.97],
    ['dev5', 0.97],
    ['dev6', 0.95],
    ['dev7', 0.95],
  ] as const)('routes the %s part at least at its floor', async (part, floor) => {
    const s = score(await runCorpus(readCorpus(CORPORA[part])));
    expect(ratio(s.overall), s.misses.map((m) => `${m.line.id} "${m.line.text}" → ${m.got}`).join('\n')).toBeGreaterThanOrEqual(floor);
  }, 120_000);
});
