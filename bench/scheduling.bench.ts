// The fan-out of 10,000 placements' check-ins through the real scheduler pass (claims, shared rate
// limiter, Slack messenger and its Web API client) to a local chat.postMessage with a rate limit and
// 429 + Retry-After, running in its own process. Reported as a ratio to the time the limit allows.
// OSAAVA_BENCH_RATE / OSAAVA_BENCH_BURST change the limit (defaults 1,000/s, burst 100: the run
// takes about ten seconds). At 2,000/s this two-core machine is CPU-bound (the scheduler, the Block Kit
// rendering and the server share two cores) and the ratio drifts to 1.1–1.2 with whatever else runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { renderMessages } from '../src/adapters/slack/render-reply.ts';
import { createWorkCalendar } from '../src/calendar/index.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { createLogger } from '../src/logging/logger.ts';
import type { Messenger, SendResult } from '../src/messaging/messenger.ts';
import { analyzeEmbeddedDatabase, createScheduler } from '../src/scheduling/index.ts';
import { createDatabase } from '../src/storage/index.ts';
import { createStore } from '../src/storage/store.ts';
import { ms, type BenchSection } from './report.ts';
import { createScheduledMessages } from '../src/scheduled-messages.ts';

const PLACEMENTS = 10_000;
const RATE = Number(process.env.OSAAVA_BENCH_RATE ?? 1000);
const BURST = Number(process.env.OSAAVA_BENCH_BURST ?? 100);
const BATCH = 2_000;
/** Our limiter runs a little under the server's limit; see the options below. */
const LIMITER_RATE_SHARE = 0.97;
/** Fewer in flight than the platform's burst, so that a stall on its side cannot pile up more than it allows. */
const CONCURRENCY = Math.max(8, Math.min(128, Math.floor(BURST / 2)));
/**
 * Most of the platform's burst: PGlite runs on the main thread, so a claim or an outcome write stalls
 * the sends for tens of milliseconds; a bucket that holds 70 ms of tokens rides most of that out, where one of
 * 50 ms lost the tokens (the ratio was 1.07–1.12). The in-flight cap above still keeps a stall on the
 * platform's side from piling up more than its burst.
 */
const LIMITER_BURST_SHARE = 0.7;
/** The fan-out is repeated and the median run reported: a shared two-core machine varies by ±0.03. */
const RUNS = Math.max(1, Number(process.env.OSAAVA_BENCH_RUNS ?? 3));
const ALLOWED_MS = (Math.max(0, PLACEMENTS - BURST) / RATE) * 1000;
const SERVER = resolve(import.meta.dirname, '..', 'test', 'support', 'fake-slack-post-message.ts');

const statsSchema = z.object({ posts: z.number(), channels: z.number(), rejected: z.number(), firstAt: z.number().nullable(), lastAt: z.number().nullable(), rejectedAt: z.array(z.number()).default([]) });

const slackAnswerSchema = z.object({ ok: z.boolean(), ts: z.string().optional(), error: z.string().optional() });

/**
 * chat.postMessage over a keep-alive HTTP agent with the Slack adapter's own Block Kit rendering. The
 * Slack SDK's WebClient costs about 0.4 ms of CPU a call (token redaction, form encoding, undici),
 * which at 2,000/s would measure the SDK rather than the scheduler; at Slack's real ~1/s it is nothing.
 */
function createPostMessageMessenger(apiUrl: string): Messenger {
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const url = new URL('chat.postMessage', apiUrl);
  return {
    platform: 'slack',
    send: (to, replies) =>
      new Promise<SendResult>((resolve) => {
        const [message] = renderMessages(replies);
        const body = JSON.stringify({ channel: to.userId, text: message?.text ?? '', blocks: message?.blocks ?? [] });
        const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-bench' } }, (res) => {
          let raw = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (raw += chunk));
          res.on('end', () => {
            if (res.statusCode === 429) {
              resolve({ ok: false, reason: 'rate-limited', retryAfterMs: Number(res.headers['retry-after'] ?? 1) * 1000 });
              return;
            }
            const answer = slackAnswerSchema.safeParse(JSON.parse(raw || '{}'));
            resolve(answer.success && answer.data.ok ? { ok: true, ...(answer.data.ts ? { messageId: answer.data.ts } : {}) } : { ok: false, reason: 'failed', retryable: false, detail: answer.data?.error ?? 'bad answer' });
          });
        });
        // The request may have reached the server: uncertain, never repeated blindly.
        req.on('error', (error) => resolve({ ok: false, reason: 'uncertain', detail: error.message }));
        req.end(body);
      }),
  };
}

async function startServer(): Promise<{ apiUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVER, JSON.stringify({ perSecond: RATE, burst: BURST, retryAfterSeconds: 1 })], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (!child.stdout) throw new Error('fake Slack has no stdout');
  const first = await new Promise<string>((done, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', done);
    child.once('exit', (code) => fail(new Error(`fake Slack exited ${code}`)));
  });
  return { apiUrl: z.object({ apiUrl: z.string() }).parse(JSON.parse(first)).apiUrl, child };
}

/** One fan-out on a fresh database and a fresh server. */
async function fanOutOnce(): Promise<FanOut> {
  const logger = createLogger({ level: 'silent' });
  const dir = mkdtempSync(join(tmpdir(), 'osaava-bench-fanout-'));
  const server = await startServer();
  const database = await createDatabase({ dataDir: join(dir, 'pglite'), logger });
  try {
    const { db } = database;
    const people = Array.from({ length: PLACEMENTS }, (_, i) => ({ id: `s${i}`, name: `Opiskelija ${i}`, roles: ['student' as const] }));
    for (let i = 0; i < PLACEMENTS; i += BATCH) {
      const slice = people.slice(i, i + BATCH);
      await db.insertInto('person').values(slice).execute();
      await db.insertInto('identity').values(slice.map((p) => ({ platform: 'slack' as const, tenant_id: 'TBENCH', external_id: `U${p.id}`, person_id: p.id }))).execute();
      await db.insertInto('placement').values(slice.map((p) => ({ id: `pl_${p.id}`, student_id: p.id, workplace_name: 'Yritys Oy', unit_ids: ['asiakkuuksien-hoitaminen'], start_date: '2026-11-02', end_date: '2026-11-06', status: 'active' as const }))).execute();
    }
    // Real time, moved to Monday 2 November 2026 at 15:00 in Helsinki, when all 10,000 are due.
    const offset = Date.parse('2026-11-02T13:00:00Z') - Date.now();
    const clock = { now: () => new Date(Date.now() + offset) };
    const store = createStore(db, clock);
    const calendar = createWorkCalendar();
    const scheduler = createScheduler({
      store,
      messengers: [createPostMessageMessenger(server.apiUrl)],
      calendar,
      ...createScheduledMessages({ store, kb: loadKnowledgeBase('knowledge'), calendar, logger }),
      clock,
      logger,
      // The limiter a little under the platform's limit: the server counts at arrival, after its own event
      // loop stalls, and each 429 costs a whole second of Retry-After. At 0.99 of the rate 429s appeared.
      options: { rateLimits: { slack: { perSecond: RATE * LIMITER_RATE_SHARE, burst: Math.floor(BURST * LIMITER_BURST_SHARE) } }, batchSize: 500, concurrency: CONCURRENCY, maxInlineWaitMs: 2000 },
    });
    const planStarted = performance.now();
    await scheduler.runOnce(new Date('2026-11-02T10:00:00Z')); // plans today's 10,000 rows (none due yet)
    const planMs = performance.now() - planStarted;
    await analyzeEmbeddedDatabase(database); // what the scheduler's first tick does on PGlite

    const started = performance.now();
    const startedAt = Date.now();
    const report = await scheduler.deliverDue();
    const elapsedMs = performance.now() - started;
    const stats = statsSchema.parse(await (await fetch(new URL('/stats', server.apiUrl))).json());
    if (process.env.OSAAVA_BENCH_DEBUG) process.stderr.write(`429 at ms: ${stats.rejectedAt.map((t) => t - startedAt).join(' ')}\n`);
    const rows = await db.selectFrom('checkin').select((eb) => [eb.fn.countAll<number>().as('n')]).where('status', '=', 'sent').executeTakeFirstOrThrow();

    return {
      planMs,
      elapsedMs,
      ratio: elapsedMs / ALLOWED_MS,
      firstToLastMs: stats.firstAt && stats.lastAt ? stats.lastAt - stats.firstAt : null,
      startToFirstMs: stats.firstAt ? stats.firstAt - startedAt : null,
      posts: stats.posts,
      rowsSent: Number(rows.n),
      duplicates: stats.posts - stats.channels,
      missing: PLACEMENTS - stats.channels,
      rejected: stats.rejected,
      deferred: report.delivery.deferred,
    };
  } finally {
    server.child.kill('SIGTERM');
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface FanOut {
  planMs: number;
  elapsedMs: number;
  ratio: number;
  firstToLastMs: number | null;
  startToFirstMs: number | null;
  posts: number;
  rowsSent: number;
  duplicates: number;
  missing: number;
  rejected: number;
  deferred: number;
}

export async function benchScheduling(): Promise<BenchSection> {
  const runs: FanOut[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await fanOutOnce());
  const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)] as FanOut;
  const duplicates = runs.reduce((n, r) => n + r.duplicates, 0);
  const missing = runs.reduce((n, r) => n + r.missing, 0);
  const optional = (value: number | null) => (value === null ? 'n/a' : ms(value));
  return {
    title: 'Check-in fan-out (scheduler → rate-limited chat.postMessage)',
    description:
      `${PLACEMENTS.toLocaleString('en')} placements due at the same minute on a fresh on-disk PGlite, delivered by one real-time scheduler pass ` +
      `(SKIP LOCKED claims of 500, the database token bucket, up to ${CONCURRENCY} sends in flight, Block Kit rendered by the Slack adapter, posted over keep-alive HTTP) to a local ` +
      `chat.postMessage in its own process that allows ${RATE.toLocaleString('en')}/s with a burst of ${BURST} and answers 429 + Retry-After beyond that. ` +
      `The time the limit allows is (N − burst) / rate = ${ms(ALLOWED_MS)}. Our limiter runs at 97 % of the server's rate and 70 % of its burst, ` +
      `with fewer sends in flight than its burst (see the comments in bench/scheduling.bench.ts). The fan-out ran ${RUNS} times, each on a fresh ` +
      `database; the rows are the median run's, duplicates and missing are summed over all runs. ` +
      `At 2,000/s (OSAAVA_BENCH_RATE=2000 OSAAVA_BENCH_BURST=200) this two-core machine is CPU-bound and the ratio was 1.09–1.2.`,
    rows: [
      { metric: 'planning 10,000 check-in rows', value: ms(median.planMs) },
      { metric: 'fan-out wall time', value: ms(median.elapsedMs) },
      { metric: `ratio to the time the limit allows (median of ${RUNS})`, value: median.ratio.toFixed(3), target: '≤ 1.1', pass: median.ratio <= 1.1 },
      { metric: 'ratio of every run', value: runs.map((r) => r.ratio.toFixed(3)).join(', ') },
      { metric: 'first to last accepted post', value: optional(median.firstToLastMs) },
      { metric: 'start to first accepted post', value: optional(median.startToFirstMs) },
      { metric: 'posts accepted / rows marked sent', value: `${median.posts} / ${median.rowsSent}` },
      { metric: `duplicates (all ${RUNS} runs)`, value: String(duplicates), target: '0', pass: duplicates === 0 },
      { metric: `missing (all ${RUNS} runs)`, value: String(missing), target: '0', pass: missing === 0 },
      { metric: '429 answers (honoured via Retry-After)', value: runs.map((r) => r.rejected).join(', ') },
      { metric: 'sends deferred by the limiter', value: runs.map((r) => r.deferred).join(', ') },
    ],
  };
}

if (process.argv[1] === import.meta.filename) {
  const section = await benchScheduling();
  for (const row of section.rows) process.stdout.write(`${row.metric}: ${row.value}${row.target ? ` (target ${row.target}: ${row.pass ? 'pass' : 'FAIL'})` : ''}\n`);
}
