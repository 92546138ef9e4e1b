// The admin reads the audit log in chat: who read whose data, what and when, newest first, at most
// 20 with a count of the rest, in Finnish, English and Swedish. Nobody else may.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AUDIT_SHOWN } from '../../../src/features/people/audit-command.ts';
import { describeEachBackend, OPEN_TIMEOUT } from '../../storage/backends.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';

describeEachBackend('the audit command on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend);
    // Monday 23.11.2026: Mikko reads his week's summary at 12:00, Liisa Aino's progress at 12:30.
    await t.text('mikko', 'viikkokooste');
    t.clock.set('2026-11-23T10:30:00Z');
    await t.text('liisa', 'edistyminen aino');
    t.clock.set('2026-11-23T10:45:00Z');
  }, OPEN_TIMEOUT);
  afterAll(async () => t?.close());

  it('shows an admin who read a student\'s data, what and when, newest first', async () => {
    const fi = await t.text('admin', 'loki aino');
    expect(fi).toContain('Loki: Aino Virtanen');
    const liisa = fi.indexOf('23.11.2026 klo 12.30 · Liisa Heikkinen (opettajana) · edistyminen · Aino Virtanen');
    const mikko = fi.indexOf('23.11.2026 klo 12.00 · Mikko Laine (ohjaajana) · viikkokooste · Aino Virtanen');
    expect(liisa, fi).toBeGreaterThan(-1);
    expect(mikko, fi).toBeGreaterThan(liisa);
    expect(fi).not.toContain('Ville');

    expect(await t.text('admin', 'kuka on katsonut ainon tietoja')).toContain('Liisa Heikkinen (opettajana) · edistyminen');
    const en = await t.text('admin', 'audit aino');
    expect(en).toContain('Audit log: Aino Virtanen');
    expect(en).toContain('23 Nov 2026, 12:30 · Liisa Heikkinen (as teacher) · progress · Aino Virtanen');
    const sv = await t.text('admin', 'granskningslogg aino');
    expect(sv).toContain('Granskningslogg: Aino Virtanen');
    expect(sv).toContain('23.11.2026 12.00 · Mikko Laine (som handledare) · veckosammanfattning · Aino Virtanen');
  });

  it('records that the admin read the log', async () => {
    const entries = await t.store.audit.listAbout('aino');
    expect(entries.filter((e) => e.action === 'view_audit' && e.actorId === 'admin').length).toBeGreaterThanOrEqual(4);
  });

  it('without a name shows the latest entries of everyone, at most 20, and counts the rest', async () => {
    t.clock.set('2026-11-23T11:00:00Z');
    await t.store.audit.recordMany(Array.from({ length: 30 }, () => ({ actorId: 'sanna', action: 'view_summary', subjectPersonId: 'ville', details: { relation: 'instructor', scheduled: true } })));
    const { total } = await t.store.audit.latest({ limit: 0 });
    const text = await t.text('admin', 'loki');
    expect(text).toContain(`Lokin uusimmat merkinnät (${total} merkintää)`);
    const lines = text.split('\n').filter((line) => line.includes('23.11.2026 klo'));
    expect(lines).toHaveLength(AUDIT_SHOWN);
    expect(lines[0]).toContain('13.00 · Sanna Koskinen (ohjaajana, ajastettu kooste) · viikkokooste · Ville Mäkinen');
    expect(text).toContain(`…ja ${total - AUDIT_SHOWN} vanhempaa merkintää.`);
    expect(await t.text('admin', 'audit')).toContain(`…and ${total + 1 - AUDIT_SHOWN} older entries.`);
  });

  it('tells the admin when nobody or several people match', async () => {
    expect(await t.text('admin', 'loki zyxw')).toContain('Henkilöä "zyxw" ei löydy');
    await t.store.people.create({ name: 'Pekka Virtanen', email: 'pekka.virtanen@koulu.fi', roles: ['student'] });
    expect(await t.text('admin', 'loki virtanen')).toContain('"virtanen" sopii useaan henkilöön: Aino Virtanen tai Pekka Virtanen');
    expect(await t.text('admin', 'loki aino virtanen')).toContain('Loki: Aino Virtanen');
    expect(await t.text('admin', 'loki pekka.virtanen@koulu.fi')).toContain('Lokissa ei ole merkintöjä henkilöstä Pekka Virtanen');
  });

  it('refuses everyone but an admin', async () => {
    for (const user of ['liisa', 'mikko', 'aino']) {
      const before = (await t.store.audit.latest({ limit: 0 })).total;
      const text = await t.text(user, 'loki aino');
      expect(text, user).toContain('ei kuulu roolillesi');
      expect(text, user).not.toContain('Mikko Laine');
      expect((await t.store.audit.latest({ limit: 0 })).total, user).toBe(before);
    }
    expect(await t.text('liisa', 'audit')).toContain('not available for your role');
  });
});
