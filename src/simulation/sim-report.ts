// The simulation's output: one line per delivered message (from the recording messenger's file,
// which survived every crash), then the totals checked against the expectation.
import { localDateAt } from '../calendar/index.ts';
import type { RecordedDelivery } from '../messaging/recording-messenger.ts';
import type { Expected, SimKind } from './sim-expectations.ts';
import { personOfSlackId, type SimWorld } from './sim-world.ts';

export interface SimLine {
  kind: SimKind;
  placement: string;
  /** Summaries to staff cover several placements; `placement` is the first of them. */
  placements?: string[];
  to: string;
  localDate: string;
  at: string;
  /** The "ignore if you already got it" variant of an uncertain check-in. */
  notice?: true;
}

/** An expected delivery the platform has no record of, and what the database says about it. */
export interface MissingDelivery {
  key: string;
  kind: SimKind;
  /** Check-ins and reminders: the placement; summaries: the recipient's first placement. */
  placement: string;
  /** Check-ins and reminders: the day; summaries: the Monday of the week. */
  date: string;
  /** Summaries: who it was for, and as what. */
  recipient?: string;
  role?: string;
  /** The row in the database (absent: never planned), its state and why. */
  id?: string;
  status?: string;
  reason?: string | null;
}

export interface SimTotals {
  totals: Record<SimKind, number> & { expected: Record<SimKind, number>; notices: number; unexpected: number; restarts: number; placements: number };
  duplicates: number;
  missing: number;
  /** Which deliveries are missing (the database's side is filled in by the caller). */
  missingDeliveries: MissingDelivery[];
  /** The keys delivered more than once (a notice counts as a second copy). */
  duplicateKeys: string[];
  /** Rows that went through 'uncertain' (a crash or a lost answer) and how many are still unsettled. */
  uncertain: number;
  unresolved: number;
}

export function toLines(deliveries: readonly RecordedDelivery[], world: SimWorld): SimLine[] {
  const zoneOf = new Map(world.people.map((p) => [p.id, p.timeZone]));
  const placementsOf = new Map<string, string[]>();
  for (const p of world.placements) {
    for (const person of [p.studentId, p.instructorId, p.teacherId]) placementsOf.set(person, [...(placementsOf.get(person) ?? []), p.id]);
  }
  const lines: SimLine[] = [];
  for (const d of deliveries) {
    const parts = (d.key ?? '').split(':');
    const to = personOfSlackId(d.userId);
    const [kind] = parts;
    if (kind === 'checkin' || kind === 'reminder') {
      const [, placement = '', localDate = ''] = parts;
      lines.push({ kind, placement, to, localDate, at: d.at, ...(parts[3] === 'notice' ? { notice: true as const } : {}) });
    } else if (kind === 'summary') {
      const mine = placementsOf.get(to) ?? [];
      lines.push({ kind, placement: mine[0] ?? '', ...(mine.length > 1 ? { placements: mine } : {}), to, localDate: localDateAt(new Date(d.at), zoneOf.get(to) ?? 'Europe/Helsinki'), at: d.at });
    }
  }
  return lines.sort((a, b) => a.at.localeCompare(b.at) || a.to.localeCompare(b.to));
}

export function totalsOf(args: {
  deliveries: readonly RecordedDelivery[];
  expected: ReadonlyMap<string, Expected>;
  lines: readonly SimLine[];
  world: SimWorld;
  restarts: number;
  placements: number;
  uncertain: number;
  unresolved: number;
}): SimTotals {
  const seen = new Map<string, number>();
  let notices = 0;
  for (const d of args.deliveries) {
    if (!d.key) continue;
    if (d.key.endsWith(':notice')) notices += 1;
    else seen.set(d.key, (seen.get(d.key) ?? 0) + 1);
  }
  const count = (kind: SimKind) => args.lines.filter((l) => l.kind === kind && !l.notice).length;
  const expectedCount = (kind: SimKind) => [...args.expected.values()].filter((e) => e.kind === kind).length;
  const repeats = [...seen.values()].reduce((n, c) => n + (c - 1), 0);
  const missing = [...args.expected.values()].filter((e) => !seen.has(e.key));
  return {
    totals: {
      checkin: count('checkin'),
      reminder: count('reminder'),
      summary: count('summary'),
      expected: { checkin: expectedCount('checkin'), reminder: expectedCount('reminder'), summary: expectedCount('summary') },
      notices,
      unexpected: [...seen.keys()].filter((k) => !args.expected.has(k)).length,
      restarts: args.restarts,
      placements: args.placements,
    },
    // A notice is a possible second copy of a check-in, so it counts as a duplicate.
    duplicates: repeats + notices,
    missing: missing.length,
    missingDeliveries: missing.map((e) => parseExpected(e, args.world)),
    duplicateKeys: [
      ...[...seen].filter(([, n]) => n > 1).map(([key]) => key),
      ...args.deliveries.flatMap((d) => (d.key?.endsWith(':notice') ? [d.key] : [])),
    ],
    uncertain: args.uncertain,
    unresolved: args.unresolved,
  };
}

/** `checkin:<placement>:<date>`, `reminder:<placement>:<date>`, `summary:<role>:<recipient>:<monday>`. */
function parseExpected(expected: Expected, world: SimWorld): MissingDelivery {
  const parts = expected.key.split(':');
  if (expected.kind === 'summary') {
    const [, role = '', recipient = '', monday = ''] = parts;
    const placement = world.placements.find((p) => p.studentId === recipient || p.instructorId === recipient || p.teacherId === recipient)?.id ?? '';
    return { key: expected.key, kind: 'summary', placement, date: monday, recipient, role };
  }
  const [, placement = '', date = ''] = parts;
  return { key: expected.key, kind: expected.kind, placement, date };
}
