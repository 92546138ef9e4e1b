// Issue 13, Slack: "No silent cuts" and "Notes that tell the truth" (and every block guarded against empty text).
// Shapes: the message shortcut (`message_action`), block_actions and view_submission payloads are the fixtures'
// builders in fixtures.ts, whose fields follow docs.slack.dev/reference/interaction-payloads (shortcuts,
// block_actions, view_submission); Slack's answer to an empty text object — `invalid_blocks` with
// "must be more than 0 characters [json-pointer:…]" — and `expired_trigger_id` (views.open's documented error
// for a trigger older than 3 seconds) are Slack's own error codes as the Web API stand-in returns them.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contexts, renderMessageBlocks } from '../../../src/adapters/slack/render-blocks.ts';
import { renderFormModal } from '../../../src/adapters/slack/render-form.ts';
import { readFormValues } from '../../../src/adapters/slack/form-values.ts';
import { renderReplacementParts } from '../../../src/adapters/slack/render-reply.ts';
import type { Reply } from '../../../src/conversation/reply.ts';
import { createTestCore, DEMO_NOW } from '../../support/core.ts';
import {
  blockActions,
  blocksOf,
  blocksText,
  buttonNamed,
  CHECKIN_FORM_ID,
  createFixtureCore,
  dmEvent,
  INSTRUCTOR,
  messageShortcut,
  observationForm,
  privateMetadataOf,
  slashCommand,
  startSlackHarness,
  stateFor,
  STUDENT,
  viewOf,
  viewSubmission,
  type FixtureCore,
  type SlackHarness,
} from './fixtures.ts';

let h: SlackHarness | undefined;
let core: FixtureCore;
async function start(): Promise<SlackHarness> {
  core = createFixtureCore();
  h = await startSlackHarness({ core });
  return h;
}
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const sentence = 'Aino hoiti hankalan asiakkaan rauhallisesti ja kirjasi reklamaation järjestelmään oikein. ';
const longText = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);

const inputSchema = z.object({ type: z.literal('input'), block_id: z.string(), element: z.object({ type: z.string(), initial_value: z.string().optional(), max_length: z.number().optional() }).loose() }).loose();
const inputsOf = (blocks: unknown[]) => blocks.filter((b) => inputSchema.safeParse(b).success).map((b) => inputSchema.parse(b));

/** `state.values` as Slack sends them for inputs left as they were prefilled. */
const stateAsPrefilled = (blocks: unknown[]) =>
  Object.fromEntries(inputsOf(blocks).map((b) => [b.block_id, { osaava_input: { type: b.element.type, value: b.element.initial_value ?? null } }]));

describe('no silent cuts', () => {
  it('splits a 3,900-character prefilled observation over two inputs and joins it back whole', async () => {
    const text = longText(3_900);
    const form = { ...observationForm(text), fields: observationForm(text).fields.map((f) => (f.type === 'text' ? { ...f, maxLength: 4000 } : f)) };
    const view = renderFormModal(form, { kind: 'dm' });
    const texts = inputsOf(view.blocks).filter((b) => b.block_id.endsWith(':note'));
    expect(texts.map((b) => b.block_id)).toEqual(['osaava:t:note', 'osaava:t2:note']);
    for (const b of texts) expect((b.element.initial_value ?? '').length).toBeLessThanOrEqual(3000);
    expect(texts.map((b) => b.element.initial_value).join('')).toBe(text);
    expect(readFormValues(stateAsPrefilled(view.blocks)).note).toBe(text);
  });

  it('shows a prefilled text longer than the form takes whole, with the limit stated (not cut)', () => {
    const text = longText(5_000);
    const form = { ...observationForm(text), fields: observationForm(text).fields.map((f) => (f.type === 'text' ? { ...f, maxLength: 4000 } : f)) };
    const view = renderFormModal(form, { kind: 'dm' });
    const parts = inputsOf(view.blocks).filter((b) => b.block_id.endsWith(':note'));
    expect(parts.length).toBe(2);
    expect(parts.map((b) => b.element.initial_value).join('')).toBe(text);
    expect(blocksText(parts[0])).toContain('This text has 5,000 characters; at most 4,000 can be saved.');
  });

  it('opens the shortcut on a 3,900-character message with all of it, and the core gets all of it', async () => {
    const slack = await start();
    const text = longText(3_900);
    const shortcut = messageShortcut({ user: INSTRUCTOR.id, text, responseUrl: slack.fake.responseUrl('long-obs') });
    await slack.postInteraction({ ...shortcut, message: { ...shortcut.message, text } });
    const open = await slack.fake.waitFor('views.open');
    const blocks = z.array(z.unknown()).parse(viewOf(open).blocks);
    const notes = inputsOf(blocks).filter((b) => b.block_id.endsWith(':note'));
    expect(notes.length).toBe(2);
    await slack.postInteraction(viewSubmission({ user: INSTRUCTOR.id, callbackId: 'osaava_form', privateMetadata: String(viewOf(open).private_metadata), stateValues: stateAsPrefilled(blocks) }));
    await expect.poll(() => core.submitted.length).toBe(1);
    // The core got what it drafted from (the message's text as the adapter reads it), all of it.
    expect(core.drafts[0]?.text.length).toBeGreaterThan(3_800);
    expect(core.submitted[0]?.values.note).toBe(core.drafts[0]?.text);
  });

  it('splits a long section and a long context line into several blocks, never cutting the text', () => {
    const paragraph = longText(7_000);
    const blocks = renderMessageBlocks({ kind: 'message', lang: 'fi', blocks: [{ type: 'paragraph', text: paragraph }], citations: [] });
    const sectionTexts = blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(blocks.length).toBe(3);
    for (const t of sectionTexts) expect(t.length).toBeLessThanOrEqual(3000);
    expect(sectionTexts.join('')).toBe(paragraph);
    expect(blocksText(blocks)).not.toContain('…');

    const line = longText(25_000);
    const ctx = contexts([line]);
    const elements = ctx.flatMap((b) => b.elements.map((e) => (e.type === 'image' ? '' : e.text)));
    expect(ctx.length).toBe(1);
    expect(elements.length).toBe(9);
    expect(elements.join('')).toBe(line);
  });
  it('an answer longer than one message replaces the form with its first part and posts the rest', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => ({ type: 'paragraph' as const, text: `Kohta ${i + 1}.` }));
    const parts = renderReplacementParts([{ kind: 'message', lang: 'fi', blocks: paragraphs, citations: [] }]);
    expect(parts.map((p) => p.blocks.length)).toEqual([50, 10]);
    expect(blocksText(parts)).toContain('Kohta 60.');
    expect(blocksText(parts)).not.toContain('lyhennettiin');
  });
});

describe('no silent cuts in a long slash-command answer', () => {
  it('posts what does not fit the response_url\'s five uses to the DM', async () => {
    const slack = await start();
    const paragraphs = Array.from({ length: 260 }, (_, i) => ({ type: 'paragraph' as const, text: `Rivi ${i + 1}.` }));
    core.handle = async () => [{ kind: 'message', lang: 'fi', blocks: paragraphs, citations: [] }];
    await slack.postForm(slashCommand({ user: STUDENT.id, text: 'pitkä vastaus', responseUrl: slack.fake.responseUrl('long-answer') }));
    const dm = await slack.fake.waitFor('chat.postMessage', (c) => c.args.channel === STUDENT.id);
    expect(slack.fake.responses.filter((r) => r.id === 'long-answer').length).toBe(5);
    expect(blocksText(dm.args.blocks)).toContain('Rivi 260.');
  });
});

describe('no block with empty text', () => {
  it('the Web API stand-in refuses an empty section text as Slack does (invalid_blocks)', async () => {
    const slack = await start();
    const res = await fetch(`${slack.fake.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-test-token' },
      body: JSON.stringify({ channel: STUDENT.id, text: 'x', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] }),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: 'invalid_blocks', errors: ['must be more than 0 characters [json-pointer:/blocks/0/text/text]'] });
  });

  it('posts a reply with an empty paragraph, heading, quote and context: the post is accepted', async () => {
    const slack = await start();
    const reply: Reply = {
      kind: 'message',
      lang: 'fi',
      blocks: [
        { type: 'heading', text: '' },
        { type: 'paragraph', text: '' },
        { type: 'paragraph', text: 'Tämä näkyy.' },
        { type: 'quote', text: '' },
        { type: 'context', text: '' },
        { type: 'list', items: [{ text: '' }] },
        { type: 'actions', actions: [] },
      ],
      citations: [],
    };
    core.handle = async () => [reply];
    await slack.postEvent(dmEvent({ user: STUDENT.id, text: 'mitä kuuluu' }));
    const post = await slack.fake.waitFor('chat.postMessage');
    await expect.poll(() => slack.fake.history('DAINO001').length).toBe(1);
    expect(blocksText(post.args.blocks)).toContain('Tämä näkyy.');
    expect(blocksText(post.args.blocks)).not.toContain('"text":""');
  });
});

describe('notes that tell the truth', () => {
  async function postedCheckin(slack: SlackHarness) {
    await slack.postEvent(dmEvent({ user: STUDENT.id, text: 'reflect' }));
    return slack.fake.waitFor('chat.postMessage');
  }

  it('a failing chat.update after the core saved the form posts the confirmation to the DM, never "try again"', async () => {
    const slack = await start();
    const post = await postedCheckin(slack);
    const submit = buttonNamed(post.args, 'osaava_form_submit');
    slack.fake.failNext('chat.update', { kind: 'error', error: 'message_not_found' });
    await slack.postInteraction(
      blockActions({ user: STUDENT.id, action: { action_id: submit.action_id, value: submit.value }, channel: 'DAINO001', messageTs: '1700000000.000042', stateValues: stateFor(post.args, { requirements: ['AH-V1'], confidence: '4' }) }),
    );
    const confirmation = await slack.fake.waitFor('chat.postMessage', (c) => blocksText(c.args.blocks).includes('Kirjattu'));
    expect(confirmation.args.channel).toBe(STUDENT.id);
    expect(core.submitted.length).toBe(1);
    expect(blocksText(slack.fake.calls)).not.toContain('Yritä hetken päästä uudelleen');
  });

  it('a view submission whose answer cannot be shown anywhere tells the user it was received', async () => {
    const slack = await start();
    slack.fake.failNext('views.publish', { kind: 'error', error: 'internal_error' });
    slack.fake.failNext('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    await slack.postInteraction(
      viewSubmission({ user: STUDENT.id, callbackId: 'osaava_form', privateMetadata: JSON.stringify({ k: 'checkin', id: CHECKIN_FORM_ID, target: { kind: 'home' } }), stateValues: {} }),
    );
    const note = await slack.fake.waitFor('chat.postMessage', (c) => String(c.args.text).includes('Osaava sai vastauksesi'), 15_000);
    expect(note.args.channel).toBe(STUDENT.id);
    expect(core.submitted.length).toBe(1);
    expect(blocksText(slack.fake.calls)).not.toContain('Yritä hetken päästä uudelleen');
  }, 20_000);

  it('an expired card (views.open: expired_trigger_id) posts the text fields as a message, keeping what was picked', async () => {
    const slack = await start();
    const post = await postedCheckin(slack);
    const write = buttonNamed(post.args, 'osaava_form_text');
    slack.fake.failNext('views.open', { kind: 'error', error: 'expired_trigger_id' });
    await slack.postInteraction(
      blockActions({ user: STUDENT.id, action: { action_id: write.action_id, value: write.value }, channel: 'DAINO001', messageTs: '1700000000.000077', stateValues: stateFor(post.args, { requirements: ['AH-V2'], confidence: '3' }) }),
    );
    // Posted where the card was, saying why, with the text fields inline.
    const form = await slack.fake.waitFor('chat.postMessage', (c) => blocksText(c.args.blocks).includes('Ikkuna ei auennut'));
    expect(form.args.channel).toBe('DAINO001');
    expect(blocksText(form.args.blocks)).toContain('Mitä opit?');
    expect(blocksText(form.args.blocks)).toContain('"multiline":true');
    const submit = buttonNamed(form.args, 'osaava_form_submit');
    await slack.postInteraction(
      blockActions({ user: STUDENT.id, action: { action_id: submit.action_id, value: submit.value }, channel: 'DAINO001', messageTs: '1700000000.000099', stateValues: stateFor(form.args, { learned: 'Opin reklamaatioista.' }) }),
    );
    await expect.poll(() => core.submitted.length).toBe(1);
    expect(core.submitted[0]?.values).toMatchObject({ requirements: ['AH-V2'], confidence: 3, learned: 'Opin reklamaatioista.' });
  });

  it('a shortcut whose trigger expired posts the drafted observation form to the instructor, text and all', async () => {
    const slack = await start();
    slack.fake.failNext('views.open', { kind: 'error', error: 'expired_trigger_id' });
    await slack.postInteraction(messageShortcut({ user: INSTRUCTOR.id, text: '', responseUrl: slack.fake.responseUrl('expired-shortcut') }));
    const form = await slack.fake.waitFor('chat.postMessage', (c) => c.args.channel === INSTRUCTOR.id);
    expect(blocksOf(form.args).some((b) => b.type === 'input' || b.type === 'actions')).toBe(true);
    expect(blocksText(form.args)).toContain('rauhallisesti');
    expect(blocksText(slack.fake.calls)).not.toContain('Something went wrong');
  });
});

describe('no silent cuts, over the real core', () => {
  it('saves a 3,900-character observation logged with the shortcut whole, not cut to 3,000', async () => {
    const real = await createTestCore();
    const MIKKO = { id: 'UDEMOMIKKO', email: 'mikko.laine@kodintekniikka.example.fi', locale: 'fi-FI' };
    const slack = await startSlackHarness({ core: real.core, users: [MIKKO] });
    try {
      const observed = longText(3_900).trim();
      const shortcut = messageShortcut({ user: MIKKO.id, text: '', responseUrl: slack.fake.responseUrl('obs-long') });
      shortcut.message.text = `Aino: ${observed}`;
      await slack.postInteraction(shortcut);
      const open = await slack.fake.waitFor('views.open', undefined, 10_000);
      const blocks = z.array(z.unknown()).parse(viewOf(open).blocks);
      const parts = inputsOf(blocks).filter((b) => /^osaava:t\d*:text$/.test(b.block_id));
      expect(parts.length).toBe(2);
      await slack.postInteraction(
        viewSubmission({
          user: MIKKO.id,
          callbackId: 'osaava_form',
          privateMetadata: privateMetadataOf(open),
          stateValues: { ...stateFor(open.args, { requirements: ['AH-H9'] }), ...stateAsPrefilled(parts) },
        }),
      );
      const dm = await slack.fake.waitFor('chat.postMessage', (c) => c.args.channel === MIKKO.id, 10_000);
      expect(blocksText(dm.args.blocks)).toContain('Havainto tallennettu');
      const saved = await real.store.observations.listForPlacement('pl_demo_aino', { from: '2026-01-01', to: DEMO_NOW.slice(0, 10) });
      expect(saved.map((o) => o.text)).toContain(observed);
    } finally {
      await slack.close();
      await real.close();
    }
  }, 60_000);
});
