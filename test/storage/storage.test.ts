import { describe } from 'vitest';
import { describeEachBackend, useTestDatabase } from './backends.ts';
import { coverageCases, coveragePerformanceCases } from './cases/coverage.ts';
import { dataDirLockCases } from './cases/data-dir-lock.ts';
import { dataRightsCases } from './cases/data-rights.ts';
import { databaseCases } from './cases/database.ts';
import { demoSeedCases } from './cases/demo-seed.ts';
import { importWriterCases } from './cases/import-placements-writer.ts';
import { observationRepoCases } from './cases/observation-repo.ts';
import { peopleRepoCases } from './cases/people-repo.ts';
import { placementRepoCases } from './cases/placement-repo.ts';
import { reflectionRepoCases } from './cases/reflection-repo.ts';
import { weeklyAggregateCases } from './cases/weekly-aggregates.ts';

// One entry for every case that opens PGlite: it compiles its WASM once per process, which costs
// seconds of CPU on a two-core machine, so the cases (one module per src/storage file) share this
// file and one database per backend. Each case makes its own people and placements.
describeEachBackend('storage on %s', (backend) => {
  const t = useTestDatabase(backend);
  describe('database', () => databaseCases(t));
  describe('people repo', () => peopleRepoCases(t));
  describe('placement repo', () => placementRepoCases(t));
  describe('reflection repo', () => reflectionRepoCases(t));
  describe('observation repo', () => observationRepoCases(t));
  describe('coverage', () => coverageCases(t));
  describe('weekly aggregates', () => weeklyAggregateCases(t));
  describe('data rights', () => dataRightsCases(t));
  describe('placement import writer', () => importWriterCases(t));
  describe('demo seed', () => demoSeedCases(t));
  describe('coverage performance', () => coveragePerformanceCases(t)); // last: adds 100,000 reflections
});

describe('PGlite data directory lock', () => dataDirLockCases());
