import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../../src/storage/data-dir-lock.ts';
import { createDatabase, createPeopleRepo, isStorageError, StorageError } from '../../../src/storage/index.ts';
import { OPEN_TIMEOUT, silentLogger } from '../backends.ts';
import { fixture, runImportScript } from '../../features/enrolment/import-script-cases.ts';

export function dataDirLockCases(): void {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'osaava-lock-'));
  });
  afterAll(async () => rm(root, { recursive: true, force: true }));

  it(
    'refuses a second opening of the same directory, in this process or another, and releases the lock on close',
    async () => {
      const dataDir = join(root, 'a', 'pglite');
      const first = await createDatabase({ dataDir, logger: silentLogger });
      expect(first.kind).toBe('pglite');
      expect((await readFile(`${dataDir}.lock`, 'utf8')).trim()).toBe(String(process.pid));
      await createPeopleRepo(first.db).create({ id: 'kept', name: 'Kept Person', roles: ['student'] });

      const second = createDatabase({ dataDir, logger: silentLogger });
      await expect(second).rejects.toSatisfy((error) => isStorageError(error, 'database_in_use'));
      await expect(second).rejects.toThrow(
        `The database directory ${dataDir} is in use by process ${process.pid}. Stop that process or set DATA_DIR`,
      );
      // Another process (the import CLI) is refused too, and writes nothing.
      const script = await runImportScript(fixture('placements.csv'), { DATA_DIR: join(root, 'a') });
      expect(script.code).toBe(1);
      expect(script.stderr).toContain(`The database directory ${dataDir} is in use by process ${process.pid}.`);
      expect(await first.db.selectFrom('placement').select('id').execute()).toEqual([]);
      // The refusals did not disturb the holder.
      expect(await createPeopleRepo(first.db).findById('kept')).toMatchObject({ name: 'Kept Person' });

      await first.close();
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    },
    OPEN_TIMEOUT,
  );

  it('takes over a stale lock whose process is gone, with a warning', async () => {
    const dataDir = join(root, 'b', 'pglite');
    const deadPid = await pidOfFinishedProcess();
    const first = await acquireDataDirLock(dataDir, silentLogger);
    await writeFile(first.path, `${deadPid}\n`); // as if a crashed process had left it

    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const lock = await acquireDataDirLock(dataDir, logger);
    expect((await readFile(lock.path, 'utf8')).trim()).toBe(String(process.pid));
    expect(lines.join('')).toContain('stale database lock');
    expect(lines.join('')).toContain(`"stalePid":${deadPid}`);
    await lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('treats a lock with its own pid that it does not hold as left by an earlier run (a restarted container)', async () => {
    const dataDir = join(root, 'd', 'pglite');
    await mkdir(join(root, 'd'), { recursive: true });
    await writeFile(`${dataDir}.lock`, `${process.pid}\n`);
    const lock = await acquireDataDirLock(dataDir, silentLogger);
    await expect(acquireDataDirLock(dataDir, silentLogger)).rejects.toSatisfy((error) =>
      isStorageError(error, 'database_in_use'),
    );
    await lock.release();
  });

  it('respects a fresh empty lock file (another process between creating and writing it)', async () => {
    const dataDir = join(root, 'e', 'pglite');
    await mkdir(join(root, 'e'), { recursive: true });
    await writeFile(`${dataDir}.lock`, '');
    await expect(acquireDataDirLock(dataDir, silentLogger)).rejects.toSatisfy((error) =>
      isStorageError(error, 'database_in_use'),
    );
  });

  it('does not remove a lock that another process has taken over', async () => {
    const dataDir = join(root, 'c', 'pglite');
    const lock = await acquireDataDirLock(dataDir, silentLogger);
    await writeFile(lock.path, `${process.ppid}\n`);
    await lock.release();
    expect(existsSync(lock.path)).toBe(true);
    await expect(acquireDataDirLock(dataDir, silentLogger)).rejects.toSatisfy((error) =>
      isStorageError(error, 'database_in_use'),
    );
  });

  it('names the directory and the holder in its error', () => {
    const error = new StorageError({
      code: 'database_in_use',
      dataDir: './data/pglite',
      pid: 1234,
      lockFile: '/srv/osaava/data/pglite.lock',
    });
    expect(error.message).toBe(
      'The database directory ./data/pglite is in use by process 1234. ' +
        'Stop that process or set DATA_DIR (or DATABASE_URL) to use another database. ' +
        'If no such process is running, delete /srv/osaava/data/pglite.lock.',
    );
    expect(error.userVisible).toBe(false);
  });
}

function pidOfFinishedProcess(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '0']);
    child.on('error', reject);
    child.on('exit', () => (child.pid ? resolve(child.pid) : reject(new Error('no pid'))));
  });
}
