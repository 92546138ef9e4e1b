// Fixtures for the Slack adapter tests: a check-in form, a small test core around the real one, named
// builders of Slack's payloads, request signing done by hand, and a harness running the real Bolt app
// over HTTP against the fake Web API.
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.ts';
import type { SlackEventLedger } from '../../../src/adapters/slack/event-dedup.ts';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import type { FormSubmission, IncomingMessage, PlatformUser } from '../../../src/conversation/incoming.ts';
import type { FormReply, MessageReply, Reply } from '../../../src/conversation/reply.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.ts';
import { FAKE_TEAM_ID, startFakeSlackApi, type FakeSlackApi, type FakeUser } from '../../support/fake-slack-api.ts';
import { realKnowledge, silentLogger } from '../../support/knowledge.ts';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';
export const BOT_TOKEN = 'xoxb-test-token';

export const STUDENT = { id: 'UAINO001', email: 'aino.virtanen@example.fi', locale: 'fi-FI' };
export const INSTRUCTOR = { id: 'UMIKKO01', email: 'mikko.laine@example.fi', locale: 'en-GB' };
export const STRANGER = { id: 'UNOBODY1' };

export const CHECKIN_FORM_ID = 'checkin-2025-03-12-aino';

/** The daily check-in as the check-in core would send it. */
export const checkinForm: FormReply = {
  kind: 'form',
  lang: 'fi',
  formKind: 'checkin',
  formId: CHECKIN_FORM_ID,
  title: 'Päivän check-in: mitä opit tänään?',
  intro: [{ type: 'paragraph', text: 'Valitse **tämän päivän** ammattitaitovaatimukset ja arvioi varmuutesi.' }],
  fields: [
    {
      type: 'multi-select',
      id: 'requirements',
      label: 'Mitä vaatimuksia harjoittelit?',
      groups: [
        {
          label: 'Asiakaspalvelu',
          options: [
            { value: 'AH-V1', label: 'palvelee asiakkaita asiakaslähtöisesti ja ottaa huomioon asiakkaan tarpeet' },
            { value: 'AH-V2', label: 'käyttää asiakkuudenhallinnan tietojärjestelmiä' },
          ],
        },
        { label: 'Raportointi', options: [{ value: 'AH-V5', label: 'raportoi asiakastyön tuloksista' }] },
      ],
      initial: ['AH-V2'],
      optional: false,
    },
    { type: 'rating', id: 'confidence', label: 'Kuinka varma olit?', min: 1, max: 5, minLabel: 'tarvitsin paljon apua', maxLabel: 'täysin itsenäisesti', optional: false },
    { type: 'text', id: 'task', label: 'Työtehtävä yhdellä rivillä', multiline: false, maxLength: 150, optional: true },
    { type: 'text', id: 'learned', label: 'Mitä opit?', multiline: true, maxLength: 2000, placeholder: 'Kerro omin sanoin', optional: true },
    { type: 'text', id: 'next', label: 'Mitä harjoittelet seuraavaksi?', multiline: true, maxLength: 1000, optional: true },
  ],
  submitLabel: 'Tallenna',
};

export function observationForm(text: string): FormReply {
  return {
    kind: 'form',
    lang: 'en',
    formKind: 'observation',
    formId: 'obs-draft-1',
    title: 'Log an observation about Aino Virtanen',
    intro: [{ type: 'context', text: 'Placement: Asiakaspalvelu Oy, until 30 May' }],
    fields: [
      { type: 'select', id: 'student', label: 'Student', options: [{ value: 'stu-aino', label: 'Aino Virtanen' }], initial: 'stu-aino', optional: false },
      { type: 'multi-select', id: 'requirements', label: 'Requirements shown', groups: [{ label: 'Asiakaspalvelu', options: [{ value: 'AH-V1', label: 'serves customers' }] }], initial: ['AH-V1'], optional: true },
      { type: 'text', id: 'note', label: 'What you saw', multiline: true, maxLength: 3000, initial: text, optional: false },
    ],
    submitLabel: 'Log it',
  };
}

export function message(lang: 'fi' | 'en', text: string): MessageReply {
  return { kind: 'message', lang, blocks: [{ type: 'paragraph', text }], citations: [] };
}

export const UNKNOWN_FORM_TEXT = 'Tätä lomaketta ei enää löydy: check-in on jo vanhentunut.';
export const INSTRUCTORS_ONLY_TEXT = 'Only workplace instructors can log observations.';

export interface FixtureCore extends ChatCore {
  handled: IncomingMessage[];
  submitted: FormSubmission[];
  homes: PlatformUser[];
  drafts: { user: PlatformUser; text: string }[];
  /** Makes the next calls to handle wait for `release()`. */
  hold(): { release(): void };
  draftDelayMs: number;
}

/** Questions answered by the real answering service, as the core does for a user it does not know. */
async function answerQuestion(msg: IncomingMessage): Promise<Reply[]> {
  const { reply } = await realKnowledge().answers.answer(msg.text, msg.localeHint ? { preferredLang: msg.localeHint } : {});
  return [reply];
}

/**
 * A small core for the adapter's own tests: real answers to questions, "reflect" gives the check-in
 * form, submitting it records and confirms, an unknown form id gets the core's error message. The
 * real core on a demo database is in slack-real-core.test.ts.
 */
export function createFixtureCore(): FixtureCore {
  let gate: Promise<void> | undefined;
  const core: FixtureCore = {
    handled: [],
    submitted: [],
    homes: [],
    drafts: [],
    draftDelayMs: 0,
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return { release };
    },
    async handle(msg) {
      core.handled.push(msg);
      if (gate) await gate;
      if (msg.text.trim().toLowerCase() === 'reflect') return [checkinForm];
      return answerQuestion(msg);
    },
    async submit(form) {
      core.submitted.push(form);
      if (form.formId !== CHECKIN_FORM_ID && form.formId !== 'obs-draft-1') return [message('fi', UNKNOWN_FORM_TEXT)];
      const requirements = Array.isArray(form.values.requirements) ? form.values.requirements.join(', ') : '–';
      return [message('fi', `Kirjattu: **${requirements}**, varmuus ${String(form.values.confidence ?? '–')}.`)];
    },
    async home(user) {
      core.homes.push(user);
      return [message('fi', `**Edistymisesi** (${user.email ?? 'tuntematon'}): 3 / 12 vaatimusta harjoiteltu.`)];
    },
    async draftObservation(user, text) {
      core.drafts.push({ user, text });
      if (core.draftDelayMs) await new Promise((resolve) => setTimeout(resolve, core.draftDelayMs));
      return user.userId === INSTRUCTOR.id ? [observationForm(text)] : [message('en', INSTRUCTORS_ONLY_TEXT)];
    },
  };
  return core;
}

// ---- Slack payload builders (shapes as Slack documents them) ----

/**
 * A `message.im` event in its Events API wrapper. The wrapper's fields (token, team_id, api_app_id,
 * event, type, authorizations, event_id, event_context, event_time) are those of Slack's docs
 * (docs.slack.dev/apis/events-api, "Callback field overview"); the event's (type, channel, user, text,
 * ts, event_ts, channel_type) those of docs.slack.dev/reference/events/message.im; `client_msg_id` as
 * in slackapi/node-slack-sdk's socket-mode spec.
 */
export function dmEvent(opts: { user: string; text: string; channel?: string; extra?: Record<string, unknown>; eventId?: string }) {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0OSAAVA',
    type: 'event_callback',
    event_id: opts.eventId ?? `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: FAKE_TEAM_ID, user_id: 'U0OSAAVABOT', is_bot: true, is_enterprise_install: false }],
    event_context: '4-eyJldCI6Im1lc3NhZ2UiLCJ0aWQiOiJUMFNDSE9PTCJ9',
    is_ext_shared_channel: false,
    event: {
      client_msg_id: 'f0582a78-72db-4feb-b2f3-1e47d66365c8',
      type: 'message',
      channel_type: 'im',
      channel: opts.channel ?? `D${opts.user.slice(1)}`,
      user: opts.user,
      text: opts.text,
      ts: '1700000100.000200',
      event_ts: '1700000100.000200',
      team: FAKE_TEAM_ID,
      ...opts.extra,
    },
  };
}

export function appHomeOpened(opts: { user: string; tab?: 'home' | 'messages' }) {
  return {
    team_id: FAKE_TEAM_ID,
    api_app_id: 'A0OSAAVA',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2, 10)}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'app_home_opened', user: opts.user, channel: `D${opts.user.slice(1)}`, tab: opts.tab ?? 'home', event_ts: '1700000100.000300' },
  };
}

export function slashCommand(opts: { user: string; text: string; responseUrl: string; command?: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: FAKE_TEAM_ID,
    team_domain: 'school',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: opts.user,
    user_name: opts.user.toLowerCase(),
    command: opts.command ?? '/osaava',
    text: opts.text,
    api_app_id: 'A0OSAAVA',
    response_url: opts.responseUrl,
    trigger_id: '1234.5678.trigger',
  };
}

export function blockActions(opts: {
  user: string;
  action: { action_id: string; value?: string; block_id?: string; type?: string };
  channel?: string;
  messageTs?: string;
  stateValues?: Record<string, Record<string, unknown>>;
  responseUrl?: string;
  ephemeral?: boolean;
  home?: boolean;
}) {
  const where = opts.home
    ? { container: { type: 'view', view_id: 'VHOME01' }, view: { id: 'VHOME01', type: 'home', state: { values: opts.stateValues ?? {} } } }
    : {
        container: { type: 'message', message_ts: opts.messageTs ?? '1700000000.000001', channel_id: opts.channel ?? 'D0AINO01', is_ephemeral: opts.ephemeral ?? false },
        channel: { id: opts.channel ?? 'D0AINO01', name: 'directmessage' },
        ...(opts.ephemeral ? {} : { message: { ts: opts.messageTs ?? '1700000000.000001', type: 'message', text: 'form' } }),
        state: { values: opts.stateValues ?? {} },
      };
  return {
    type: 'block_actions',
    user: { id: opts.user, username: opts.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: 'A0OSAAVA',
    token: 'legacy-verification-token',
    team: { id: FAKE_TEAM_ID, domain: 'school' },
    trigger_id: '1111.2222.action-trigger',
    ...(opts.responseUrl ? { response_url: opts.responseUrl } : {}),
    ...where,
    actions: [{ type: opts.action.type ?? 'button', block_id: opts.action.block_id ?? 'b1', action_id: opts.action.action_id, value: opts.action.value, action_ts: '1700000200.000000' }],
  };
}

export function viewSubmission(opts: { user: string; callbackId: string; privateMetadata: string; stateValues: Record<string, Record<string, unknown>> }) {
  return {
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'school' },
    user: { id: opts.user, username: opts.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    api_app_id: 'A0OSAAVA',
    token: 'legacy-verification-token',
    trigger_id: '3333.4444.view-trigger',
    view: {
      id: 'VMODAL01',
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      callback_id: opts.callbackId,
      private_metadata: opts.privateMetadata,
      state: { values: opts.stateValues },
      hash: '1700000000.abcd',
      blocks: [],
    },
  };
}

export function messageShortcut(opts: { user: string; text: string; responseUrl: string; callbackId?: string }) {
  return {
    type: 'message_action',
    callback_id: opts.callbackId ?? 'log_observation',
    trigger_id: '5555.6666.shortcut-trigger',
    message_ts: '1700000000.000900',
    response_url: opts.responseUrl,
    team: { id: FAKE_TEAM_ID, domain: 'school' },
    channel: { id: 'C0PLACEMENT', name: 'harjoittelu' },
    user: { id: opts.user, name: opts.user.toLowerCase(), team_id: FAKE_TEAM_ID },
    message: { type: 'message', user: STUDENT.id, ts: '1700000000.000900', text: 'Aino hoiti &lt;hankalan&gt; asiakkaan <@UMIKKO01> rauhallisesti.' },
    token: 'legacy-verification-token',
  };
}

// ---- Signing, by hand: an independent check of the adapter's verification ----

export function signatureHeaders(rawBody: string, opts: { timestamp?: number; secret?: string } = {}): Record<string, string> {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', opts.secret ?? SIGNING_SECRET).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

// ---- A logger whose lines the tests can read ----

export interface CapturedLogger {
  logger: Logger;
  lines: Record<string, unknown>[];
  has(predicate: (line: Record<string, unknown>) => boolean): boolean;
}

export function capturingLogger(): CapturedLogger {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      callback();
    },
  });
  const logger = pino({ level: 'debug', base: undefined }, stream);
  return { logger, lines, has: (predicate) => lines.some(predicate) };
}

// ---- The harness: real Bolt app over HTTP, fake Web API behind it ----

export interface SlackHarness {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  core: ChatCore;
  log: CapturedLogger;
  eventsUrl: string;
  postRaw(body: string, headers: Record<string, string>): Promise<{ status: number; text: string; ms: number }>;
  /** `headers` adds e.g. Slack's retry headers (X-Slack-Retry-Num, X-Slack-Retry-Reason). */
  postEvent(body: unknown, headers?: Record<string, string>): Promise<{ status: number; text: string; ms: number }>;
  postForm(params: Record<string, string>): Promise<{ status: number; text: string; ms: number }>;
  postInteraction(payload: unknown): Promise<{ status: number; text: string; ms: number }>;
  close(): Promise<void>;
}

export async function startSlackHarness(opts: { core?: ChatCore; modalBudgetMs?: number; users?: FakeUser[]; events?: SlackEventLedger; fake?: FakeSlackApi } = {}): Promise<SlackHarness> {
  // A second harness may share the first one's fake Slack: two Osaava processes serving one app.
  const sharedFake = opts.fake;
  const fake = sharedFake ?? (await startFakeSlackApi());
  if (!sharedFake) for (const user of opts.users ?? [STUDENT, INSTRUCTOR]) fake.addUser(user);
  const core = opts.core ?? createFixtureCore();
  const log = capturingLogger();
  const adapter = createSlackAdapter({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, core, logger: log.logger, modalBudgetMs: opts.modalBudgetMs, events: opts.events });
  if (!adapter.router) throw new Error('HTTP mode should give a router');
  await adapter.start();
  const http: HttpServer = createHttpServer({ logger: silentLogger(), mounts: [{ path: '/', router: adapter.router }] });
  const port = await http.listen(0, '127.0.0.1');
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  async function postRaw(body: string, headers: Record<string, string>) {
    const started = performance.now();
    const res = await fetch(eventsUrl, { method: 'POST', headers, body });
    return { status: res.status, text: await res.text(), ms: performance.now() - started };
  }
  const signed = (body: string, contentType: string, extra: Record<string, string> = {}) => postRaw(body, { 'content-type': contentType, ...extra, ...signatureHeaders(body) });

  return {
    fake,
    adapter,
    core,
    log,
    eventsUrl,
    postRaw,
    postEvent: (body, headers) => signed(JSON.stringify(body), 'application/json', headers),
    postForm: (params) => signed(new URLSearchParams(params).toString(), 'application/x-www-form-urlencoded'),
    postInteraction: (payload) => signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded'),
    async close() {
      await adapter.stop();
      await http.close();
      if (!sharedFake) await fake.close();
    },
  };
}

// ---- Reading what the adapter sent, and answering it as Slack's client would ----

const recordSchema = z.record(z.string(), z.unknown());
const blockSchema = z.object({ type: z.string(), block_id: z.string().optional(), element: z.object({ type: z.string() }).optional() }).loose();
const buttonSchema = z.object({ type: z.literal('button'), action_id: z.string(), value: z.string().optional(), text: z.object({ text: z.string() }) }).loose();

export function blocksOf(args: Record<string, unknown> | undefined): z.infer<typeof blockSchema>[] {
  return z.array(blockSchema).parse(args?.blocks ?? recordSchema.parse(args?.view ?? {}).blocks ?? []);
}

export function buttonsOf(args: Record<string, unknown> | undefined): z.infer<typeof buttonSchema>[] {
  return blocksOf(args)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => z.array(buttonSchema).parse(b.elements));
}

export function buttonNamed(args: Record<string, unknown> | undefined, actionId: string): z.infer<typeof buttonSchema> {
  const button = buttonsOf(args).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no button ${actionId} in ${JSON.stringify(args?.blocks ?? args?.view)}`);
  return button;
}

/** `state.values` for the input blocks of a rendered form, answered with `answers` (by field id). */
export function stateFor(args: Record<string, unknown> | undefined, answers: Record<string, string | string[]>): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocksOf(args)) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const fieldId = block.block_id.split(':').slice(2).join(':');
    const answer = answers[fieldId];
    const type = block.element.type;
    const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
    let value: Record<string, unknown>;
    if (type === 'multi_static_select') value = { type, selected_options: (Array.isArray(answer) ? answer : []).map(option) };
    else if (type === 'radio_buttons' || type === 'static_select') value = { type, selected_option: typeof answer === 'string' ? option(answer) : null };
    else value = { type, value: typeof answer === 'string' ? answer : null };
    state[block.block_id] = { osaava_input: value };
  }
  return state;
}

/** The view a views.open / views.update / views.publish call sent. */
export const viewOf = (call: { args: Record<string, unknown> }) => recordSchema.parse(call.args.view);
export const privateMetadataOf = (call: { args: Record<string, unknown> }) => z.string().parse(viewOf(call).private_metadata);

/** Replies in a recorded call's blocks, as text, for loose assertions. */
export const blocksText = (value: unknown): string => JSON.stringify(value ?? null);

