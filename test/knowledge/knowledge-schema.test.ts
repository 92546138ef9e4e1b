// The unit file rules for many units and both grading shapes: what loads, and what stops the start
// with the file, the path and the reason.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.ts';
import { KnowledgeFileError, loadKnowledgeFiles } from '../../src/knowledge/load-knowledge.ts';
import { type Localized, textIn } from '../../src/knowledge/schema.ts';

const MULTI = 'test/fixtures/knowledge-multi';
// biome-ignore lint/suspicious/noExplicitAny: a unit file's JSON, edited in place to break one rule
type Json = Record<string, any>;
const read = (path: string): Json => JSON.parse(readFileSync(path, 'utf8'));
const louhinta = () => read(`${MULTI}/units/tutkinnonosat_106436.json`);
const passFail = () => read(`${MULTI}/units/tutkinnonosat_900003.json`);

function folderWith(...units: Json[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'osaava-schema-'));
  mkdirSync(join(dir, 'units'));
  units.forEach((unit, i) => writeFileSync(join(dir, `units/unit-${i}.json`), JSON.stringify(unit)));
  return dir;
}

function problemsOf(...units: Json[]): string {
  try {
    loadKnowledgeFiles(folderWith(...units));
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeFileError);
    return (error as Error).message;
  }
  return '';
}

describe('unit files for many units', () => {
  it('load together: the shipped unit, a generic-scale unit and a pass/fail unit', () => {
    const kb = createKnowledgeBase(loadKnowledgeFiles(MULTI));
    expect(kb.units.map((u) => [u.id, u.assessment.scale])).toEqual([
      ['asiakkuuksien-hoitaminen', '1-5'],
      ['tutkinnonosat_106436', '1-5'],
      ['tutkinnonosat_900003', 'pass-fail'],
    ]);
    expect(kb.unit('tutkinnonosat_106436')?.name.fi).toBe('Louhintaporaus');
    expect(kb.unitsByIds(['tutkinnonosat_900003', 'nope', 'asiakkuuksien-hoitaminen', 'tutkinnonosat_900003']).map((u) => u.citationPrefix)).toEqual(['T900003', 'AH']);
    expect(kb.level(kb.unit('tutkinnonosat_900003')!, 1)?.name.fi).toBe('Hyväksytty');
  });

  it('name units in Finnish, Swedish and English, every one a question names', () => {
    const kb = createKnowledgeBase(loadKnowledgeFiles(MULTI));
    expect(kb.unitsNamedIn('mitä louhintaporaus ja asiakkuuksien hoitaminen vaativat').map((u) => u.id)).toEqual(['asiakkuuksien-hoitaminen', 'tutkinnonosat_106436']);
    expect(kb.unitNamedIn('vad krävs i brytningsborrning')?.id).toBe('tutkinnonosat_106436');
    expect(kb.unitNamedIn('developing occupational safety criteria')?.id).toBe('tutkinnonosat_900003');
    expect(kb.unitsNamedIn('kahvinkeitto')).toEqual([]);
  });

  it('cite Swedish curriculum text to a Swedish reader, and English only where there is English', () => {
    const kb = createKnowledgeBase(loadKnowledgeFiles(MULTI));
    const requirement = kb.item('T106436-V1.1');
    if (!requirement) throw new Error('no T106436-V1.1');
    expect(kb.cite(requirement, 'sv')).toMatchObject({
      title: 'Den studerande förbereder sig inför brytningsborrning.: tar reda på vilka kvalitativa och kvantitativa krav som ställts på borrningsarbet',
      text_fi: 'selvittää louhintaporaustyöhön liittyvät laadulliset ja määrälliset vaatimukset',
      text_sv: 'tar reda på vilka kvalitativa och kvantitativa krav som ställts på borrningsarbet',
    });
    const en = kb.cite(requirement, 'en');
    expect(en.text_en).toBeUndefined();
    expect(en.title).toMatch(/^Opiskelija valmistautuu louhintaporaukseen\.: selvittää/);
    const unitFacts = kb.item('T106436-UNIT');
    expect(unitFacts && kb.cite(unitFacts, 'sv').text_sv).toBe('Brytningsborrning, 40 kompetenspoäng (kp). Testexamen, OPH-9999-2099.');
  });
});

describe('localized texts', () => {
  it('fall back to the Finnish original, never to another translation', () => {
    const text: Localized = { fi: 'hyvä', sv: 'god' };
    expect(textIn(text, 'en')).toBe('hyvä');
    expect(textIn(text, 'sv')).toBe('god');
    expect(textIn({ fi: 'hyvä', en: 'good' }, 'sv')).toBe('hyvä');
  });
});

describe('the grading rules', () => {
  it('take a level the curriculum gives no criteria for, and criteria without a thread', () => {
    const unit = louhinta();
    unit.assessment.levels[1].criteria = [];
    expect(problemsOf(unit)).toBe('');
  });

  it('want the grades 1..5 once each on the 1-5 scale', () => {
    const unit = louhinta();
    unit.assessment.levels[3].grade = 3;
    expect(problemsOf(unit)).toContain('at assessment.levels: the 1-5 scale has the grades 1..5 once each, in order; found 1,2,3,3,5');
    const short = louhinta();
    short.assessment.levels.pop();
    expect(problemsOf(short)).toContain('found 1,2,3,4');
  });

  it('want one level on the pass-fail scale, and some criteria somewhere', () => {
    const two = passFail();
    two.assessment.levels.push({ ...two.assessment.levels[0], id: 'T900003-H2', criteria: [] });
    expect(problemsOf(two)).toContain('at assessment.levels: the pass-fail scale has one level (grade 1, "Hyväksytty"); found grades 1,1');
    const empty = passFail();
    empty.assessment.levels[0].criteria = [];
    expect(problemsOf(empty)).toContain('at assessment.levels: no level has any criteria');
    const unknownScale = passFail();
    unknownScale.assessment.scale = '1-3';
    expect(problemsOf(unknownScale)).toContain('at assessment.scale');
  });

  it('check that a criterion\'s thread exists', () => {
    const unit = louhinta();
    unit.assessment.levels[0].criteria[2].thread = 'independence';
    expect(problemsOf(unit)).toContain('at assessment.levels.0.criteria.2.thread: unknown thread "independence"');
  });

  it('default the scale to 1-5 and the threads to none for files that leave them out', () => {
    const unit = louhinta();
    delete unit.assessment.scale;
    delete unit.assessment.threads;
    const dir = folderWith(unit);
    expect(loadKnowledgeFiles(dir).units[0]?.assessment).toMatchObject({ scale: '1-5', threads: [] });
  });
});

describe('ids across units', () => {
  it('refuse a second unit with the same unit id or citation prefix', () => {
    const twin = louhinta();
    twin.citationPrefix = 'T1';
    const json = JSON.stringify(twin).replace(/"T106436-/g, '"T1-');
    expect(problemsOf(louhinta(), JSON.parse(json))).toContain('duplicate unit id "tutkinnonosat_106436"');
    const prefix = passFail();
    prefix.id = 'other';
    const renamed = JSON.parse(JSON.stringify(prefix).replace(/"T900003-/g, '"X-'));
    expect(problemsOf(passFail(), renamed)).toContain('duplicate citation prefix "T900003"');
  });

  it('keep the shipped folder valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osaava-schema-'));
    cpSync('knowledge', dir, { recursive: true });
    expect(loadKnowledgeFiles(dir).units.map((u) => u.translations)).toEqual([{ en: 'osaava' }]);
  });
});
