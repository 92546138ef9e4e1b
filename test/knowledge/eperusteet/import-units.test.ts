import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEperusteetClient } from '../../../src/knowledge/eperusteet/client.ts';
import { ImportSourceError, importUnits } from '../../../src/knowledge/eperusteet/import-units.ts';
import { loadKnowledgeFiles } from '../../../src/knowledge/load-knowledge.ts';
import { type FakeEperusteet, startFakeEperusteet } from './fake-eperusteet.ts';

const FIXTURES = 'test/fixtures/eperusteet';
const fixture = (name: string) => JSON.parse(readFileSync(`${FIXTURES}/${name}`, 'utf8'));
const tempDir = () => mkdtempSync(join(tmpdir(), 'osaava-import-'));
const filesIn = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

describe('importing from a downloaded file', () => {
  it('writes every unit of a qualification as a knowledge file the loader takes with the shipped unit', async () => {
    const out = tempDir();
    const lines: string[] = [];
    const report = await importUnits({ file: `${FIXTURES}/three-shapes.peruste.json`, units: [] }, { outDir: join(out, 'units'), progress: (l) => lines.push(l) });
    expect(report.refused).toEqual([]);
    expect(report.written.map((w) => [w.unit.id, w.unit.competencePoints, w.status])).toEqual([
      ['tutkinnonosat_106436', 40, 'new'],
      ['tutkinnonosat_900002', 25, 'new'],
      ['tutkinnonosat_900003', 10, 'new'],
    ]);
    expect(lines.filter((l) => l.startsWith('wrote'))).toHaveLength(3);
    writeFileSync(join(out, 'units/asiakkuuksien-hoitaminen.json'), readFileSync('knowledge/units/asiakkuuksien-hoitaminen.json'));
    expect(loadKnowledgeFiles(out).units.map((u) => u.id).sort()).toEqual(['asiakkuuksien-hoitaminen', 'tutkinnonosat_106436', 'tutkinnonosat_900002', 'tutkinnonosat_900003']);
  });

  it('gives identical files on a re-import, and leaves them untouched', async () => {
    const out = tempDir();
    await importUnits({ file: `${FIXTURES}/kaivosalan-perustutkinto.peruste.json`, units: [] }, { outDir: out });
    const first = filesIn(out);
    expect(Object.keys(first)).toHaveLength(24);
    const again = await importUnits({ file: `${FIXTURES}/kaivosalan-perustutkinto.peruste.json`, units: [] }, { outDir: out });
    expect(again.written.every((w) => w.status === 'unchanged')).toBe(true);
    expect(again.skipped).toHaveLength(3);
    expect(filesIn(out)).toEqual(first);
  });

  it('imports only the units asked for', async () => {
    const out = tempDir();
    const report = await importUnits({ file: `${FIXTURES}/three-shapes.peruste.json`, units: ['tutkinnonosat_900003', 'tutkinnonosat_123'] }, { outDir: out });
    expect(report.written.map((w) => w.unit.id)).toEqual(['tutkinnonosat_900003']);
    expect(report.refused).toEqual([{ unit: 'tutkinnonosat_123', problems: [{ path: '(qualification).tutkinnonOsat', reason: 'OPH-9999-2099 has no unit tutkinnonosat_123' }] }]);
  });

  it('imports a file of one unit when told its qualification and size', async () => {
    const out = tempDir();
    const request = { file: `${FIXTURES}/louhintaporaus.tutkinnonosa.json`, units: [], diaarinumero: 'OPH-2218-2019' };
    await expect(importUnits(request, { outDir: out })).rejects.toThrow(/--size/);
    const report = await importUnits({ ...request, size: 40, qualificationName: 'Kaivosalan perustutkinto' }, { outDir: out });
    expect(report.written[0]?.unit).toMatchObject({ competencePoints: 40, qualification: { diaarinumero: 'OPH-2218-2019', name: { fi: 'Kaivosalan perustutkinto' } } });
  });

  it('never writes a half unit: a broken unit is refused whole, the others are written', async () => {
    const out = tempDir();
    const peruste = fixture('three-shapes.peruste.json');
    peruste.tutkinnonOsat[1].arviointi.arvioinninKohdealueet[0].arvioinninKohteet[1].osaamistasonKriteerit[0].kriteerit[0] = { sv: 'bara svenska' };
    const file = join(out, 'broken.json');
    writeFileSync(file, JSON.stringify(peruste));
    const report = await importUnits({ file, units: [] }, { outDir: join(out, 'units') });
    expect(report.written.map((w) => w.unit.id)).toEqual(['tutkinnonosat_106436', 'tutkinnonosat_900003']);
    expect(report.refused).toEqual([
      { unit: 'tutkinnonosat_900002', problems: [{ path: 'tutkinnonOsat.1.arviointi.arvioinninKohdealueet.0.arvioinninKohteet.1.osaamistasonKriteerit.0.kriteerit.0.fi', reason: 'no Finnish text' }] },
    ]);
    // Nothing else in the folder: no file of the refused unit, no file written aside.
    expect(readdirSync(join(out, 'units')).sort()).toEqual(['tutkinnonosat_106436.json', 'tutkinnonosat_900003.json']);
  });

  it('refuses a malformed qualification with the path of the bad field, and writes nothing', async () => {
    const out = tempDir();
    const peruste = fixture('three-shapes.peruste.json');
    peruste.diaarinumero = 42;
    const file = join(out, 'malformed.json');
    writeFileSync(file, JSON.stringify(peruste));
    const error = await importUnits({ file, units: [] }, { outDir: join(out, 'units') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportSourceError);
    expect((error as ImportSourceError).problems.map((p) => p.path)).toEqual(['(qualification).diaarinumero']);
    expect(readdirSync(out)).toEqual(['malformed.json']);
    writeFileSync(file, '{ "diaarinumero": ');
    await expect(importUnits({ file, units: [] }, { outDir: out })).rejects.toThrow(/is not JSON/);
    writeFileSync(file, JSON.stringify({ data: [], sivu: 0 }));
    await expect(importUnits({ file, units: [] }, { outDir: out })).rejects.toThrow(/neither an ePerusteet qualification .* nor a unit/);
  });

  it('does not import a unit a different file already holds', async () => {
    const out = tempDir();
    await importUnits({ file: `${FIXTURES}/three-shapes.peruste.json`, units: ['tutkinnonosat_900003'] }, { outDir: out });
    writeFileSync(join(out, 'renamed.json'), readFileSync(join(out, 'tutkinnonosat_900003.json')));
    const report = await importUnits({ file: `${FIXTURES}/three-shapes.peruste.json`, units: ['tutkinnonosat_900003'] }, { outDir: out });
    expect(report.refused[0]?.problems[0]?.reason).toMatch(/renamed\.json already holds this unit/);
  });
});

describe('importing from the ePerusteet API', () => {
  let api: FakeEperusteet;
  beforeAll(async () => {
    api = await startFakeEperusteet([fixture('three-shapes.peruste.json'), fixture('kaivosalan-perustutkinto.peruste.json')]);
  });
  afterAll(() => api.close());

  it('by diaarinumero: every unit of the qualification', async () => {
    const out = tempDir();
    const report = await importUnits({ diaarinumero: 'OPH-9999-2099', units: [] }, { client: createEperusteetClient({ baseUrl: api.baseUrl }), outDir: out });
    expect(report.written.map((w) => w.unit.id)).toEqual(['tutkinnonosat_106436', 'tutkinnonosat_900002', 'tutkinnonosat_900003']);
    expect(report.written[0]?.unit.sources).toEqual([`${api.baseUrl}/peruste/9900000`]);
    expect(api.requests).toContain('/eperusteet-service/api/external/perusteet?diaarinumero=OPH-9999-2099&sivukoko=20');
  });

  it('by unit code: the unit with its size and qualification; an unknown code is reported', async () => {
    const out = tempDir();
    const client = createEperusteetClient({ baseUrl: api.baseUrl });
    const report = await importUnits({ units: ['tutkinnonosat_106436', 'tutkinnonosat_999999'] }, { client, outDir: out });
    // The unit is in both qualifications; the first found is used.
    expect(report.written.map((w) => [w.unit.id, w.unit.competencePoints])).toEqual([['tutkinnonosat_106436', 40]]);
    expect(report.refused).toEqual([{ unit: 'tutkinnonosat_999999', problems: [{ path: 'tutkinnonosat_999999', reason: 'ePerusteet has no unit with this code' }] }]);
  });

  it('an unknown diaarinumero, a 404 and a 500 stop the import with the reason', async () => {
    const out = tempDir();
    const client = createEperusteetClient({ baseUrl: api.baseUrl });
    await expect(importUnits({ diaarinumero: 'OPH-0000-2000', units: [] }, { client, outDir: out })).rejects.toThrow('ePerusteet has no published qualification OPH-0000-2000');
    api.failPath('/peruste/6777660', 404);
    await expect(importUnits({ diaarinumero: 'OPH-2218-2019', units: [] }, { client, outDir: out })).rejects.toThrow(/answered 404.*\/peruste\/6777660/);
    api.failPath('/perusteet', 500);
    const error = await importUnits({ diaarinumero: 'OPH-9999-2099', units: [] }, { client, outDir: out }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportSourceError);
    expect(String(error)).toMatch(/ePerusteet answered 500/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('an unreachable service is reported, not thrown raw', async () => {
    const client = createEperusteetClient({ baseUrl: 'http://127.0.0.1:9/api/external', timeoutMs: 2000 });
    await expect(importUnits({ diaarinumero: 'OPH-9999-2099', units: [] }, { client, outDir: tempDir() })).rejects.toThrow(/could not reach ePerusteet/);
  });
});

describe('the command line', () => {
  const run = promisify(execFile);
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/import-units.ts', ...args]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 0 when every unit is written, 1 when some are refused, 2 when nothing can be read', async () => {
    const out = tempDir();
    const ok = await cli(['--file', `${FIXTURES}/three-shapes.peruste.json`, '--out', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/3 unit\(s\) in .* \(3 new, 0 updated, 0 unchanged\), 0 skipped, 0 not imported\./);
    expect(ok.stdout).toMatch(/Restart Osaava/);

    const peruste = fixture('three-shapes.peruste.json');
    peruste.tutkinnonOsat[2].ammattitaidonOsoittamistavat = null;
    writeFileSync(join(out, 'some-broken.json'), JSON.stringify(peruste));
    const some = await cli(['--file', join(out, 'some-broken.json'), '--out', join(out, 'b')]);
    expect(some.code).toBe(1);
    expect(some.stderr).toContain('not imported: tutkinnonosat_900003');
    expect(some.stderr).toContain('at tutkinnonOsat.2.ammattitaidonOsoittamistavat: no ways of demonstrating skills');

    const missing = await cli(['--file', join(out, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Nothing imported: cannot read/);
    expect((await cli(['not-a-code'])).code).toBe(2);
  }, 30_000);
});
