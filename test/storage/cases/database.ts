import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createPeopleRepo, migrate } from '../../../src/storage/index.ts';
import type { StorageContext } from '../backends.ts';

export function databaseCases(t: StorageContext): void {
  it('creates every table, and re-running the migrations is a no-op', async () => {
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`.execute(t.db);
    expect(tables.rows.map((row) => row.name)).toEqual(
      expect.arrayContaining(['audit_log', 'evidence_note', 'identity', 'observation', 'person', 'placement', 'reflection']),
    );
    expect(await migrate(t.db)).toEqual({ applied: [] });
    expect(await migrate(t.db)).toEqual({ applied: [] });
  });

  it('rolls a failed transaction back', async () => {
    const failing = t.db.transaction().execute(async (trx) => {
      await trx.insertInto('person').values({ id: 'rollback-me', name: 'Rollback', email: null, roles: ['student'] }).execute();
      throw new Error('boom');
    });
    await expect(failing).rejects.toThrow('boom');
    expect(await createPeopleRepo(t.db).findById('rollback-me')).toBeNull();
  });

  it('keeps concurrent transactions and queries apart', async () => {
    const people = createPeopleRepo(t.db);
    const insertTwo = (prefix: string) =>
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('person').values({ id: `${prefix}-1`, name: 'A', email: null, roles: ['student'] }).execute();
        await new Promise((resolve) => setTimeout(resolve, 20));
        await trx.insertInto('person').values({ id: `${prefix}-2`, name: 'B', email: null, roles: ['student'] }).execute();
        if (prefix === 'tx-fail') throw new Error('second fails');
      });
    const results = await Promise.allSettled([insertTwo('tx-ok'), insertTwo('tx-fail'), people.findById('tx-fail-1')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The outside read never saw the uncommitted row of the failing transaction.
    expect(results[2]).toEqual({ status: 'fulfilled', value: null });
    expect(await people.findById('tx-ok-2')).not.toBeNull();
    expect(await people.findById('tx-fail-1')).toBeNull();
  });

  it('reads DATE columns as YYYY-MM-DD strings', async () => {
    const result = await sql<{ d: unknown }>`SELECT DATE '2026-03-29' AS d`.execute(t.db);
    expect(result.rows[0]?.d).toBe('2026-03-29');
  });

  it('enforces the model in the schema too (check constraints back the zod checks)', async () => {
    const insert = t.db
      .insertInto('person')
      .values({ id: 'bad-role', name: 'X', email: null, roles: ['student'] })
      .execute()
      .then(() => sql`UPDATE person SET roles = ARRAY['superuser'] WHERE id = 'bad-role'`.execute(t.db));
    await expect(insert).rejects.toThrow(/check constraint/);
  });
}
