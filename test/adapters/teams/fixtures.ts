// Builders and a running Teams endpoint for the adapter tests: the real CloudAdapter behind the real
// HTTP server, a fake Bot Connector as every activity's serviceUrl, and a test ChatCore that wraps
// the real one (questions) but owns forms (a check-in and an observation) until the check-in core lands.
import type { Logger } from 'pino';
import { pino } from 'pino';
import type { AnswerService } from '../../../src/features/questions/answer-service.ts';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import type { FormSubmission, IncomingMessage, PlatformUser } from '../../../src/conversation/incoming.ts';
import type { FormReply, MessageReply } from '../../../src/conversation/reply.ts';
import { createHttpServer, type HttpServer } from '../../../src/http/http-server.ts';
import { createTeamsAdapter, createInMemoryConversationReferenceStore, type ConversationReferenceStore, type TeamsAuth } from '../../../src/adapters/teams/index.ts';
import type { Messenger } from '../../../src/messaging/messenger.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { realKnowledge } from '../../support/knowledge.ts';

export const TENANT = '5f2c9a41-7d3e-4b8a-9c1f-2e6d8b0a4c17';
export const APP_ID = 'b3a1e9d2-4c5f-4e7a-8b9c-0d1e2f3a4b5c';
export const BOT_ID = `28:${APP_ID}`;

export const aino = {
  teamsId: '29:1aino-teams-id',
  aadObjectId: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'Aino Virtanen',
  email: 'aino.virtanen@koulu.example',
  conversationId: 'a:1personal-chat-aino',
};

// ---- Core ----

export const CHECKIN_ID = 'checkin-2025-03-12-aino';
export const OBSERVATION_ID = 'observation-draft-1';

export function checkinForm(): FormReply {
  return {
    kind: 'form',
    lang: 'fi',
    formKind: 'checkin',
    formId: CHECKIN_ID,
    title: 'Päivän check-in',
    intro: [{ type: 'paragraph', text: 'Mitä teit tänään? Valitse **harjoittelemasi** asiat.' }],
    fields: [
      {
        type: 'multi-select',
        id: 'requirements',
        label: 'Harjoittelemani asiat',
        groups: [
          { label: 'Asiakaspalvelu', options: [{ value: 'AH-R1', label: 'palvelee asiakasta' }, { value: 'AH-R2', label: 'selvittää asiakkaan tarpeet' }] },
          { label: 'Tietojärjestelmät', options: [{ value: 'AH-R7', label: 'käyttää asiakkuudenhallintajärjestelmää' }] },
        ],
        initial: ['AH-R2'],
        optional: true,
      },
      { type: 'rating', id: 'confidence', label: 'Kuinka varma olit?', min: 1, max: 5, minLabel: 'epävarma', maxLabel: 'varma', optional: false },
      { type: 'text', id: 'reflection', label: 'Mitä opit?', multiline: true, maxLength: 1000, placeholder: 'Kirjoita muutama lause', optional: true },
    ],
    submitLabel: 'Tallenna',
  };
}

export function observationForm(text: string): FormReply {
  return {
    kind: 'form',
    lang: 'fi',
    formKind: 'observation',
    formId: OBSERVATION_ID,
    title: 'Kirjaa havainto',
    intro: [{ type: 'context', text: 'Opiskelija: Aino Virtanen' }],
    fields: [
      { type: 'text', id: 'note', label: 'Havainto', multiline: true, maxLength: 2000, initial: text, optional: false },
      {
        type: 'multi-select',
        id: 'requirements',
        label: 'Ehdotetut ammattitaitovaatimukset',
        groups: [{ label: 'Asiakaspalvelu', options: [{ value: 'AH-R1', label: 'palvelee asiakasta' }] }],
        initial: ['AH-R1'],
        optional: true,
      },
    ],
    submitLabel: 'Kirjaa',
  };
}

function message(text: string, lang: 'fi' | 'en' = 'fi'): MessageReply {
  return { kind: 'message', lang, blocks: [{ type: 'paragraph', text }], citations: [] };
}

export type CoreCall =
  | { method: 'handle'; input: IncomingMessage }
  | { method: 'submit'; input: FormSubmission }
  | { method: 'home'; input: PlatformUser }
  | { method: 'draftObservation'; input: PlatformUser; text: string };

export interface TestCore extends ChatCore {
  calls: CoreCall[];
}

/**
 * Questions go to the real answering service over the real knowledge base (what the core does with a
 * question); its other entry points are stood in for, as the check-in core will answer them.
 */
export function answeringCore(answers: AnswerService = realKnowledge().answers): ChatCore {
  const answer = async (text: string, user: PlatformUser) =>
    [(await answers.answer(text, user.localeHint ? { preferredLang: user.localeHint } : {})).reply];
  return {
    handle: (input) => answer(input.text, input),
    submit: async () => [],
    home: (user) => answer('help', user),
    draftObservation: async () => [],
  };
}

/** The real answers for questions; forms and their submissions as the check-in core will answer them. */
export function createTestCore(inner: ChatCore = answeringCore()): TestCore {
  const calls: CoreCall[] = [];
  return {
    calls,
    async handle(input) {
      calls.push({ method: 'handle', input });
      if (input.text.trim().toLowerCase() === 'reflect') return [checkinForm()];
      return inner.handle(input);
    },
    async submit(input) {
      calls.push({ method: 'submit', input });
      if (input.formId !== CHECKIN_ID && input.formId !== OBSERVATION_ID) {
        return [message('Tämä kortti on vanhentunut: check-in on jo suljettu. Kirjoita "reflect" saadaksesi uuden.')];
      }
      const picked = input.values.requirements;
      const count = Array.isArray(picked) ? picked.length : 0;
      return [
        {
          kind: 'message',
          lang: 'fi',
          blocks: [
            { type: 'heading', text: input.formKind === 'checkin' ? 'Check-in tallennettu' : 'Havainto kirjattu' },
            { type: 'list', items: [{ text: `Vaatimuksia: ${count}` }, { text: `Varmuus: ${String(input.values.confidence ?? '–')}` }] },
          ],
          citations: [],
        },
      ];
    },
    async home(input) {
      calls.push({ method: 'home', input });
      return inner.home(input);
    },
    async draftObservation(input, text) {
      calls.push({ method: 'draftObservation', input, text });
      if (!text.trim()) return [message('Viestissä ei ole tekstiä, josta havainnon voisi kirjata.')];
      return [observationForm(text)];
    },
  };
}

/** The real core, every call recorded: for tests over the real database. */
export function recordingCore(inner: ChatCore): TestCore {
  const calls: CoreCall[] = [];
  return {
    calls,
    handle: (input) => {
      calls.push({ method: 'handle', input });
      return inner.handle(input);
    },
    submit: (input) => {
      calls.push({ method: 'submit', input });
      return inner.submit(input);
    },
    home: (input) => {
      calls.push({ method: 'home', input });
      return inner.home(input);
    },
    draftObservation: (input, text, options) => {
      calls.push({ method: 'draftObservation', input, text });
      return inner.draftObservation(input, text, options);
    },
  };
}

// ---- Activities as Teams sends them to a personal-scope bot ----

let sequence = 0;

export type ActivityJson = Record<string, unknown>;

export function personalActivity(serviceUrl: string, fields: ActivityJson): ActivityJson {
  sequence += 1;
  return {
    id: `1712345678${String(sequence).padStart(3, '0')}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from: { id: aino.teamsId, name: aino.name, aadObjectId: aino.aadObjectId },
    conversation: { id: aino.conversationId, conversationType: 'personal', tenantId: TENANT },
    recipient: { id: BOT_ID, name: 'Osaava' },
    locale: 'fi-FI',
    channelData: { tenant: { id: TENANT } },
    ...fields,
  };
}

export function messageActivity(serviceUrl: string, text: string, fields: ActivityJson = {}): ActivityJson {
  return personalActivity(serviceUrl, { type: 'message', text, textFormat: 'plain', ...fields });
}

export function invokeActivity(serviceUrl: string, name: string, value: unknown, fields: ActivityJson = {}): ActivityJson {
  return personalActivity(serviceUrl, { type: 'invoke', name, value, ...fields });
}

// ---- A running endpoint ----

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface RunningTeams {
  baseUrl: string;
  connector: FakeBotConnector;
  core: TestCore;
  references: ConversationReferenceStore;
  messenger: Messenger;
  logs: LogLine[];
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

function captureLogger(lines: LogLine[]): Logger {
  return pino(
    { level: 'debug' },
    {
      write(chunk: string) {
        lines.push(JSON.parse(chunk));
      },
    },
  );
}

/**
 * `messageAckAfterMs`: a message is answered after its turn (so a test sees the turn's sends when the
 * POST returns) unless a test sets the production MESSAGE_ACK_AFTER_MS or another.
 */
export async function startTeams(options: { auth?: (connector: FakeBotConnector) => TeamsAuth; core?: TestCore; messageAckAfterMs?: number } = {}): Promise<RunningTeams> {
  const connector = await startFakeBotConnector();
  connector.addMember(aino.conversationId, { id: aino.teamsId, aadObjectId: aino.aadObjectId, name: aino.name, email: aino.email, userPrincipalName: aino.email, tenantId: TENANT, userRole: 'user' });
  const logs: LogLine[] = [];
  const logger = captureLogger(logs);
  const core = options.core ?? createTestCore();
  const references = createInMemoryConversationReferenceStore();
  // The fake connector listens on loopback: the only connector host these tests allow.
  // New 1:1 conversations are created at the fake connector too, as the bot `28:<APP_ID>`.
  const teams = createTeamsAdapter({ auth: options.auth?.(connector), core, references, logger, connectorHosts: ['127.0.0.1'], botId: BOT_ID, newConversationServiceUrl: connector.serviceUrl, messageAckAfterMs: options.messageAckAfterMs ?? 60_000 });
  const http: HttpServer = createHttpServer({ logger, mounts: [{ path: '/', router: teams.router }] });
  const port = await http.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    connector,
    core,
    references,
    messenger: teams.messenger,
    logs,
    post: (activity, headers = {}) =>
      fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      }),
    async close() {
      await http.close();
      await connector.close();
    },
  };
}

/** The card of a posted activity, when it carries one. */
export function cardOf(activity: Record<string, unknown>): Record<string, unknown> | undefined {
  const attachments = activity.attachments;
  if (!Array.isArray(attachments)) return undefined;
  const first: unknown = attachments[0];
  if (typeof first !== 'object' || first === null || !('content' in first)) return undefined;
  const content: unknown = first.content;
  return typeof content === 'object' && content !== null && !Array.isArray(content) ? Object.fromEntries(Object.entries(content)) : undefined;
}
