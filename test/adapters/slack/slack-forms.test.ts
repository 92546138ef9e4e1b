// Forms as Block Kit messages and modals, submitted and recorded; the "Log as observation" shortcut.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  appHomeOpened,
  blockActions,
  blocksText,
  buttonNamed,
  buttonsOf,
  CHECKIN_FORM_ID,
  createFixtureCore,
  dmEvent,
  INSTRUCTOR,
  INSTRUCTORS_ONLY_TEXT,
  messageShortcut,
  slashCommand,
  startSlackHarness,
  stateFor,
  STUDENT,
  UNKNOWN_FORM_TEXT,
  viewOf,
  viewSubmission,
  type FixtureCore,
  type SlackHarness,
} from './fixtures.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';

let h: SlackHarness;
let core: FixtureCore;

async function start(opts: { modalBudgetMs?: number } = {}): Promise<void> {
  core = createFixtureCore();
  h = await startSlackHarness({ core, ...opts });
}
afterEach(async () => h.close());

/** The check-in form, asked for in a DM, as the adapter posted it. */
async function postedCheckin(): Promise<RecordedCall> {
  await h.postEvent(dmEvent({ user: STUDENT.id, text: 'reflect' }));
  return h.fake.waitFor('chat.postMessage');
}

const titleOf = (view: Record<string, unknown>) => z.object({ text: z.string() }).parse(view.title).text;

describe('a form in a message', () => {
  it('renders grouped requirements, a 1–5 rating, short text inline and long text behind a button', async () => {
    await start();
    const post = await postedCheckin();
    const blocks = blocksText(post.args.blocks);
    expect(blocks).toContain('"type":"multi_static_select"');
    expect(blocks).toContain('"option_groups":[{"label":{"type":"plain_text","text":"Asiakaspalvelu"');
    expect(blocks).toContain('"initial_options":[{"text":{"type":"plain_text","text":"käyttää asiakkuudenhallinnan tietojärjestelmiä"');
    expect(blocks).toContain('"type":"radio_buttons"');
    expect(blocks).toContain('"1 – tarvitsin paljon apua"');
    expect(blocks).toContain('"Työtehtävä yhdellä rivillä"');
    expect(blocks).not.toContain('Mitä opit?"'); // long text is in the modal
    expect(buttonsOf(post.args).map((b) => b.action_id)).toEqual(['osaava_form_submit', 'osaava_form_text']);
    expect(JSON.parse(buttonNamed(post.args, 'osaava_form_submit').value ?? '')).toEqual({ k: 'checkin', id: CHECKIN_FORM_ID });
  });

  it('submits what was picked to the core and replaces the card with what was recorded', async () => {
    await start();
    const post = await postedCheckin();
    const submit = buttonNamed(post.args, 'osaava_form_submit');
    const res = await h.postInteraction(
      blockActions({
        user: STUDENT.id,
        action: { action_id: submit.action_id, value: submit.value },
        channel: 'DAINO001',
        messageTs: '1700000000.000042',
        stateValues: stateFor(post.args, { requirements: ['AH-V1', 'AH-V5'], confidence: '4', task: 'Asiakaspuhelut' }),
      }),
    );
    expect(res.status).toBe(200);
    const update = await h.fake.waitFor('chat.update');
    expect(core.submitted[0]).toMatchObject({
      platform: 'slack',
      userId: STUDENT.id,
      tenantId: 'T0SCHOOL',
      email: STUDENT.email,
      formKind: 'checkin',
      formId: CHECKIN_FORM_ID,
      values: { requirements: ['AH-V1', 'AH-V5'], confidence: 4, task: 'Asiakaspuhelut' },
    });
    expect(update.args).toMatchObject({ channel: 'DAINO001', ts: '1700000000.000042' });
    expect(blocksText(update.args.blocks)).toContain('Kirjattu: *AH-V1, AH-V5*, varmuus 4.');
    expect(blocksText(update.args.blocks)).not.toContain('multi_static_select');
  });

  it('opens the long text fields in a modal and submits them with what was picked in the message', async () => {
    await start();
    const post = await postedCheckin();
    const write = buttonNamed(post.args, 'osaava_form_text');
    await h.postInteraction(
      blockActions({
        user: STUDENT.id,
        action: { action_id: write.action_id, value: write.value },
        channel: 'DAINO001',
        messageTs: '1700000000.000077',
        stateValues: stateFor(post.args, { requirements: ['AH-V2'], confidence: '3' }),
      }),
    );
    const open = await h.fake.waitFor('views.open');
    expect(open.args.trigger_id).toBe('1111.2222.action-trigger');
    const view = viewOf(open);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'osaava_form' });
    expect(blocksText(view.blocks)).toContain('"multiline":true');
    expect(blocksText(view.blocks)).toContain('Kerro omin sanoin');

    await h.postInteraction(
      viewSubmission({
        user: STUDENT.id,
        callbackId: 'osaava_form',
        privateMetadata: String(view.private_metadata),
        stateValues: stateFor(open.args, { learned: 'Opin kirjaamaan reklamaation.', next: 'Tarjousten laatiminen' }),
      }),
    );
    const update = await h.fake.waitFor('chat.update');
    expect(core.submitted[0]?.values).toEqual({ requirements: ['AH-V2'], confidence: 3, learned: 'Opin kirjaamaan reklamaation.', next: 'Tarjousten laatiminen' });
    expect(update.args).toMatchObject({ channel: 'DAINO001', ts: '1700000000.000077' });
  });

  it('shows the core\'s message for a form it no longer knows (a stale card)', async () => {
    await start();
    await h.postInteraction(
      blockActions({ user: STUDENT.id, action: { action_id: 'osaava_form_submit', value: JSON.stringify({ k: 'checkin', id: 'checkin-2024-01-01-gone' }) }, channel: 'DAINO001' }),
    );
    const update = await h.fake.waitFor('chat.update');
    expect(blocksText(update.args.blocks)).toContain(UNKNOWN_FORM_TEXT);
  });

  it('replaces an ephemeral form (from /osaava) through its response_url', async () => {
    await start();
    await h.postForm(slashCommand({ user: STUDENT.id, text: 'reflect', responseUrl: h.fake.responseUrl('cmd') }));
    const form = await h.fake.waitForResponse((r) => r.id === 'cmd');
    const submit = buttonNamed(form.body, 'osaava_form_submit');
    await h.postInteraction(
      blockActions({
        user: STUDENT.id,
        action: { action_id: submit.action_id, value: submit.value },
        ephemeral: true,
        responseUrl: h.fake.responseUrl('card'),
        stateValues: stateFor(form.body, { requirements: ['AH-V1'], confidence: '5' }),
      }),
    );
    const replaced = await h.fake.waitForResponse((r) => r.id === 'card');
    expect(replaced.body.replace_original).toBe(true);
    expect(blocksText(replaced.body.blocks)).toContain('varmuus 5');
    expect(h.fake.callsTo('chat.update')).toEqual([]);
  });

  it('submits a form on the Home tab and republishes the home with the confirmation on top', async () => {
    await start();
    await h.postEvent(appHomeOpened({ user: STUDENT.id }));
    await h.fake.waitFor('views.publish');
    await h.postInteraction(
      blockActions({ user: STUDENT.id, action: { action_id: 'osaava_form_submit', value: JSON.stringify({ k: 'checkin', id: CHECKIN_FORM_ID }) }, home: true, stateValues: {} }),
    );
    const republished = await h.fake.waitFor('views.publish', (c) => blocksText(c.args.view).includes('Kirjattu'));
    const text = blocksText(republished.args.view);
    expect(text.indexOf('Kirjattu')).toBeLessThan(text.indexOf('Edistymisesi'));
  });
});

describe('the "Log as observation" shortcut', () => {
  it('opens the drafted observation form as a modal, prefilled with the message', async () => {
    await start();
    const res = await h.postInteraction(messageShortcut({ user: INSTRUCTOR.id, text: '', responseUrl: h.fake.responseUrl('sc') }));
    expect(res.status).toBe(200);
    const open = await h.fake.waitFor('views.open');
    expect(open.args.trigger_id).toBe('5555.6666.shortcut-trigger');
    expect(core.drafts[0]).toMatchObject({ user: { userId: INSTRUCTOR.id, email: INSTRUCTOR.email }, text: 'Aino hoiti <hankalan> asiakkaan rauhallisesti.' });
    const view = viewOf(open);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'osaava_form', submit: { text: 'Log it' } });
    expect(titleOf(view)).toBe('Log an observation…');
    expect(blocksText(view.blocks)).toContain('"initial_value":"Aino hoiti <hankalan> asiakkaan rauhallisesti."');

    await h.postInteraction(
      viewSubmission({
        user: INSTRUCTOR.id,
        callbackId: 'osaava_form',
        privateMetadata: String(view.private_metadata),
        stateValues: stateFor(open.args, { student: 'stu-aino', requirements: ['AH-V1'], note: 'Aino hoiti asiakkaan rauhallisesti.' }),
      }),
    );
    const dm = await h.fake.waitFor('chat.postMessage');
    expect(core.submitted[0]).toMatchObject({ formKind: 'observation', formId: 'obs-draft-1', values: { student: 'stu-aino', requirements: ['AH-V1'], note: 'Aino hoiti asiakkaan rauhallisesti.' } });
    expect(dm.args.channel).toBe(INSTRUCTOR.id);
    expect(blocksText(dm.args.blocks)).toContain('Kirjattu');
  });

  it("tells a student ephemerally that only instructors log observations, without a modal", async () => {
    await start();
    await h.postInteraction(messageShortcut({ user: STUDENT.id, text: '', responseUrl: h.fake.responseUrl('student-sc') }));
    const answer = await h.fake.waitForResponse((r) => r.id === 'student-sc');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocksText(answer.body.blocks)).toContain(INSTRUCTORS_ONLY_TEXT);
    expect(h.fake.callsTo('views.open')).toEqual([]);
  });

  it('opens a waiting modal at once when the draft is slow, then swaps in the form', async () => {
    await start({ modalBudgetMs: 50 });
    core.draftDelayMs = 300;
    await h.postInteraction(messageShortcut({ user: INSTRUCTOR.id, text: '', responseUrl: h.fake.responseUrl('slow') }));
    const open = await h.fake.waitFor('views.open');
    expect(blocksText(open.args.view)).toContain('One moment');
    const update = await h.fake.waitFor('views.update');
    // The id the fake gave the waiting modal.
    expect(update.args.view_id).toBe('V000001');
    expect(viewOf(update)).toMatchObject({ callback_id: 'osaava_form' });
    expect(blocksText(update.args.view)).toContain('Aino hoiti');
  });

  it('answers a shortcut it does not know with a note', async () => {
    await start();
    await h.postInteraction(messageShortcut({ user: INSTRUCTOR.id, text: '', responseUrl: h.fake.responseUrl('other'), callbackId: 'something_else' }));
    const note = await h.fake.waitForResponse((r) => r.id === 'other');
    expect(String(note.body.text)).toContain('no longer recognised');
    expect(core.drafts).toEqual([]);
  });
});
