import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeStudentExports } from '../../src/storage/maintenance-exports.ts';

describe('removing a student\'s export files', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('deletes every export of that person and nobody else\'s', async () => {
    dir = mkdtempSync(join(tmpdir(), 'osaava-exports-'));
    for (const name of ['aino-2026-12-01.json', 'aino-2026-12-02.json', 'aino-2026-2026-12-02.json', 'ainox-2026-12-01.json', 'ville-2026-12-01.json', 'aino-notes.txt']) {
      writeFileSync(join(dir, name), '{}');
    }
    expect((await removeStudentExports(dir, 'aino')).sort()).toEqual(['aino-2026-12-01.json', 'aino-2026-12-02.json']);
    expect(readdirSync(dir).sort()).toEqual(['aino-2026-2026-12-02.json', 'aino-notes.txt', 'ainox-2026-12-01.json', 'ville-2026-12-01.json']);
    // An id with characters that mean something in a pattern matches only itself.
    writeFileSync(join(dir, 'p.1-2026-12-01.json'), '{}');
    expect(await removeStudentExports(dir, 'p-1')).toEqual([]);
    expect(await removeStudentExports(dir, 'p.1')).toEqual(['p.1-2026-12-01.json']);
  });

  it('finds nothing to delete where no export was ever written', async () => {
    expect(await removeStudentExports(join(tmpdir(), 'osaava-no-such-folder-5b1d'), 'aino')).toEqual([]);
  });
});
