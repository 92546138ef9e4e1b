// The Slack adapter: a Bolt app over the platform-neutral core. Socket Mode when an app-level token is
// given (no public URL needed); otherwise HTTP, as an express router serving POST /slack/events for
// events, interactivity and slash commands, to be mounted on the shared server.
import { App, ExpressReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChatCore } from '../../core/chat-core.ts';
import type { Messenger } from '../../messaging/messenger.ts';
import { systemClock, type Clock } from '../../storage/clock.ts';
import { createBoltLogger } from './bolt-logger.ts';
import { webClientOptions } from './client-options.ts';
import { createInMemoryDmChannels, type SlackDmChannelRepo } from './dm-channels.ts';
import { createInMemoryEventLedger, dedupEvents, type SlackEventLedger } from './event-dedup.ts';
import { registerListeners } from './listeners/index.ts';
import { createReplyDelivery } from './reply-delivery.ts';
import { createRequestGuard, SLACK_EVENTS_PATH } from './request-guard.ts';
import { createSlackMessenger } from './slack-messenger.ts';
import { createUserDirectory } from './user-directory.ts';
import { workspaceGuard } from './workspace-guard.ts';

export interface SlackAdapterDeps {
  /** `xoxb-…`, SLACK_BOT_TOKEN. */
  botToken: string;
  /** SLACK_SIGNING_SECRET; needed in HTTP mode. */
  signingSecret?: string;
  /** `xapp-…`, SLACK_APP_TOKEN; when set, Socket Mode. */
  appToken?: string;
  /** SLACK_API_URL: the Web API base, e.g. `https://slack-gov.com/api/` or a local fake in tests. */
  apiUrl?: string;
  core: ChatCore;
  logger: Logger;
  /** For the signature's five-minute window and the user cache. */
  clock?: Clock;
  /** Posts to response_url; the global fetch by default. */
  fetch?: typeof globalThis.fetch;
  /** How long the "Log as observation" shortcut waits for the core before showing a waiting modal. */
  modalBudgetMs?: number;
  /**
   * Where users' DM channel ids are kept (the messenger's `confirm` reads the DM back). In memory when
   * not given: then a restarted process cannot confirm, and falls back to the scheduler's notice.
   */
  dmChannels?: SlackDmChannelRepo;
  /**
   * Where event ids are claimed so each event is acted on once (src/storage/slack-event-repo.ts). In
   * memory when not given: then retries are caught within one process only.
   */
  events?: SlackEventLedger;
}

export interface SlackAdapter {
  mode: 'socket' | 'http';
  /** HTTP mode only: mount at '/'; it serves POST /slack/events. */
  router?: Router;
  /** Checks the bot token (auth.test); in Socket Mode also connects. Call before the server listens. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Proactive DMs (check-ins, summaries), with its own client that never retries on its own. */
  messenger: Messenger;
}

export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const log = deps.logger.child({ component: 'slack' });
  const clock = deps.clock ?? systemClock;
  const boltLogger = createBoltLogger(deps.logger);
  const clientOptions = webClientOptions({ apiUrl: deps.apiUrl, logger: boltLogger, purpose: 'interactive' });
  const mode = deps.appToken ? 'socket' : 'http';
  let started = false;

  let receiver: ExpressReceiver | SocketModeReceiver;
  let router: Router | undefined;
  if (deps.appToken) {
    receiver = new SocketModeReceiver({
      appToken: deps.appToken,
      logger: boltLogger,
      // The socket client opens its connection with apps.connections.open on the same Web API host.
      installerOptions: { clientOptions: webClientOptions({ apiUrl: deps.apiUrl, logger: boltLogger, purpose: 'interactive' }) },
    });
  } else {
    if (!deps.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).');
    const expressReceiver = new ExpressReceiver({ signingSecret: deps.signingSecret, endpoints: SLACK_EVENTS_PATH, logger: boltLogger, processBeforeResponse: false });
    router = Router();
    router.post(SLACK_EVENTS_PATH, ...createRequestGuard({ signingSecret: deps.signingSecret, clock, logger: deps.logger, isReady: () => started }));
    router.use(expressReceiver.router);
    receiver = expressReceiver;
  }

  // Initialisation (auth.test) is deferred to start(), so a bad token fails start-up loudly.
  const app = new App({ token: deps.botToken, receiver, logger: boltLogger, clientOptions, deferInitialization: true, convoStore: false });
  app.error(async (error) => {
    log.error({ err: error }, 'unhandled error in a Slack listener');
  });
  // Before every listener: a request from another workspace is dropped, and so is a redelivered event
  // (a retry, or a second process).
  let installedTeam: string | undefined;
  app.use(workspaceGuard({ installedTeam: () => installedTeam, log }));
  app.use(dedupEvents({ ledger: deps.events ?? createInMemoryEventLedger(clock), clock, log }));

  const users = createUserDirectory({ client: app.client, clock, logger: log });
  const dmChannels = deps.dmChannels ?? createInMemoryDmChannels();
  registerListeners(app, {
    core: deps.core,
    client: app.client,
    users,
    delivery: createReplyDelivery({ client: app.client, fetch: deps.fetch ?? globalThis.fetch, logger: log }),
    log,
    modalBudgetMs: deps.modalBudgetMs ?? 1500,
    dmChannels,
  });

  const outboundClient = new webApi.WebClient(deps.botToken, webClientOptions({ apiUrl: deps.apiUrl, logger: boltLogger, purpose: 'outbound' }));
  const messenger = createSlackMessenger({ client: outboundClient, logger: deps.logger, dmChannels });

  return {
    mode,
    router,
    messenger,
    async start() {
      await app.init();
      const auth = z.object({ team_id: z.string().optional(), is_enterprise_install: z.boolean().optional() }).loose().parse(await app.client.auth.test());
      installedTeam = auth.is_enterprise_install ? undefined : auth.team_id || undefined;
      if (mode === 'socket') await app.start();
      started = true;
      log.info({ mode }, 'Slack adapter started');
    },
    async stop() {
      started = false;
      if (mode === 'socket') await app.stop();
      users.clear();
      log.info({ mode }, 'Slack adapter stopped');
    },
  };
}
