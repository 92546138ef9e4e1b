import type { PGlite } from '@electric-sql/pglite';
import { type Dialect, PGliteDialect } from 'kysely';

// Kysely 0.29 ships a PGlite dialect (tested by Kysely against the PGlite 0.5.16 we use), so we
// need no hand-written driver. It declares a single connection, which makes Kysely serialise
// every query and transaction through one mutex, and it runs a Kysely transaction inside
// `pglite.transaction()`, which holds PGlite's own transaction lock: other users of the same
// PGlite instance (pg-boss via `fromPglite`) wait instead of running inside our BEGIN … COMMIT.
export function createPgliteDialect(pglite: PGlite): Dialect {
  return new PGliteDialect({ pglite });
}
