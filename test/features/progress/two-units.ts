// A demo school whose knowledge holds two units (the shipped one and a synthetic pass/fail one with
// four sections and 28 requirements, test/fixtures/knowledge-units-b) and whose student Aino is on
// both: the setup the tests of several units per placement share.
import { sql } from 'kysely';
import { createTestCore, DEMO_NOW, type TestCore } from '../../support/core.ts';
import { realKnowledge } from '../../support/knowledge.ts';

export const UNITS_B_DIR = 'test/fixtures/knowledge-units-b';
export const AINO_PLACEMENT = 'pl_demo_aino';
export const BOTH_UNITS = ['asiakkuuksien-hoitaminen', 'testiosa-beeta'];

export function knowledgeB() {
  return realKnowledge(UNITS_B_DIR).kb;
}

/** The demo school on the two-unit knowledge, Aino's placement covering both units. */
export async function createTwoUnitCore(now = DEMO_NOW): Promise<TestCore> {
  const t = await createTestCore('pglite', now, { knowledgeDir: UNITS_B_DIR });
  await sql`UPDATE placement SET unit_ids = ${BOTH_UNITS}::text[] WHERE id = ${AINO_PLACEMENT}`.execute(t.store.db);
  return t;
}
