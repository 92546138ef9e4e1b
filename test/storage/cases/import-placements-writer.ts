import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { parsePlacementCsv, type PlacementImportRow } from '../../../src/features/enrolment/import-placements.ts';
import { writePlacementImport } from '../../../src/storage/placement-import.ts';
import { createPeopleRepo, createPlacementRepo, isStorageError } from '../../../src/storage/index.ts';
import type { StorageContext } from '../backends.ts';

const fixture = (name: string) => new URL(`../../fixtures/${name}`, import.meta.url);

async function goodRows(): Promise<PlacementImportRow[]> {
  const parsed = parsePlacementCsv(await readFile(fixture('placements.csv'), 'utf8'));
  if (!parsed.ok) throw new Error(`fixture does not parse: ${JSON.stringify(parsed.errors)}`);
  return parsed.rows;
}

export function importWriterCases(t: StorageContext): void {
  it('writes a good file in one go, matching people by e-mail, and a re-run changes nothing', async () => {
    const people = createPeopleRepo(t.db);
    const known = await people.create({ name: 'Maria Lehtonen', email: 'Maria.Lehtonen@oppilaitos.example.fi', roles: ['teacher'] });

    const summary = await writePlacementImport(t.db, await goodRows(), { today: '2026-04-01' });
    expect(summary).toEqual({ placementsCreated: 3, placementsUnchanged: 0, peopleCreated: 5, peopleMatched: 1, identitiesLinked: 2 });

    const emilia = await people.findByIdentity({ platform: 'local', externalId: 'emilia' });
    expect(emilia).toMatchObject({ name: 'Emilia Korhonen', roles: ['student'] });
    const [placement] = await createPlacementRepo(t.db).listByStudent(emilia?.id ?? '');
    expect(placement).toMatchObject({
      teacherId: known.id,
      workplaceBusinessId: '2468135-7',
      checkinTime: '15:30',
      keyWorkTasks: ['taloyhtiöasiakkaiden yhteydenpito', 'tarjousten valmistelu'],
      status: 'active',
    });
    const onni = await people.findByEmail('onni.lahtinen@opiskelija.example.fi');
    expect((await createPlacementRepo(t.db).listByStudent(onni?.id ?? ''))[0]).toMatchObject({
      startDate: '2026-03-09',
      endDate: '2026-05-15',
      workingDays: [1, 2, 3, 4],
      partTimePercentage: 80,
      checkinTime: '15:00',
      unitIds: ['asiakkuuksien-hoitaminen'],
      status: 'active',
    });
    const sofia = await people.findByIdentity({ platform: 'local', externalId: 'sofia' });
    expect((await createPlacementRepo(t.db).listByStudent(sofia?.id ?? ''))[0]).toMatchObject({
      workplaceName: 'Lahden Tilitoimisto Oy, Keskustan toimipiste',
      status: 'planned',
    });

    const again = await writePlacementImport(t.db, await goodRows(), { today: '2026-04-01' });
    expect(again).toEqual({ placementsCreated: 0, placementsUnchanged: 3, peopleCreated: 0, peopleMatched: 6, identitiesLinked: 0 });
  });

  it('writes nothing when any row fails while writing', async () => {
    const people = createPeopleRepo(t.db);
    const other = await people.create({ name: 'Someone Else', roles: ['student'] });
    await people.linkIdentity({ platform: 'local', externalId: 'taken-id', personId: other.id });
    const rows = (await goodRows()).map((row, index) => ({
      ...row,
      student: { ...row.student, email: `rollback-${index}@example.fi`, localId: index === 2 ? 'taken-id' : null },
    }));

    await expect(writePlacementImport(t.db, rows, { today: '2026-04-01' })).rejects.toSatisfy(
      (error) => isStorageError(error, 'invalid_input') && error.message.includes('row 4, student_local_id'),
    );
    for (const index of [0, 1, 2]) expect(await people.findByEmail(`rollback-${index}@example.fi`)).toBeNull();
  });
}
