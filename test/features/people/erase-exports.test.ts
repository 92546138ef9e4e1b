// An export is a file in the reply, never a file on the server; an erasure still deletes exports that
// older versions left under DATA_DIR/exports.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeStudentExports } from '../../../src/storage/maintenance-exports.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

describe('exporting and erasing a student', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore('pglite');
  });
  afterAll(async () => t?.close());

  const exportDirs = () =>
    readdirSync(tmpdir())
      .filter((name) => name.startsWith('osaava-export-'))
      .flatMap((name) => (existsSync(join(tmpdir(), name, 'exports')) ? readdirSync(join(tmpdir(), name, 'exports')) : []));

  it('answers with the JSON as a file and writes nothing', async () => {
    const before = exportDirs().length;
    const [reply] = await t.say('admin', 'export aino');
    expect(reply?.kind).toBe('file');
    if (reply?.kind !== 'file') return;
    expect(reply.name).toMatch(/^aino-\d{4}-\d{2}-\d{2}\.json$/);
    expect(reply.mimeType).toBe('application/json');
    expect(JSON.parse(reply.content)).toBeTypeOf('object');
    expect(reply.content).toContain('aino.virtanen@opiskelija.example.fi');
    expect(reply.comment).toContain(reply.name);
    expect(exportDirs().length).toBe(before);
  });

  it('erases a student, and removes exports an older version left, nobody else\'s', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'osaava-old-exports-')), 'exports');
    mkdirSync(dir);
    writeFileSync(join(dir, 'aino-2026-01-05.json'), '{}');
    writeFileSync(join(dir, 'ville-2026-01-05.json'), '{}');
    expect(await removeStudentExports(dir, 'aino')).toEqual(['aino-2026-01-05.json']);
    expect(readdirSync(dir)).toEqual(['ville-2026-01-05.json']);
    expect(await t.text('admin', 'erase aino confirm')).toContain('erased');
  });
});
