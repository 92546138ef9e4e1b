// Placement import from a CSV file (one row per student's workplace period), e.g. exported from a
// spreadsheet. The file is comma-separated with a header row; lists inside a cell use ';'.
//
// Columns (any order, all present; optional cells may be empty):
//   student_name          student's full name (required)
//   student_email         student's e-mail; people are matched by e-mail (required)
//   student_local_id      id for the local web chat, e.g. `aino` (optional)
//   instructor_name       workplace instructor (työpaikkaohjaaja) (required)
//   instructor_email      (required)
//   teacher_name          responsible teacher (required)
//   teacher_email         (required)
//   workplace_name        (required)
//   workplace_business_id Y-tunnus `1234567-8`, check digit verified (optional)
//   unit_ids              the units the placement covers, `;`- or `|`-separated: ids such as
//                         `asiakkuuksien-hoitaminen`, ePerusteet codes or names (required); a unit
//                         the knowledge base does not know rejects the row, naming the units it knows
//   start_date            eHOKS `alku`: YYYY-MM-DD or D.M.YYYY (required)
//   end_date              eHOKS `loppu`, not before start_date (required)
//   checkin_time          HH:MM local time of the daily check-in (optional, default 15:00)
//   working_days          ISO weekdays 1–7 or ma;ti;ke;to;pe;la;su (optional, default 1;2;3;4;5)
//   part_time_percentage  1–100 (optional, default 100)
//   key_work_tasks        key work tasks, `;`-separated (optional)
// The learning method is recorded as `osaamisenhankkimistapa_koulutussopimus`.
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { checkinTimeSchema, DEFAULT_CHECKIN_TIME, DEFAULT_WORKING_DAYS } from '../../storage/domain.ts';
import { EMAIL_MAX, ID_MAX, KEY_WORK_TASK_MAX, NAME_MAX, WORKPLACE_NAME_MAX } from '../../storage/limits.ts';
import type { ImportContact, PlacementImportRow } from '../../storage/placement-import.ts';
import { yTunnusProblem } from '../../storage/y-tunnus.ts';
import type { Unit } from '../../knowledge/schema.ts';
import { knownUnitLines, resolveUnitRefs, splitUnitRefs } from './unit-refs.ts';

export const PLACEMENT_CSV_COLUMNS = [
  'student_name',
  'student_email',
  'student_local_id',
  'instructor_name',
  'instructor_email',
  'teacher_name',
  'teacher_email',
  'workplace_name',
  'workplace_business_id',
  'unit_ids',
  'start_date',
  'end_date',
  'checkin_time',
  'working_days',
  'part_time_percentage',
  'key_work_tasks',
] as const;
export type PlacementCsvColumn = (typeof PLACEMENT_CSV_COLUMNS)[number];

// The row types are the writer's (storage's placement import), so that a parsed file goes straight in.
export type { ImportContact, PlacementImportRow } from '../../storage/placement-import.ts';

export interface ImportError {
  /** Spreadsheet row number; null for a problem with the whole file. */
  row: number | null;
  column: PlacementCsvColumn | null;
  message: string;
}

export type PlacementCsvResult = { ok: true; rows: PlacementImportRow[] } | { ok: false; errors: ImportError[] };

const WEEKDAY_NAMES: Record<string, number> = { ma: 1, ti: 2, ke: 3, to: 4, pe: 5, la: 6, su: 7 };

const required = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is missing`).max(max, `${label} is longer than ${max} characters`);
const email = z.string().trim().toLowerCase().pipe(z.email('not a valid e-mail address').max(EMAIL_MAX));
const optional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(schema.nullable());
const list = z.string().transform((value) =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean),
);
const date = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const parsed = parseDate(value);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (use YYYY-MM-DD or D.M.YYYY)` });
      return z.NEVER;
    }
    return parsed;
  });

const rowSchema = z
  .object({
    student_name: required('student name', NAME_MAX),
    student_email: email,
    student_local_id: optional(z.string().max(ID_MAX).regex(/^[a-z0-9._-]+$/i, 'use letters, digits, . _ or -')),
    instructor_name: required('instructor name', NAME_MAX),
    instructor_email: email,
    teacher_name: required('teacher name', NAME_MAX),
    teacher_email: email,
    workplace_name: required('workplace name', WORKPLACE_NAME_MAX),
    workplace_business_id: optional(
      z.string().superRefine((value, ctx) => {
        const problem = yTunnusProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    unit_ids: z.string().transform(splitUnitRefs).pipe(z.array(z.string().max(ID_MAX)).min(1, 'at least one unit is needed')),
    start_date: date,
    end_date: date,
    checkin_time: optional(checkinTimeSchema).transform((value) => value ?? DEFAULT_CHECKIN_TIME),
    working_days: list.transform((items, ctx) => {
      if (items.length === 0) return [...DEFAULT_WORKING_DAYS];
      const days = items.map((item) => WEEKDAY_NAMES[item.toLowerCase()] ?? (/^[1-7]$/.test(item) ? Number(item) : null));
      if (days.some((day) => day === null)) {
        ctx.addIssue({ code: 'custom', message: `"${items.join(';')}" is not a list of weekdays 1–7 or ma…su` });
        return z.NEVER;
      }
      return [...new Set(days.filter((day) => day !== null))].sort((a, b) => a - b);
    }),
    part_time_percentage: z
      .string()
      .trim()
      .transform((value, ctx) => {
        if (value === '') return 100;
        const number = Number(value.replace(/%$/, ''));
        if (!Number.isInteger(number) || number < 1 || number > 100) {
          ctx.addIssue({ code: 'custom', message: `"${value}" is not a whole percentage 1–100` });
          return z.NEVER;
        }
        return number;
      }),
    key_work_tasks: list.pipe(z.array(z.string().max(KEY_WORK_TASK_MAX, `a task is longer than ${KEY_WORK_TASK_MAX} characters`))),
  })
  .superRefine((value, ctx) => {
    if (value.end_date < value.start_date) {
      ctx.addIssue({
        code: 'custom',
        path: ['end_date'],
        message: `end date ${value.end_date} is before start date ${value.start_date}`,
      });
    }
  });

const parsedRecordsSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number() }) }),
);

export interface PlacementCsvOptions {
  /**
   * The units the knowledge base knows: each row's units are resolved against them (an id, an
   * ePerusteet code or a name becomes the unit's id) and a row naming another is refused. Without
   * it the cells are taken as ids unchecked.
   */
  units?: readonly Unit[];
}

/** Parses and validates the whole file; nothing is written. Errors name the row and column. */
export function parsePlacementCsv(text: string, options: PlacementCsvOptions = {}): PlacementCsvResult {
  let records: z.infer<typeof parsedRecordsSchema>;
  try {
    records = parsedRecordsSchema.parse(
      parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }),
    );
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'lines' in error ? Number(error.lines) : null;
    return { ok: false, errors: [{ row: line, column: null, message: `The file is not valid CSV: ${messageOf(error)}` }] };
  }

  const header = records[0];
  if (!header) return { ok: false, errors: [{ row: null, column: null, message: 'The file is empty.' }] };
  const headerError = checkHeader(header.record.map((name) => name.trim().toLowerCase()));
  if (headerError) return { ok: false, errors: [headerError] };
  const columns = header.record.map((name) => name.trim().toLowerCase());

  const errors: ImportError[] = [];
  const rows: PlacementImportRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    if (record.length !== columns.length) {
      errors.push({ row, column: null, message: `expected ${columns.length} cells, found ${record.length}` });
      continue;
    }
    const cells = Object.fromEntries(columns.map((column, index) => [column, record[index] ?? '']));
    const result = rowSchema.safeParse(cells);
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ row, column: columnOf(issue.path[0]), message: issue.message });
      }
      continue;
    }
    const units = options.units ? unitsOfRow(options.units, result.data.unit_ids) : { ids: result.data.unit_ids };
    if ('error' in units) {
      errors.push({ row, column: 'unit_ids', message: units.error });
      continue;
    }
    rows.push(toImportRow(row, { ...result.data, unit_ids: units.ids }));
  }
  errors.push(...crossRowErrors(rows));
  if (rows.length === 0 && errors.length === 0) {
    errors.push({ row: null, column: null, message: 'The file has a header but no rows.' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** A row's unit references as the ids of the units they name, or why not (with the units the base knows). */
function unitsOfRow(known: readonly Unit[], refs: readonly string[]): { ids: string[] } | { error: string } {
  const { units, unknown } = resolveUnitRefs(known, refs);
  if (unknown.length === 0) return { ids: units.map((unit) => unit.id) };
  const listed = knownUnitLines(known, unknown, 'fi');
  const more = listed.more > 0 ? `, … and ${listed.more} more` : '';
  const names = unknown.map((ref) => `"${ref}"`).join(', ');
  return { error: `unknown unit ${names}: the knowledge base has ${listed.lines.join('; ')}${more}` };
}

/** Renders an error for people: `row 3, end_date: end date … is before …`. */
export function formatImportError(error: ImportError): string {
  const where = [error.row === null ? null : `row ${error.row}`, error.column].filter(Boolean).join(', ');
  return where ? `${where}: ${error.message}` : error.message;
}

function checkHeader(found: string[]): ImportError | null {
  const expected: readonly string[] = PLACEMENT_CSV_COLUMNS;
  const missing = expected.filter((column) => !found.includes(column));
  const unexpected = found.filter((column) => !expected.includes(column));
  const duplicated = found.filter((column, index) => found.indexOf(column) !== index);
  if (missing.length === 0 && unexpected.length === 0 && duplicated.length === 0) return null;
  const hint =
    found.length === 1 && (found[0] ?? '').includes(';')
      ? ' The file seems to use ";" between columns; save it as comma-separated CSV (";" is for lists inside a cell).'
      : '';
  const parts = [
    missing.length > 0 ? `missing: ${missing.join(', ')}` : null,
    unexpected.length > 0 ? `unexpected: ${unexpected.join(', ')}` : null,
    duplicated.length > 0 ? `repeated: ${[...new Set(duplicated)].join(', ')}` : null,
  ].filter(Boolean);
  return {
    row: 1,
    column: null,
    message:
      `The header row has the wrong columns (${parts.join('; ')}).\n` +
      `  expected: ${expected.join(',')}\n` +
      `  found:    ${found.join(',')}${hint}`,
  };
}

function crossRowErrors(rows: PlacementImportRow[]): ImportError[] {
  const errors: ImportError[] = [];
  const nameByEmail = new Map<string, { name: string; row: number }>();
  const emailByLocalId = new Map<string, { email: string; row: number }>();
  for (const row of rows) {
    const contacts: [PlacementCsvColumn, ImportContact][] = [
      ['student_email', row.student],
      ['instructor_email', row.instructor],
      ['teacher_email', row.teacher],
    ];
    for (const [column, contact] of contacts) {
      const seen = nameByEmail.get(contact.email);
      if (!seen) nameByEmail.set(contact.email, { name: contact.name, row: row.row });
      else if (seen.name !== contact.name) {
        errors.push({
          row: row.row,
          column,
          message: `${contact.email} is "${contact.name}" here but "${seen.name}" on row ${seen.row}`,
        });
      }
    }
    const localId = row.student.localId;
    if (localId !== null) {
      const seen = emailByLocalId.get(localId);
      if (!seen) emailByLocalId.set(localId, { email: row.student.email, row: row.row });
      else if (seen.email !== row.student.email) {
        errors.push({
          row: row.row,
          column: 'student_local_id',
          message: `local id "${localId}" is already used for ${seen.email} on row ${seen.row}`,
        });
      }
    }
  }
  return errors;
}

function toImportRow(row: number, data: z.output<typeof rowSchema>): PlacementImportRow {
  return {
    row,
    student: { name: data.student_name, email: data.student_email, localId: data.student_local_id },
    instructor: { name: data.instructor_name, email: data.instructor_email },
    teacher: { name: data.teacher_name, email: data.teacher_email },
    workplaceName: data.workplace_name,
    workplaceBusinessId: data.workplace_business_id,
    unitIds: data.unit_ids,
    startDate: data.start_date,
    endDate: data.end_date,
    checkinTime: data.checkin_time,
    workingDays: data.working_days,
    partTimePercentage: data.part_time_percentage,
    keyWorkTasks: data.key_work_tasks,
  };
}

function parseDate(value: string): string | null {
  const formats = ['yyyy-MM-dd', 'd.M.yyyy'];
  for (const format of formats) {
    const parsed = DateTime.fromFormat(value, format, { zone: 'UTC' });
    if (parsed.isValid) return parsed.toISODate();
  }
  return null;
}

function columnOf(key: PropertyKey | undefined): PlacementCsvColumn | null {
  return PLACEMENT_CSV_COLUMNS.find((column) => column === key) ?? null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
