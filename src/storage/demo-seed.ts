import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { Kysely, Transaction } from 'kysely';
import { DEMO_PEOPLE, DEMO_PLACEMENTS, DEMO_UNIT_ID, type DemoPlacementScript } from './demo-seed-data.ts';
import { DEFAULT_TIME_ZONE, localDateSchema } from './domain.ts';
import type { DatabaseSchema } from './schema.ts';
import { parseInput } from './validate.ts';

export interface SeedOptions {
  /** `YYYY-MM-DD`: placements start about four weeks before and end about six weeks after it. */
  today: string;
}

export interface SeedResult {
  seeded: boolean;
}

const ZONE = DEFAULT_TIME_ZONE;

/**
 * Demo people (local ids aino, ville, mikko, sanna, liisa, admin), two placements and a few weeks of
 * reflections and observations up to yesterday. Deterministic; does nothing when `aino` exists.
 */
export async function seedDemo(db: Kysely<DatabaseSchema>, options: SeedOptions): Promise<SeedResult> {
  const today = DateTime.fromISO(parseInput(localDateSchema, options.today), { zone: ZONE });
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('person').select('id').where('id', '=', 'aino').executeTakeFirst();
    if (existing) return { seeded: false };

    // One statement per table, not one per row: the seed is part of a first start's time.
    await trx
      .insertInto('person')
      .values(DEMO_PEOPLE.map((person) => ({ id: person.id, name: person.name, email: person.email, roles: [...person.roles] })))
      .execute();
    await trx
      .insertInto('identity')
      .values(DEMO_PEOPLE.map((person) => ({ platform: 'local' as const, tenant_id: '', external_id: person.id, person_id: person.id })))
      .execute();
    // Monday on or after four weeks ago; ten weeks long, ending on a Friday.
    const start = today.minus({ days: 28 }).plus({ days: (8 - today.minus({ days: 28 }).weekday) % 7 });
    const end = start.plus({ days: 7 * 10 - 3 });
    for (const script of DEMO_PLACEMENTS) await seedPlacement(trx, script, start, end, today);
    return { seeded: true };
  });
}

async function seedPlacement(
  trx: Transaction<DatabaseSchema>,
  script: DemoPlacementScript,
  start: DateTime,
  end: DateTime,
  today: DateTime,
): Promise<void> {
  await trx
    .insertInto('placement')
    .values({
      id: script.id,
      student_id: script.studentId,
      method: 'osaamisenhankkimistapa_koulutussopimus',
      workplace_name: script.workplaceName,
      workplace_business_id: script.workplaceBusinessId,
      instructor_id: script.instructorId,
      teacher_id: 'liisa',
      unit_ids: [DEMO_UNIT_ID],
      start_date: isoDate(start),
      end_date: isoDate(end),
      working_days: script.workingDays,
      checkin_time: script.checkinTime,
      part_time_percentage: script.partTimePercentage,
      key_work_tasks: script.keyWorkTasks,
      status: 'active',
    })
    .execute();

  const days = workingDaysBetween(start, today.minus({ days: 1 }), script.workingDays);
  const [hours = 15, minutes = 0] = script.checkinTime.split(':').map(Number);
  const reflections = script.reflections.slice(0, days.length).flatMap((reflection, index) => {
    const day = days[index];
    if (!day) return [];
    const answeredAt = day.set({ hour: hours, minute: minutes + 10 + ((index * 7) % 40) }).toJSDate();
    return [
      {
        id: `r_demo_${script.studentId}_${isoDate(day)}`,
        placement_id: script.id,
        student_id: script.studentId,
        local_date: isoDate(day),
        status: reflection.status,
        text: reflection.text ?? '',
        requirement_ids: reflection.requirementIds ?? [],
        confidence: reflection.confidence ?? null,
        hard: reflection.hard ?? null,
        help_needed: reflection.helpNeeded ?? null,
        created_at: answeredAt,
        updated_at: answeredAt,
      },
    ];
  });
  if (reflections.length) await trx.insertInto('reflection').values(reflections).execute();

  const observations = script.observations.flatMap((observation, index) => {
    const day = days[Math.min(observation.day, days.length - 1)];
    if (!day) return [];
    const observedAt = day.set({ hour: 13, minute: 30 + index }).toJSDate();
    return [
      {
        id: `o_demo_${script.studentId}_${index + 1}`,
        placement_id: script.id,
        student_id: script.studentId,
        author_id: observation.authorId,
        observed_at: observedAt,
        text: observation.text,
        requirement_ids: observation.requirementIds,
        level: observation.level,
        visible_to_student: true,
        created_at: observedAt,
      },
    ];
  });
  if (observations.length) await trx.insertInto('observation').values(observations).execute();

  const notes = script.otherwise.map((note, index) => ({
    id: `en_demo_${script.studentId}_${index + 1}`,
    placement_id: script.id,
    requirement_id: note.requirementId,
    kind: 'otherwise' as const,
    text: note.text,
    author_id: note.authorId,
    created_at: start.set({ hour: 9 }).toJSDate(),
  }));
  if (notes.length) await trx.insertInto('evidence_note').values(notes).execute();
}

/** The placement's working days from `from` to `to` inclusive, without Finnish days off. */
function workingDaysBetween(from: DateTime, to: DateTime, weekdays: readonly number[]): DateTime[] {
  const daysOff = finnishDaysOff(from.year, to.year);
  const days: DateTime[] = [];
  for (let day = from.startOf('day'); day <= to; day = day.plus({ days: 1 })) {
    if (weekdays.includes(day.weekday) && !daysOff.has(isoDate(day))) days.push(day);
  }
  return days;
}

/** Public holidays plus Midsummer Eve and Christmas Eve (typed `bank`); New Year's Eve is a working day. */
function finnishDaysOff(fromYear: number, toYear: number): Set<string> {
  const holidays = new Holidays('FI');
  const dates = new Set<string>();
  for (let year = fromYear; year <= toYear; year += 1) {
    for (const holiday of holidays.getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      if (holiday.type === 'public' || (holiday.type === 'bank' && !date.endsWith('-12-31'))) dates.add(date);
    }
  }
  return dates;
}

function isoDate(day: DateTime): string {
  return day.toFormat('yyyy-MM-dd');
}
