// The check-in commands through the real chat core (the extension registered as the lead wires
// it), on the demo school, with the scheduler delivering to a recording messenger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import { buildRealCore } from '../../support/core.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { openTestDatabase, type TestDatabase } from '../../storage/backends.ts';
import { createHarness, datesOf, type Harness } from '../../scheduling/harness.ts';

// Monday 23 November 2026, 12:00 in Helsinki; Aino's check-in is at 15:30 (13:30Z), Mon–Fri.
const NOW = '2026-11-23T10:00:00Z';
const AINO = 'pl_demo_aino';

describe('check-in commands', () => {
  let database: TestDatabase;
  let h: Harness;
  let core: ChatCore;
  const say = async (user: string, text: string) => (await core.handle({ platform: 'local', userId: user, tenantId: '', text })).map(renderPlainText).join('\n');

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemo(database.db, { today: NOW.slice(0, 10) });
    // The demo people only have local-chat ids; give the students a Slack account so that check-ins go out.
    for (const id of ['aino', 'ville']) await database.db.insertInto('identity').values({ platform: 'slack', tenant_id: 'T1', external_id: `U_${id}`, person_id: id }).execute();
    h = createHarness(database.db);
    h.clock.set(NOW);
    core = buildRealCore(database.db, h.clock).core;
  }, 60_000);
  afterAll(() => database?.close());

  it('"olen sairaana tänään": no check-in and no reminder today, the absence recorded', async () => {
    await h.run('2026-11-23T09:00:00Z'); // plans today and tomorrow
    expect(await say('aino', 'olen sairaana tänään')).toContain('parane pian');
    await h.run('2026-11-23T13:30:00Z');
    await h.run('2026-11-23T15:30:00Z');
    expect(datesOf(h, 'checkin', AINO)).toEqual([]);
    expect(datesOf(h, 'reminder', AINO)).toEqual([]);
    const reflection = await h.store.reflections.findForDay(AINO, '2026-11-23');
    expect(reflection?.status).toBe('absent');
    const row = await database.db.selectFrom('checkin').select(['status', 'skip_reason']).where('placement_id', '=', AINO).where('local_date', '=', '2026-11-23').executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'skipped', skip_reason: 'sick' });
  });

  it('"I am off tomorrow" in English skips tomorrow only', async () => {
    expect(await say('aino', 'I am off tomorrow')).toContain('No check-in or reminder tomorrow');
    await h.run('2026-11-24T13:30:00Z');
    await h.run('2026-11-25T13:30:00Z');
    expect(datesOf(h, 'checkin', AINO)).toEqual(['2026-11-25']);
  });

  it('pauses given dates (future only, within the placement) and resumes', async () => {
    h.clock.set('2026-11-25T16:00:00Z');
    expect(await say('aino', 'tauko 2026-11-20 - 2026-11-21')).toContain('vain tästä päivästä eteenpäin');
    expect(await say('aino', 'tauko 2027-05-01 - 2027-05-05')).toContain('ei osu kokonaan työpaikkajaksollesi');
    expect(await say('aino', 'tauko 2026-11-26 - 2026-12-02')).toContain('5 päivän kyselyä jää väliin');
    await h.run('2026-11-26T13:30:00Z');
    await h.run('2026-11-27T13:30:00Z');
    expect(datesOf(h, 'checkin', AINO)).toEqual(['2026-11-25']);
    h.clock.set('2026-11-30T08:00:00Z');
    expect(await say('aino', 'jatka')).toContain('jatkuvat');
    await h.run('2026-11-30T13:30:00Z');
    expect(datesOf(h, 'checkin', AINO)).toEqual(['2026-11-25', '2026-11-30']);
    expect(await say('aino', 'jatka')).toContain('ei ole voimassa olevaa taukoa');
  });

  it('a pause over a day whose check-in already went out drops its reminder, and resuming does not send it again', async () => {
    await h.run('2026-12-01T13:30:00Z'); // Aino's check-in of Tuesday 1.12. goes out at 15:30
    h.clock.set('2026-12-01T14:00:00Z');
    expect(await say('aino', 'tauko 2026-12-01 - 2026-12-01')).toContain('Tauko kirjattu');
    expect(await say('aino', 'jatka')).toContain('jatkuvat');
    await h.run('2026-12-01T14:01:00Z');
    await h.run('2026-12-01T15:30:00Z');
    expect(datesOf(h, 'checkin', AINO).filter((d) => d === '2026-12-01')).toHaveLength(1);
    expect(datesOf(h, 'reminder', AINO)).not.toContain('2026-12-01');
  });

  it('"kyselyn aika 14:30" moves the check-in, and a bad time is refused', async () => {
    h.clock.set('2026-12-02T08:00:00Z');
    await h.run('2026-12-02T08:00:00Z');
    expect(await say('aino', 'kyselyn aika 25:10')).toContain('HH:MM');
    expect(await say('aino', 'kyselyn aika 14:30')).toContain('klo 14:30');
    const row = await database.db.selectFrom('checkin').select('due_at').where('placement_id', '=', AINO).where('local_date', '=', '2026-12-02').executeTakeFirstOrThrow();
    expect(row.due_at.toISOString()).toBe('2026-12-02T12:30:00.000Z');
    await h.run('2026-12-02T12:30:00Z');
    expect(datesOf(h, 'checkin', AINO)).toContain('2026-12-02');
    expect(await say('aino', 'kyselyn aika')).toContain('klo 14:30');
  });

  it('"viikkokooste": the teacher gets all her students, an instructor only his, a student only her own', async () => {
    h.clock.set('2026-12-04T12:00:00Z');
    const teacher = await say('liisa', 'viikkokooste');
    expect(teacher).toContain('Opettajana: 2 opiskelijaa');
    expect(teacher).toContain('Aino Virtanen');
    expect(teacher).toContain('Ville Mäkinen');
    const mikko = await say('mikko', 'viikkokooste Aino');
    expect(mikko).toContain('Aino Virtanen');
    expect(mikko).not.toContain('Ville');
    const audit = await database.db.selectFrom('audit_log').select(['actor_id', 'action', 'subject_person_id']).where('action', '=', 'view_summary').execute();
    expect(audit).toContainEqual({ actor_id: 'mikko', action: 'view_summary', subject_person_id: 'aino' });
    expect(await say('sanna', 'viikkokooste Aino')).toContain('En löydä opiskelijaa');
    expect(await say('ville', 'viikkokooste Aino')).toContain('ei ole oikeutta');
    const own = await say('ville', 'viikkokooste');
    expect(own).toContain('Viikkosi');
    expect(own).not.toContain('Aino');
  });
});
