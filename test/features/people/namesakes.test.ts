// Students who share a name are told apart: the question back lists each with their workplace and
// e-mail, and the full name as written or the e-mail picks one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormReply } from '../../../src/conversation/reply.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

const OTHER_EMAIL = 'aino.v.virtanen@opiskelija.example.fi';

describe('students who share a name', () => {
  let t: TestCore;
  let otherPlacement = '';
  let virtaPlacement = '';
  beforeAll(async () => {
    t = await createTestCore('pglite'); // Monday 23.11.2026; Liisa teaches the demo Aino Virtanen (Kodin Tekniikka Oy)
    await t.store.people.create({ id: 'aino_v2', name: 'Aino Virtanen', email: OTHER_EMAIL, roles: ['student'] });
    await t.store.people.create({ id: 'aino_virta', name: 'Aino Virta', roles: ['student'] });
    const enrol = (studentId: string, workplaceName: string) =>
      t.store.placements.create({ studentId, teacherId: 'liisa', workplaceName, unitIds: ['asiakkuuksien-hoitaminen'], startDate: '2026-11-02', endDate: '2027-01-29', status: 'active' });
    otherPlacement = (await enrol('aino_v2', 'Lahden Kahvila Oy')).id;
    virtaPlacement = (await enrol('aino_virta', 'Hämeen Kirja Oy')).id;
  });
  afterAll(async () => t?.close());

  it('lists every matching student with their workplace and e-mail', async () => {
    const text = await t.text('liisa', 'havainto Aino: hoiti kassan hyvin');
    expect(text).toContain('useampi opiskelija');
    expect(text).toContain('Aino Virtanen · Kodin Tekniikka Oy · aino.virtanen@opiskelija.example.fi');
    expect(text).toContain(`Aino Virtanen · Lahden Kahvila Oy · ${OTHER_EMAIL}`);
    expect(text).toContain('Aino Virta · Hämeen Kirja Oy');
  });

  it('asks for the e-mail when two bear the same full name', async () => {
    const text = await t.text('liisa', 'edistyminen Aino Virtanen');
    expect(text).toContain('Kodin Tekniikka Oy');
    expect(text).toContain('Lahden Kahvila Oy');
    expect(text).not.toContain('Hämeen Kirja Oy');
    expect(text).toContain('sähköpostiosoite');
  });

  it('picks the one whose full name is exactly what was written', async () => {
    const [form] = await t.say('liisa', 'havainto Aino Virta: hoiti kassan hyvin');
    expect(form?.kind).toBe('form');
    expect((form as FormReply).formId).toBe(virtaPlacement);
  });

  it('picks one by e-mail, in any case', async () => {
    const [form] = await t.say('liisa', `havainto ${OTHER_EMAIL.toUpperCase()}: hoiti kassan hyvin`);
    expect(form?.kind).toBe('form');
    expect((form as FormReply).formId).toBe(otherPlacement);
    const progress = await t.text('liisa', `edistyminen ${OTHER_EMAIL}`);
    expect(progress).toContain('Lahden Kahvila Oy');
    expect(progress).not.toContain('Kodin Tekniikka Oy');
  });

  it('still offers "did you mean" for a typo', async () => {
    expect(await t.text('liisa', 'edistyminen Vile')).toContain('Tarkoititko');
  });
});
