// A placement enrolled in a sentence, as a teacher writes it in chat: the people by name, the dates
// wherever they stand, and what is still missing said by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_NOW, type TestCore } from '../../support/core.ts';
import { naturalFields } from '../../../src/core/understanding/fields.ts';

describe('a placement in words', () => {
  it('reads the dates, the student, the instructor by genitive and the company', () => {
    expect(naturalFields('Voisitko perustaa Ainolle uuden työpaikkajakson? Ohjaajana Mikko, Kodinkone Oy, alkaa 7.1.2027 ja päättyy 31.3.2027', '2026-11-23')).toEqual({
      student: 'Aino', instructor: 'Mikko', workplace: 'Kodinkone Oy', start: '2027-01-07', end: '2027-03-31',
    });
    expect(naturalFields('uus jakso Villelle Mikon ohjaukseen 1.2.2027 - 30.4.2027', '2026-11-23')).toEqual({ student: 'Ville', instructor: 'Mikko', start: '2027-02-01', end: '2027-04-30' });
    expect(naturalFields('new placement for Ville at Byggmax Ab from 1.2.2027 to 30.4.2027 with Sanna as instructor', '2026-11-23')).toEqual({
      student: 'Ville', instructor: 'Sanna', workplace: 'Byggmax Ab', start: '2027-02-01', end: '2027-04-30',
    });
  });

  it('reads nothing from a sentence that is not about a placement', () => {
    expect(naturalFields('Villelle soitti Kodinkone Oy 1.2.2027 ja 3.2.2027', '2026-11-23')).toEqual({});
  });

  describe('through the chat core', () => {
    let t: TestCore;
    beforeAll(async () => {
      t = await createTestCore('pglite', DEMO_NOW);
    });
    afterAll(async () => t?.close());

    it('enrols it, finding the student and the instructor by name', async () => {
      const text = await t.text('liisa', 'Voisitko perustaa Ainolle uuden työpaikkajakson? Ohjaajana Mikko, Kodinkone Oy, alkaa 7.1.2027 ja päättyy 31.3.2027');
      expect(text).toContain('Työpaikkajakso lisätty');
      expect(text).toContain('Ohjaaja: Mikko Laine');
      const placements = await t.store.placements.listByStudent('aino');
      expect(placements.some((p) => p.workplaceName === 'Kodinkone Oy' && p.startDate === '2027-01-07' && p.instructorId === 'mikko')).toBe(true);
    });

    it('names the fields still missing and stores nothing', async () => {
      const before = (await t.store.placements.listByStudent('ville')).length;
      const text = await t.text('liisa', 'uus työpaikkajakso Villelle Sannan ohjaukseen, alku 1.2.2027 loppu 30.4.2027');
      expect(text).toContain('Jaksosta puuttuu vielä: työpaikka.');
      expect((await t.store.placements.listByStudent('ville')).length).toBe(before);
    });
  });
});
