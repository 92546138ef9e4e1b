// Signed requests only, and a signed request Osaava cannot use is a logged 200, never a crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../src/adapters/slack/index.ts';
import { createHttpServer } from '../../../src/http/http-server.ts';
import { silentLogger } from '../../support/knowledge.ts';
import {
  BOT_TOKEN,
  blockActions,
  createFixtureCore,
  dmEvent,
  signatureHeaders,
  SIGNING_SECRET,
  slashCommand,
  startSlackHarness,
  STUDENT,
  viewSubmission,
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

const coreCalls = () => core.handled.length + core.submitted.length + core.homes.length + core.drafts.length;
const apiCallsAfterStart = () => h.fake.calls.filter((c) => c.method !== 'auth.test');

/**
 * Instead of a pause before checking that nothing ran: a signed control message sent after the
 * request under test, awaited until it is answered. Anything the earlier request had set off would
 * have reached the core (and the Web API) before it, so what they saw afterwards is final.
 */
const CONTROL_TEXT = 'apua';
async function afterControlMessage(): Promise<void> {
  await h.postEvent(dmEvent({ user: STUDENT.id, text: CONTROL_TEXT }));
  await h.fake.waitFor('chat.postMessage');
  expect(core.handled.map((m) => m.text)).toEqual([CONTROL_TEXT]);
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
}

describe('request signatures', () => {
  const body = JSON.stringify(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
  const json = { 'content-type': 'application/json' };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a correctly signed request (the control for the refusals below)', async () => {
    const res = await h.postRaw(body, { ...json, ...signatureHeaders(body) });
    expect(res.status).toBe(200);
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled).toHaveLength(1);
  });

  it.each([
    ['missing', () => ({})],
    ['missing timestamp', () => ({ 'x-slack-signature': signatureHeaders(body)['x-slack-signature'] ?? '' })],
    ['signed with another secret', () => signatureHeaders(body, { secret: 'not-the-secret' })],
    ['for another body', () => signatureHeaders(body.replace('4', '5'))],
    ['stale, six minutes old', () => signatureHeaders(body, { timestamp: now() - 6 * 60 })],
    ['from six minutes in the future', () => signatureHeaders(body, { timestamp: now() + 6 * 60 })],
    ['malformed', () => ({ 'x-slack-request-timestamp': String(now()), 'x-slack-signature': 'v0=abc' })],
  ])('refuses a signature that is %s with 401, and nothing runs', async (_name, headers) => {
    const res = await h.postRaw(body, { ...json, ...headers() });
    expect(res.status).toBe(401);
    expect(apiCallsAfterStart()).toEqual([]);
    expect(h.log.has((l) => l.msg === 'Slack request refused: bad signature')).toBe(true);
    await afterControlMessage();
    expect(coreCalls()).toBe(1); // the control only
    expect(apiCallsAfterStart().filter((c) => c.method !== 'users.info' && c.method !== 'chat.postMessage')).toEqual([]);
  });

  it('refuses an unsigned slash command and interaction too', async () => {
    const form = new URLSearchParams(slashCommand({ user: STUDENT.id, text: 'help', responseUrl: h.fake.responseUrl('x') })).toString();
    expect((await h.postRaw(form, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(401);
    const interaction = new URLSearchParams({ payload: JSON.stringify(blockActions({ user: STUDENT.id, action: { action_id: 'osaava_suggest:0', value: 'help' } })) }).toString();
    expect((await h.postRaw(interaction, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(401);
    await afterControlMessage();
    expect(coreCalls()).toBe(1); // the control only
    expect(h.fake.responses).toEqual([]);
  });

  it('answers the URL verification challenge of a signed request', async () => {
    const res = await h.postEvent({ type: 'url_verification', challenge: 'chal-123', token: 'x' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ challenge: 'chal-123' });
  });
});

describe('signed but unusable requests', () => {
  it('logs a payload that is not JSON and answers 200; the next request still works', async () => {
    const raw = new URLSearchParams({ payload: '{"type":"block_actions", oops' }).toString();
    const res = await h.postRaw(raw, { 'content-type': 'application/x-www-form-urlencoded', ...signatureHeaders(raw) });
    expect(res.status).toBe(200);
    expect(h.log.has((l) => l.msg === 'Slack request ignored' && l.problem === 'body is not valid JSON')).toBe(true);

    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
    await h.fake.waitFor('chat.postMessage');
  });

  it('logs a payload type Osaava does not handle (view_closed) and answers 200', async () => {
    const res = await h.postInteraction({ type: 'view_closed', user: { id: STUDENT.id }, view: { id: 'V1' } });
    expect(res.status).toBe(200);
    expect(h.log.has((l) => l.msg === 'Slack request ignored')).toBe(true);
    expect(coreCalls()).toBe(0);
  });

  it('answers an unknown action id with a clear ephemeral note', async () => {
    const responseUrl = h.fake.responseUrl('unknown-action');
    const res = await h.postInteraction(blockActions({ user: STUDENT.id, action: { action_id: 'old_button_v1', value: 'x' }, responseUrl }));
    expect(res.status).toBe(200);
    const note = await h.fake.waitForResponse((r) => r.id === 'unknown-action');
    expect(note.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(note.body.text)).toContain('This button is no longer recognised');
    expect(coreCalls()).toBe(0);
    expect(h.log.has((l) => l.msg === 'unknown Slack action' && l.actionId === 'old_button_v1')).toBe(true);
  });

  it('answers a submit button with a malformed value with the same note, not a crash', async () => {
    const responseUrl = h.fake.responseUrl('bad-value');
    const res = await h.postInteraction(blockActions({ user: STUDENT.id, action: { action_id: 'osaava_form_submit', value: '{"k":"holiday","id":""}' }, responseUrl }));
    expect(res.status).toBe(200);
    await h.fake.waitForResponse((r) => r.id === 'bad-value');
    expect(core.submitted).toEqual([]);
  });

  it('tells the user when a submitted modal is not one of ours', async () => {
    const res = await h.postInteraction(viewSubmission({ user: STUDENT.id, callbackId: 'someone_elses_modal', privateMetadata: 'garbage', stateValues: {} }));
    expect(res.status).toBe(200);
    const dm = await h.fake.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(STUDENT.id);
    expect(core.submitted).toEqual([]);
  });

  // Retry headers as in Slack's docs (docs.slack.dev/apis/events-api/using-http-request-urls, "Retries").
  it('ignores Slack re-sending an event it thinks was acknowledged too slowly, once it was handled', async () => {
    const event = dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' });
    await h.postEvent(event);
    await h.fake.waitFor('chat.postMessage');
    const body = JSON.stringify(event);
    const res = await h.postRaw(body, { 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout', ...signatureHeaders(body) });
    expect(res.status).toBe(200);
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
    await h.fake.waitFor('chat.postMessage', () => h.fake.callsTo('chat.postMessage').length >= 2);
    expect(core.handled.map((m) => m.text)).toEqual(['Mitä arvosanaan 4 vaaditaan?', 'apua']);
    expect(h.log.has((l) => l.msg === 'Slack event delivered again; already handled, dropped')).toBe(true);
  });

  it('handles a retry of an event it never received (the first attempt was lost)', async () => {
    const body = JSON.stringify(dmEvent({ user: STUDENT.id, text: 'apua' }));
    const res = await h.postRaw(body, { 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout', ...signatureHeaders(body) });
    expect(res.status).toBe(200);
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled.map((m) => m.text)).toEqual(['apua']);
  });

  it('tells the user when the core fails, and keeps serving', async () => {
    const failing = createFixtureCore();
    failing.handle = async () => {
      throw new Error('database down');
    };
    await h.close();
    h = await startSlackHarness({ core: failing });
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'edistymiseni' }));
    const note = await h.fake.waitFor('chat.postEphemeral');
    expect(String(note.args.text)).toContain('Something went wrong on our side');
    expect(h.log.has((l) => l.msg === 'Slack request failed')).toBe(true);
    const res = await h.postEvent({ type: 'url_verification', challenge: 'still-alive', token: 'x' });
    expect(res.status).toBe(200);
  });
});

describe('start-up', () => {
  it('answers 503 to a signed request that arrives before start()', async () => {
    const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: h.fake.apiUrl, core, logger: silentLogger() });
    if (!adapter.router) throw new Error('HTTP mode should give a router');
    const http = createHttpServer({ logger: silentLogger(), mounts: [{ path: '/', router: adapter.router }] });
    const port = await http.listen(0, '127.0.0.1');
    try {
      const body = JSON.stringify(dmEvent({ user: STUDENT.id, text: 'apua' }));
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(body) }, body });
      expect(res.status).toBe(503);
      expect(coreCalls()).toBe(0);
    } finally {
      await http.close();
    }
  });

  it('will not build HTTP mode without a signing secret', () => {
    expect(() => createSlackAdapter({ botToken: BOT_TOKEN, core, logger: silentLogger() })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('fails start() loudly on a bot token Slack refuses', async () => {
    const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: h.fake.apiUrl, core, logger: silentLogger() });
    h.fake.failNext('auth.test', { kind: 'error', error: 'invalid_auth' });
    await expect(adapter.start()).rejects.toThrow(/invalid_auth/);
  });
});
