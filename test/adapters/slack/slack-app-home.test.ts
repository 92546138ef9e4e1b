// The Slack App Home over the real core with the check-in extension registered, as src/app.ts wires
// it, driven through the real Bolt app with signed HTTP events and interactions. A student sees her
// progress per section, this week's check-ins and a form to move her daily check-in; submitting it
// changes her placement in the database and republishes the home with a confirmation. Staff see their
// students at a glance; someone Osaava does not know is told how to get enrolled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import type { ReflectionStatus } from '../../../src/storage/domain.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { createTestClock, openTestDatabase, type TestDatabase } from '../../storage/backends.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { appHomeOpened, blockActions, blocksText, buttonNamed, startSlackHarness, stateFor, type SlackHarness } from './fixtures.ts';
import { buildRealCore } from '../../support/core.ts';

/** Wednesday 25 November 2026, 12:00 in Helsinki. Aino's check-in is at 15:30 on Mon–Fri (the demo's). */
const NOW = '2026-11-25T10:00:00Z';

const AINO = { id: 'UDEMOAINO', email: 'aino.virtanen@opiskelija.example.fi', locale: 'fi-FI' };
const VILLE = { id: 'UDEMOVILLE', email: 'ville.makinen@opiskelija.example.fi', locale: 'fi-FI' };
const MIKKO = { id: 'UDEMOMIKKO', email: 'mikko.laine@kodintekniikka.example.fi', locale: 'fi-FI' };
const LIISA = { id: 'UDEMOLIISA', email: 'liisa.heikkinen@oppilaitos.example.fi', locale: 'fi-FI' };
const OUTSIDER = { id: 'UOUTSIDER', email: 'someone@elsewhere.example.com', locale: 'en-US' };

const DEMO_SECTIONS = [
  ['Valmistautuminen ja työn suunnittelu', 7],
  ['Asiakkuuden hoitaminen', 12],
  ['Tietojärjestelmät ja raportointi', 6],
] as const;

const selectSchema = z.object({
  type: z.literal('static_select'),
  options: z.array(z.object({ value: z.string() })),
  initial_option: z.object({ value: z.string() }).optional(),
});

const viewBlocksSchema = z.object({ blocks: z.array(z.object({ type: z.string(), block_id: z.string().optional(), element: z.unknown().optional() })) });

/** The check-in time select of a published home, if it has one. */
function timeSelect(call: RecordedCall): z.infer<typeof selectSchema> | undefined {
  const block = viewBlocksSchema.parse(call.args.view).blocks.find((b) => b.type === 'input' && b.block_id === 'osaava:s:time');
  return block ? selectSchema.parse(block.element) : undefined;
}

let database: TestDatabase;
let core: ChatCore;
let slack: SlackHarness | undefined;

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await seedDemo(database.db, { today: NOW.slice(0, 10) });
  const clock = createTestClock(NOW);
  const built = buildRealCore(database.db, clock);
  core = built.core;
}, 60_000);
afterAll(async () => database?.close());
afterEach(async () => {
  await slack?.close();
  slack = undefined;
});

async function start(): Promise<SlackHarness> {
  slack = await startSlackHarness({ core, users: [AINO, VILLE, MIKKO, LIISA, OUTSIDER] });
  return slack;
}

/** The next views.publish for `userId` after `action` (an event or an interaction posted to the app). */
async function publishedAfter(h: SlackHarness, userId: string, action: () => Promise<{ status: number }>): Promise<RecordedCall> {
  const from = h.fake.calls.length;
  expect((await action()).status).toBe(200);
  return h.fake.waitFor('views.publish', (c) => h.fake.calls.indexOf(c) >= from && c.args.user_id === userId, 10_000);
}

const openHome = (h: SlackHarness, userId: string) => publishedAfter(h, userId, () => h.postEvent(appHomeOpened({ user: userId })));

const checkinTime = async (placementId: string) =>
  (await database.db.selectFrom('placement').select('checkin_time').where('id', '=', placementId).executeTakeFirstOrThrow()).checkin_time;

describe('Slack App Home with the check-in extension', () => {
  it("shows Aino her progress per section, this week's check-ins and the check-in time form", async () => {
    const h = await start();
    const home = await openHome(h, AINO.id);
    expect(home.args.view).toMatchObject({ type: 'home' });
    const text = blocksText(home.args.view);

    expect(text).toContain('Edistymisesi');
    expect(text).toMatch(/\*\d+\/25\* ammattitaitovaatimusta on näytetty/);
    for (const [section, total] of DEMO_SECTIONS) expect(text).toMatch(new RegExp(`${section}: \\*\\d+/${total}\\*`));

    // This week's working days, each with what became of its check-in (Mon and Tue from the demo's reflections).
    expect(text).toContain('Tämän viikon kyselyt');
    const reflections = await database.db.selectFrom('reflection').select(['local_date', 'status']).where('placement_id', '=', 'pl_demo_aino').where('local_date', 'in', ['2026-11-23', '2026-11-24']).execute();
    const label: Record<ReflectionStatus, string> = { answered: 'vastattu', absent: 'poissa', skipped: 'ohitettu' };
    expect(reflections).toHaveLength(2);
    for (const r of reflections) expect(text).toContain(`${Number(r.local_date.slice(8))}.11.2026: ${label[r.status]}`);
    expect(text).toContain('25.11.2026: tänään');
    expect(text).toContain('26.11.2026: tulossa');
    expect(text).toContain('27.11.2026: tulossa');
    expect(text).not.toContain('28.11.2026'); // Saturday

    // The form: a static select of the day's half hours with her current time picked, and its submit button.
    expect(text).toContain('Päivän kyselyn aika');
    expect(text).toContain('Kysely tulee työpäivinä klo 15:30.');
    const select = timeSelect(home);
    expect(select?.initial_option?.value).toBe('15:30');
    expect(select?.options.map((o) => o.value)).toEqual(expect.arrayContaining(['07:00', '14:00', '15:30', '20:00']));
    expect(select?.options).toHaveLength(27);
    expect(JSON.parse(buttonNamed(home.args, 'osaava_form_submit').value ?? '')).toEqual({ k: 'checkin-time', id: 'pl_demo_aino' });

    // Only her own data.
    expect(text).not.toContain('Ville');
    expect(text).not.toContain('Lahden Tilitoimisto');
  });

  it('moves her check-in when she submits the form, and republishes the home with the confirmation on top', async () => {
    const h = await start();
    const home = await openHome(h, AINO.id);
    const submit = buttonNamed(home.args, 'osaava_form_submit');
    const republished = await publishedAfter(h, AINO.id, () =>
      h.postInteraction(blockActions({ user: AINO.id, action: { action_id: submit.action_id, value: submit.value }, home: true, stateValues: stateFor(home.args, { time: '14:00' }) })),
    );
    expect(await checkinTime('pl_demo_aino')).toBe('14:00');
    expect(await checkinTime('pl_demo_ville')).toBe('15:00');

    const text = blocksText(republished.args.view);
    const confirmation = text.indexOf('Selvä: päivän kysely tulee jatkossa klo 14:00 (Europe/Helsinki).');
    expect(confirmation).toBeGreaterThanOrEqual(0);
    expect(confirmation).toBeLessThan(text.indexOf('Edistymisesi'));
    expect(text).toContain('Kysely tulee työpäivinä klo 14:00.');
    expect(timeSelect(republished)?.initial_option?.value).toBe('14:00');

    // The next time she opens the tab it shows the new time too.
    expect(timeSelect(await openHome(h, AINO.id))?.initial_option?.value).toBe('14:00');
  });

  it('refuses a time that is not HH:MM (the state comes from the client) and changes nothing', async () => {
    const h = await start();
    const before = await checkinTime('pl_demo_aino');
    const home = await openHome(h, AINO.id);
    const submit = buttonNamed(home.args, 'osaava_form_submit');
    const republished = await publishedAfter(h, AINO.id, () =>
      h.postInteraction(blockActions({ user: AINO.id, action: { action_id: submit.action_id, value: submit.value }, home: true, stateValues: stateFor(home.args, { time: '25:10' }) })),
    );
    expect(blocksText(republished.args.view)).toContain('Anna aika muodossa HH:MM');
    expect(await checkinTime('pl_demo_aino')).toBe(before);
  });

  it("changes only the submitter's own placement, whatever placement the form names", async () => {
    const h = await start();
    const before = await checkinTime('pl_demo_aino');
    // Ville submits a form that names Aino's placement.
    const republished = await publishedAfter(h, VILLE.id, () =>
      h.postInteraction(
        blockActions({
          user: VILLE.id,
          action: { action_id: 'osaava_form_submit', value: JSON.stringify({ k: 'checkin-time', id: 'pl_demo_aino' }) },
          home: true,
          stateValues: { 'osaava:s:time': { osaava_input: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '09:00' }, value: '09:00' } } } },
        }),
      ),
    );
    expect(await checkinTime('pl_demo_aino')).toBe(before);
    expect(await checkinTime('pl_demo_ville')).toBe('09:00');
    const text = blocksText(republished.args.view);
    expect(text).toContain('klo 09:00');
    expect(text).toContain('Lahden Tilitoimisto Oy');
    expect(text).not.toContain('Kodin Tekniikka');
  });

  it('shows Mikko his one student at a glance, and no check-in form', async () => {
    const h = await start();
    const home = await openHome(h, MIKKO.id);
    const text = blocksText(home.args.view);
    expect(text).toContain('Opiskelijasi (1)');
    expect(text).toMatch(/\*Aino Virtanen\* · Kodin Tekniikka Oy · näyttöä \*\d+\/25\* · viimeisin reflektio \d+\.11\.2026 · \d+ pv jäljellä/);
    expect(text).toContain('havainto Aino'); // what he can do
    expect(text).not.toContain('Ville');
    expect(timeSelect(home)).toBeUndefined();
  });

  it('shows Liisa both of her students at a glance', async () => {
    const h = await start();
    const home = await openHome(h, LIISA.id);
    const text = blocksText(home.args.view);
    expect(text).toContain('Opiskelijasi (2)');
    expect(text).toMatch(/\*Aino Virtanen\* · Kodin Tekniikka Oy · näyttöä \*\d+\/25\*/);
    expect(text).toMatch(/\*Ville Mäkinen\* · Lahden Tilitoimisto Oy · näyttöä \*\d+\/25\*/);
    expect(text).toContain('lisää jakso');
    expect(timeSelect(home)).toBeUndefined();
  });

  it('shows someone Osaava does not know what it does and how to get enrolled, in their language', async () => {
    const h = await start();
    const home = await openHome(h, OUTSIDER.id);
    const text = blocksText(home.args.view);
    expect(text).toContain("I'm *Osaava*");
    expect(text).toContain('Ask your teacher to add your placement to Osaava');
    expect(text).not.toContain('Aino');
    expect(text).not.toContain('Ville');
    expect(timeSelect(home)).toBeUndefined();
    const linked = await database.db.selectFrom('identity').select('person_id').where('platform', '=', 'slack').where('external_id', '=', OUTSIDER.id).execute();
    expect(linked).toEqual([]);
  });
});
