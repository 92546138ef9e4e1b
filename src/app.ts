// Composition root: builds Osaava's parts from the configuration. main.ts only starts and stops it.
import { join } from 'node:path';
import type { Logger } from 'pino';
import { createLocalInbox } from './adapters/local/local-inbox.ts';
import { localChatNotice } from './adapters/local/local-chat-access.ts';
import { listLocalUsers } from './adapters/local/local-users.ts';
import type { SlackAdapter } from './adapters/slack/index.ts';
import { buildLanguageServices } from './language-services.ts';
import { createWorkCalendar } from './calendar/index.ts';
import { composeChatCore } from './compose-core.ts';
import type { ChatCore } from './core/chat-core.ts';
import { createCheckinComposer } from './features/checkins/checkin-messages.ts';
import type { Config } from './config/config.ts';
import { createHttpServer, type Mount } from './http/http-server.ts';
import { loadKnowledgeBase } from './knowledge/index.ts';
import { type Clock, createDatabase, type Database, localDateAt, seedDemo, systemClock } from './storage/index.ts';
import { createSlackDmChannelRepo } from './storage/slack-dm-channel-repo.ts';
import { createSlackEventRepo } from './storage/slack-event-repo.ts';
import { createStore, type Store } from './storage/store.ts';
import { createTeamsReferenceRepo } from './storage/teams-reference-repo.ts';
import type { Messenger } from './messaging/messenger.ts';
import { createPersonMessenger } from './messaging/person-messenger.ts';
import { createScheduler, type Scheduler, type SchedulerOptionsInput } from './scheduling/index.ts';
import { createSummaryService, type Narrate } from './features/summaries/summary-service.ts';

export interface Osaava {
  core: ChatCore;
  /** Outbound messengers of the configured platforms (the scheduler sends through them). */
  messengers: Messenger[];
  /** Check-ins, reminders and weekly summaries; absent with SCHEDULER=off. */
  scheduler: Scheduler | undefined;
  store: Store;
  database: Database;
  listen(): Promise<number>;
  stop(): Promise<void>;
}

export async function createOsaava(config: Config, logger: Logger, clock: Clock = systemClock): Promise<Osaava> {
  const started = performance.now();
  const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
  const { answers, suggestRequirements, narrateSummary } = buildLanguageServices(config, kb, logger);
  logger.info({ units: kb.units.map((u) => u.id), documents: kb.documents.length, items: kb.items.length, ms: Math.round(performance.now() - started) }, 'knowledge loaded');

  if (!config.DATABASE_URL) logger.info({ dataDir: join(config.DATA_DIR, 'pglite') }, 'opening the embedded database (the very first start creates it, in about a second)');
  const database = await createDatabase({ ...(config.DATABASE_URL ? { url: config.DATABASE_URL } : {}), dataDir: join(config.DATA_DIR, 'pglite'), logger });
  logger.info({ database: database.kind }, 'database ready');
  const store = createStore(database.db, clock);
  if (config.demoData) {
    const { seeded } = await seedDemo(database.db, { today: localDateAt(clock.now(), 'Europe/Helsinki') });
    if (seeded) logger.info('demo data seeded (aino, ville, mikko, sanna, liisa, admin)');
  }

  const extraDaysOff = config.SCHOOL_DAYS_OFF;
  const calendar = createWorkCalendar({ extraDaysOff });
  const schedulerOptions: SchedulerOptionsInput = {
    extraDaysOff,
    reminderAfterMinutes: config.REMINDER_AFTER_MINUTES,
    summaryWeekday: config.SUMMARY_WEEKDAY,
    summaryTime: config.SUMMARY_TIME,
  };
  // The LLM paragraph goes on the staff's summaries only: the student's recap stays their own figures.
  const narrate: Narrate | undefined = narrateSummary && (async (input) => (input.audience === 'staff' ? narrateSummary(input) : null));
  const summaries = createSummaryService({ repo: store.weeklySummaries, audit: store.audit, kb, calendar, options: { extraDaysOff }, logger, ...(narrate ? { narrate } : {}) });

  // Filled below, once the platform adapters (which need the core) exist.
  const messengers: Messenger[] = [];
  // A message to one person at once (a student's cry for help): their linked account on a configured platform.
  const messagePerson = createPersonMessenger({
    messengers: () => messengers,
    addressesOf: async (personId) => (await store.people.listIdentities(personId)).map((i) => ({ platform: i.platform, tenantId: i.tenantId, userId: i.externalId })),
  });
  const core = composeChatCore({
    store, kb, answers, suggestRequirements, summaries, calendar, clock, logger, extraDaysOff, messagePerson,
    exportDir: join(config.DATA_DIR, 'exports'),
  });

  const mounts: Mount[] = [];
  let slack: SlackAdapter | undefined;
  // The platform SDKs are loaded only when their platform is configured: each costs tens of MB and most
  // of a second to load, and a school runs one platform (the demo none).
  if (config.slackEnabled && config.SLACK_BOT_TOKEN) {
    const { createSlackAdapter } = await import('./adapters/slack/index.ts');
    // Slack's own clock, not the app's: the five-minute signature window must use real time.
    slack = createSlackAdapter({
      botToken: config.SLACK_BOT_TOKEN,
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      core,
      logger,
      // DM channels survive a restart, so an uncertain send is confirmed by reading the DM back.
      dmChannels: createSlackDmChannelRepo(database.db, () => clock.now()),
      // Each event is acted on once, across retries and processes; claims are timed on the real clock.
      events: createSlackEventRepo(database.db),
    });
    if (slack.router) mounts.push({ path: '/', router: slack.router });
    messengers.push(slack.messenger);
  }
  if (config.teamsEnabled && config.clientId) {
    const { createTeamsAdapter } = await import('./adapters/teams/index.ts');
    const teams = createTeamsAdapter({
      auth: { clientId: config.clientId, ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}), ...(config.tenantId ? { tenantId: config.tenantId } : {}) },
      core,
      references: createTeamsReferenceRepo(database.db, () => clock.now()),
      logger,
      now: () => clock.now(),
    });
    mounts.push({ path: '/', router: teams.router });
    messengers.push(teams.messenger);
  }
  if (config.localChatEnabled) {
    // What the scheduler sends to a demo user shows up in their page.
    // Only here: the page is bundled with esbuild, which a server without the local chat need not load.
    const { createLocalChatRouter } = await import('./adapters/local/local-chat-router.ts');
    const inbox = createLocalInbox();
    messengers.push(inbox.messenger);
    mounts.push({
      path: '/',
      router: createLocalChatRouter({
        logger,
        handle: ({ userId, text }) => core.handle({ platform: 'local', userId, tenantId: '', text }),
        submit: ({ userId, formKind, formId, values, lang }) => core.submit({ platform: 'local', userId, tenantId: '', formKind, formId, values, ...(lang ? { localeHint: lang } : {}) }),
        listUsers: () => listLocalUsers(store),
        inbox,
        // Only this machine at loopback names, unless LOCAL_CHAT=on (other machines) and LOCAL_CHAT_HOSTS (other names).
        access: { allowRemote: config.localChatExplicit, extraHosts: config.LOCAL_CHAT_HOSTS },
        notice: localChatNotice({ explicit: config.localChatExplicit, platformConfigured: config.slackEnabled || config.teamsEnabled }),
      }),
    });
  } else if (config.localChatOffReason) {
    logger.info(config.localChatOffReason);
  }
  // /readyz answers 503 while the database does not (a PostgreSQL restart, say).
  const http = createHttpServer({ logger, mounts, databaseReady: () => database.ping() });
  const scheduler = config.schedulerEnabled
    ? createScheduler({
        store, database, messengers, calendar, clock, logger,
        checkins: createCheckinComposer(kb),
        summaries,
        ...(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : {}),
        options: schedulerOptions,
        // RETENTION=off: nothing is ever deleted by the nightly run.
        retention: config.retentionEnabled
          ? { placementDays: config.RETENTION_PLACEMENT_DAYS, deliveryDays: config.RETENTION_DELIVERY_DAYS, auditDays: config.RETENTION_AUDIT_DAYS }
          : null,
      })
    : undefined;

  return {
    core,
    messengers,
    scheduler,
    store,
    database,
    async listen() {
      await slack?.start();
      const port = await http.listen(config.PORT, config.HOST);
      await scheduler?.start();
      logger.info({ port, localChat: config.localChatEnabled, slack: config.slackEnabled, teams: config.teamsEnabled, llm: config.llmEnabled, scheduler: config.schedulerEnabled, database: database.kind }, `Osaava is listening on http://localhost:${port}`);
      return port;
    },
    async stop() {
      // The scheduler first: its running batch finishes while the platforms can still be reached.
      await scheduler?.stop();
      await slack?.stop();
      await http.close();
      await database.close();
    },
  };
}
