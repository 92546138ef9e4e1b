// The repositories over one database, bundled for the core's use cases.
import type { Kysely } from 'kysely';
import { createAuditLog, type AuditLog } from './audit-log.ts';
import { createCheckinPauseRepo, type CheckinPauseRepo } from './checkin-pause-repo.ts';
import { createCheckinRepo, type CheckinRepo } from './checkin-repo.ts';
import type { Clock } from './clock.ts';
import { createCoverageRepo, type CoverageRepo } from './coverage.ts';
import { type EraseOptions, type EraseReport, eraseStudent } from './erase-student.ts';
import { createEvidenceNoteRepo, type EvidenceNoteRepo } from './evidence-note-repo.ts';
import { exportStudent, type StudentExport } from './export-student.ts';
import { createObservationRepo, type ObservationRepo } from './observation-repo.ts';
import { createPeopleRepo, type PeopleRepo } from './people-repo.ts';
import { createPlacementRepo, type PlacementRepo } from './placement-repo.ts';
import { createReflectionRepo, type ReflectionRepo } from './reflection-repo.ts';
import type { DatabaseSchema } from './schema.ts';
import { createWeeklySummaryRepo, type WeeklySummaryRepo } from './weekly-summary-repo.ts';

/** A student's data rights: everything held on them (access), and erasure. */
export interface DataRights {
  exportStudent(personId: string): Promise<StudentExport>;
  /** The store's clock stamps the audit entry. */
  eraseStudent(personId: string, options?: Pick<EraseOptions, 'actorId'>): Promise<EraseReport>;
}

/** What the chat core, the features and the adapters use: repositories only, no database handle. */
export interface Repositories {
  people: PeopleRepo;
  placements: PlacementRepo;
  reflections: ReflectionRepo;
  observations: ObservationRepo;
  evidence: EvidenceNoteRepo;
  coverage: CoverageRepo;
  checkins: CheckinRepo;
  pauses: CheckinPauseRepo;
  weeklySummaries: WeeklySummaryRepo;
  dataRights: DataRights;
  audit: AuditLog;
}

export interface Store extends Repositories {
  /** The database itself, for the scheduler (src/scheduling/); everyone else goes through a repository. */
  db: Kysely<DatabaseSchema>;
}

export function createStore(db: Kysely<DatabaseSchema>, clock: Clock): Store {
  return {
    db,
    people: createPeopleRepo(db),
    placements: createPlacementRepo(db, clock),
    reflections: createReflectionRepo(db, clock),
    observations: createObservationRepo(db, clock),
    evidence: createEvidenceNoteRepo(db, clock),
    coverage: createCoverageRepo(db),
    checkins: createCheckinRepo(db),
    pauses: createCheckinPauseRepo(db),
    weeklySummaries: createWeeklySummaryRepo(db),
    dataRights: {
      exportStudent: (personId) => exportStudent(db, personId),
      eraseStudent: (personId, options = {}) => eraseStudent(db, personId, { ...options, clock }),
    },
    audit: createAuditLog(db, clock),
  };
}
