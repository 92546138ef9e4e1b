import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Lang, Platform, PlacementMethod, PlacementStatus, ReflectionStatus, Role } from './domain.ts';

// Kysely's view of the tables created by the migrations. DATE columns are read as `YYYY-MM-DD`
// strings (both drivers are configured so), timestamptz columns as Date.
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
/** jsonb: written as a JSON string, read as parsed JSON. */
type Jsonb = ColumnType<unknown, string, string>;

export interface PersonTable {
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  lang: Generated<Lang>;
  time_zone: Generated<string>;
  created_at: CreatedAt;
}

export interface IdentityTable {
  platform: Platform;
  tenant_id: Generated<string>;
  external_id: string;
  person_id: string;
  created_at: CreatedAt;
}

export interface PlacementTable {
  id: string;
  student_id: string;
  method: Generated<PlacementMethod>;
  workplace_name: string;
  workplace_business_id: string | null;
  instructor_id: string | null;
  teacher_id: string | null;
  unit_ids: string[];
  start_date: DateColumn;
  end_date: DateColumn;
  working_days: Generated<number[]>;
  checkin_time: Generated<string>;
  part_time_percentage: Generated<number>;
  key_work_tasks: Generated<string[]>;
  status: Generated<PlacementStatus>;
  created_at: CreatedAt;
}

export interface ReflectionTable {
  id: string;
  placement_id: string;
  student_id: string;
  local_date: DateColumn;
  status: ReflectionStatus;
  text: Generated<string>;
  requirement_ids: Generated<string[]>;
  confidence: number | null;
  hard: string | null;
  help_needed: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ObservationTable {
  id: string;
  placement_id: string;
  student_id: string;
  author_id: string;
  observed_at: ColumnType<Date, Date | string, Date | string>;
  text: string;
  requirement_ids: Generated<string[]>;
  level: number | null;
  visible_to_student: Generated<boolean>;
  created_at: CreatedAt;
}

export interface EvidenceNoteTable {
  id: string;
  placement_id: string;
  requirement_id: string;
  kind: 'otherwise';
  text: string;
  author_id: string | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: string;
  at: CreatedAt;
  actor_id: string | null;
  action: string;
  subject_person_id: string | null;
  details: Jsonb;
}

export interface DatabaseSchema {
  person: PersonTable;
  identity: IdentityTable;
  placement: PlacementTable;
  reflection: ReflectionTable;
  observation: ObservationTable;
  evidence_note: EvidenceNoteTable;
  audit_log: AuditLogTable;
  teams_conversation_reference: TeamsConversationReferenceTable;
  slack_dm_channel: SlackDmChannelTable;
  slack_event: SlackEventTable;
  checkin: CheckinTable;
  checkin_pause: CheckinPauseTable;
  summary_delivery: SummaryDeliveryTable;
  send_rate: SendRateTable;
}

export interface TeamsConversationReferenceTable {
  tenant_id: string;
  aad_object_id: string;
  teams_user_id: string;
  conversation_id: string;
  service_url: string;
  channel_id: Generated<string>;
  bot_id: string;
  locale: string | null;
  updated_at: ColumnType<Date, Date, Date>;
  stale_reason: string | null;
  stale_at: ColumnType<Date | null, Date | null, Date | null>;
}

/** The bot's DM channel with a Slack user (migration 0004); `tenant_id` is the workspace (team) id. */
export interface SlackDmChannelTable {
  tenant_id: string;
  user_id: string;
  channel_id: string;
  updated_at: ColumnType<Date, Date, Date>;
}

/** Slack events claimed before they are acted on (migration 0005): each event id is handled once. */
export interface SlackEventTable {
  event_id: string;
  status: 'claimed' | 'done';
  claimed_at: ColumnType<Date, Date, Date>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  attempts: Generated<number>;
}

// Check-ins and weekly summaries (migration 0002); the scheduler in src/scheduling owns these rows.
type Instant = ColumnType<Date, Date | string, Date | string>;
type NullableInstant = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type CheckinStatus = 'pending' | 'sending' | 'sent' | 'uncertain' | 'answered' | 'skipped' | 'failed';
export type ReminderStatus = 'none' | 'pending' | 'sending' | 'sent' | 'uncertain' | 'skipped' | 'failed';
export type SummaryRole = 'student' | 'instructor' | 'teacher';
export type SummaryStatus = 'pending' | 'sending' | 'sent' | 'uncertain' | 'skipped' | 'failed';

export interface CheckinTable {
  id: string;
  placement_id: string;
  student_id: string;
  local_date: DateColumn;
  due_at: Instant;
  expires_at: Instant;
  status: Generated<CheckinStatus>;
  attempts: Generated<number>;
  lease_owner: string | null;
  lease_until: NullableInstant;
  sent_at: NullableInstant;
  message_ref: string | null;
  reminder_due_at: NullableInstant;
  reminder_status: Generated<ReminderStatus>;
  reminder_sent_at: NullableInstant;
  resolution: string | null;
  skip_reason: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Migration 0006: the first due time (a deferral moves due_at), lateness of the send, 429s met. */
  first_due_at: Generated<Date | null>;
  late_ms: Generated<number | null>;
  reminder_first_due_at: Generated<Date | null>;
  reminder_late_ms: Generated<number | null>;
  rate_limited: Generated<number>;
}

export interface CheckinPauseTable {
  id: string;
  placement_id: string;
  from_date: DateColumn;
  to_date: DateColumn;
  reason: 'absent' | 'sick' | 'paused';
  created_by: string | null;
  created_at: CreatedAt;
}

export interface SummaryDeliveryTable {
  id: string;
  recipient_id: string;
  week_start: DateColumn;
  role: SummaryRole;
  due_at: Instant;
  expires_at: Instant;
  status: Generated<SummaryStatus>;
  attempts: Generated<number>;
  lease_owner: string | null;
  lease_until: NullableInstant;
  sent_at: NullableInstant;
  message_ref: string | null;
  resolution: string | null;
  skip_reason: string | null;
  last_error: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Migration 0006, as on checkin. */
  first_due_at: Generated<Date | null>;
  late_ms: Generated<number | null>;
  rate_limited: Generated<number>;
}

export interface SendRateTable {
  key: string;
  next_free_at: Instant;
  blocked_until: NullableInstant;
  last_granted: Generated<number>;
  updated_at: UpdatedAt;
  /** Migration 0006: the adaptive rate shared by every instance (null until first adapted). */
  rate_per_second: Generated<number | null>;
  ceiling_per_second: Generated<number | null>;
  rate_changed_at: NullableInstant;
  decreased_at: NullableInstant;
  priority: Generated<number | null>;
  priority_until: NullableInstant;
  rate_limited_count: Generated<number>;
}

export type PersonRow = Selectable<PersonTable>;
export type IdentityRow = Selectable<IdentityTable>;
export type PlacementRow = Selectable<PlacementTable>;
export type ReflectionRow = Selectable<ReflectionTable>;
export type ObservationRow = Selectable<ObservationTable>;
export type EvidenceNoteRow = Selectable<EvidenceNoteTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewPlacementRow = Insertable<PlacementTable>;
