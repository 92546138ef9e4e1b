// Public API of the storage layer.
export { type AuditEntry, type AuditInput, type AuditLog, createAuditLog } from './audit-log.ts';
export { type CheckinPauseRepo, createCheckinPauseRepo, type PauseInput, type PauseReason, type PauseRow } from './checkin-pause-repo.ts';
export { type CheckinRepo, createCheckinRepo, isAnswerWindowOpen, type OpenCheckin } from './checkin-repo.ts';
export { type Clock, systemClock } from './clock.ts';
export { computeCoverage, type CoverageRepo, type CoverageStatus, createCoverageRepo, type RequirementCoverage } from './coverage.ts';
export { createDatabase, type Database, type DatabaseConfig, MEMORY_DATA_DIR } from './database.ts';
export type { DateRange } from './date-range.ts';
export { seedDemo, type SeedOptions, type SeedResult } from './demo-seed.ts';
export { DEMO_UNIT_ID } from './demo-seed-data.ts';
export {
  DEFAULT_CHECKIN_TIME,
  DEFAULT_TIME_ZONE,
  DEFAULT_WORKING_DAYS,
  isoWeekday,
  type Lang,
  type LocalDate,
  localDateAt,
  PLACEMENT_METHODS,
  type PlacementMethod,
  type PlacementStatus,
  type Platform,
  type Relation,
  type ReflectionStatus,
  type Role,
} from './domain.ts';
export { type EraseOptions, type EraseReport, eraseStudent } from './erase-student.ts';
export { isStorageError, StorageError, type StorageErrorCode, type StorageErrorInfo } from './errors.ts';
export {
  createEvidenceNoteRepo,
  type EvidenceNote,
  type EvidenceNoteInput,
  type EvidenceNoteRepo,
} from './evidence-note-repo.ts';
export { exportStudent, type StudentExport } from './export-student.ts';
export * from './limits.ts';
export { migrate } from './migrate.ts';
export { normalizeName } from './name-match.ts';
export {
  createObservationRepo,
  type Observation,
  type ObservationInput,
  type ObservationListOptions,
  type ObservationRepo,
} from './observation-repo.ts';
export {
  createPeopleRepo,
  type Identity,
  type IdentityKey,
  type IdentityLink,
  type LocalChatUser,
  type NewPerson,
  type PeopleRepo,
  type Person,
  type PersonUpdate,
} from './people-repo.ts';
export { type ImportContact, type ImportOptions, type ImportSummary, type PlacementImportRow, writePlacementImport } from './placement-import.ts';
export { createPlacementRepo, currentPlacement, type NewPlacement, type Placement, type PlacementRepo } from './placement-repo.ts';
export {
  createReflectionRepo,
  type Reflection,
  type ReflectionInput,
  type ReflectionRepo,
  type UpsertReflectionResult,
} from './reflection-repo.ts';
export type { DatabaseSchema } from './schema.ts';
export { weeklyAggregates, type WeeklyAggregate } from './weekly-aggregates.ts';
export {
  createWeeklySummaryRepo,
  type PlacementFilter,
  type SummaryRecipients,
  type WeeklySummaryRepo,
  type WeekRow,
  type WeekWindow,
  weekWindow,
} from './weekly-summary-repo.ts';
export { isValidYTunnus } from './y-tunnus.ts';
