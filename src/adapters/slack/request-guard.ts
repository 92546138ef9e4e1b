// In front of Bolt on POST /slack/events: read the raw body, refuse a missing, wrong or stale
// signature with 401 before anything else runs, and answer a signed but unusable body with a logged
// 200 (Slack would otherwise retry it, and Bolt would answer 400). The signature is checked with
// Bolt's own verifier on our clock, plus two checks it lacks: a far-future timestamp is refused, and
// the body must be UTF-8 (Bolt signs a string, Slack the raw bytes). Bolt's receiver checks again behind.
import { verifySlackRequest } from '@slack/bolt';
import express, { type ErrorRequestHandler, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../../storage/clock.ts';

export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack's largest payloads (a modal's view and state) are tens of kilobytes. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** Slack's rule: a request more than five minutes away from our clock may be a replay. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

/** What Osaava handles; anything else that is signed gets a logged 200. */
const envelopeSchema = z.union([
  z.object({ type: z.literal('url_verification'), challenge: z.string() }),
  z.object({ type: z.literal('event_callback'), event: z.object({ type: z.string() }) }),
  z.object({ type: z.enum(['block_actions', 'view_submission', 'message_action', 'shortcut']) }),
  // Slash commands come as plain form fields, without a `type`.
  z.object({ command: z.string(), response_url: z.string() }),
]);

export type ParsedBody = { ok: true; body: unknown } | { ok: false; problem: string };

const isForm = (contentType: string | undefined) => (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';

/** Slack sends events as JSON, interactivity as a form field `payload` with JSON, slash commands as form fields. */
export function parseSlackBody(raw: string, contentType: string | undefined): ParsedBody {
  try {
    if (!isForm(contentType)) return { ok: true, body: JSON.parse(raw) };
    const params = new URLSearchParams(raw);
    const payload = params.get('payload');
    return { ok: true, body: payload === null ? Object.fromEntries(params) : JSON.parse(payload) };
  } catch {
    return { ok: false, problem: 'body is not valid JSON' };
  }
}

/** Slack's certificate check of a slash command's URL: nothing to run, nothing to verify. */
function isSslCheck(raw: string, contentType: string | undefined): boolean {
  if (!isForm(contentType)) return false;
  const params = new URLSearchParams(raw);
  return params.get('ssl_check') === '1' && !params.has('payload') && !params.has('command');
}

const header = (req: Request, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Why the request is not signed with `signingSecret` within five minutes of `now`; undefined when it is. */
function signatureProblem(signingSecret: string, request: { rawBody: Buffer; signature: string | undefined; timestamp: string | undefined }, now: Date): string | undefined {
  const { rawBody, signature, timestamp } = request;
  if (!signature || !timestamp) return 'missing signature headers';
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp is not a number of seconds';
  // Bolt refuses old timestamps only; a far-future one is as suspicious.
  if (Number(timestamp) * 1000 - now.getTime() > MAX_SIGNATURE_AGE_MS) return 'timestamp is in the future';
  let body: string;
  try {
    body = strictUtf8.decode(rawBody);
  } catch {
    return 'body is not UTF-8';
  }
  try {
    verifySlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) }, nowMilliseconds: now.getTime() });
    return undefined;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

export function createRequestGuard(deps: { signingSecret: string; clock: Clock; logger: Logger; isReady: () => boolean }): (RequestHandler | ErrorRequestHandler)[] {
  // Bolt's verifier would refuse every request without one, and log each as a bad signature.
  if (!deps.signingSecret) throw new Error('the Slack request guard needs a signing secret');
  const log = deps.logger.child({ component: 'slack-http' });

  const readRaw = express.raw({ type: () => true, limit: MAX_SLACK_BODY_BYTES });

  const guard: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const raw = rawBody.toString('utf8');
    const contentType = header(req, 'content-type');
    if (isSslCheck(raw, contentType)) {
      res.status(200).end();
      return;
    }
    const problem = signatureProblem(deps.signingSecret, { rawBody, signature: header(req, 'x-slack-signature'), timestamp: header(req, 'x-slack-request-timestamp') }, deps.clock.now());
    if (problem !== undefined) {
      log.warn({ reason: problem, ip: req.ip }, 'Slack request refused: bad signature');
      res.status(401).end();
      return;
    }
    if (!deps.isReady()) {
      log.warn('Slack request before the adapter was started');
      res.status(503).end();
      return;
    }
    // Retries (X-Slack-Retry-Num) go on to Bolt: the event ledger (event-dedup.ts) drops those whose
    // first attempt finished or is running, and handles those whose first attempt died.
    const parsed = parseSlackBody(raw, contentType);
    const envelope = parsed.ok ? envelopeSchema.safeParse(parsed.body) : undefined;
    if (!parsed.ok || !envelope?.success) {
      log.warn({ problem: parsed.ok ? 'not a payload Osaava handles' : parsed.problem, bytes: rawBody.length }, 'Slack request ignored');
      res.status(200).end();
      return;
    }
    // Bolt reads `rawBody` when a body parser has run before it (as on Google Cloud) and checks it again.
    Object.assign(req, { rawBody });
    next();
  };

  const onReadError: ErrorRequestHandler = (err: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const tooLarge = z.object({ type: z.literal('entity.too.large') }).safeParse(err).success;
    log.warn({ err }, tooLarge ? 'Slack request body too large' : 'Slack request body could not be read');
    res.status(tooLarge ? 413 : 400).end();
  };

  return [readRaw, guard, onReadError];
}
