// A scheduler on a test database with a recording messenger and a hand-set clock, plus builders
// for people and placements. One database per test file (PGlite start-up is the slow part); each
// test makes its own people with unique ids.
import { randomBytes } from 'node:crypto';
import { createWorkCalendar } from '../../src/calendar/index.ts';
import type { Messenger } from '../../src/messaging/messenger.ts';
import { createRecordingMessenger, type RecordingMessengerOptions, type RecordingMessenger } from '../../src/messaging/recording-messenger.ts';
import { createScheduler, type Scheduler, type SchedulerOptionsInput } from '../../src/scheduling/index.ts';
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../src/storage/schema.ts';
import { createStore, type Store } from '../../src/storage/store.ts';
import { createTestClock, silentLogger } from '../storage/backends.ts';
import { realKnowledge } from '../support/knowledge.ts';
import { createScheduledMessages } from '../../src/scheduled-messages.ts';

export const UNIT_ID = 'asiakkuuksien-hoitaminen';

export function uid(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

export interface PersonSpec {
  id?: string;
  name?: string;
  roles?: ('student' | 'instructor' | 'teacher' | 'admin')[];
  timeZone?: string;
  lang?: 'fi' | 'en';
  /** Slack user id; none → no platform account. */
  slack?: string | null;
}

export interface PlacementSpec {
  id?: string;
  studentId: string;
  instructorId?: string | null;
  teacherId?: string | null;
  startDate: string;
  endDate: string;
  workingDays?: number[];
  checkinTime?: string;
}

export interface Harness {
  db: Kysely<DatabaseSchema>;
  store: Store;
  clock: ReturnType<typeof createTestClock>;
  messenger: RecordingMessenger;
  scheduler: Scheduler;
  run(iso: string): ReturnType<Scheduler['runOnce']>;
  person(spec?: PersonSpec): Promise<string>;
  placement(spec: PlacementSpec): Promise<string>;
  /** Delivery keys recorded so far, optionally only those starting with `prefix`. */
  keys(prefix?: string): string[];
}

export interface HarnessOptions {
  options?: SchedulerOptionsInput;
  messenger?: Partial<Omit<RecordingMessengerOptions, 'clock' | 'platform'>>;
  extraMessengers?: Messenger[];
  /** Replaces the harness's own recording messenger as the scheduler's outlet. */
  messengers?: Messenger[];
  instanceId?: string;
}

export function createHarness(db: Kysely<DatabaseSchema>, opts: HarnessOptions = {}): Harness {
  const clock = createTestClock('2026-11-02T06:00:00Z');
  const store = createStore(db, clock);
  const messenger = createRecordingMessenger({ platform: 'slack', clock, ...opts.messenger });
  const { kb } = realKnowledge();
  const calendar = createWorkCalendar();
  const scheduler = createScheduler({
    store,
    messengers: opts.messengers ?? [messenger, ...(opts.extraMessengers ?? [])],
    calendar,
    ...createScheduledMessages({ store, kb, calendar, logger: silentLogger }),
    clock,
    logger: silentLogger,
    options: { rateLimits: {}, ...opts.options },
    ...(opts.instanceId ? { instanceId: opts.instanceId } : {}),
  });
  return {
    db,
    store,
    clock,
    messenger,
    scheduler,
    run(iso) {
      clock.set(iso);
      return scheduler.runOnce(new Date(iso));
    },
    async person(spec = {}) {
      const id = spec.id ?? uid('p');
      await db
        .insertInto('person')
        .values({ id, name: spec.name ?? `Henkilö ${id}`, roles: spec.roles ?? ['student'], time_zone: spec.timeZone ?? 'Europe/Helsinki', lang: spec.lang ?? 'fi' })
        .execute();
      const slack = spec.slack === undefined ? `U${id}` : spec.slack;
      if (slack) await db.insertInto('identity').values({ platform: 'slack', tenant_id: 'T1', external_id: slack, person_id: id }).execute();
      return id;
    },
    async placement(spec) {
      const id = spec.id ?? uid('pl');
      await db
        .insertInto('placement')
        .values({
          id,
          student_id: spec.studentId,
          instructor_id: spec.instructorId ?? null,
          teacher_id: spec.teacherId ?? null,
          workplace_name: 'Testi Oy',
          unit_ids: [UNIT_ID],
          start_date: spec.startDate,
          end_date: spec.endDate,
          working_days: spec.workingDays ?? [1, 2, 3, 4, 5],
          checkin_time: spec.checkinTime ?? '15:00',
          status: 'active',
        })
        .execute();
      return id;
    },
    keys(prefix) {
      return messenger.deliveries().flatMap((d) => (d.key && (!prefix || d.key.startsWith(prefix)) ? [d.key] : []));
    },
  };
}

/** Empties every table the scheduling tests write, so that tests sharing a database do not meet. */
export async function resetTables(db: Kysely<DatabaseSchema>): Promise<void> {
  for (const table of ['send_rate', 'summary_delivery', 'checkin_pause', 'checkin', 'evidence_note', 'observation', 'reflection', 'placement', 'identity', 'audit_log', 'person'] as const) {
    await db.deleteFrom(table).execute();
  }
}

/** Runs a pass at `time` (Helsinki wall clock, e.g. '15:00') on every day from `from` to `to`. */
export async function runDaily(h: Harness, from: string, to: string, times: readonly string[]): Promise<void> {
  const { addDays, instantAt } = await import('../../src/calendar/index.ts');
  for (let day = from; day <= to; day = addDays(day, 1)) {
    for (const time of times) await h.run(instantAt(day, time, 'Europe/Helsinki').toISOString());
  }
}

/** Check-in keys of one placement → their local dates. */
export function datesOf(h: Harness, kind: 'checkin' | 'reminder', placementId: string): string[] {
  return h.keys(`${kind}:${placementId}:`).map((k) => k.slice(`${kind}:${placementId}:`.length));
}
