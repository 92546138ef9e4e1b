// The repositories over one database, bundled for the core's use cases.
import type { Kysely } from 'kysely';
import { createAuditLog, type AuditLog } from './audit-log.ts';
import type { Clock } from './clock.ts';
import { createEvidenceNoteRepo, type EvidenceNoteRepo } from './evidence-note-repo.ts';
import { createObservationRepo, type ObservationRepo } from './observation-repo.ts';
import { createPeopleRepo, type PeopleRepo } from './people-repo.ts';
import { createPlacementRepo, type PlacementRepo } from './placement-repo.ts';
import { createReflectionRepo, type ReflectionRepo } from './reflection-repo.ts';
import type { DatabaseSchema } from './schema.ts';

export interface Store {
  db: Kysely<DatabaseSchema>;
  people: PeopleRepo;
  placements: PlacementRepo;
  reflections: ReflectionRepo;
  observations: ObservationRepo;
  evidence: EvidenceNoteRepo;
  audit: AuditLog;
}

export function createStore(db: Kysely<DatabaseSchema>, clock: Clock): Store {
  return {
    db,
    people: createPeopleRepo(db),
    placements: createPlacementRepo(db),
    reflections: createReflectionRepo(db, clock),
    observations: createObservationRepo(db, clock),
    evidence: createEvidenceNoteRepo(db, clock),
    audit: createAuditLog(db, clock),
  };
}
