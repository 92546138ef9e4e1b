// A tiny local HTTP server answering like Slack's `chat.postMessage`: `{ ok: true, channel, ts }`,
// and over its rate limit (a token bucket: `perSecond` sustained, `burst` at once) HTTP 429 with a
// `Retry-After` header in whole seconds and `{ ok: false, error: 'ratelimited' }`, as Slack does.
// Point a WebClient at `apiUrl` (its `slackApiUrl`).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

export const fakeSlackOptionsSchema = z.object({
  /** Sustained posts per second; omit for no limit. */
  perSecond: z.number().positive().optional(),
  burst: z.number().int().min(1).optional(),
  /** Force this Retry-After (seconds) instead of the time to the next token, rounded up. */
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** Milliseconds each answer takes. */
  latencyMs: z.number().min(0).optional(),
});
export type FakeSlackOptions = z.infer<typeof fakeSlackOptionsSchema>;

export interface FakePost {
  channel: string;
  text: string;
  /** When the server accepted it (ms since the epoch). */
  at: number;
  ts: string;
}

export interface FakeSlack {
  /** Base URL for the Web API client, ending in `/api/`. */
  apiUrl: string;
  posts(): readonly FakePost[];
  /** How many requests were answered 429. */
  rejected(): number;
  close(): Promise<void>;
}

export interface FakeSlackStats {
  posts: number;
  channels: number;
  rejected: number;
  firstAt: number | null;
  lastAt: number | null;
}

function statsOf(posts: readonly FakePost[], rejected: number): FakeSlackStats {
  return {
    posts: posts.length,
    channels: new Set(posts.map((p) => p.channel)).size,
    rejected,
    firstAt: posts[0]?.at ?? null,
    lastAt: posts.at(-1)?.at ?? null,
  };
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    // Only `channel` and `text` are needed; a check-in's Block Kit body is ~8 KB, and parsing it
    // thousands of times a second would make the fake, not the client, the bottleneck.
    const channel = /"channel":"([^"\\]*)"/.exec(raw)?.[1];
    const text = /"text":"((?:[^"\\]|\\.)*)"/.exec(raw)?.[1];
    if (channel !== undefined) return { channel, text: text ?? '' };
    const parsed: unknown = JSON.parse(raw || '{}');
    return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : {};
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const posts: FakePost[] = [];
  let rejected = 0;
  const rejectedAt: number[] = [];
  let sequence = 0;
  // Token bucket in continuous time.
  const burst = options.burst ?? 1;
  let tokens = burst;
  let refilledAt = performance.now();

  function takeToken(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (options.perSecond === undefined) return { ok: true };
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * options.perSecond);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return { ok: true };
    }
    const wait = (1 - tokens) / options.perSecond;
    return { ok: false, retryAfterSeconds: options.retryAfterSeconds ?? Math.max(1, Math.ceil(wait)) };
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
      res.setHeader('content-type', 'application/json; charset=utf-8');
      if (req.url === '/stats') {
        res.end(JSON.stringify({ ...statsOf(posts, rejected), rejectedAt }));
        return;
      }
      if (!req.url?.startsWith('/api/chat.postMessage')) {
        res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
        return;
      }
      const token = takeToken();
      if (!token.ok) {
        rejected += 1;
        if (rejectedAt.length < 100) rejectedAt.push(Date.now());
        res.statusCode = 429;
        res.setHeader('retry-after', String(token.retryAfterSeconds));
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      sequence += 1;
      const channel = String(body.channel ?? '');
      const ts = `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
      posts.push({ channel, text: String(body.text ?? ''), at: Date.now(), ts });
      res.end(JSON.stringify({ ok: true, channel, ts, message: { text: body.text, ts } }));
    })().catch(() => {
      res.statusCode = 500;
      res.end(JSON.stringify({ ok: false, error: 'internal_error' }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake Slack did not get a port');
  const { port } = address;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    posts: () => posts,
    rejected: () => rejected,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// Run on its own, so that a benchmark's server has a core to itself:
// `node --import tsx test/support/fake-slack-post-message.ts '{"perSecond":2000,"burst":200}'` prints
// `{"apiUrl":"…"}` on one line and serves `GET /stats` (FakeSlackStats) until killed.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const server = await startFakeSlack(fakeSlackOptionsSchema.parse(JSON.parse(process.argv[2] ?? '{}')));
  process.stdout.write(`${JSON.stringify({ apiUrl: server.apiUrl })}\n`);
}
