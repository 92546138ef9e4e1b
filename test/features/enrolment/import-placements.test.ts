import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  formatImportError,
  PLACEMENT_CSV_COLUMNS,
  type PlacementCsvResult,
  parsePlacementCsv,
} from '../../../src/features/enrolment/import-placements.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const fixture = (name: string) => readFile(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const header = PLACEMENT_CSV_COLUMNS.join(',');
const goodRow =
  'Emilia Korhonen,Emilia.Korhonen@Example.fi,emilia,Jari Nieminen,jari@example.fi,Maria Lehtonen,maria@example.fi,' +
  'Kodin Tekniikka Oy,2468135-7,asiakkuuksien-hoitaminen,2026-03-02,2026-05-08,,,,';

function errorsOf(result: PlacementCsvResult): string[] {
  return result.ok ? [] : result.errors.map(formatImportError);
}

describe('parsePlacementCsv', () => {
  it('parses the good fixture: Finnish dates, weekday names, lists, quoted commas, defaults', async () => {
    const result = parsePlacementCsv(await fixture('placements.csv'));
    if (!result.ok) throw new Error(errorsOf(result).join('\n'));
    expect(result.rows).toHaveLength(3);
    expect(result.rows[1]).toMatchObject({
      row: 3,
      student: { name: 'Onni Lahtinen', email: 'onni.lahtinen@opiskelija.example.fi', localId: null },
      unitIds: ['asiakkuuksien-hoitaminen'],
      startDate: '2026-03-09',
      endDate: '2026-05-15',
      checkinTime: '15:00',
      workingDays: [1, 2, 3, 4],
      partTimePercentage: 80,
      keyWorkTasks: [],
    });
    expect(result.rows[2]).toMatchObject({
      workplaceName: 'Lahden Tilitoimisto Oy, Keskustan toimipiste',
      keyWorkTasks: ['kuukausiraportointi', 'asiakaspalvelu puhelimessa, sähköpostitse'],
    });
  });

  it('applies defaults and lower-cases e-mail addresses', () => {
    const result = parsePlacementCsv(`\uFEFF${header}\n${goodRow}\n`);
    if (!result.ok) throw new Error(errorsOf(result).join('\n'));
    expect(result.rows[0]).toMatchObject({
      student: { email: 'emilia.korhonen@example.fi', localId: 'emilia' },
      checkinTime: '15:00',
      workingDays: [1, 2, 3, 4, 5],
      partTimePercentage: 100,
      keyWorkTasks: [],
    });
  });

  it('lists expected and found columns when the header is wrong', async () => {
    const errors = errorsOf(parsePlacementCsv(await fixture('placements-wrong-columns.csv')));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('missing: student_name, student_local_id, workplace_name');
    expect(errors[0]).toContain('unexpected: student, workplace, notes');
    expect(errors[0]).toContain(`expected: ${header}`);
  });

  it('hints at the separator when a spreadsheet saved the file with semicolons', () => {
    const errors = errorsOf(parsePlacementCsv(`${PLACEMENT_CSV_COLUMNS.join(';')}\n`));
    expect(errors[0]).toContain('seems to use ";" between columns');
  });

  it('reports every bad cell with its row and column, and no rows at all', async () => {
    const result = parsePlacementCsv(await fixture('placements-bad-rows.csv'));
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      'row 3, start_date: "2026-02-30" is not a date (use YYYY-MM-DD or D.M.YYYY)',
      'row 4, end_date: end date 2026-03-02 is before start date 2026-05-08',
      'row 5, instructor_email: not a valid e-mail address',
      'row 5, workplace_business_id: "2468135-8" has a wrong check digit (expected 2468135-7)',
      'row 5, checkin_time: expected a time HH:MM',
      'row 5, working_days: "1;2;9" is not a list of weekdays 1–7 or ma…su',
      'row 5, part_time_percentage: "120" is not a whole percentage 1–100',
    ]);
  });

  it('catches a person given two names, a reused local id, a short row and broken quoting', () => {
    const other =
      'Emilia K,emilia.korhonen@example.fi,emilia2,Jari Nieminen,jari@example.fi,Maria Lehtonen,maria@example.fi,' +
      'Kodin Tekniikka Oy,,asiakkuuksien-hoitaminen,2026-03-02,2026-05-08,,,,';
    const reused = goodRow.replace('Emilia Korhonen,Emilia.Korhonen@Example.fi', 'Eino Korhonen,eino@example.fi');
    expect(errorsOf(parsePlacementCsv(`${header}\n${goodRow}\n${other}\n${reused}\nToo,short\n`))).toEqual([
      'row 5: expected 16 cells, found 2',
      'row 3, student_email: emilia.korhonen@example.fi is "Emilia K" here but "Emilia Korhonen" on row 2',
      'row 4, student_local_id: local id "emilia" is already used for emilia.korhonen@example.fi on row 2',
    ]);
    expect(errorsOf(parsePlacementCsv(`${header}\n"unclosed,${goodRow}\n`))[0]).toContain('The file is not valid CSV');
    expect(errorsOf(parsePlacementCsv(''))).toEqual(['The file is empty.']);
    expect(errorsOf(parsePlacementCsv(`${header}\n`))).toEqual(['The file has a header but no rows.']);
  });
});

describe('parsePlacementCsv with the units the knowledge base knows', () => {
  // The shipped unit and a synthetic pass/fail one (test/fixtures/knowledge-units-b).
  const { kb } = realKnowledge('test/fixtures/knowledge-units-b');
  const row = (units: string, email = 'emilia@example.fi') =>
    `Emilia Korhonen,${email},,Jari Nieminen,jari@example.fi,Maria Lehtonen,maria@example.fi,Kodin Tekniikka Oy,,"${units}",2026-03-02,2026-05-08,,,,`;

  it('takes several units per row by id or name, separated by ";" or "|", each once and in order', async () => {
    const result = parsePlacementCsv(await fixture('placements-units.csv'), { units: kb.units });
    if (!result.ok) throw new Error(errorsOf(result).join('\n'));
    expect(result.rows.map((r) => r.unitIds)).toEqual([
      ['asiakkuuksien-hoitaminen', 'testiosa-beeta'],
      ['testiosa-beeta', 'asiakkuuksien-hoitaminen'],
    ]);
    const twice = parsePlacementCsv(`${header}\n${row('asiakkuuksien-hoitaminen | ASIAKKUUKSIEN HOITAMINEN; beeta')}\n`, { units: kb.units });
    expect(twice.ok && twice.rows[0]?.unitIds).toEqual(['asiakkuuksien-hoitaminen', 'testiosa-beeta']);
  });

  it('refuses a row naming a unit the knowledge base does not know, and names the units it knows', () => {
    const result = parsePlacementCsv(`${header}\n${row('asiakkuuksien-hoitaminen')}\n${row('asiakkuuksien-hoitaminen;asiakaspalvelu', 'onni@example.fi')}\n`, { units: kb.units });
    expect(errorsOf(result)).toEqual([
      'row 3, unit_ids: unknown unit "asiakaspalvelu": the knowledge base has Asiakkuuksien hoitaminen (asiakkuuksien-hoitaminen); Testiosa Beeta (testiosa-beeta)',
    ]);
    expect(errorsOf(parsePlacementCsv(`${header}\n${row(' ; ')}\n`, { units: kb.units }))).toEqual(['row 2, unit_ids: at least one unit is needed']);
  });
});
