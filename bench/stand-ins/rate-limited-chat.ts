// A chat platform with the rate limits the bot is not told, in its own process, for the fan-out
// benchmark. Two wire shapes:
// - `slack`: `POST /api/chat.postMessage` (the Web API client's form body, `channel` a user id),
//   answering `{ ok: true, channel: 'D…', ts }`; over a limit HTTP 429 with a `Retry-After` header in
//   whole seconds and `{ ok: false, error: 'ratelimited' }`, as Slack does.
// - `teams`: the Bot Connector's `POST /v3/conversations/{id}/activities`, answering 201
//   `{ id }`; over a limit HTTP 429 with `Retry-After` and `{ error: { code: 'Throttled' } }`.
// Limits: `perChannelPerSecond` per channel (a DM / a conversation: the next post within 1/rate of
// the last is refused) and a workspace/tenant token bucket (`perSecond`, `burst`).
// `GET /stats` answers what was accepted. Started as `node --import tsx rate-limited-chat.ts '<json>'`;
// prints `{ "url": … }` on its first line.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

const optionsSchema = z.object({
  shape: z.enum(['slack', 'teams']),
  perSecond: z.number().positive(),
  burst: z.number().int().min(1),
  perChannelPerSecond: z.number().positive(),
});

const options = optionsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));

let tokens = options.burst;
let refilledAt = performance.now();
const channelNext = new Map<string, number>();
const accepted = new Map<string, number>();
let posts = 0;
let rejectedWorkspace = 0;
let rejectedChannel = 0;
let firstAt: number | null = null;
let lastAt: number | null = null;
let sequence = 0;

/** 0 when the post may go now, else the seconds to wait (whole seconds, at least 1). */
function admit(channel: string): { wait: number; why: 'channel' | 'workspace' | null } {
  const now = performance.now();
  const channelFree = channelNext.get(channel) ?? 0;
  if (channelFree > now) return { wait: Math.max(1, Math.ceil((channelFree - now) / 1000)), why: 'channel' };
  tokens = Math.min(options.burst, tokens + ((now - refilledAt) / 1000) * options.perSecond);
  refilledAt = now;
  if (tokens < 1) return { wait: Math.max(1, Math.ceil((1 - tokens) / options.perSecond)), why: 'workspace' };
  tokens -= 1;
  channelNext.set(channel, now + 1000 / options.perChannelPerSecond);
  return { wait: 0, why: null };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function channelOf(req: IncomingMessage, raw: string): string | null {
  if (options.shape === 'teams') return /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1] ?? null;
  if (!(req.url ?? '').endsWith('/chat.postMessage')) return null;
  if ((req.headers['content-type'] ?? '').includes('application/json')) return /"channel":"([^"\\]*)"/.exec(raw)?.[1] ?? null;
  return new URLSearchParams(raw).get('channel');
}

const server = createServer((req, res) => {
  void (async () => {
    if (req.method === 'GET' && req.url === '/stats') {
      answer(res, 200, { posts, channels: accepted.size, duplicates: posts - accepted.size, rejectedWorkspace, rejectedChannel, firstAt, lastAt });
      return;
    }
    const raw = await readBody(req);
    const channel = channelOf(req, raw);
    if (!channel) {
      answer(res, 404, options.shape === 'slack' ? { ok: false, error: 'unknown_method' } : { error: { code: 'NotFound' } });
      return;
    }
    const { wait, why } = admit(channel);
    if (wait > 0) {
      if (why === 'channel') rejectedChannel += 1;
      else rejectedWorkspace += 1;
      answer(res, 429, options.shape === 'slack' ? { ok: false, error: 'ratelimited' } : { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': String(wait) });
      return;
    }
    posts += 1;
    accepted.set(channel, (accepted.get(channel) ?? 0) + 1);
    const at = Date.now();
    firstAt ??= at;
    lastAt = at;
    sequence += 1;
    if (options.shape === 'slack') {
      answer(res, 200, { ok: true, channel: `D${channel.replace(/^[UW]/, '')}`, ts: `${Math.floor(at / 1000)}.${String(sequence).padStart(6, '0')}`, message: { type: 'message' } });
    } else {
      answer(res, 201, { id: `1:${sequence}` });
    }
  })();
});

server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}/` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
