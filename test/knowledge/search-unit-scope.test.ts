// A search within one unit of a many-unit base: only that unit's items (and the documents) are scored,
// and what it finds, in what order and with what score, is what the whole base's search finds of them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importUnits } from '../../src/knowledge/eperusteet/import-units.ts';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/knowledge/index.ts';
import { createSearchIndex, type SearchIndex } from '../../src/knowledge/search-index.ts';
import { generateQualification } from '../fixtures/eperusteet/generate-qualification.ts';

let kb: KnowledgeBase;
let index: SearchIndex;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'osaava-scope-'));
  const file = join(dir, 'qualification.src');
  writeFileSync(file, JSON.stringify(generateQualification({ units: 80, common: false })));
  await importUnits({ file, units: [] }, { outDir: join(dir, 'units') });
  kb = loadKnowledgeBase(dir);
  index = createSearchIndex(kb);
});

const unitOf = (h: { item: { kind: string } & ({ kind: 'passage' } | { unit: { id: string } }) }) => ('unit' in h.item ? h.item.unit.id : undefined);

describe('a search within one unit of 80', () => {
  it("gives the unit's items the order and scores they have in the whole base's search", () => {
    for (const query of ['toimii yhteistyökykyisesti', 'opiskelija kallioperämuutokset', 'turvallisesti', 'mittaus']) {
      const whole = index.search(query, { limit: 2000 });
      for (const unit of [kb.units[1], kb.units[40], kb.units.at(-1)]) {
        if (!unit) throw new Error('the base has 80 units');
        const scoped = index.search(query, { unitId: unit.id, limit: 8 });
        const expected = whole.filter((h) => h.item.kind === 'passage' || unitOf(h) === unit.id).slice(0, 8);
        expect(scoped.map((h) => [h.item.id, h.score, h.relevance])).toEqual(expected.map((h) => [h.item.id, h.score, h.relevance]));
      }
    }
  });

  it('finds nothing for a word only another unit has, rather than what the unit shares in a common word', () => {
    const other = kb.units.find((u) => u.id !== 'tutkinnonosat_106436');
    if (!other) throw new Error('the base has 80 units');
    expect(index.search('opiskelija kallioperämuutokset', { kinds: ['requirement'], unitId: 'tutkinnonosat_106436' })[0]?.item.id).toBe('T106436-V4.1');
    expect(index.search('opiskelija kallioperämuutokset', { kinds: ['requirement'], unitId: other.id })).toEqual([]);
  });

  it('keeps to the kinds asked', () => {
    const unit = kb.units[3];
    if (!unit) throw new Error('the base has 80 units');
    const hits = index.search('toimii turvallisesti', { unitId: unit.id, kinds: ['criterion', 'method'], limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => (h.item.kind === 'criterion' || h.item.kind === 'method') && h.item.unit.id === unit.id)).toBe(true);
  });
});

describe('units named in a question, in a base of 80', () => {
  it('finds every unit named, the longest name first, and none by a word that only begins a name', () => {
    const louhinta = kb.unit('tutkinnonosat_106436');
    const kunnossapito = kb.units.find((u) => u.name.fi === 'Kaivoskoneiden kunnossapito');
    if (!louhinta || !kunnossapito) throw new Error('the generated qualification has these units');
    const ids = (text: string) => kb.unitsNamedIn(text).map((u) => u.id);
    expect(ids('mitä louhintaporaus ja kaivoskoneiden kunnossapito vaativat?')).toEqual([kunnossapito.id, louhinta.id]);
    expect(ids('Vad krävs i Brytningsborrning?')).toEqual([louhinta.id]);
    expect(ids('mitä kaivoskoneiden huolto vaatii')).toEqual([]);
    // A name inside a longer one names both units.
    const longer = kb.units.find((u) => u.name.fi === 'Maa-aineisten kuljetus maantieliikenteessä 3');
    const shorter = kb.units.find((u) => u.name.fi === 'Maa-aineisten kuljetus maantieliikenteessä');
    if (!longer || !shorter) throw new Error('the generated qualification has these units');
    expect(ids('maa-aineisten kuljetus maantieliikenteessä 3')).toEqual([longer.id, shorter.id]);
    expect(kb.unitsNamedIn('')).toEqual([]);
  });
});
