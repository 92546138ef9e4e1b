// A seeded week (Mon 9 – Sun 15 November 2026, summaries on Friday 13 November at 14:00 Helsinki)
// with three students whose weeks differ on purpose:
// - Anna (instructor Ilkka): ends in two weeks; 3/3 answered (Wednesday absent); 8/25 covered.
// - Bertta (instructor Ilkka, Mon–Thu): asked for help, confidence 3.5 → 2.0; 2/4 answered.
// - Cecilia (instructor Irma): first week, nothing answered (4 in a row), unreachable on Tuesday.
// Teacher Tuula has all three.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../../src/storage/schema.ts';

export const WEEK_START = '2026-11-09';
export const AS_OF = new Date('2026-11-13T12:00:00Z');

export const IDS = {
  anna: 'sw_anna', bertta: 'sw_bertta', cecilia: 'sw_cecilia',
  ilkka: 'sw_ilkka', irma: 'sw_irma', tuula: 'sw_tuula',
  plAnna: 'sw_pl_anna', plBertta: 'sw_pl_bertta', plCecilia: 'sw_pl_cecilia',
} as const;

export const NAMES = { anna: 'Anna Aaltonen', bertta: 'Bertta Berg', cecilia: 'Cecilia Carlsson' } as const;

export const BERTTA_HELP = 'Miten töitä kannattaa priorisoida kiireessä?';

export async function seedWeek(db: Kysely<DatabaseSchema>): Promise<void> {
  const people = [
    { id: IDS.anna, name: NAMES.anna, roles: ['student' as const] },
    { id: IDS.bertta, name: NAMES.bertta, roles: ['student' as const], lang: 'en' as const },
    { id: IDS.cecilia, name: NAMES.cecilia, roles: ['student' as const] },
    { id: IDS.ilkka, name: 'Ilkka Ohjaaja', roles: ['instructor' as const] },
    { id: IDS.irma, name: 'Irma Ohjaaja', roles: ['instructor' as const] },
    { id: IDS.tuula, name: 'Tuula Opettaja', roles: ['teacher' as const] },
  ];
  await db.insertInto('person').values(people).execute();
  for (const p of people) await db.insertInto('identity').values({ platform: 'slack', tenant_id: 'T1', external_id: `U_${p.id}`, person_id: p.id }).execute();
  const placement = (id: string, studentId: string, instructorId: string, start: string, end: string, days: number[]) => ({
    id, student_id: studentId, instructor_id: instructorId, teacher_id: IDS.tuula, workplace_name: `Työpaikka ${studentId}`,
    unit_ids: ['asiakkuuksien-hoitaminen'], start_date: start, end_date: end, working_days: days, status: 'active' as const,
  });
  await db.insertInto('placement').values([
    placement(IDS.plAnna, IDS.anna, IDS.ilkka, '2026-10-12', '2026-11-27', [1, 2, 3, 4, 5]),
    placement(IDS.plBertta, IDS.bertta, IDS.ilkka, '2026-10-19', '2027-01-29', [1, 2, 3, 4]),
    placement(IDS.plCecilia, IDS.cecilia, IDS.irma, '2026-11-09', '2027-02-26', [1, 2, 3, 4, 5]),
  ]).execute();

  let n = 0;
  const reflection = (placementId: string, studentId: string, day: string, status: 'answered' | 'absent' | 'skipped', reqs: string[] = [], confidence: number | null = null, help: string | null = null) => ({
    id: `sw_r${++n}`, placement_id: placementId, student_id: studentId, local_date: day, status,
    text: status === 'answered' ? `Päivän työ ${day}` : '', requirement_ids: reqs, confidence, help_needed: help,
  });
  await db.insertInto('reflection').values([
    // Anna, the week before: AH-V3, AH-T1 at confidence 3.
    reflection(IDS.plAnna, IDS.anna, '2026-11-02', 'answered', ['AH-V3'], 3),
    reflection(IDS.plAnna, IDS.anna, '2026-11-03', 'answered', ['AH-T1'], 3),
    // Anna, this week: Mon, Tue, Thu answered at 4; Wednesday absent.
    reflection(IDS.plAnna, IDS.anna, '2026-11-09', 'answered', ['AH-V1', 'AH-H3'], 4),
    reflection(IDS.plAnna, IDS.anna, '2026-11-10', 'answered', ['AH-H4'], 4),
    reflection(IDS.plAnna, IDS.anna, '2026-11-11', 'absent'),
    reflection(IDS.plAnna, IDS.anna, '2026-11-12', 'answered', ['AH-H1'], 4),
    // Bertta, the week before at 4, 4, 3, 3; this week Mon and Tue at 2, help asked on Monday.
    reflection(IDS.plBertta, IDS.bertta, '2026-11-02', 'answered', ['AH-V4'], 4),
    reflection(IDS.plBertta, IDS.bertta, '2026-11-03', 'answered', ['AH-V4'], 4),
    reflection(IDS.plBertta, IDS.bertta, '2026-11-04', 'answered', ['AH-H6'], 3),
    reflection(IDS.plBertta, IDS.bertta, '2026-11-05', 'answered', [], 3),
    reflection(IDS.plBertta, IDS.bertta, '2026-11-09', 'answered', ['AH-H6'], 2, BERTTA_HELP),
    reflection(IDS.plBertta, IDS.bertta, '2026-11-10', 'answered', ['AH-H9'], 2),
  ]).execute();
  await db.insertInto('observation').values({
    id: 'sw_o1', placement_id: IDS.plAnna, student_id: IDS.anna, author_id: IDS.ilkka, observed_at: new Date('2026-11-10T12:00:00Z'),
    text: 'Anna valmisteli asiakastapaamisen huolellisesti.', requirement_ids: ['AH-V2'], level: 3,
  }).execute();
  await db.insertInto('evidence_note').values({ id: 'sw_n1', placement_id: IDS.plAnna, requirement_id: 'AH-T3', kind: 'otherwise', text: 'Tietoturvakurssi suoritettu.', author_id: IDS.tuula }).execute();
  await db.insertInto('checkin').values({
    id: 'sw_c1', placement_id: IDS.plCecilia, student_id: IDS.cecilia, local_date: '2026-11-10', due_at: new Date('2026-11-10T13:00:00Z'),
    expires_at: new Date('2026-11-10T22:00:00Z'), status: 'failed', last_error: 'unreachable: user_not_found',
  }).execute();
}
