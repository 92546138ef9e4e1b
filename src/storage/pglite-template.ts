// A freshly initialised, empty PGlite data directory, kept as a brotli-compressed tarball beside this
// file: a first start loads it instead of running initdb, which cost about 4 s of CPU and peaked near
// 1 GB of memory (two PostgreSQL instances at once) on a 2-core machine. It holds only what initdb
// makes, so it changes only with PGlite: the file is named after the PGlite version that wrote it, and
// another version finds none and runs initdb as before. After upgrading PGlite, write a new one with
// `node src/storage/pglite-template.ts` (test/app/pglite-template.test.ts says when it is missing).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const TEMPLATE_DIR = new URL('./pglite-template/', import.meta.url);

/** The installed PGlite's version, from its package.json (one folder above its entry point, dist/). */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(new URL('../package.json', `file://${entry}`), 'utf8')) as { version: string };
  return manifest.version;
}

/** Where the template for a PGlite version is kept. */
export function templatePath(version = pgliteVersion()): string {
  return fileURLToPath(new URL(`pgdata-${version}.tar.br`, TEMPLATE_DIR));
}

/** The template for the installed PGlite as a tarball PGlite's `loadDataDir` takes; undefined when there is none. */
export function readPgliteTemplate(): Blob | undefined {
  const path = templatePath();
  if (!existsSync(path)) return undefined;
  return new Blob([brotliDecompressSync(readFileSync(path))], { type: 'application/x-tar' });
}

/**
 * Writes the template for the installed PGlite as the data directory `dataDir`, which must not exist
 * or be empty: unpacked beside it and renamed into place, so an interrupted first start leaves no
 * half-written database. Unpacked by Node, not through PGlite's `loadDataDir`, which copies each file
 * through its WebAssembly file system and took most of a second of CPU more. False when there is no template.
 */
export function unpackPgliteTemplate(dataDir: string): boolean {
  const path = templatePath();
  if (!existsSync(path)) return false;
  const tar = brotliDecompressSync(readFileSync(path));
  const staging = `${dataDir}.unpacking-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    // ustar, as PGlite's dumpDataDir writes it: 512-byte headers, directories ('5') and files ('0').
    let offset = 0;
    while (offset + 512 <= tar.length && tar[offset] !== 0) {
      const header = tar.subarray(offset, offset + 512);
      const text = (start: number, length: number) => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
      const name = normalize(`${text(345, 155)}/${text(0, 100)}`).replace(/^\/+/, '');
      if (name.startsWith('..')) throw new Error(`PGlite template: entry outside the data directory (${name})`);
      const size = Number.parseInt(text(124, 12).trim() || '0', 8);
      const mode = Number.parseInt(text(100, 8).trim() || '600', 8);
      const type = text(156, 1) || '0';
      const target = join(staging, name);
      if (type === '5') mkdirSync(target, { recursive: true, mode });
      else if (type === '0') {
        mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
        writeFileSync(target, tar.subarray(offset + 512, offset + 512 + size), { mode });
      } else throw new Error(`PGlite template: unexpected entry type "${type}" (${name})`);
      offset += 512 + Math.ceil(size / 512) * 512;
    }
    // An empty folder is replaced; rmdir refuses one that holds anything.
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(staging, dataDir);
    return true;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Runs initdb in memory and writes its data directory as the template for the installed PGlite; removes older ones. */
export async function writePgliteTemplate(): Promise<{ path: string; bytes: number }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create();
  try {
    const tar = new Uint8Array(await (await pglite.dumpDataDir('none')).arrayBuffer());
    const compressed = brotliCompressSync(tar, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: tar.length },
    });
    const path = templatePath();
    writeFileSync(path, compressed);
    for (const name of readdirSync(TEMPLATE_DIR)) {
      const old = fileURLToPath(new URL(name, TEMPLATE_DIR));
      if (name.startsWith('pgdata-') && old !== path) rmSync(old);
    }
    return { path, bytes: compressed.length };
  } finally {
    await pglite.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, bytes } = await writePgliteTemplate();
  process.stdout.write(`wrote ${path} (${(bytes / 2 ** 20).toFixed(1)} MB)\n`);
}
