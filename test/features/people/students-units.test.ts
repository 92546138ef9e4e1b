// "opiskelijani" for a student whose placement covers two units: the coverage figure counts the
// requirements of both units, not only the first one's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../../support/core.ts';
import { createTwoUnitCore } from '../progress/two-units.ts';

describe('my students, a placement with two units', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTwoUnitCore();
  });
  afterAll(async () => t?.close());

  it("counts the coverage over both units' requirements (25 + 28)", async () => {
    const text = await t.text('mikko', 'opiskelijani');
    const line = text.split('\n').find((l) => l.includes('Aino'));
    expect(line).toMatch(/\d+\/53\b/);
  });
});
