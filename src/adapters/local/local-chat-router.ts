import { performance } from 'node:perf_hooks';
import express, { Router } from 'express';
import type { ErrorRequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { FormKind, Lang, Reply } from '../../conversation/reply.ts';
import {
  forbiddenError,
  fromBodyParserError,
  fromChatRequestError,
  fromFormRequestError,
  internalError,
  notJsonError,
  sendApiError,
} from './api-errors.ts';
import { checkLocalChatAccess, LOOPBACK_ONLY } from './local-chat-access.ts';
import type { LocalChatAccessPolicy } from './local-chat-access.ts';
import type { ApiError } from './api-errors.ts';
import type { InboxPage, LocalInbox } from './local-inbox.ts';
import { loadChatPage } from './page/chat-page.ts';
import { chatRequestSchema, formRequestSchema, inboxQuerySchema, MAX_BODY_BYTES } from './schemas.ts';
import type { LocalUser } from './schemas.ts';

export interface LocalChatDeps {
  /** The core: one call per message, whoever the local user claims to be. */
  handle(input: { userId: string; text: string }): Promise<Reply[]>;
  /** The core: one call per submitted form (a `FormReply` the page rendered). */
  submit(input: {
    userId: string;
    formKind: FormKind;
    formId: string;
    values: Record<string, string | string[] | number>;
    /** The language the form was shown in. */
    lang?: Lang;
  }): Promise<Reply[]>;
  listUsers(): Promise<LocalUser[]>;
  logger: Logger;
  /** Extra text for the page's banner, e.g. which data set the demo runs on. */
  notice?: string;
  /** Where the scheduler's messages to local users wait; without it the page's inbox stays empty. */
  inbox?: Pick<LocalInbox, 'read'>;
  /** Who may reach the chat; without it, only this machine at a loopback Host name. */
  access?: LocalChatAccessPolicy;
}

/** The local chat's own routes: the guard answers 403 on these and leaves every other path alone. */
const LOCAL_CHAT_PATHS = ['/', '/api/users', '/api/inbox', '/api/chat', '/api/form'];

/**
 * The local web chat: `GET /` (the page), `GET /api/users`, `POST /api/chat`, `POST /api/form`,
 * `GET /api/inbox` (the scheduler's check-ins, reminders and summaries, polled by the page).
 * Mount with `app.use('/', createLocalChatRouter(deps))`. It has no authentication by design:
 * it is a development tool, and the page says that anyone can act as anyone. So it answers only
 * requests from this machine at a loopback Host name (see local-chat-access.ts); others get 403.
 */
export function createLocalChatRouter(deps: LocalChatDeps): Router {
  const log = deps.logger.child({ component: 'local-chat' });
  const page = loadChatPage();
  const router = Router();
  const access = deps.access ?? LOOPBACK_ONLY;

  // Before anything else, body parsing included: a refused request is not read.
  router.all(LOCAL_CHAT_PATHS, (req, res, next) => {
    const decision = checkLocalChatAccess(
      {
        remoteAddress: req.socket.remoteAddress,
        forwardedFor: req.get('x-forwarded-for'),
        forwarded: req.get('forwarded'),
        host: req.get('host'),
      },
      access,
    );
    if (decision.allowed) {
      next();
      return;
    }
    log.info(
      { status: decision.status, reason: decision.reason, method: req.method, path: req.path, remoteAddress: req.socket.remoteAddress, host: req.get('host')?.slice(0, 100) },
      'local chat request refused',
    );
    sendApiError(res, forbiddenError(decision.message));
  });

  router.get('/', (_req, res) => {
    res
      .set({
        'Content-Security-Policy': page.contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      })
      .type('html')
      .send(page.html);
  });

  router.get('/api/users', async (_req, res) => {
    try {
      const users = await deps.listUsers();
      res.json(deps.notice ? { users, notice: deps.notice } : { users });
    } catch (err) {
      log.error({ err }, 'listing local users failed');
      sendApiError(res, internalError);
    }
  });

  router.get('/api/inbox', (req, res) => {
    const parsed = inboxQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      const error: ApiError = { status: 400, code: 'invalid_request', message: parsed.error.issues.map((issue) => issue.message).join('; ') };
      log.info({ status: error.status, code: error.code }, 'local inbox request rejected');
      sendApiError(res, error);
      return;
    }
    const { user: userId, after } = parsed.data;
    try {
      const unread: InboxPage = deps.inbox ? deps.inbox.read(userId, after) : { messages: [], next: 0 };
      // Polled every few seconds: an empty answer is not worth a log line.
      if (unread.messages.length > 0) log.debug({ userId, after, messages: unread.messages.length }, 'local inbox read');
      res.set('Cache-Control', 'no-store').json(unread);
    } catch (err) {
      log.error({ err, userId }, 'reading the local inbox failed');
      sendApiError(res, internalError);
    }
  });

  // Only application/json is parsed: a cross-site form cannot send it without a CORS preflight.
  // Not strict: a JSON `null` or string is valid JSON and gets zod's clearer "must be an object" answer.
  const parseJson = express.json({ limit: MAX_BODY_BYTES, strict: false });

  router.post('/api/chat', parseJson, async (req: Request, res: Response) => {
    if (!req.is('application/json')) {
      log.info({ status: notJsonError.status, code: notJsonError.code, path: req.path }, 'local chat request rejected');
      sendApiError(res, notJsonError);
      return;
    }
    const parsed = chatRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const error = fromChatRequestError(parsed.error, req.body);
      log.info({ status: error.status, code: error.code }, 'local chat request rejected');
      sendApiError(res, error);
      return;
    }
    const { user: userId, text } = parsed.data;
    const started = performance.now();
    // Message text is personal data: info logs carry only its length.
    log.debug({ userId, text }, 'local chat message');
    try {
      const replies = await deps.handle({ userId, text });
      log.info(
        { userId, chars: text.length, replies: replies.length, ms: Math.round(performance.now() - started) },
        'local chat answered',
      );
      res.json({ replies });
    } catch (err) {
      log.error({ err, userId, ms: Math.round(performance.now() - started) }, 'local chat handler failed');
      sendApiError(res, internalError);
    }
  });

  router.post('/api/form', parseJson, async (req: Request, res: Response) => {
    if (!req.is('application/json')) {
      log.info({ status: notJsonError.status, code: notJsonError.code, path: req.path }, 'local chat request rejected');
      sendApiError(res, notJsonError);
      return;
    }
    const parsed = formRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const error = fromFormRequestError(parsed.error);
      log.info({ status: error.status, code: error.code }, 'local form rejected');
      sendApiError(res, error);
      return;
    }
    const { user: userId, formKind, formId, values, lang } = parsed.data;
    const started = performance.now();
    // Answers are personal data: info logs carry only which fields were sent.
    log.debug({ userId, formKind, formId, values }, 'local form submitted');
    try {
      const replies = await deps.submit({ userId, formKind, formId, values, ...(lang ? { lang } : {}) });
      log.info(
        { userId, formKind, formId, fields: Object.keys(values), replies: replies.length, ms: Math.round(performance.now() - started) },
        'local form answered',
      );
      res.json({ replies });
    } catch (err) {
      log.error({ err, userId, formKind, formId, ms: Math.round(performance.now() - started) }, 'local form handler failed');
      sendApiError(res, internalError);
    }
  });

  const onError: ErrorRequestHandler = (err, req, res, next) => {
    const known = fromBodyParserError(err);
    if (res.headersSent) {
      next(err);
      return;
    }
    if (known) {
      log.info({ status: known.status, code: known.code, path: req.path }, 'local chat request rejected');
      sendApiError(res, known);
      return;
    }
    log.error({ err, path: req.path }, 'local chat router error');
    sendApiError(res, internalError);
  };
  // Scoped to the API so errors of routes mounted elsewhere are not answered in our shape.
  router.use('/api', onError);

  return router;
}
