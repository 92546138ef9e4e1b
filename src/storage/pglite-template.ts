// A freshly initialised, empty PGlite data directory, kept as a brotli-compressed tarball beside this
// file: a first start loads it instead of running initdb, which cost about 4 s of CPU and peaked near
// 1 GB of memory (two PostgreSQL instances at once) on a 2-core machine. It holds only what initdb
// makes, so it changes only with PGlite: the file is named after the PGlite version that wrote it, and
// another version finds none and runs initdb as before. After upgrading PGlite, write a new one with
// `node src/storage/pglite-template.ts` (test/app/pglite-template.test.ts says when it is missing).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
