// The Microsoft Teams adapter on the Microsoft 365 Agents SDK (botbuilder's maintained successor):
// `POST /api/messages` through the SDK's CloudAdapter, and the proactive Messenger. Every import of
// the SDK stays inside this folder.
import { CloudAdapter, OutboundHostValidator, type TurnContext, type WebResponse } from '@microsoft/agents-hosting';
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChatCore } from '../../core/chat-core.ts';
import type { Messenger } from '../../messaging/messenger.ts';
import { acceptedIssuers, toAuthConfiguration, type TeamsAuth } from './auth-config.ts';
import type { ConversationReferenceStore } from './conversation-references.ts';
import { handleTurn } from './handle-turn.ts';
import { createMemberEmailCache } from './member-email.ts';
import { createSdkTurnIO } from './sdk-turn-io.ts';
import { DEFAULT_CONNECTOR_HOSTS, refuseRequest, type RequestPolicy } from './request-guard.ts';
import { localeHint } from './teams-activity.ts';
import { createTeamsMessenger } from './teams-messenger.ts';
import { texts } from './texts.ts';

export interface TeamsAdapterDeps {
  /** The Azure Bot's credentials; undefined runs anonymously (tests against a local connector only). */
  auth: TeamsAuth | undefined;
  core: ChatCore;
  references: ConversationReferenceStore;
  logger: Logger;
  now?: () => Date;
  /**
   * The Bot Connector hosts the bot may call (and accept as an activity's `serviceUrl`):
   * `smba.trafficmanager.net` and `*.botframework.com` unless set (sovereign clouds, tests).
   */
  connectorHosts?: readonly string[];
  /** Where a 1:1 conversation is created for a user without a stored reference: Teams' global endpoint unless set (tests). */
  newConversationServiceUrl?: string;
  /** The bot's Teams id (`28:<app id>`): derived from the app id unless set (the anonymous test mode has none). */
  botId?: string;
  /**
   * A message activity (not an invoke) is answered when its turn ends or, if that takes longer, with
   * 202 after this long (MESSAGE_ACK_AFTER_MS unless set); the turn then runs on and sends its replies.
   */
  messageAckAfterMs?: number;
}

/** The SDK answers a message only after its turn: a slow one (an LLM, a long paste) is acknowledged by then. */
export const MESSAGE_ACK_AFTER_MS = 500;

export interface TeamsAdapter {
  /** Serves `POST /api/messages`; mount at `/`. */
  router: Router;
  messenger: Messenger;
}

/** Teams activities are small; a message can carry at most about 28 KB. */
const MAX_BODY = '512kb';

const httpErrorSchema = z.object({ status: z.number().int() });

const invalidActivity = { error: { code: 'invalid_activity', message: 'The request body is not a valid activity.' } };

/** Says nothing about why: the reason goes to the log only. */
const refusedBodies = {
  400: { error: { code: 'bad_request', message: 'The request was refused.' } },
  401: { error: { code: 'unauthorized', message: 'Unauthorized.' } },
  403: { error: { code: 'forbidden', message: 'Forbidden.' } },
} as const;

/** Runs the SDK's token check without letting it write the answer (its 401 bodies name the failure). */
async function verifyToken(adapter: CloudAdapter, req: Request): Promise<{ ok: true } | { ok: false; reason: string }> {
  let refusal: string | undefined;
  let passed = false;
  const probe: WebResponse = {
    status: () => probe,
    setHeader: () => probe,
    send: (body?: unknown) => {
      refusal = JSON.stringify(body ?? 'refused').slice(0, 200);
      return probe;
    },
    end: () => probe,
    headersSent: false,
    writableEnded: false,
  };
  await adapter.authorizeRequest(req, probe, () => {
    passed = true;
  });
  return passed && refusal === undefined ? { ok: true } : { ok: false, reason: `token refused: ${refusal ?? 'unknown'}` };
}

/** The SDK validates activities with its own (bundled) zod: recognised by name, not by class. */
function isActivityShapeError(err: unknown): boolean {
  return err instanceof Error && err.name === 'ZodError';
}

/**
 * Answers 202 once `afterMs` has passed since the turn began, if the turn has not answered by then.
 * The SDK's own answer at the end of the turn is then skipped (it checks `writableEnded`).
 */
function earlyAck(res: Response, afterMs: number, log: Logger): { arm(): void; disarm(): void } {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  return {
    arm() {
      timer ??= setTimeout(() => {
        if (res.headersSent) return;
        log.debug({ afterMs: Math.round(performance.now() - started) }, 'teams activity acknowledged before its turn ended');
        res.status(202).end();
      }, afterMs);
    },
    disarm() {
      clearTimeout(timer);
    },
  };
}

export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  const log = deps.logger.child({ component: 'teams' });
  const now = deps.now ?? (() => new Date());
  const connectorHosts = deps.connectorHosts ?? DEFAULT_CONNECTOR_HOSTS;
  // The SDK's own host check too (it also guards proactive sends), limited to the connector hosts,
  // and its serviceurl-claim check turned on; the router's checks below are stricter and logged.
  const adapter = new CloudAdapter(
    toAuthConfiguration(deps.auth),
    undefined,
    undefined,
    { validateServiceUrl: true },
    new OutboundHostValidator({ enabled: true, includeDefaultMicrosoftHosts: false, hosts: [...connectorHosts] }),
  );
  const policy: RequestPolicy = {
    authenticated: deps.auth !== undefined,
    issuers: deps.auth ? acceptedIssuers(deps.auth) : [],
    connectorHosts,
    ...(deps.auth?.tenantId ? { tenantId: deps.auth.tenantId } : {}),
  };
  const refuse = (req: Request, res: Response, status: 400 | 401 | 403, reason: string) => {
    // Status and reason only: never the body or the token.
    log.warn({ status, reason, ip: req.ip }, 'teams request refused');
    res.status(status).json(refusedBodies[status]);
  };
  if (!deps.auth) log.warn('Teams adapter running without authentication: for tests against a local connector only');

  // Replaces the SDK's default, which tells users to "fix the source code". Turns catch their own
  // errors; this sees only what fails around them.
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    log.error({ err: error, type: context.activity.type }, 'teams turn error');
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(texts.in(localeHint(context.activity.locale) ?? 'fi')('internalError'));
    } catch (err) {
      log.error({ err }, 'telling the user about a failed turn failed too');
    }
  };

  const emails = createMemberEmailCache({ now });
  const turnDeps = { core: deps.core, references: deps.references, logger: log, now };

  const router = Router();
  router.post(
    '/api/messages',
    // The bearer token is checked first: without a valid one nothing else runs, not even body parsing.
    async (req: Request, res: Response, next: express.NextFunction) => {
      const verdict = await verifyToken(adapter, req);
      if (verdict.ok) return next();
      refuse(req, res, 401, verdict.reason);
    },
    express.json({ limit: MAX_BODY }),
    async (req: Request, res: Response) => {
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
        res.status(400).json(invalidActivity);
        return;
      }
      // The SDK's middleware left the verified token's claims on the request as `user`.
      const refusal = refuseRequest(req.body, Reflect.get(req, 'user'), policy);
      if (refusal) return refuse(req, res, refusal.status, refusal.reason);
      // An invoke's HTTP answer is its result; any other activity only needs to be acknowledged.
      const early = Reflect.get(req.body, 'type') === 'invoke' ? undefined : earlyAck(res, deps.messageAckAfterMs ?? MESSAGE_ACK_AFTER_MS, log);
      try {
        await adapter.process(req, res, (context) => {
          // The SDK checked the activity: from here on only the turn's own sends can fail.
          early?.arm();
          return handleTurn(createSdkTurnIO(context, { adapter, emails, logger: log }), turnDeps);
        });
      } catch (err) {
        if (res.headersSent) {
          log.error({ err }, 'teams request failed after answering');
        } else if (isActivityShapeError(err)) {
          // The SDK's own schema refused the body: the sender's error.
          log.warn({ err }, 'teams request is not a valid activity');
          res.status(400).json(invalidActivity);
        } else {
          // E.g. the bot's own token could not be obtained: ours, and worth an alert.
          log.error({ err }, 'teams request could not be processed');
          res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
        }
      } finally {
        early?.disarm();
      }
    },
  );
  router.use('/api/messages', (err: unknown, _req: Request, res: Response, next: express.NextFunction) => {
    // body-parser errors (bad JSON, too large) arrive here, after a successful token check.
    const status = httpErrorSchema.safeParse(err).data?.status;
    if (res.headersSent || status === undefined || status < 400 || status >= 500) return next(err);
    log.info({ err, status }, 'teams request body rejected');
    res.status(status).json({ error: { code: 'invalid_request', message: 'The request body could not be read.' } });
  });

  const messenger = createTeamsMessenger({
    adapter,
    appId: deps.auth?.clientId,
    references: deps.references,
    logger: log,
    now,
    ...(deps.botId ? { botId: deps.botId } : {}),
    ...(deps.newConversationServiceUrl ? { newConversationServiceUrl: deps.newConversationServiceUrl } : {}),
  });
  return { router, messenger };
}
