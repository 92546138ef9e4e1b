import { expect, it } from 'vitest';
import { createWorkCalendar } from '../../../src/calendar/index.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import type { MessageReply } from '../../../src/conversation/reply.ts';
import { computeCoverage, createAuditLog, createWeeklySummaryRepo, weeklyAggregates } from '../../../src/storage/index.ts';
import { createSummaryService, type NarrativeInput } from '../../../src/features/summaries/summary-service.ts';
import type { StudentWeek } from '../../../src/features/summaries/student-week.ts';
import { describeEachBackend, silentLogger, useTestDatabase } from '../../storage/backends.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { AS_OF, BERTTA_HELP, IDS, NAMES, seedWeek, WEEK_START } from './week-fixture.ts';

describeEachBackend('weekly summaries on %s', (backend) => {
  const t = useTestDatabase(backend);
  const { kb } = realKnowledge();
  const narrated: NarrativeInput[] = [];
  const service = () =>
    createSummaryService({
      repo: createWeeklySummaryRepo(t.db), audit: createAuditLog(t.db), kb, calendar: createWorkCalendar(), options: { extraDaysOff: [] }, logger: silentLogger,
      narrate: async (input) => {
        narrated.push(input);
        return input.audience === 'staff' ? `Kertomus: ${input.student.name}` : null;
      },
    });
  let weeks: StudentWeek[] = [];
  const week = (placementId: string): StudentWeek => {
    const found = weeks.find((w) => w.placementId === placementId);
    if (!found) throw new Error(`no week for ${placementId}`);
    return found;
  };
  const text = (reply: MessageReply | null): string => (reply ? renderPlainText(reply) : '');

  it('computes the figures of the seeded week', async () => {
    await seedWeek(t.db);
    weeks = await service().weeks(WEEK_START, AS_OF, [IDS.plAnna, IDS.plBertta, IDS.plCecilia]);
    const anna = week(IDS.plAnna);
    expect(anna.checkins).toEqual({ scheduled: 3, answered: 3 });
    expect(anna.reflections).toEqual({ answered: 3, skipped: 0, absent: 1 });
    expect(anna.observations).toBe(1);
    expect(anna.touched.map((r) => r.id)).toEqual(['AH-H1', 'AH-H3', 'AH-H4', 'AH-V1', 'AH-V2']);
    expect(anna.units.map((u) => u.unit.id)).toEqual(['asiakkuuksien-hoitaminen']);
    expect(anna.units[0]?.sections.map((s) => `${s.covered}/${s.total}`)).toEqual(['3/7', '3/12', '2/6']);
    expect([anna.covered, anna.total]).toEqual([8, 25]);
    expect(anna.units[0]?.uncovered).toHaveLength(17);
    expect([anna.confidenceAvg, anna.confidenceAvgPrevious]).toEqual([4, 3]);
    expect(anna.daysToEnd).toBe(14);
    expect(anna.flags).toEqual([]);

    const bertta = week(IDS.plBertta);
    expect(bertta.checkins).toEqual({ scheduled: 4, answered: 2 });
    expect(bertta.flags).toEqual([
      { kind: 'confidence-falling', from: 3.5, to: 2 },
      { kind: 'help-asked', texts: [BERTTA_HELP] },
    ]);

    const cecilia = week(IDS.plCecilia);
    expect(cecilia.checkins).toEqual({ scheduled: 4, answered: 0 });
    expect(cecilia.firstWeek).toBe(true);
    expect(cecilia.flags).toEqual([
      { kind: 'missed-in-a-row', count: 4 },
      { kind: 'unreachable', detail: 'unreachable: user_not_found' },
    ]);
  });

  it("agrees with the storage layer's weeklyAggregates and computeCoverage", async () => {
    const aggregates = await weeklyAggregates(t.db, WEEK_START, '2026-11-15');
    for (const w of weeks) {
      const aggregate = aggregates.find((a) => a.placementId === w.placementId);
      expect(aggregate?.reflections).toEqual(w.reflections);
      expect(aggregate?.observations).toBe(w.observations);
      expect(aggregate?.requirementsTouched).toEqual(w.touched.map((r) => r.id));
      expect(aggregate?.confidenceAvg).toBe(w.confidenceAvg);
      const coverage = await computeCoverage(t.db, w.placementId, w.units.flatMap((u) => kb.requirements(u.unit)).map((r) => r.requirement.id));
      expect(coverage.filter((c) => c.status !== 'uncovered').length).toBe(w.covered);
    }
  });

  it("writes the instructor's summary for their own students only, with flags, the uncovered list and a critical point", async () => {
    narrated.length = 0;
    const reply = await service().forRecipient({ recipientId: IDS.ilkka, role: 'instructor', lang: 'fi', weekStart: WEEK_START, asOf: AS_OF });
    const body = text(reply);
    expect(body).toContain('Viikkokooste 9.11.2026–15.11.2026');
    expect(body).toContain('Työpaikkaohjaajana: 2 opiskelijaa');
    expect(body).toContain(NAMES.anna);
    expect(body).toContain(NAMES.bertta);
    expect(body).not.toContain(NAMES.cecilia);
    expect(body).toContain('vastattu **3/3**'.replaceAll('**', ''));
    expect(body).toContain('vastattu 2/4');
    expect(body).toContain('yhteensä 8/25');
    expect(body).toContain('Vielä ilman näyttöä (17)');
    expect(body).toContain('jakso päättyy 27.11.2026');
    expect(body).toContain('varmuus laskussa: 3,5 → 2,0');
    expect(body).toContain(BERTTA_HELP);
    expect(body).toContain(`Kertomus: ${NAMES.bertta}`);
    // Anna's placement ends in two weeks: demonstration planning; Bertta asked for help: instruction.
    expect(reply?.citations.map((c) => c.id).sort()).toEqual(['HP-CP4', 'HP-CP7']);
    expect(narrated.map((n) => n.student.name).sort()).toEqual([NAMES.anna, NAMES.bertta]);
    expect(narrated.find((n) => n.student.name === NAMES.anna)?.figures.reflections).toEqual({ answered: 3, skipped: 0, absent: 1 });
  });

  it("writes the teacher's summary of all three, with the missed-in-a-row and unreachable flags", async () => {
    const reply = await service().forRecipient({ recipientId: IDS.tuula, role: 'teacher', lang: 'en', weekStart: WEEK_START, asOf: AS_OF });
    const body = text(reply);
    expect(body).toContain('As teacher: 3 students');
    for (const name of Object.values(NAMES)) expect(body).toContain(name);
    expect(body).toContain('4 daily check-ins in a row unanswered');
    expect(body).toContain('not reachable on the chat platform (unreachable: user_not_found)');
    expect(body).toContain('answered 0/4');
  });

  it('writes the summary in Swedish, quoting the requirements in Finnish without the English translation', async () => {
    const reply = await service().forRecipient({ recipientId: IDS.tuula, role: 'teacher', lang: 'sv', weekStart: WEEK_START, asOf: AS_OF });
    const body = text(reply);
    expect(reply?.lang).toBe('sv');
    expect(body).toContain('Veckosammandrag 9.11.2026–15.11.2026');
    expect(body).toContain('Som lärare: 3 studerande');
    expect(body).toContain('Dagliga frågor besvarade 2/4');
    expect(body).toContain('4 dagliga frågor i rad obesvarade');
    expect(body).toContain('säkerheten sjunker: 3,5 → 2,0');
    expect(body).toContain('nås inte på chattplattformen (unreachable: user_not_found)');
    expect(body).toContain('Ännu utan belägg (17)');
    expect(body).toContain('skriv "framsteg Namn"');
    const v1 = kb.item('AH-V3');
    expect(v1?.kind).toBe('requirement');
    if (v1?.kind === 'requirement') {
      expect(body).toContain(v1.requirement.text.fi);
      expect(body).not.toContain(v1.requirement.text.en);
    }
    expect(body).not.toMatch(/Viikkokooste|Weekly summary|varmuus|confidence/);
    expect(reply?.citations.every((c) => c.text_en === undefined)).toBe(true);
  });

  it("gives each student a recap of their own week that holds nothing of the others'", async () => {
    const recaps = await service().compose(
      [
        { id: 'a', recipientId: IDS.anna, role: 'student', weekStart: WEEK_START, lang: 'fi' },
        { id: 'b', recipientId: IDS.bertta, role: 'student', weekStart: WEEK_START, lang: 'en' },
        { id: 'c', recipientId: IDS.cecilia, role: 'student', weekStart: WEEK_START, lang: 'fi' },
      ],
      AS_OF,
    );
    const anna = text(recaps.get('a') ?? null);
    const bertta = text(recaps.get('b') ?? null);
    expect(anna).toContain('Viikkosi 9.11.2026–15.11.2026');
    expect(anna).toContain('vastattu 3/3');
    expect(bertta).toContain('Your week');
    expect(bertta).toContain('answered 2/4');
    for (const [own, body] of [['anna', anna], ['bertta', bertta], ['cecilia', text(recaps.get('c') ?? null)]] as const) {
      for (const [who, name] of Object.entries(NAMES)) if (who !== own) expect(body).not.toContain(name);
      if (own !== 'bertta') expect(body).not.toContain(BERTTA_HELP);
      expect(body).not.toContain('Työpaikka sw_'.concat(own === 'anna' ? 'bertta' : 'anna'));
    }
    expect(recaps.get('a')?.citations.map((c) => c.id)).toEqual(['HP-CP7']);
  });

  it('has nothing to say to a recipient without students that week', async () => {
    const reply = await service().forRecipient({ recipientId: IDS.irma, role: 'instructor', lang: 'fi', weekStart: '2026-10-05', asOf: new Date('2026-10-09T12:00:00Z') });
    expect(reply).toBeNull();
  });
});
