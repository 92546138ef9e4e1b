// A first start on the embedded database loads the shipped initdb output (src/storage/pglite-template.ts)
// instead of running initdb. The template must be there for the installed PGlite, and must be what
// initdb makes: the same catalogue, settings, roles and databases.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/storage/database.ts';
import { pgliteVersion, readPgliteTemplate, templatePath } from '../../src/storage/pglite-template.ts';
import { silentLogger } from '../support/knowledge.ts';

const dir = mkdtempSync(join(tmpdir(), 'osaava-template-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a cluster is made of, as far as the app can tell. */
async function describeCluster(query: (sql: string) => Promise<{ rows: unknown[] }>): Promise<unknown> {
  const rows = async (sql: string) => (await query(sql)).rows;
  return {
    catalogue: await rows(`SELECT n.nspname, count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace GROUP BY 1 ORDER BY 1`),
    databases: await rows(`SELECT datname, pg_encoding_to_char(encoding) AS encoding, datcollate, datctype FROM pg_database ORDER BY 1`),
    roles: await rows(`SELECT rolname, rolsuper FROM pg_roles ORDER BY 1`),
    collations: await rows(`SELECT count(*)::int AS n FROM pg_collation`),
    extensions: await rows(`SELECT extname FROM pg_extension ORDER BY 1`),
    settings: await rows(`SELECT name, setting FROM pg_settings WHERE name IN ('server_encoding', 'lc_messages', 'TimeZone', 'DateStyle', 'default_text_search_config') ORDER BY 1`),
  };
}

describe('the PGlite template', () => {
  it(`is shipped for the installed PGlite (${pgliteVersion()}); after an upgrade write it with \`node src/storage/pglite-template.ts\``, () => {
    expect(existsSync(templatePath())).toBe(true);
  });

  it('is the cluster initdb makes', async () => {
    const template = readPgliteTemplate();
    expect(template).toBeDefined();
    const fromTemplate = await PGlite.create({ loadDataDir: template });
    const fromInitdb = await PGlite.create();
    try {
      expect(await describeCluster((sql) => fromTemplate.query(sql))).toEqual(await describeCluster((sql) => fromInitdb.query(sql)));
    } finally {
      await Promise.all([fromTemplate.close(), fromInitdb.close()]);
    }
  }, 120_000);

  it('gives a first start on a fresh data folder a migrated database that survives a reopen', async () => {
    const dataDir = join(dir, 'pglite');
    const first = await createDatabase({ dataDir, logger: silentLogger() });
    try {
      await first.db.insertInto('person').values({ id: 'aino', name: 'Aino', roles: ['student'] }).execute();
      const settings = await first.pglite?.query<{ shared_buffers: string }>('SHOW shared_buffers');
      expect(settings?.rows[0]?.shared_buffers).toBe('16MB');
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    const second = await createDatabase({ dataDir, logger: silentLogger() });
    try {
      expect(await second.db.selectFrom('person').select('name').execute()).toEqual([{ name: 'Aino' }]);
    } finally {
      await second.close();
    }
  }, 120_000);
});
