import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  createAuditLog,
  createEvidenceNoteRepo,
  createObservationRepo,
  createPeopleRepo,
  createReflectionRepo,
  eraseStudent,
  exportStudent,
  isStorageError,
} from '../../../src/storage/index.ts';
import { createSlackDmChannelRepo } from '../../../src/storage/slack-dm-channel-repo.ts';
import { type StorageContext, createTestClock } from '../backends.ts';
import { createPlacementFixture, type PlacementFixture } from '../fixtures.ts';

async function fillStudentData(t: StorageContext, fixture: PlacementFixture): Promise<void> {
  const clock = createTestClock('2026-03-12T12:00:00Z');
  const { placement, student, instructor, teacher } = fixture;
  await createPeopleRepo(t.db).linkIdentity({ platform: 'teams', tenantId: 'tenant-1', externalId: `29:${student.id}`, personId: student.id });
  await createReflectionRepo(t.db, clock).upsertForDay({ placementId: placement.id, status: 'answered', text: 'Oma pohdinta.' });
  const observations = createObservationRepo(t.db, clock);
  await observations.create({ placementId: placement.id, authorId: instructor.id, text: 'Näkyvä havainto.' });
  await observations.create({ placementId: placement.id, authorId: instructor.id, text: 'Piilotettu havainto.', visibleToStudent: false });
  await createEvidenceNoteRepo(t.db, clock).create({ placementId: placement.id, requirementId: 'AH-T3', text: 'Kurssi.', authorId: teacher.id });
  const audit = createAuditLog(t.db, clock);
  await audit.record({ actorId: instructor.id, action: 'observation.create', subjectPersonId: student.id, details: { student: student.name } });
  await audit.record({ actorId: student.id, action: 'reflection.upsert', subjectPersonId: student.id });
  await audit.record({ actorId: student.id, action: 'help.request', subjectPersonId: null });
}

export function dataRightsCases(t: StorageContext): void {
  it('exports everything held on a student', async () => {
    const fixture = await createPlacementFixture(t.db);
    await fillStudentData(t, fixture);
    // Where Osaava reaches the student, and what the scheduler did: also the student's data.
    await createPeopleRepo(t.db).linkIdentity({ platform: 'slack', tenantId: 'T0EXPORT', externalId: 'UEXPORT1', personId: fixture.student.id });
    await createSlackDmChannelRepo(t.db, () => new Date('2026-03-12T12:00:00Z')).remember('T0EXPORT', 'UEXPORT1', 'DEXPORT1');
    await t.db.insertInto('checkin').values({ id: `ck_${fixture.placement.id}`, placement_id: fixture.placement.id, student_id: fixture.student.id, local_date: '2026-03-12', due_at: new Date('2026-03-12T13:00:00Z'), expires_at: new Date('2026-03-13T13:00:00Z') }).execute();
    await t.db.insertInto('checkin_pause').values({ id: `cp_${fixture.placement.id}`, placement_id: fixture.placement.id, from_date: '2026-03-16', to_date: '2026-03-17', reason: 'sick', created_by: fixture.student.id }).execute();
    const exported = await exportStudent(t.db, fixture.student.id);
    expect(exported.deliveryChannels).toEqual([{ platform: 'slack', tenantId: 'T0EXPORT', userId: 'UEXPORT1', conversationId: 'DEXPORT1' }]);
    expect(exported.checkins).toEqual([{ placementId: fixture.placement.id, localDate: '2026-03-12', status: 'pending', sentAt: null, reminderStatus: 'none', skipReason: null }]);
    expect(exported.pauses).toEqual([{ placementId: fixture.placement.id, from: '2026-03-16', to: '2026-03-17', reason: 'sick' }]);
    expect(exported.person).toMatchObject({ id: fixture.student.id, name: fixture.student.name });
    expect(exported.identities).toEqual([
      { platform: 'teams', tenantId: 'tenant-1', externalId: `29:${fixture.student.id}`, personId: fixture.student.id },
      { platform: 'slack', tenantId: 'T0EXPORT', externalId: 'UEXPORT1', personId: fixture.student.id },
    ]);
    expect(exported.placements.map((placement) => placement.id)).toEqual([fixture.placement.id]);
    expect(exported.reflections.map((reflection) => reflection.text)).toEqual(['Oma pohdinta.']);
    expect(exported.observations.map((observation) => observation.text)).toEqual(['Näkyvä havainto.', 'Piilotettu havainto.']);
    expect(exported.evidenceNotes.map((note) => note.requirementId)).toEqual(['AH-T3']);
    expect(exported.auditEntries.map((entry) => entry.action)).toEqual(['observation.create', 'reflection.upsert']);
    expect(JSON.parse(JSON.stringify(exported)).person.id).toBe(fixture.student.id);
    await expect(exportStudent(t.db, 'nobody')).rejects.toSatisfy((error) => isStorageError(error, 'not_found'));
  });

  it('erases a student completely in one go, keeping an anonymous record that it happened', async () => {
    const fixture = await createPlacementFixture(t.db);
    const bystander = await createPlacementFixture(t.db);
    await fillStudentData(t, fixture);
    await fillStudentData(t, bystander);
    // A Slack account whose DM channel the bot has learned; the bystander has one in the same workspace.
    const dmChannels = createSlackDmChannelRepo(t.db, () => new Date('2026-03-12T12:00:00Z'));
    for (const [personId, slackId] of [[fixture.student.id, 'UERASE01'], [bystander.student.id, 'UKEEP001']] as const) {
      await createPeopleRepo(t.db).linkIdentity({ platform: 'slack', tenantId: 'T0ERASE', externalId: slackId, personId });
      await dmChannels.remember('T0ERASE', slackId, `D${slackId.slice(1)}`);
    }
    const id = fixture.student.id;
    const auditRowsBefore = await countRows(t, 'SELECT count(*)::int AS n FROM audit_log');

    // The rewrite of the tables afterwards (purge) is test/storage/erasure-copies.test.ts.
    const report = await eraseStudent(t.db, id, { actorId: fixture.teacher.id, clock: createTestClock('2026-04-01T08:00:00Z'), purge: false });
    expect(report).toEqual({
      placements: 1,
      reflections: 1,
      observations: 2,
      evidenceNotes: 1,
      identities: 2,
      auditEntriesAnonymised: 2,
    });

    const left = await sql<{ n: number }>`
      SELECT (SELECT count(*) FROM person WHERE id = ${id})
           + (SELECT count(*) FROM identity WHERE person_id = ${id})
           + (SELECT count(*) FROM placement WHERE student_id = ${id})
           + (SELECT count(*) FROM reflection WHERE student_id = ${id})
           + (SELECT count(*) FROM observation WHERE student_id = ${id})
           + (SELECT count(*) FROM evidence_note WHERE placement_id = ${fixture.placement.id})
           + (SELECT count(*) FROM slack_dm_channel WHERE tenant_id = 'T0ERASE' AND user_id = 'UERASE01')
           + (SELECT count(*) FROM audit_log WHERE subject_person_id = ${id} OR actor_id = ${id}
                OR details::text LIKE ${`%${fixture.student.name}%`}) AS n`.execute(t.db);
    expect(Number(left.rows[0]?.n)).toBe(0);

    expect(await countRows(t, 'SELECT count(*)::int AS n FROM audit_log')).toBe(auditRowsBefore + 1);
    const erasure = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'student.erase').orderBy('at', 'desc').executeTakeFirst();
    expect(erasure).toMatchObject({ actor_id: fixture.teacher.id, subject_person_id: null, details: report });

    // Other people's data and the staff are untouched.
    expect((await exportStudent(t.db, bystander.student.id)).observations).toHaveLength(2);
    expect(await dmChannels.find('T0ERASE', 'UKEEP001')).toBe('DKEEP001');
    expect(await createPeopleRepo(t.db).findById(fixture.instructor.id)).not.toBeNull();
    await expect(exportStudent(t.db, id)).rejects.toSatisfy((error) => isStorageError(error, 'not_found'));
    await expect(eraseStudent(t.db, id)).rejects.toSatisfy((error) => isStorageError(error, 'not_found'));
  });
}

async function countRows(t: StorageContext, query: string): Promise<number> {
  const result = await sql<{ n: number }>`${sql.raw(query)}`.execute(t.db);
  return Number(result.rows[0]?.n);
}
