// The three things the scheduler delivers and where each keeps its state: a check-in and its
// reminder share the `checkin` row (separate status, due and sent columns), summaries have their own
// table. The lease columns are shared: a reminder is only claimed once the check-in is settled.
import { sql, type RawBuilder } from 'kysely';

export type DeliveryKind = 'checkin' | 'reminder' | 'summary';

export interface DeliveryColumns {
  table: RawBuilder<unknown>;
  status: RawBuilder<unknown>;
  due: RawBuilder<unknown>;
  sentAt: RawBuilder<unknown>;
  /** The first due time (a deferral moves `due`) and how late the send was against it. */
  firstDue: RawBuilder<unknown>;
  lateMs: RawBuilder<unknown>;
}

/** The order the rate goes to them: the day's check-ins first, then reminders, then summaries. */
export const PRIORITY: Readonly<Record<DeliveryKind, number>> = { checkin: 0, reminder: 1, summary: 2 };

export function priorityOf(kind: DeliveryKind): number {
  return PRIORITY[kind];
}

export function columnsOf(kind: DeliveryKind): DeliveryColumns {
  switch (kind) {
    case 'checkin':
      return { table: sql.table('checkin'), status: sql.ref('status'), due: sql.ref('due_at'), sentAt: sql.ref('sent_at'), firstDue: sql.ref('first_due_at'), lateMs: sql.ref('late_ms') };
    case 'reminder':
      return { table: sql.table('checkin'), status: sql.ref('reminder_status'), due: sql.ref('reminder_due_at'), sentAt: sql.ref('reminder_sent_at'), firstDue: sql.ref('reminder_first_due_at'), lateMs: sql.ref('reminder_late_ms') };
    case 'summary':
      return { table: sql.table('summary_delivery'), status: sql.ref('status'), due: sql.ref('due_at'), sentAt: sql.ref('sent_at'), firstDue: sql.ref('first_due_at'), lateMs: sql.ref('late_ms') };
  }
}

/** Only the check-in counts attempts (reminders and summaries stop at their expiry instead). */
export function countsAttempts(kind: DeliveryKind): boolean {
  return kind !== 'reminder';
}
