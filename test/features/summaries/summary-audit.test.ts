// Every time a staff member is shown a student's week, one audit entry per student: `viikkokooste`
// with a name (the core's access check), without one (all their students), and the scheduled
// summaries the scheduler composes (`details.scheduled`). A student's own recap is no one else's read.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../src/calendar/index.ts';
import { createRecordingMessenger } from '../../../src/messaging/recording-messenger.ts';
import { createScheduledMessages } from '../../../src/scheduled-messages.ts';
import { createScheduler } from '../../../src/scheduling/index.ts';
import { describeEachBackend, OPEN_TIMEOUT, silentLogger } from '../../storage/backends.ts';
import { createTestCore, type TestCore } from '../../support/core.ts';
import { realKnowledge } from '../../support/knowledge.ts';

/** The ids of every audit entry so far. */
async function seen(t: TestCore): Promise<Set<string>> {
  return new Set((await t.store.audit.latest({ limit: 10_000 })).entries.map((e) => e.id));
}

/** The summary views written since `before`, as "actor→subject relation[ scheduled]". */
async function views(t: TestCore, before: Set<string>): Promise<string[]> {
  const { entries } = await t.store.audit.latest({ limit: 10_000 });
  return entries
    .filter((e) => !before.has(e.id) && e.action === 'view_summary')
    .map((e) => {
      const details = e.details as { relation?: string; scheduled?: boolean };
      return `${e.actorId}→${e.subjectPersonId} ${details.relation}${details.scheduled ? ' scheduled' : ''}`;
    })
    .sort();
}

describeEachBackend('summary views are audited on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend);
  }, OPEN_TIMEOUT);
  afterAll(async () => t?.close());

  it('writes one entry per student for "viikkokooste" without a name, by instructor and by teacher', async () => {
    let before = await seen(t);
    expect(await t.text('mikko', 'viikkokooste')).toContain('Aino');
    expect(await views(t, before)).toEqual(['mikko→aino instructor']);

    before = await seen(t);
    const liisa = await t.text('liisa', 'weekly summary');
    expect(liisa).toContain('Aino');
    expect(liisa).toContain('Ville');
    expect(await views(t, before)).toEqual(['liisa→aino teacher', 'liisa→ville teacher']);
  });

  it('writes one entry for "viikkokooste" with a name, and none for a student\'s own recap', async () => {
    let before = await seen(t);
    expect(await t.text('liisa', 'viikkokooste ville')).toContain('Ville');
    expect(await views(t, before)).toEqual(['liisa→ville teacher']);

    before = await seen(t);
    expect(await t.text('aino', 'viikkokooste')).toContain('Kodin Tekniikka');
    expect((await seen(t)).size).toBe(before.size);
  });

  it('writes one entry per student shown in the scheduled staff summaries, marked scheduled', async () => {
    const { kb } = realKnowledge();
    const calendar = createWorkCalendar();
    const messenger = createRecordingMessenger({ platform: 'local', clock: t.clock });
    const scheduler = createScheduler({
      store: t.store, messengers: [messenger], calendar, clock: t.clock, logger: silentLogger, options: { rateLimits: {} },
      ...createScheduledMessages({ store: t.store, kb, calendar, logger: silentLogger }),
    });
    const before = await seen(t);
    // Friday 27 November 2026, 14:05 in Helsinki: the week's summaries are due.
    const friday = '2026-11-27T12:05:00Z';
    t.clock.set(friday);
    await scheduler.runOnce(new Date(friday));
    expect(messenger.deliveries().filter((d) => d.key?.startsWith('summary:')).length).toBeGreaterThanOrEqual(5);
    expect(await views(t, before)).toEqual([
      'liisa→aino teacher scheduled',
      'liisa→ville teacher scheduled',
      'mikko→aino instructor scheduled',
      'sanna→ville instructor scheduled',
    ]);
  });
});
