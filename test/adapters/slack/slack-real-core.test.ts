// Slack over the real core and a demo database: people matched by the e-mail users.info gives, each
// slash subcommand, the check-in card answered and recorded, access refused for a student asking about
// another, the observation shortcut, App Home for each role.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore as createRealCore, type TestCore as RealCore } from '../../support/core.ts';
import {
  appHomeOpened,
  blockActions,
  blocksText,
  buttonNamed,
  buttonsOf,
  dmEvent,
  messageShortcut,
  privateMetadataOf,
  slashCommand,
  startSlackHarness,
  stateFor,
  viewSubmission,
  type SlackHarness,
} from './fixtures.ts';

const AINO = { id: 'UDEMOAINO', email: 'aino.virtanen@opiskelija.example.fi', locale: 'fi-FI' };
const MIKKO = { id: 'UDEMOMIKKO', email: 'mikko.laine@kodintekniikka.example.fi', locale: 'fi-FI' };
const LIISA = { id: 'UDEMOLIISA', email: 'liisa.heikkinen@oppilaitos.example.fi', locale: 'fi-FI' };
const OUTSIDER = { id: 'UOUTSIDER', email: 'someone@elsewhere.example.com', locale: 'en-US' };

let real: RealCore;
let h: SlackHarness | undefined;

beforeAll(async () => {
  real = await createRealCore();
}, 60_000);
afterAll(async () => real?.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function start(): Promise<SlackHarness> {
  h = await startSlackHarness({ core: real.core, users: [AINO, MIKKO, LIISA, OUTSIDER] });
  return h;
}

async function command(slack: SlackHarness, user: string, text: string): Promise<string> {
  const id = `${user}-${Math.random().toString(36).slice(2)}`;
  await slack.postForm(slashCommand({ user, text, responseUrl: slack.fake.responseUrl(id) }));
  const answer = await slack.fake.waitForResponse((r) => r.id === id, 10_000);
  expect(answer.body.response_type).toBe('ephemeral');
  return blocksText(answer.body.blocks);
}

describe('Slack over the real core', () => {
  it('matches a Slack user to a person by e-mail and links them', async () => {
    const slack = await start();
    await slack.postEvent(dmEvent({ user: AINO.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    const post = await slack.fake.waitFor('chat.postMessage', undefined, 10_000);
    expect(blocksText(post.args.blocks)).toContain('[AH-G4.1]');
    const linked = await real.store.people.findByIdentity({ platform: 'slack', tenantId: 'T0SCHOOL', externalId: AINO.id });
    expect(linked?.id).toBe('aino');
  });

  it.each([
    // The core reads the language from the text: "help" is English even for a user whose Slack is Finnish.
    [AINO, '', 'my progress'],
    [AINO, 'apua', 'reflektoi'],
    [AINO, 'edistymiseni', '21/25'],
    [AINO, 'havaintoni', 'Havainnot sinusta'],
    [MIKKO, 'opiskelijani', 'Aino Virtanen'],
    [MIKKO, 'havainto Aino: hoiti reklamaation rauhallisesti', 'Havainto: Aino Virtanen'],
    [MIKKO, 'viikkokooste Aino', 'Näyttöä kertynyt yhteensä'],
    [AINO, 'reflektoi', 'multi_static_select'],
  ])('/osaava for %s: "%s"', async (user, text, expected) => {
    const slack = await start();
    expect(await command(slack, user.id, text)).toContain(expected);
  });

  it("refuses a student asking about another student's progress", async () => {
    const slack = await start();
    const answer = await command(slack, AINO.id, 'progress Ville');
    expect(answer).toContain('not allowed');
    expect(answer).not.toContain('Lahden Tilitoimisto');
  });

  it('answers an unknown user’s curriculum question and tells them how to get enrolled for the rest', async () => {
    const slack = await start();
    expect(await command(slack, OUTSIDER.id, 'What is needed for grade 3?')).toContain('AH-G3.1');
    expect(await command(slack, OUTSIDER.id, 'progress')).toContain('Ask your teacher to add your placement');
  });

  it('records a check-in answered on the card and shows what was recorded', async () => {
    const slack = await start();
    await slack.postEvent(dmEvent({ user: AINO.id, text: 'reflektoi' }));
    const card = await slack.fake.waitFor('chat.postMessage', undefined, 10_000);
    // "Mitä teit tänään?" is required and long: the card's one button opens the modal.
    expect(buttonsOf(card.args).map((b) => b.action_id)).toEqual(['osaava_form_text']);
    const write = buttonNamed(card.args, 'osaava_form_text');
    await slack.postInteraction(
      blockActions({
        user: AINO.id,
        action: { action_id: write.action_id, value: write.value },
        channel: 'DDEMOAINO',
        messageTs: '1700000000.000500',
        stateValues: stateFor(card.args, { requirements: ['AH-T4'], confidence: '4' }),
      }),
    );
    const open = await slack.fake.waitFor('views.open');
    expect(blocksText(open.args.view)).toContain('Mitä teit tänään?');
    await slack.postInteraction(
      viewSubmission({ user: AINO.id, callbackId: 'osaava_form', privateMetadata: privateMetadataOf(open), stateValues: stateFor(open.args, { text: 'Päivitin asiakasrekisterin' }) }),
    );
    const update = await slack.fake.waitFor('chat.update', undefined, 10_000);
    expect(update.args).toMatchObject({ channel: 'DDEMOAINO', ts: '1700000000.000500' });
    expect(blocksText(update.args.blocks)).toContain('Reflektio tallennettu');
    const day = await real.store.reflections.findForDay('pl_demo_aino', '2026-11-23');
    expect(day).toMatchObject({ text: 'Päivitin asiakasrekisterin', requirementIds: ['AH-T4'], confidence: 4 });
  });

  it('lets an instructor log an observation from a message with the shortcut', async () => {
    const slack = await start();
    const shortcut = messageShortcut({ user: MIKKO.id, text: '', responseUrl: slack.fake.responseUrl('obs') });
    shortcut.message.text = 'Aino: hoiti asiakkaan reklamaation rauhallisesti ja kirjasi sen järjestelmään';
    await slack.postInteraction(shortcut);
    const open = await slack.fake.waitFor('views.open', undefined, 10_000);
    const view = blocksText(open.args.view);
    expect(view).toContain('Havainto: Aino');
    expect(view).toContain('"initial_value":"hoiti asiakkaan reklamaation rauhallisesti ja kirjasi sen järjestelmään"');
    await slack.postInteraction(
      viewSubmission({
        user: MIKKO.id,
        callbackId: 'osaava_form',
        privateMetadata: privateMetadataOf(open),
        stateValues: stateFor(open.args, { text: 'hoiti asiakkaan reklamaation rauhallisesti', requirements: ['AH-H9'] }),
      }),
    );
    const dm = await slack.fake.waitFor('chat.postMessage', (c) => c.args.channel === MIKKO.id, 10_000);
    expect(blocksText(dm.args.blocks)).toContain('Havainto tallennettu');
  });

  it('does not open the observation modal for a student', async () => {
    const slack = await start();
    await slack.postInteraction(messageShortcut({ user: AINO.id, text: '', responseUrl: slack.fake.responseUrl('student') }));
    const answer = await slack.fake.waitForResponse((r) => r.id === 'student', 10_000);
    expect(blocksText(answer.body.blocks)).toContain('Vain työpaikkaohjaajat ja opettajat');
    expect(slack.fake.callsTo('views.open')).toEqual([]);
  });

  it.each([
    [AINO, ['Edistymisesi', '21/25']],
    [MIKKO, ['Opiskelijasi (1)', 'Aino Virtanen']],
    [LIISA, ['Opiskelijasi (2)', 'Ville Mäkinen']],
    [OUTSIDER, ['Osaava']],
  ])('shows App Home for %s', async (user, expected) => {
    const slack = await start();
    await slack.postEvent(appHomeOpened({ user: user.id }));
    const publish = await slack.fake.waitFor('views.publish', undefined, 10_000);
    expect(publish.args.user_id).toBe(user.id);
    for (const text of expected) expect(blocksText(publish.args.view)).toContain(text);
  });
});
