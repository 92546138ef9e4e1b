// An erasure also deletes the student's earlier exports: they are copies of what was erased.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/core.ts';

describe('erasing a student', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore('pglite');
  });
  afterAll(async () => t?.close());

  it('removes the exports made of them before, and nobody else\'s', async () => {
    const pathIn = (text: string) => /(\/\S+\.json)/.exec(text)?.[1] ?? '';
    const aino = pathIn(await t.text('admin', 'export aino'));
    const ville = pathIn(await t.text('admin', 'export ville'));
    expect(existsSync(aino)).toBe(true);
    expect(await t.text('admin', 'erase aino confirm')).toContain('erased');
    expect(existsSync(aino)).toBe(false);
    expect(existsSync(ville)).toBe(true);
  });
});
