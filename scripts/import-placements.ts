// Imports workplace placements from a CSV file: `npx tsx scripts/import-placements.ts placements.csv`.
// The columns are documented in src/features/enrolment/import-placements.ts. Uses DATABASE_URL when set,
// otherwise PGlite in `${DATA_DIR:-./data}/pglite`. Nothing is written if any row is invalid. Each row's
// units are checked against the knowledge base in `${KNOWLEDGE_DIR:-knowledge}`, as the bot loads it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { Database } from '../src/storage/database.ts';
import { DEFAULT_TIME_ZONE } from '../src/storage/domain.ts';
import { isStorageError } from '../src/storage/errors.ts';
import { formatImportError, parsePlacementCsv } from '../src/features/enrolment/import-placements.ts';
import { loadKnowledgeFiles } from '../src/knowledge/load-knowledge.ts';
import type { Unit } from '../src/knowledge/schema.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    err('Usage: npx tsx scripts/import-placements.ts <placements.csv>');
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    err(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  const knowledgeDir = process.env.KNOWLEDGE_DIR || 'knowledge';
  let units: Unit[];
  try {
    units = loadKnowledgeFiles(knowledgeDir).units;
  } catch (error) {
    err(`Cannot load the knowledge base in ${knowledgeDir}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  const parsed = parsePlacementCsv(text, { units });
  if (!parsed.ok) {
    err(`${file}: ${parsed.errors.length} problem(s); nothing was imported.`);
    for (const problem of parsed.errors) err(`  ${formatImportError(problem)}`);
    return 1;
  }

  // Loaded only for a valid file, so that a bad one is reported at once.
  const { createDatabase } = await import('../src/storage/database.ts');
  const { createPlacementRepo } = await import('../src/storage/placement-repo.ts');
  const dataDir = join(process.env.DATA_DIR || './data', 'pglite');
  const url = process.env.DATABASE_URL || undefined;
  const logger = pino({ level: 'warn' }, pino.destination(2));
  let database: Database;
  try {
    database = await createDatabase({ url, dataDir, logger });
  } catch (error) {
    err(isStorageError(error) ? error.message : `Cannot open the database: ${String(error)}`);
    return 1;
  }
  try {
    const today = DateTime.now().setZone(DEFAULT_TIME_ZONE).toFormat('yyyy-MM-dd');
    const summary = await createPlacementRepo(database.db).importRows(parsed.rows, { today });
    out(`Imported ${file} into ${url ? 'PostgreSQL' : dataDir}:`);
    out(`  placements created:   ${summary.placementsCreated}`);
    out(`  placements unchanged: ${summary.placementsUnchanged} (already imported)`);
    out(`  people created:       ${summary.peopleCreated}`);
    out(`  people matched:       ${summary.peopleMatched} (by e-mail)`);
    out(`  local ids linked:     ${summary.identitiesLinked}`);
    return 0;
  } catch (error) {
    err(`Import failed; nothing was imported: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main();
