// A student's export (`vie tiedot aino`) is written to `<DATA_DIR>/exports/<person id>-<date>.json`.
// When the student is erased, those files go too: an erasure leaves no copy on the server.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The export files of one person: `<id>-YYYY-MM-DD.json`, nothing else (another id never matches). */
export function studentExportPattern(personId: string): RegExp {
  return new RegExp(`^${escapeRegExp(personId)}-\\d{4}-\\d{2}-\\d{2}\\.json$`);
}

/** Deletes every export of the person under `exportDir`; returns the names deleted. A missing folder is no export. */
export async function removeStudentExports(exportDir: string, personId: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(exportDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pattern = studentExportPattern(personId);
  const mine = names.filter((name) => pattern.test(name));
  for (const name of mine) await rm(join(exportDir, name), { force: true });
  return mine;
}
