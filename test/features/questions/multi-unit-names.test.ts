// Naming a unit in a question: whole names, aliases and codes only. Every question of the evaluation sets is
// read the same way with more units in the base: none is taken for naming another unit or an unknown one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnswerService } from '../../../src/features/questions/answer-service.ts';
import { createUnitNames } from '../../../src/features/questions/unit-names.ts';
import { loadKnowledgeBase } from '../../../src/knowledge/index.ts';
import { silentLogger } from '../../support/knowledge.ts';

const single = loadKnowledgeBase('knowledge');
const multi = loadKnowledgeBase('test/fixtures/knowledge-two-units');
const one = createAnswerService({ kb: single, logger: silentLogger() });
const names = createUnitNames(multi);

const SETS = ['../shared/eval/questions.dev.jsonl', 'test/fixtures/eval/questions.extra.jsonl', 'test/fixtures/eval/questions.heldout.jsonl', 'test/fixtures/eval/questions.heldout2.jsonl', 'test/fixtures/eval/corpus.dev.jsonl', 'test/fixtures/eval/corpus.heldout.jsonl', 'test/fixtures/eval/corpus.heldout2.jsonl'];
const questions = SETS.flatMap((file) =>
  readFileSync(file, 'utf8').trim().split('\n').map((line) => {
    const row = JSON.parse(line) as { q?: string; text?: string };
    return row.q ?? row.text ?? '';
  }),
).filter(Boolean);

describe('unit names in questions', () => {
  it.each([
    ['mitä Testivaraston hoitaminen vaatii', 'testivaraston-hoitaminen'],
    ['arvosana 4 testivaraston hoitamisessa', 'testivaraston-hoitaminen'],
    ['vad krävs i Skötsel av testlager', 'testivaraston-hoitaminen'],
    ['mitä testivarasto vaatii', 'testivaraston-hoitaminen'],
    ['kriteerit tutkinnonosat_999002', 'testilaitteiden-huolto'],
    ['999003 arvosana 3', 'testimyymalan-palvelu'],
    ['what does Test shop service require', 'testimyymalan-palvelu'],
  ])('"%s" names %s', (question, unit) => {
    expect(names.namedIn(question)?.id).toBe(unit);
  });

  it.each([
    'mitä varastossa tehdään',
    'pitääkö laitteiden huolto osata',
    'miten testi arvioidaan',
    'asiakkuuden hoitaminen',
    'palvelu',
    'arvosana 4 on 15 osp',
  ])('"%s" names no made-up unit: a word of a name is no name', (question) => {
    expect(['asiakkuuksien-hoitaminen', undefined]).toContain(names.namedIn(question)?.id);
  });

  const twoUnits = createAnswerService({ kb: multi, logger: silentLogger() });

  it.each([
    ['mitä arvosanaan 3 vaaditaan tutkinnon osassa hitsaus', 'hitsaus'],
    ['mitä hitsaus tutkinnon osa vaatii', 'hitsaus'],
    ['arvosana 4 tutkinnon osassa logistiikka', 'logistiikka'],
    ['mitä arvosanaan 3 vaaditaan tutkinnon osassa Hitsaus', 'Hitsaus'],
  ])('"%s" names a unit the base does not have (%s), in lower case too', (question, name) => {
    expect(twoUnits.plan(question).intent).toEqual({ kind: 'unknown-unit', name });
  });

  it.each([
    'mitä tutkinnon osassa opitaan',
    'mitä tässä tutkinnon osassa harjoitellaan',
    'kerro tutkinnon osasta lyhyesti',
    'onko tutkinnon osa vaikea',
    'mitä vaaditaan tutkinnon osan arvioinnissa',
    'miten näyttö toteutetaan tässä tutkinnon osassa',
    'mitä vaatii tutkinnon osa testivarasto',
  ])('"%s" names no unknown unit', (question) => {
    expect(twoUnits.plan(question).intent.kind).not.toBe('unknown-unit');
  });

  it.each(['test/fixtures/knowledge-two-units', 'test/fixtures/knowledge-multi'])('reads every evaluation question for the default unit with the units of %s in the base', (dir) => {
    const kb = loadKnowledgeBase(dir);
    const many = createAnswerService({ kb, logger: silentLogger() });
    expect(questions.length).toBeGreaterThan(500);
    const misread = questions.flatMap((q) => {
      const before = one.plan(q);
      const after = many.plan(q);
      const unknownBefore = before.intent.kind === 'unknown-unit';
      const unknownAfter = after.intent.kind === 'unknown-unit';
      const ok = after.unit.id === kb.defaultUnit().id && unknownBefore === unknownAfter && after.more === undefined;
      return ok ? [] : [`${q} → ${after.intent.kind} ${after.unit.id}`];
    });
    expect(misread).toEqual([]);
  });
});
