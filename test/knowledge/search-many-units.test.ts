// Search in a base of many units: the texts every unit shares are indexed once but found in every unit,
// a unit filter keeps to its unit, and a word in a large share of the base still counts where it is.
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
  const dir = mkdtempSync(join(tmpdir(), 'osaava-many-'));
  const file = join(dir, 'qualification.src');
  writeFileSync(file, JSON.stringify(generateQualification({ units: 80, common: false })));
  await importUnits({ file, units: [] }, { outDir: join(dir, 'units') });
  kb = loadKnowledgeBase(dir);
  index = createSearchIndex(kb);
});

describe('search over 80 units', () => {
  it('is a base large enough for the rules of a large base', () => {
    expect(kb.units).toHaveLength(80);
    expect(kb.items.length).toBeGreaterThan(2000);
  });

  it('finds a generic criterion every unit shares in each unit, and in the asked unit only when asked', () => {
    const all = index.search('toimii yhteistyökykyisesti', { kinds: ['criterion'], limit: 40 });
    expect(all.length).toBe(40);
    expect(new Set(all.map((h) => h.item.kind === 'criterion' && h.item.criterion.text.fi)).size).toBeLessThanOrEqual(2);
    expect(new Set(all.map((h) => h.item.kind !== 'passage' && h.item.unit.id)).size).toBeGreaterThan(10);
    const louhinta = index.search('toimii yhteistyökykyisesti', { kinds: ['criterion'], unitId: 'tutkinnonosat_106436' });
    expect(louhinta.length).toBeGreaterThan(0);
    expect(louhinta.every((h) => h.item.kind === 'criterion' && h.item.unit.id === 'tutkinnonosat_106436')).toBe(true);
    expect(louhinta[0]?.item.id).toMatch(/^T106436-G\d\.\d+$/);
  });

  it('counts a word in a large share of the base as matched in the items that have it', () => {
    expect(index.weightOf('opiskelij')).toBeLessThan(Math.log(1 + 1 / 0.05));
    const [hit] = index.search('opiskelija kallioperämuutokset', { kinds: ['requirement'] });
    expect(hit?.item.id).toBe('T106436-V4.1');
    expect(hit?.matched).toEqual(['opiskelija', 'kallioperämuutokset']);
    expect(hit?.coverage).toBe(1);
    // Alone, the common word is still searched.
    expect(index.search('opiskelija', { kinds: ['requirement'] }).length).toBeGreaterThan(0);
  });

  it('answers a Swedish question from the Swedish texts', () => {
    const [hit] = index.search('sprängningsarbetsledaren', { lang: 'sv' });
    expect(hit?.item.id).toBe('T106436-V4.1');
  });
});
