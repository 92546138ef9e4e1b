import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { LANGS } from '../i18n/lang.ts';
import { yTunnusProblem } from './y-tunnus.ts';

// Shared vocabularies of the model. Names follow eHOKS where it has one.
export const ROLES = ['student', 'instructor', 'teacher', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

/** How an actor stands to a student whose data they see, strongest first. */
export type Relation = 'self' | 'admin' | 'teacher' | 'instructor';

export const platformSchema = z.enum(['local', 'slack', 'teams']);
export type Platform = z.infer<typeof platformSchema>;

/** eHOKS `osaamisen hankkimistapa` codes for workplace learning. */
export const PLACEMENT_METHODS = [
  'osaamisenhankkimistapa_koulutussopimus',
  'osaamisenhankkimistapa_oppisopimus',
] as const;
export const placementMethodSchema = z.enum(PLACEMENT_METHODS);
export type PlacementMethod = z.infer<typeof placementMethodSchema>;

export const placementStatusSchema = z.enum(['planned', 'active', 'completed', 'interrupted']);
export type PlacementStatus = z.infer<typeof placementStatusSchema>;

export const reflectionStatusSchema = z.enum(['answered', 'skipped', 'absent']);
export type ReflectionStatus = z.infer<typeof reflectionStatusSchema>;

export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_CHECKIN_TIME = '15:00';

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((value) => DateTime.fromISO(value, { zone: 'UTC' }).isValid, 'not a calendar date');
export type LocalDate = z.infer<typeof localDateSchema>;

export const timeZoneSchema = z.string().refine((zone) => IANAZone.isValidZone(zone), 'unknown time zone');

export const checkinTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time HH:MM');

export const isoWeekdaySchema = z.number().int().min(1).max(7);

export const yTunnusSchema = z.string().superRefine((value, ctx) => {
  const problem = yTunnusProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Requirement ids as used in the knowledge base, e.g. `AH-V5`. */
export const requirementIdSchema = z.string().min(1).max(100);

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date. */
export function isoWeekday(localDate: string): number {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).weekday;
}

/** Today's date in the given time zone, from an instant. */
export function localDateAt(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? instant.toISOString().slice(0, 10);
}

/** The instants [start, end) of an inclusive local date range in a time zone. */
export function instantsOfLocalDates(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(from, { zone: timeZone }).startOf('day');
  const end = DateTime.fromISO(to, { zone: timeZone }).startOf('day').plus({ days: 1 });
  return { start: start.toJSDate(), end: end.toJSDate() };
}
