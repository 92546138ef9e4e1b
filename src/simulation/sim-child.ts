// The simulated scheduler process: the real scheduler's `runOnce` on the embedded database in the
// simulation's directory, with a virtual clock that jumps from one due time to the next. Progress is
// checkpointed after every pass, so a process killed at any point (SIGKILL) resumes where it was;
// deliveries go to the recording messenger's file, which outlives the process like a platform would.
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { z } from 'zod';
import { createWorkCalendar } from '../calendar/index.ts';
import { loadKnowledgeBase } from '../knowledge/index.ts';
import { createRecordingMessenger } from '../messaging/recording-messenger.ts';
import { isStorageError } from '../storage/errors.ts';
import { createDatabase } from '../storage/index.ts';
import { createStore } from '../storage/store.ts';
import { createScheduler } from '../scheduling/scheduler.ts';
import { simWindow } from './sim-expectations.ts';
import { answers, type SimConfig, simConfigSchema } from './sim-world.ts';
import { createScheduledMessages } from '../scheduled-messages.ts';

export const SIM_FILES = { config: 'sim.json', state: 'state.json', deliveries: 'deliveries.jsonl', database: 'pglite' } as const;

const stateSchema = z.object({ t: z.string(), answeredIndex: z.number().int().min(0) });
type SimState = z.infer<typeof stateSchema>;

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** The virtual clock never jumps further than this, so every day gets several planning passes. */
const MAX_STEP_MS = 6 * HOUR_MS;

export function readSimConfig(dir: string): SimConfig {
  return simConfigSchema.parse(JSON.parse(readFileSync(join(dir, SIM_FILES.config), 'utf8')));
}

function readState(dir: string, start: Date): SimState {
  try {
    return stateSchema.parse(JSON.parse(readFileSync(join(dir, SIM_FILES.state), 'utf8')));
  } catch {
    return { t: start.toISOString(), answeredIndex: 0 };
  }
}

function writeState(dir: string, state: SimState): void {
  const path = join(dir, SIM_FILES.state);
  writeFileSync(`${path}.tmp`, JSON.stringify(state));
  renameSync(`${path}.tmp`, path);
}

export async function runSimulationChild(dir: string, knowledgeDir: string): Promise<void> {
  const config = readSimConfig(dir);
  const window = simWindow(config);
  const logger = pino({ level: 'silent' });
  let state = readState(dir, window.start);
  let now = new Date(state.t);
  const clock = { now: () => now };
  const database = await createDatabase({ dataDir: join(dir, SIM_FILES.database), logger });
  const store = createStore(database.db, clock);
  const deliveriesFile = join(dir, SIM_FILES.deliveries);
  closeTornLine(deliveriesFile);
  const messenger = createRecordingMessenger({ platform: 'slack', clock, file: deliveriesFile });
  const calendar = createWorkCalendar();
  const scheduler = createScheduler({
    store,
    messengers: [messenger],
    calendar,
    ...createScheduledMessages({ store, kb: loadKnowledgeBase(knowledgeDir), calendar, logger }),
    clock,
    logger,
    // The recording platform has no rate limit; the real limiter's behaviour is tested and benched elsewhere.
    options: { rateLimits: {} },
  });
  try {
    for (;;) {
      const report = await scheduler.runOnce(now);
      const answeredIndex = await answerDelivered(store, messenger.deliveries(), state.answeredIndex, config.answerRate);
      if (now >= window.end) break;
      const next = nextInstant(now, report.nextDueAt, window.end);
      state = { t: next.toISOString(), answeredIndex };
      writeState(dir, state);
      now = next;
    }
  } finally {
    await database.close();
  }
}

/**
 * A SIGKILL that lands inside a write (the kernel stops a write of a killed process between pages,
 * which a starved CPU makes likely) leaves the last record cut short, without its newline. Left so,
 * the next process's first record would be appended to that fragment and the two read back as one
 * unreadable line: a delivery the platform accepted would vanish from its record ("missing 1"). The
 * fragment is closed with a newline, so it stays one unreadable line (a send that never completed,
 * which the resolver then finds not delivered and sends) and every record after it is whole.
 */
export function closeTornLine(file: string): boolean {
  if (!existsSync(file)) return false;
  const size = statSync(file).size;
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, last, 0, 1, size - 1);
  } finally {
    closeSync(fd);
  }
  if (last[0] === 10) return false;
  appendFileSync(file, '\n');
  return true;
}

function nextInstant(now: Date, nextDue: Date | null, end: Date): Date {
  const t = now.getTime();
  // Nothing planned: jump a full step. Something due already (a lease about to run out): a minute on.
  const candidate = nextDue === null ? t + MAX_STEP_MS : nextDue.getTime() > t ? nextDue.getTime() : t + MINUTE_MS;
  return new Date(Math.min(candidate, t + MAX_STEP_MS, Math.max(end.getTime(), t + MINUTE_MS)));
}

/** The simulated students answer some check-ins right after they arrive (`--answer-rate`). */
async function answerDelivered(store: ReturnType<typeof createStore>, deliveries: readonly { key: string | null }[], from: number, rate: number): Promise<number> {
  if (rate <= 0) return deliveries.length;
  for (const delivery of deliveries.slice(from)) {
    const [kind, placementId, localDate, suffix] = (delivery.key ?? '').split(':');
    if (kind !== 'checkin' || suffix || !placementId || !localDate || !answers(placementId, localDate, rate)) continue;
    try {
      await store.reflections.upsertForDay({ placementId, localDate, status: 'answered', text: 'Simuloitu vastaus', confidence: 3 });
    } catch (error) {
      // Replayed after a restart past the answer's own day: already answered then.
      if (!isStorageError(error, 'reflection_locked')) throw error;
    }
  }
  return deliveries.length;
}
