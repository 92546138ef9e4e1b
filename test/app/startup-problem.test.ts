// Start-up failures are one line that says what is wrong, with no stack: the real causes, made here.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/knowledge/index.ts';
import { startupProblem } from '../../src/startup-problem.ts';
import { createDatabase } from '../../src/storage/index.ts';
import { silentLogger } from '../storage/backends.ts';

async function failure(work: () => Promise<unknown> | unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('did not fail');
}

describe('why Osaava could not start', () => {
  const where = { dataDir: '/srv/osaava', knowledgeDir: '/srv/knowledge' };

  it('names a damaged embedded database folder and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osaava-corrupt-'));
    mkdirSync(join(dir, 'pglite'));
    writeFileSync(join(dir, 'pglite', 'PG_VERSION'), 'garbage\n');
    const line = startupProblem(await failure(() => createDatabase({ dataDir: join(dir, 'pglite'), logger: silentLogger })), { ...where, dataDir: dir });
    expect(line).toContain('could not be opened');
    expect(line).not.toContain('\n');
  });

  it('names an unreachable PostgreSQL server', async () => {
    const line = startupProblem(await failure(() => createDatabase({ url: 'postgres://nobody@127.0.0.1:1/none', dataDir: '', logger: silentLogger })), where);
    expect(line).toContain('cannot be reached');
  });

  it('names a missing knowledge folder', async () => {
    const line = startupProblem(await failure(() => loadKnowledgeBase('/srv/knowledge')), where);
    expect(line).toContain('does not exist');
  });

  it('says anything else in one line, without values a message quoted', () => {
    const line = startupProblem(new Error('invalid input syntax for type integer: "olen raskaana"\n    at x (y.ts:1:1)'), where);
    expect(line).not.toContain('raskaana');
    expect(line.split('\n')).toHaveLength(1);
  });
});
