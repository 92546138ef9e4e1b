// The admin's fan-out report through the chat core: how the latest day's check-ins went out, from
// the delivery rows the scheduler writes (sent, lateness, 429s met, unreachable), in fi and en;
// a student is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/core.ts';

describe('the fan-out report', () => {
  let t: TestCore;

  beforeAll(async () => {
    t = await createTestCore();
  }, 60_000);
  afterAll(() => t?.close());

  it('says so before any check-in was due', async () => {
    expect(await t.text('admin', 'lähetysraportti')).toContain('Päivän kyselyitä ei ole vielä lähetetty.');
  });

  it("reports the latest day's fan-out to an admin, in Finnish and in English", async () => {
    const { db } = t.store;
    // The demo's placements, and copies of them (one check-in per placement and day).
    const demo = await db.selectFrom('placement').selectAll().execute();
    for (const [i, p] of demo.entries()) await db.insertInto('placement').values({ ...p, id: `${p.id}_copy${i}` }).execute();
    const placements = await db.selectFrom('placement').select(['id', 'student_id']).orderBy('id').limit(4).execute();
    expect(placements.length).toBe(4);
    const due = new Date('2026-11-23T08:00:00Z');
    const at = (ms: number) => new Date(due.getTime() + ms);
    const rows = [
      { status: 'sent' as const, sent_at: at(2000), late_ms: 2000, rate_limited: 0 },
      { status: 'sent' as const, sent_at: at(9000), late_ms: 9000, rate_limited: 2 },
      { status: 'failed' as const, sent_at: null, late_ms: null, rate_limited: 0, last_error: 'unreachable: user_not_found' },
      { status: 'pending' as const, sent_at: null, late_ms: null, rate_limited: 1 },
    ];
    await db
      .insertInto('checkin')
      .values(placements.map((p, i) => ({ id: `ci_report_${i}`, placement_id: p.id, student_id: p.student_id, local_date: '2026-11-23', due_at: due, expires_at: new Date('2026-11-23T22:00:00Z'), ...rows[i] })))
      .execute();
    // An older day does not count.
    await db.insertInto('checkin').values({ id: 'ci_report_old', placement_id: placements[0]!.id, student_id: placements[0]!.student_id, local_date: '2026-11-20', due_at: new Date('2026-11-20T13:00:00Z'), expires_at: new Date('2026-11-20T22:00:00Z'), status: 'sent', late_ms: 600_000 }).execute();

    const fi = await t.text('admin', 'lähetysraportti');
    expect(fi).toContain('Päivän kyselyt 23.11.2026');
    expect(fi).toContain('Lähetetty 2/4 · odottaa vielä 1');
    expect(fi).toContain('Myöhästyminen: mediaani 5,5 s, 95 %:lla enintään 8,7 s');
    expect(fi).toContain('Alusta vastasi 429 (liian nopeasti): 3 kertaa');
    expect(fi).toContain('Tavoittamattomia: 1');

    const en = await t.text('admin', 'how did the last fan-out go');
    expect(en).toContain('Sent 2/4 · 1 still waiting');
    expect(en).toContain('Lateness: median 5.5 s, 95 % within 8.7 s');
    expect(en).toContain('The platform answered 429 (too fast): 3 times');
    expect(en).toContain('Unreachable: 1');
  });

  it('is refused for a student', async () => {
    const text = await t.text('aino', 'lähetysraportti');
    expect(text).toContain('Tämä toiminto ei kuulu roolillesi');
    expect(text).not.toContain('Lähetetty');
  });
});
