// A cry for help reaches the instructor the same day: a saved check-in with a new answer to
// "Tarvitsetko apua?" sends the placement's instructor (the teacher when there is none) a short
// message through the platforms at once, and the student's reply says so. Through the real core,
// with a recording messenger as the local platform.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkCalendar } from '../../../src/calendar/index.ts';
import { composeChatCore } from '../../../src/compose-core.ts';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { type FormReply, type Reply, userText } from '../../../src/conversation/reply.ts';
import { createSummaryService } from '../../../src/features/summaries/summary-service.ts';
import type { Behaviour } from '../../../src/messaging/recording-messenger.ts';
import { createRecordingMessenger } from '../../../src/messaging/recording-messenger.ts';
import type { Messenger } from '../../../src/messaging/messenger.ts';
import { createPersonMessenger } from '../../../src/messaging/person-messenger.ts';
import { createRequirementSuggester } from '../../../src/requirement-suggestions/requirement-suggester.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { createStore, type Store } from '../../../src/storage/store.ts';
import { createTestClock, describeEachBackend, openTestDatabase, silentLogger, type TestDatabase } from '../../storage/backends.ts';
import { DEMO_NOW } from '../../support/core.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const HELP = 'En osaa käyttää kassajärjestelmän palautustoimintoa';

describeEachBackend('a cry for help on %s', (backend) => {
  let database: TestDatabase;
  let core: ChatCore;
  let store: Store;
  let failNext = false;
  const clock = createTestClock(DEMO_NOW); // Monday 23.11.2026, 12:00 in Helsinki
  const recording = createRecordingMessenger({
    platform: 'local',
    clock,
    behaviour: (): Behaviour => (failNext ? { record: false, result: { ok: false, reason: 'unreachable', detail: 'unreachable: user_not_found' } } : { record: true, result: { ok: true } }),
  });
  // What was sent, readable: the recording keeps each reply's heading only.
  const sent: { userId: string; text: string }[] = [];
  const messenger: Messenger = {
    platform: 'local',
    async send(to, replies, options) {
      const result = await recording.send(to, replies, options);
      if (result.ok) sent.push({ userId: to.userId, text: replies.map(renderPlainText).join('\n') });
      return result;
    },
  };

  beforeAll(async () => {
    database = await openTestDatabase(backend);
    await seedDemo(database.db, { today: DEMO_NOW.slice(0, 10) });
    store = createStore(database.db, clock);
    const { kb, answers } = realKnowledge();
    const calendar = createWorkCalendar();
    const messagePerson = createPersonMessenger({
      messengers: () => [messenger],
      addressesOf: async (id) => (await store.people.listIdentities(id)).map((i) => ({ platform: i.platform, tenantId: i.tenantId, userId: i.externalId })),
    });
    core = composeChatCore({
      store, kb, answers, calendar, clock, logger: silentLogger, messagePerson,
      summaries: createSummaryService({ repo: store.weeklySummaries, audit: store.audit, kb, calendar, options: { extraDaysOff: [] }, logger: silentLogger }),
      suggestRequirements: createRequirementSuggester({ index: answers.index, logger: silentLogger }),
      exportDir: join(mkdtempSync(join(tmpdir(), 'osaava-export-')), 'exports'),
    });
  }, 60_000);
  afterAll(async () => database?.close());

  const say = (user: string, text: string) => core.handle({ platform: 'local', userId: user, tenantId: '', text });
  const card = async (user: string) => (await say(user, 'reflektoi')).find((r): r is FormReply => r.kind === 'form');
  const submit = async (user: string, values: Record<string, string | string[]>): Promise<string> => {
    const form = await card(user);
    const replies: Reply[] = await core.submit({ platform: 'local', userId: user, tenantId: '', formKind: 'checkin', formId: form?.formId ?? '', values });
    return replies.map(renderPlainText).join('\n');
  };

  it("tells Aino's instructor at once, with the text, and tells Aino so", async () => {
    const reply = await submit('aino', { text: 'Palautin asiakkaan tuotteen', requirements: [], confidence: '2', help: HELP });
    expect(recording.deliveries().map((d) => [d.userId, d.replies[0]])).toEqual([['mikko', `message:${userText('Aino Virtanen')} pyytää apua`]]);
    expect(sent[0]?.text).toContain(HELP);
    expect(sent[0]?.text).toContain('Kodin Tekniikka Oy');
    expect(sent[0]?.text).toContain('23.11.2026');
    expect(reply).toContain('Kerroin avunpyynnöstäsi heti ohjaajallesi (Mikko Laine)');
    expect(reply).not.toContain('viikkokoosteessa');
  });

  it('does not tell again when the same help text is saved again', async () => {
    const reply = await submit('aino', { text: 'Palautin asiakkaan tuotteen ja päivitin tiedot', requirements: [], confidence: '3', help: HELP });
    expect(reply).toContain('päivitetty');
    expect(recording.deliveries()).toHaveLength(1);
  });

  it('tells again when the help text changes', async () => {
    await submit('aino', { text: 'Palautin asiakkaan tuotteen', requirements: [], help: 'Tarvitsen apua myös hinnoittelussa' });
    expect(recording.deliveries()).toHaveLength(2);
    expect(sent[1]?.text).toContain('Tarvitsen apua myös hinnoittelussa');
  });

  it('sends nothing for a check-in without a help request', async () => {
    await submit('ville', { text: 'Tein kuukausiraportin', requirements: [] });
    expect(recording.deliveries()).toHaveLength(2);
  });

  it("tells the teacher when the placement has no instructor, in the teacher's language", async () => {
    await store.people.create({ id: 'emma', name: 'Emma Esimerkki', roles: ['student'] });
    await store.people.linkIdentity({ platform: 'local', externalId: 'emma', personId: 'emma' });
    await store.placements.create({ studentId: 'emma', teacherId: 'liisa', workplaceName: 'Testi Oy', unitIds: ['asiakkuuksien-hoitaminen'], startDate: '2026-11-02', endDate: '2027-01-29', status: 'active' });
    const reply = await submit('emma', { text: 'Ensimmäinen päivä', requirements: [], help: 'Kukaan ei ole perehdyttänyt minua' });
    expect(recording.deliveries().at(-1)).toMatchObject({ userId: 'liisa', replies: [`message:${userText('Emma Esimerkki')} pyytää apua`] });
    expect(sent.at(-1)?.text).toContain('opettajansa');
    expect(reply).toContain('opettajallesi (Liisa Heikkinen)');
  });

  it('tells the student when the message could not be delivered, and the answer is saved all the same', async () => {
    failNext = true;
    const reply = await submit('ville', { text: 'Tein kuukausiraportin', requirements: [], help: 'Who can I ask about VAT?' });
    failNext = false;
    expect(reply).toContain('En saanut avunpyyntöäsi juuri nyt perille ohjaajallesi (Sanna Koskinen)');
    expect(reply).toContain('Reflektio päivitetty');
    expect((await store.reflections.findForDay('pl_demo_ville', '2026-11-23'))?.helpNeeded).toBe('Who can I ask about VAT?');
    expect(recording.deliveries().some((d) => d.userId === 'sanna')).toBe(false);
  });
});
