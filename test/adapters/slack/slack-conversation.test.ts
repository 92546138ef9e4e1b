// Direct messages, the /osaava command, App Home and proactive DMs through the real Bolt app over
// HTTP, against the fake Web API.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  appHomeOpened,
  blockActions,
  blocksText,
  buttonNamed,
  createFixtureCore,
  dmEvent,
  INSTRUCTOR,
  message,
  slashCommand,
  startSlackHarness,
  STRANGER,
  STUDENT,
  type FixtureCore,
  type SlackHarness,
} from './fixtures.ts';

let h: SlackHarness;
let core: FixtureCore;

beforeEach(async () => {
  core = createFixtureCore();
  h = await startSlackHarness({ core });
});
afterEach(async () => h.close());

/**
 * Instead of a pause before checking that nothing ran: a control message sent after the event under
 * test, awaited until it is answered. Anything the earlier event had set off would have reached the
 * core before it, so what the core saw afterwards is final.
 */
async function afterControlMessage(): Promise<void> {
  await h.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
  await h.fake.waitFor('chat.postMessage');
  expect(core.handled.map((m) => m.text)).toEqual(['apua']);
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
}

describe('direct messages', () => {
  it('answers a question in the DM with Block Kit, citations at the end', async () => {
    const res = await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    expect(res.status).toBe(200);
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.args.channel).toBe('DAINO001');
    const blocks = blocksText(post.args.blocks);
    expect(blocks).toContain('"type":"header"');
    expect(blocks).toContain('Hyvä 4: arviointikriteerit');
    expect(blocks).toContain('[AH-G4.1]');
    expect(blocks).toContain('*Lähteet:*');
    expect(String(post.args.text)).toContain('Hyvä 4');
    expect(post.token).toBe('xoxb-test-token');
  });

  it('tells the core who is asking: team, e-mail and language from users.info', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled[0]).toEqual({ platform: 'slack', userId: STUDENT.id, tenantId: 'T0SCHOOL', email: STUDENT.email, localeHint: 'fi', text: 'Mitä arvosanaan 4 vaaditaan?' });
    expect(h.fake.callsTo('users.info')[0]?.args).toMatchObject({ user: STUDENT.id, include_locale: 'true' });
  });

  it('looks a user up once and remembers them', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
    await h.fake.waitFor('chat.postMessage');
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 5 vaaditaan?' }));
    await h.fake.waitFor('chat.postMessage', (c) => blocksText(c.args.blocks).includes('AH-G5'));
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
  });

  it('still answers a user users.info does not know, without e-mail', async () => {
    await h.postEvent(dmEvent({ user: STRANGER.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled[0]).toMatchObject({ userId: STRANGER.id });
    expect(core.handled[0]?.email).toBeUndefined();
  });

  it('acknowledges at once and answers after the core is done', async () => {
    const gate = core.hold();
    const res = await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1000);
    await vi.waitFor(() => expect(core.handled).toHaveLength(1));
    // The core has not answered yet (it is held), so nothing can have been posted.
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    gate.release();
    await h.fake.waitFor('chat.postMessage');
  });

  it('turns Slack markup in the text back into plain text', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä &lt;Hyvä 4&gt; vaatii <@UBOT0001>?' }));
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled[0]?.text).toBe('Mitä <Hyvä 4> vaatii ?');
  });

  it.each([
    ['a bot', { bot_id: 'B999', subtype: 'bot_message' }],
    ['an edit', { subtype: 'message_changed' }],
    ['a join', { subtype: 'channel_join' }],
    ['a channel message', { channel_type: 'channel', channel: 'C0GENERAL' }],
  ])('does not answer %s', async (_name, extra) => {
    const res = await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?', extra }));
    expect(res.status).toBe(200);
    await afterControlMessage();
  });

  it('sends a suggestion button back through the core as if typed', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    const post = await h.fake.waitFor('chat.postMessage');
    const next = buttonNamed(post.args, 'osaava_suggest:0');
    expect(next.text.text).toBe('Seuraava taso');
    await h.postInteraction(blockActions({ user: STUDENT.id, action: { action_id: next.action_id, value: next.value }, channel: 'DAINO001', responseUrl: h.fake.responseUrl('suggest') }));
    await h.fake.waitFor('chat.postMessage', (c) => blocksText(c.args.blocks).includes('AH-G5'));
    expect(core.handled[1]?.text).toBe('mitä arvosanaan 5 vaaditaan');
  });
});

describe('the /osaava command', () => {
  it('answers an empty command with help, ephemerally', async () => {
    const responseUrl = h.fake.responseUrl('help');
    const res = await h.postForm(slashCommand({ user: STUDENT.id, text: '', responseUrl }));
    expect(res.status).toBe(200);
    const answer = await h.fake.waitForResponse((r) => r.id === 'help');
    expect(core.handled[0]?.text).toBe('help');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocksText(answer.body.blocks)).toContain('Osaava');
  });

  it('passes a subcommand or question as typed', async () => {
    const responseUrl = h.fake.responseUrl('q');
    await h.postForm(slashCommand({ user: INSTRUCTOR.id, text: 'What is needed for grade 5?', responseUrl }));
    const answer = await h.fake.waitForResponse((r) => r.id === 'q');
    expect(core.handled[0]).toMatchObject({ text: 'What is needed for grade 5?', email: INSTRUCTOR.email, localeHint: 'en' });
    expect(blocksText(answer.body.blocks)).toContain('AH-G5.1');
    expect(blocksText(answer.body.blocks)).toContain('*Sources:*');
  });

  it('answers "reflect" with the form as an ephemeral message', async () => {
    const responseUrl = h.fake.responseUrl('reflect');
    await h.postForm(slashCommand({ user: STUDENT.id, text: 'reflect', responseUrl }));
    const answer = await h.fake.waitForResponse((r) => r.id === 'reflect');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blocksText(answer.body.blocks)).toContain('multi_static_select');
  });
});

describe('App Home', () => {
  it('publishes what the core shows this user', async () => {
    await h.postEvent(appHomeOpened({ user: STUDENT.id }));
    const publish = await h.fake.waitFor('views.publish');
    expect(publish.args.user_id).toBe(STUDENT.id);
    expect(publish.args.view).toMatchObject({ type: 'home' });
    expect(blocksText(publish.args.view)).toContain('*Edistymisesi* (aino.virtanen@example.fi)');
    expect(core.homes[0]).toMatchObject({ userId: STUDENT.id, tenantId: 'T0SCHOOL', email: STUDENT.email });
  });

  it('does nothing when the Messages tab is opened', async () => {
    await h.postEvent(appHomeOpened({ user: STUDENT.id, tab: 'messages' }));
    // The control: the Home tab opened afterwards is published; by then the Messages tab would have been.
    await h.postEvent(appHomeOpened({ user: STUDENT.id, tab: 'home' }));
    await h.fake.waitFor('views.publish');
    expect(core.homes).toHaveLength(1);
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
  });
});

describe('proactive DMs (the messenger)', () => {
  it('posts to the user id, without conversations.open', async () => {
    const result = await h.adapter.messenger.send({ platform: 'slack', tenantId: 'T0SCHOOL', userId: STUDENT.id }, [message('fi', 'Viikkokooste: **3** reflektiota.')]);
    expect(result.ok).toBe(true);
    const post = h.fake.callsTo('chat.postMessage')[0];
    expect(result).toEqual({ ok: true, messageId: expect.stringMatching(/^\d+\.\d+$/) });
    expect(post?.args.channel).toBe(STUDENT.id);
    expect(blocksText(post?.args.blocks)).toContain('Viikkokooste: *3* reflektiota.');
    expect(h.fake.callsTo('conversations.open')).toEqual([]);
  });

  it('hands a 429 back at once as rate-limited, with Retry-After', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'rate-limited', retryAfterSec: 7 });
    const started = performance.now();
    const result = await h.adapter.messenger.send({ platform: 'slack', tenantId: 'T0SCHOOL', userId: STUDENT.id }, [message('fi', 'Muistutus')]);
    expect(result).toEqual({ ok: false, reason: 'rate-limited', retryAfterMs: 7000 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('reports a user Slack does not know as unreachable', async () => {
    const result = await h.adapter.messenger.send({ platform: 'slack', tenantId: 'T0SCHOOL', userId: STRANGER.id }, [message('fi', 'Muistutus')]);
    expect(result).toEqual({ ok: false, reason: 'unreachable', detail: 'channel_not_found' });
  });
});
