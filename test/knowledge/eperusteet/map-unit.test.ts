import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapPeruste } from '../../../src/knowledge/eperusteet/map-peruste.ts';
import { levelKey, mapTutkinnonOsa, type UnitContext } from '../../../src/knowledge/eperusteet/map-unit.ts';
import { type Unit, unitSchema } from '../../../src/knowledge/schema.ts';

const FIXTURES = 'test/fixtures/eperusteet';
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));
const shipped = unitSchema.parse(JSON.parse(readFileSync('knowledge/units/asiakkuuksien-hoitaminen.json', 'utf8')));
const context: UnitContext = { qualification: { name: { fi: 'Testitutkinto' }, diaarinumero: 'OPH-9999-2099' }, competencePoints: 20, source: 'test' };

function mapped(json: unknown): Unit {
  const result = mapTutkinnonOsa(json, context);
  expect(result.problems).toEqual([]);
  if (!result.unit) throw new Error('not mapped');
  return result.unit;
}

describe('the hand-written unit expressed as ePerusteet JSON', () => {
  const result = mapPeruste(fixture('asiakkuuksien-hoitaminen.peruste.json'), 'fixture');
  const unit = result.units[0]?.unit;

  it('imports to the same requirements and criteria, word for word', () => {
    expect(result.problems).toEqual([]);
    expect(unit).toBeDefined();
    if (!unit) return;
    expect(unit.sections.map((s) => s.title.fi)).toEqual(shipped.sections.map((s) => s.title.fi));
    expect(unit.sections.map((s) => s.requirements.map((r) => r.text.fi))).toEqual(shipped.sections.map((s) => s.requirements.map((r) => r.text.fi)));
    expect(unit.assessment.levels.map((l) => [l.grade, l.name.fi, l.criteria.map((c) => c.text.fi)])).toEqual(
      shipped.assessment.levels.map((l) => [l.grade, l.name.fi, l.criteria.map((c) => c.text.fi)]),
    );
    expect(unit.demonstration.methods.map((m) => m.text.fi)).toEqual(shipped.demonstration.methods.map((m) => m.text.fi));
  });

  it('takes its size and qualification from the qualification', () => {
    expect(unit).toMatchObject({
      id: 'tutkinnonosat_900001',
      citationPrefix: 'T900001',
      koodiUri: 'tutkinnonosat_900001',
      competencePoints: 15,
      qualification: { name: { fi: 'Liiketoiminnan perustutkinto', en: 'Vocational Qualification in Business' }, diaarinumero: 'OPH-4394-2023' },
      sources: ['fixture'],
    });
    // Its texts have no English in ePerusteet, so the unit claims none.
    expect(unit?.translations).toBeUndefined();
    expect(unit?.sections[0]?.requirements[0]?.text.en).toBeUndefined();
  });

  it('gives stable ids from the unit code and ePerusteet\'s order', () => {
    expect(unit?.sections.map((s) => s.id)).toEqual(['T900001-S1', 'T900001-S2', 'T900001-S3']);
    expect(unit?.sections[1]?.requirements.map((r) => r.id).slice(0, 2)).toEqual(['T900001-V2.1', 'T900001-V2.2']);
    expect(unit?.assessment.levels.map((l) => l.id)).toEqual(['T900001-G1', 'T900001-G2', 'T900001-G3', 'T900001-G4', 'T900001-G5']);
    expect(unit?.assessment.levels[4]?.criteria.at(-1)?.id).toBe('T900001-G5.6');
    expect(mapPeruste(fixture('asiakkuuksien-hoitaminen.peruste.json'), 'fixture').units[0]?.unit).toEqual(unit);
  });
});

describe('the generic 1-5 scale (geneerinenArviointiasteikko)', () => {
  const unit = mapped(fixture('louhintaporaus.tutkinnonosa.json'));

  it('keys the levels on their ids, whatever their titles and order', () => {
    // The fixture lists the levels 3, 1, 5, 2, 4 and titles them "Tyydyttävä T1" …
    expect(unit.assessment.scale).toBe('1-5');
    expect(unit.assessment.levels.map((l) => [l.grade, l.code, l.name.fi])).toEqual([
      [1, 'osaamistaso_5', 'Tyydyttävä T1'],
      [2, 'osaamistaso_6', 'Tyydyttävä T2'],
      [3, 'osaamistaso_7', 'Hyvä H3'],
      [4, 'osaamistaso_8', 'Hyvä H4'],
      [5, 'osaamistaso_9', 'Kiitettävä K5'],
    ]);
    for (const level of unit.assessment.levels)
      expect(level.criteria.map((c) => c.text.fi)).toEqual(shipped.assessment.levels[level.grade - 1]?.criteria.map((c) => c.text.fi));
  });

  it('keys on the level code over a misleading title', () => {
    const json = fixture('asiakkuuksien-hoitaminen.peruste.json') as { tutkinnonOsat: { geneerinenArviointiasteikko: { osaamistasonKriteerit: { osaamistaso: { otsikko: { fi: string } } }[] } }[] };
    const kriteerit = json.tutkinnonOsat[0]?.geneerinenArviointiasteikko.osaamistasonKriteerit ?? [];
    for (const k of kriteerit) k.osaamistaso.otsikko.fi = 'Kiitettävä 5';
    kriteerit.reverse();
    const unit = mapPeruste(json, 'x').units[0]?.unit;
    expect(unit?.assessment.levels.map((l) => l.criteria[0]?.text.fi)).toEqual(shipped.assessment.levels.map((l) => l.criteria[0]?.text.fi));
    expect(unit?.assessment.levels.map((l) => l.code)).toEqual([1, 2, 3, 4, 5].map((g) => `arviointiasteikkoammatillinen15_${g}`));
  });

  it('carries the Swedish texts of the requirements and sections', () => {
    expect(unit.name).toEqual({ fi: 'Louhintaporaus', sv: 'Brytningsborrning' });
    expect(unit.sections[0]?.title).toEqual({ fi: 'Opiskelija valmistautuu louhintaporaukseen.', sv: 'Den studerande förbereder sig inför brytningsborrning.' });
    expect(unit.sections[3]?.requirements[0]?.text.sv).toBe('informerar sprängningsarbetsledaren om förändringar (släppor och sprickor) i berggrunden som hen observerat under borrningsarbetet');
    // The double space in the published text is layout, not wording.
    expect(unit.sections[0]?.requirements[2]?.text.sv).toBe('bedömer säkerhets- och miljöriskerna förknippade med brytningsborrning och sprängningsarbeten');
    expect(unit.assessment.subject).toEqual({ fi: 'Opiskelija', sv: 'Den studerande' });
  });

  it('keeps the ways of demonstrating skills whole where the languages split them differently', () => {
    const result = mapTutkinnonOsa(fixture('louhintaporaus.tutkinnonosa.json'), context);
    expect(result.notices.map((n) => n.path)).toEqual(['(unit).ammattitaidonOsoittamistavat']);
    expect(unit.demonstration.methods).toHaveLength(1);
    expect(unit.demonstration.methods[0]?.text.fi.split('\n')).toHaveLength(2);
    expect(unit.demonstration.methods[0]?.text.sv).toMatch(/^Den studerande visar sin yrkesskicklighet/);
  });

  it('refuses a unit whose generic scale is only referenced', () => {
    const json = fixture('louhintaporaus.tutkinnonosa.json');
    delete json.geneerinenArviointiasteikko;
    json._geneerinenArviointiasteikko = '6783341';
    const result = mapTutkinnonOsa(json, context);
    expect(result.unit).toBeUndefined();
    expect(result.problems[0]).toMatchObject({ path: '(unit)._geneerinenArviointiasteikko' });
  });
});

describe('older unit-specific criteria (arviointi.arvioinninKohdealueet)', () => {
  const unit = mapped(fixture('vanha-arviointi.tutkinnonosa.json'));

  it('gives criteria for 1, 3 and 5 and keeps 2 and 4 as levels without criteria', () => {
    expect(unit.assessment.levels.map((l) => [l.grade, l.criteria.length])).toEqual([[1, 2], [2, 0], [3, 3], [4, 0], [5, 2]]);
    expect(unit.assessment.levels[1]?.name).toEqual({ fi: 'Tyydyttävä 2', sv: 'Nöjaktig 2' });
  });

  it('groups criteria under their target and cleans the HTML in them', () => {
    const three = unit.assessment.levels[2]?.criteria ?? [];
    expect(three.map((c) => [c.target?.fi, c.text.fi])).toEqual([
      ['Työprosessin hallinta', 'suunnittelee työnsä itsenäisesti ja toimii ohjeiden mukaan'],
      ['Työn perustana olevan tiedon hallinta', 'käyttää ohjeita tilanteen mukaan'],
      ['Työn perustana olevan tiedon hallinta', 'perustelee valintansa'],
    ]);
    expect(unit.assessment.levels[4]?.criteria[0]?.text).toEqual({ fi: 'suunnittelee työnsä itsenäisesti ja arvioi sitä perustellen', sv: 'planerar sitt arbete självständigt och bedömer det med motiveringar' });
  });

  it('reads requirements written as HTML lists, a section per list under its heading', () => {
    expect(unit.sections.map((s) => [s.title.fi, s.requirements.length])).toEqual([
      ['Opiskelija soveltaa työssään tietoa ihmisen kasvusta ja oppimisen perusteista.', 4],
      ['Opiskelija toimii kasvatus- ja ohjausalan työtä ohjaavien lakien, määräyksien ja ohjeiden mukaisesti.', 3],
    ]);
    expect(unit.sections[1]?.requirements[1]?.text).toEqual({ fi: 'toimii alan eettisten periaatteiden ja arvojen mukaisesti', sv: 'arbetar enligt branschens etiska principer och värden' });
  });

  it('keeps list items of the ways of demonstrating skills as items', () => {
    expect(unit.demonstration.methods.map((m) => m.text.fi)).toEqual(['Opiskelija osoittaa ammattitaitonsa näytössä:', 'kasvatus- ja ohjaustyön tehtävissä', 'työyhteisön jäsenenä']);
    expect(unit.demonstration.methods[2]?.text.sv).toBe('som medlem av arbetsgemenskapen');
  });

  it('leaves out Swedish requirements that do not match the Finnish lists, and says so', () => {
    const json = fixture('vanha-arviointi.tutkinnonosa.json') as { ammattitaitovaatimukset: { sv: string } };
    json.ammattitaitovaatimukset.sv = json.ammattitaitovaatimukset.sv.replace(/<li>[^<]*<\/li>/, '');
    const result = mapTutkinnonOsa(json, context);
    expect(result.notices).toContainEqual({ path: '(unit).ammattitaitovaatimukset.sv', reason: expect.stringMatching(/do not match/) });
    expect(result.unit?.sections[0]?.requirements[0]?.text.sv).toBeUndefined();
    expect(result.unit?.sections[0]?.title.sv).toBeUndefined();
  });
});

describe('a unit graded pass/fail', () => {
  const unit = mapped(fixture('hyvaksytty-hylatty.tutkinnonosa.json'));

  it('has one level, Hyväksytty, keyed on its code', () => {
    expect(unit.assessment.scale).toBe('pass-fail');
    expect(unit.assessment.levels).toHaveLength(1);
    expect(unit.assessment.levels[0]).toMatchObject({ grade: 1, id: 'T900003-H', code: 'arviointiasteikkoammatillinenhyvaksyttyhylatty_1', name: { fi: 'Hyväksytty', sv: 'Godkänd', en: 'Pass' } });
    expect(unit.assessment.levels[0]?.criteria.map((c) => c.text.fi)).toEqual(['tunnistaa työn vaarat ja arvioi niiden riskit', 'laatii toteuttamiskelpoisen kehittämissuunnitelman']);
  });

  it('marks its English as the curriculum\'s own and cleans HTML in every language', () => {
    expect(unit.translations).toEqual({ en: 'eperusteet' });
    expect(unit.sections[0]?.title).toEqual({ fi: 'Riskien arviointi', en: 'Risk assessment', sv: 'Riskbedömning' });
    expect(unit.sections[0]?.requirements[0]?.text.fi).toBe('tunnistaa työympäristön vaarat & haitat');
    expect(unit.sections[1]?.requirements[0]?.text.fi).toBe('laatii kehittämissuunnitelman yhdessä työyhteisön kanssa');
    expect(unit.assessment.subject).toEqual({ fi: 'Tutkinnon suorittaja', en: 'The candidate', sv: 'Examinanden' });
  });
});

describe('what the importer refuses, with the path of the bad field', () => {
  it('a malformed field', () => {
    const json = fixture('vanha-arviointi.tutkinnonosa.json') as { arviointi: { arvioinninKohdealueet: { arvioinninKohteet: unknown }[] } };
    const alue = json.arviointi.arvioinninKohdealueet[0];
    if (alue) alue.arvioinninKohteet = 'Työprosessin hallinta';
    const result = mapTutkinnonOsa(json, context, 'tutkinnonOsat.1');
    expect(result.unit).toBeUndefined();
    expect(result.problems.map((p) => p.path)).toEqual(['tutkinnonOsat.1.arviointi.arvioinninKohdealueet.0.arvioinninKohteet']);
  });

  it('a requirement without Finnish', () => {
    const json = fixture('louhintaporaus.tutkinnonosa.json') as { ammattitaitovaatimukset2019: { kohdealueet: { vaatimukset: { koodi: unknown; vaatimus: unknown }[] }[] } };
    const v = json.ammattitaitovaatimukset2019.kohdealueet[2]?.vaatimukset[1];
    if (v) Object.assign(v, { koodi: null, vaatimus: { sv: 'bara svenska' } });
    const result = mapTutkinnonOsa(json, context);
    expect(result.unit).toBeUndefined();
    expect(result.problems).toEqual([{ path: '(unit).ammattitaitovaatimukset2019.kohdealueet.2.vaatimukset.1.vaatimus.fi', reason: 'no Finnish text' }]);
  });

  it('the old 1-3 scale, levels of two scales, a unit without a size or code', () => {
    const old = fixture('vanha-arviointi.tutkinnonosa.json') as { arviointi: { arvioinninKohdealueet: { arvioinninKohteet: { osaamistasonKriteerit: { _osaamistaso: string }[] }[] }[] } };
    const kriteerit = old.arviointi.arvioinninKohdealueet[0]?.arvioinninKohteet[0]?.osaamistasonKriteerit ?? [];
    if (kriteerit[0]) kriteerit[0]._osaamistaso = '2';
    if (kriteerit[1]) kriteerit[1]._osaamistaso = '1';
    const problems = mapTutkinnonOsa(old, context).problems;
    expect(problems).toContainEqual({ path: '(unit).arviointi.arvioinninKohdealueet.0.arvioinninKohteet.0.osaamistasonKriteerit.0', reason: 'the 1-3 scale (osaamistaso 2) is not supported' });
    expect(problems.some((p) => p.reason.startsWith('levels of two scales'))).toBe(true);
    expect(mapTutkinnonOsa(fixture('louhintaporaus.tutkinnonosa.json'), { ...context, competencePoints: null }).problems).toEqual([
      { path: '(unit).laajuus', reason: expect.stringMatching(/no size/) },
    ]);
    const noCode = fixture('louhintaporaus.tutkinnonosa.json');
    delete noCode.koodi;
    delete noCode.koodiUri;
    expect(mapTutkinnonOsa(noCode, context).problems[0]?.path).toBe('(unit).koodiUri');
  });

  it('skips a common unit made of osa-alueet, saying why', () => {
    const result = mapPeruste(fixture('kaivosalan-perustutkinto.peruste.json'), 'x');
    const skipped = result.units.filter((u) => u.skipped);
    expect(skipped.map((u) => u.code)).toEqual(['tutkinnonosat_940000', 'tutkinnonosat_940001', 'tutkinnonosat_940002']);
    expect(result.units.filter((u) => u.unit)).toHaveLength(24);
  });

  it('knows the level codes of the scales', () => {
    expect(levelKey({ koodi: { uri: 'arviointiasteikkoammatillinen15_4' } })).toEqual({ scale: '1-5', grade: 4, code: 'arviointiasteikkoammatillinen15_4' });
    expect(levelKey(undefined, '9')).toEqual({ scale: '1-5', grade: 5, code: 'osaamistaso_9' });
    expect(levelKey({ id: '1' })).toEqual({ scale: 'pass-fail', grade: 1, code: 'osaamistaso_1' });
    expect(levelKey({ koodi: { uri: 'arviointiasteikkoammatillinent1k3_2' } })).toHaveProperty('unsupported');
    expect(levelKey(undefined, undefined)).toBeUndefined();
  });
});
