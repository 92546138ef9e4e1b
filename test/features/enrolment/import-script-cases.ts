import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { adminQuery, OPEN_TIMEOUT } from '../../storage/backends.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const fixture = (name: string) => join(root, 'test', 'fixtures', name);

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would, with its own environment. */
export function runImportScript(file: string, env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // `--import tsx` in one Node process: what the tsx launcher runs, without its extra process.
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'import-placements.ts'), file], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function importScriptCases(): void {
  let dataRoot = '';
  beforeAll(async () => {
    dataRoot = await mkdtemp(join(tmpdir(), 'osaava-import-'));
  });
  afterAll(async () => rm(dataRoot, { recursive: true, force: true }));

  it(
    'reports every bad row with its row number and column, exits 1 and writes nothing',
    async () => {
      const result = await runImportScript(fixture('placements-bad-rows.csv'), { DATA_DIR: dataRoot });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('nothing was imported');
      expect(result.stderr).toContain('row 3, start_date: "2026-02-30" is not a date');
      expect(result.stderr).toContain('row 4, end_date: end date 2026-03-02 is before start date 2026-05-08');
      expect(result.stderr).toContain('row 5, instructor_email: not a valid e-mail address');
      expect(result.stderr).toContain('row 5, workplace_business_id: "2468135-8" has a wrong check digit (expected 2468135-7)');
      expect(result.stderr).toContain('row 5, checkin_time');
      expect(result.stderr).toContain('row 5, working_days');
      expect(result.stderr).toContain('row 5, part_time_percentage');
      expect(result.stderr).not.toContain('row 2');
      expect(existsSync(join(dataRoot, 'pglite'))).toBe(false);
    },
    OPEN_TIMEOUT,
  );

  it(
    'lists expected and found columns for a file with the wrong header',
    async () => {
      const result = await runImportScript(fixture('placements-wrong-columns.csv'), { DATA_DIR: dataRoot });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('missing: student_name, student_local_id, workplace_name');
      expect(result.stderr).toContain('unexpected: student, workplace, notes');
      expect(result.stderr).toContain('expected: student_name,student_email,student_local_id,');
      expect(result.stderr).toContain('found:    student,student_email,');
    },
    OPEN_TIMEOUT,
  );
  it(
    'refuses a file whose row names a unit the knowledge base does not know, before opening the database',
    async () => {
      // The shipped knowledge has no "Testiosa Beeta"; the fixture folder with it does.
      const refused = await runImportScript(fixture('placements-units.csv'), { DATA_DIR: dataRoot });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('row 2, unit_ids: unknown unit "testiosa-beeta": the knowledge base has Asiakkuuksien hoitaminen (asiakkuuksien-hoitaminen)');
      expect(refused.stderr).toContain('row 3, unit_ids: unknown unit "Testiosa Beeta"');
      expect(existsSync(join(dataRoot, 'pglite'))).toBe(false);
      const imported = await runImportScript(fixture('placements-units.csv'), { DATA_DIR: dataRoot, KNOWLEDGE_DIR: fixture('knowledge-units-b') });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toContain('placements created:   2');
    },
    OPEN_TIMEOUT * 2,
  );
}

/** The whole CLI path on PostgreSQL (fast to start), in a schema of its own. */
export function importScriptPostgresCases(url: string): void {
  let schema = '';
  let scriptUrl = '';
  beforeAll(async () => {
    schema = `t_${randomBytes(6).toString('hex')}`;
    await adminQuery(url, `CREATE SCHEMA ${schema}`);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    scriptUrl = withSchema.toString();
  });
  afterAll(async () => adminQuery(url, `DROP SCHEMA IF EXISTS ${schema} CASCADE`));

  it(
    'imports a good file, prints a summary and is safe to re-run',
    async () => {
      const first = await runImportScript(fixture('placements.csv'), { DATABASE_URL: scriptUrl });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('placements created:   3');
      expect(first.stdout).toContain('people created:       6');
      const second = await runImportScript(fixture('placements.csv'), { DATABASE_URL: scriptUrl });
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('placements unchanged: 3');
    },
    OPEN_TIMEOUT,
  );
}
