// Every role × own / other student × each command: who may see and do what.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../storage/backends.ts';
import { createTestCore, type TestCore } from '../support/core.ts';

type Actor = 'aino' | 'ville' | 'mikko' | 'sanna' | 'liisa' | 'admin' | 'stranger';
const OWN: Record<Actor, 'Aino' | 'Ville' | null> = { aino: 'Aino', ville: 'Ville', mikko: 'Aino', sanna: 'Ville', liisa: 'Aino', admin: 'Aino', stranger: null };
const OTHER: Record<Actor, 'Aino' | 'Ville'> = { aino: 'Ville', ville: 'Aino', mikko: 'Ville', sanna: 'Aino', liisa: 'Ville', admin: 'Ville', stranger: 'Aino' };
const workplaceOf = { Aino: 'Kodin Tekniikka', Ville: 'Lahden Tilitoimisto' };

describeEachBackend('access matrix on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend);
  });
  afterAll(async () => t?.close());

  // progress <name>: students see only themselves; instructors their own student; teacher and admin all.
  const progress: [Actor, 'own' | 'other', boolean][] = [
    ['aino', 'own', true], ['aino', 'other', false], ['ville', 'own', true], ['ville', 'other', false],
    ['mikko', 'own', true], ['mikko', 'other', false], ['sanna', 'own', true], ['sanna', 'other', false],
    ['liisa', 'own', true], ['liisa', 'other', true], ['admin', 'own', true], ['admin', 'other', true],
    ['stranger', 'other', false],
  ];
  it.each(progress)('progress: %s asking about their %s student → allowed %s', async (actor, which, allowed) => {
    const name = which === 'own' ? OWN[actor]! : OTHER[actor];
    const text = await t.text(actor, `progress ${name}`);
    if (allowed) expect(text).toContain(workplaceOf[name]);
    else expect(text).not.toContain(workplaceOf[name]);
  });

  const observe: [Actor, 'own' | 'other', boolean][] = [
    ['aino', 'own', false], ['ville', 'other', false], ['mikko', 'own', true], ['mikko', 'other', false],
    ['sanna', 'own', true], ['sanna', 'other', false], ['liisa', 'own', true], ['liisa', 'other', true],
    ['admin', 'own', true], ['admin', 'other', true], ['stranger', 'other', false],
  ];
  it.each(observe)('observe: %s observing their %s student → form %s', async (actor, which, allowed) => {
    const name = which === 'own' ? OWN[actor]! : OTHER[actor];
    const replies = await t.say(actor, `observe ${name}: handled a complaint well`);
    expect(replies[0]?.kind === 'form').toBe(allowed);
  });

  it.each([
    ['aino', true], ['ville', true], ['mikko', false], ['liisa', false], ['admin', false], ['stranger', false],
  ] as const)('my observations: %s → allowed %s', async (actor, allowed) => {
    const text = await t.text(actor, 'my observations');
    expect(/Observations about you|has not logged/.test(text)).toBe(allowed);
  });

  it.each([
    ['mikko', ['Aino Virtanen'], ['Ville']], ['sanna', ['Ville Mäkinen'], ['Aino']], ['liisa', ['Aino Virtanen', 'Ville Mäkinen'], []],
    ['admin', ['Aino Virtanen', 'Ville Mäkinen'], []], ['aino', [], ['Ville', 'Aino Virtanen ·']], ['stranger', [], ['Aino', 'Ville']],
  ] as const)('my students: %s sees %j and not %j', async (actor, sees, notSees) => {
    const text = await t.text(actor, 'my students');
    for (const s of sees) expect(text).toContain(s);
    for (const s of notSees) expect(text).not.toContain(s);
  });

  it.each([
    ['aino', false], ['mikko', false], ['liisa', true], ['admin', true], ['stranger', false],
  ] as const)('enrol: %s → allowed %s', async (actor, allowed) => {
    const text = await t.text(actor, 'enrol');
    expect(text.includes('Required: student')).toBe(allowed);
  });

  it.each([
    ['aino', false], ['mikko', false], ['liisa', false], ['admin', true],
  ] as const)('admin commands (link, export, erase): %s → allowed %s', async (actor, allowed) => {
    expect((await t.text(actor, 'link slack U999 ville')).includes('Linked')).toBe(allowed);
    expect((await t.text(actor, 'export ville')).includes('Everything held on')).toBe(allowed);
    expect((await t.text(actor, 'erase ville')).includes('Confirm by writing')).toBe(allowed);
  });

  it('writes reading another person\'s data to the audit log', async () => {
    await t.text('liisa', 'progress Ville');
    const entries = await t.store.audit.listAbout('ville');
    expect(entries.some((e) => e.actorId === 'liisa' && e.action === 'view_progress')).toBe(true);
  });

  it('lets an instructor see a student only during the placement period', async () => {
    const before = await t.text('mikko', 'progress Aino');
    expect(before).toContain('Kodin Tekniikka');
    t.clock.set('2027-03-01T10:00:00Z');
    try {
      expect(await t.text('mikko', 'progress Aino')).not.toContain('Kodin Tekniikka');
      expect(await t.text('liisa', 'progress Aino')).toContain('Kodin Tekniikka');
    } finally {
      t.clock.set('2026-11-23T10:00:00Z');
    }
  });
});
