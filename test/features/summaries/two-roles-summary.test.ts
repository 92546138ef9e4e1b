// A person with two roles keeps both: a student who also instructs gets their own recap and their
// instructor's summary when they ask for "viikkokooste".
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../storage/backends.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

describeEachBackend('viikkokooste for a student who also instructs, on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend);
    const enrolled = await t.text('admin', 'lisää jakso opiskelija=uusi@koulu.fi opiskelijan_nimi="Uusi Harjoittelija" ohjaaja=ville työpaikka="Testi Oy" alku=16.11.2026 loppu=29.1.2027');
    expect(enrolled).toContain('Työpaikkajakso lisätty');
  });
  afterAll(async () => t?.close());

  it('gives Ville his own recap and his summary as an instructor', async () => {
    const replies = await t.say('ville', 'viikkokooste');
    expect(replies.length).toBe(2);
    const text = await t.text('ville', 'viikkokooste');
    expect(text).toContain('Uusi Harjoittelija');
    expect(text).toContain('Lahden Tilitoimisto');
  });
});
