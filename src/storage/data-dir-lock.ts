import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import { StorageError } from './errors.ts';

// PGlite takes no lock on its data directory and two processes on one directory corrupt it,
// so we keep a pid file next to it (`<dataDir>.lock`, outside the directory PGlite owns).
export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

// Locks this process holds. A lock file naming our own pid that is not in here was left by an
// earlier process that had the same pid (a container restarted as pid 1, say), so it is stale.
const heldHere = new Set<string>();

export async function acquireDataDirLock(dataDir: string, logger: Logger): Promise<DataDirLock> {
  const path = `${resolve(dataDir)}.lock`;
  await mkdir(dirname(path), { recursive: true });
  if (await tryCreate(path)) return createHandle(path);

  const holder = await readPid(path);
  if (holder === null ? !(await isOldFile(path)) : isHeld(holder, path)) {
    // An empty lock file may be one another process has just created and not yet written to.
    throw new StorageError({ code: 'database_in_use', dataDir, pid: holder ?? -1, lockFile: path });
  }

  // Stale: move it aside (atomic; only one contender wins), check we moved the stale one, and retry.
  const aside = `${path}.stale-${process.pid}`;
  try {
    await rename(path, aside);
  } catch {
    return failInUse(path, dataDir);
  }
  const moved = await readPid(aside);
  if (moved !== holder) {
    await rename(aside, path).catch(() => undefined);
    return failInUse(path, dataDir);
  }
  await unlink(aside).catch(() => undefined);
  logger.warn({ lockFile: path, stalePid: holder }, 'Took over a stale database lock left by a process that is gone');
  if (await tryCreate(path)) return createHandle(path);
  return failInUse(path, dataDir);
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(`${process.pid}\n`);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if (isErrnoCode(error, 'EEXIST')) return false;
    throw error;
  }
}

async function failInUse(path: string, dataDir: string): Promise<never> {
  throw new StorageError({ code: 'database_in_use', dataDir, pid: (await readPid(path)) ?? -1, lockFile: path });
}

function createHandle(path: string): DataDirLock {
  heldHere.add(path);
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(path);
      // Remove only our own lock; a takeover by another process must not be undone.
      if ((await readPid(path)) === process.pid) await unlink(path).catch(() => undefined);
    },
  };
}

async function readPid(path: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(path, 'utf8')).trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isHeld(pid: number, path: string): boolean {
  return pid === process.pid ? heldHere.has(path) : isAlive(pid);
}

async function isOldFile(path: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > 10_000;
  } catch {
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrnoCode(error, 'EPERM');
  }
}

function isErrnoCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
