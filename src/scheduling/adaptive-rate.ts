// The adaptive send rate of one workspace/tenant as pure state transitions: a GCRA token bucket
// whose rate rises while sends wait for it and the platform accepts them, and falls on a 429
// (AIMD). The database limiter (rate-limiter.ts) loads the state under a row lock, applies one of
// these and writes it back, so every instance sees the same rate, also after a restart.
import type { RateLimit } from './scheduler-options.ts';

export interface RateState {
  /** GCRA theoretical arrival time (ms since the epoch). */
  tatMs: number;
  perSecond: number;
  /** The rate the last 429 came at (or the documented limit): approached slowly. */
  ceilingPerSecond: number | null;
  changedAtMs: number | null;
  decreasedAtMs: number | null;
  blockedUntilMs: number | null;
  /** The most urgent kind sending lately (0 check-ins, 1 reminders, 2 summaries) and until when it holds the rate. */
  priority: number | null;
  priorityUntilMs: number | null;
  rateLimitedCount: number;
}

export interface TakeRequest {
  wanted: number;
  nowMs: number;
  priority: number;
  priorityHoldMs: number;
}

export interface TakeResult {
  state: RateState;
  granted: number;
  /** When the next token frees (≥ now). */
  nextAtMs: number;
  /** Refused because a more urgent kind holds the rate. */
  yielded?: boolean;
}

/** The rate rises at most once per this (one step a second). */
const INCREASE_EVERY_MS = 1000;
/** 429s within this of a decrease belong to the same overshoot (sends in flight, other instances). */
const EPISODE_MS = 2000;
/** Within this share of the ceiling the rate only probes: it spends its time just under the limit. */
const NEAR_CEILING = 0.95;

export function initialState(limit: RateLimit, nowMs: number): RateState {
  return {
    tatMs: nowMs,
    perSecond: clampRate(limit, limit.initialPerSecond),
    ceilingPerSecond: limit.knownLimitPerSecond ?? null,
    changedAtMs: null,
    decreasedAtMs: null,
    blockedUntilMs: null,
    priority: null,
    priorityUntilMs: null,
    rateLimitedCount: 0,
  };
}

function clampRate(limit: RateLimit, perSecond: number): number {
  return Math.min(limit.maxPerSecond ?? Number.POSITIVE_INFINITY, Math.max(limit.minPerSecond, perSecond));
}

export function burstOf(limit: RateLimit, perSecond: number): number {
  return limit.burst ?? Math.max(1, Math.floor(perSecond * limit.burstSeconds));
}

function increased(limit: RateLimit, state: RateState): Pick<RateState, 'perSecond' | 'ceilingPerSecond'> {
  const { perSecond: rate, ceilingPerSecond: ceiling } = state;
  let next: number;
  if (ceiling === null) next = Math.max(rate * limit.slowStartFactor, rate + limit.increasePerSecond);
  else if (rate < ceiling * NEAR_CEILING) next = Math.min(rate + limit.increasePerSecond, ceiling * NEAR_CEILING);
  else next = rate + limit.probePerSecond;
  next = clampRate(limit, next);
  // Past the ceiling without a 429: the limit moved up; keep probing from here.
  return { perSecond: next, ceilingPerSecond: ceiling !== null && next > ceiling ? next : ceiling };
}

/** Takes up to `wanted` tokens; a lower-priority kind gets none while a more urgent one holds the rate. */
export function take(limit: RateLimit, state: RateState, request: TakeRequest): TakeResult {
  const { wanted, nowMs, priority } = request;
  if (state.blockedUntilMs !== null && state.blockedUntilMs > nowMs) return { state, granted: 0, nextAtMs: state.blockedUntilMs };
  if (state.priority !== null && state.priorityUntilMs !== null && state.priorityUntilMs > nowMs && priority > state.priority) {
    return { state, granted: 0, nextAtMs: state.priorityUntilMs, yielded: true };
  }
  const interval = 1000 / state.perSecond;
  const tolerance = (burstOf(limit, state.perSecond) - 1) * interval;
  const base = Math.max(state.tatMs, nowMs);
  const fits = Math.max(0, Math.floor((nowMs + tolerance - base) / interval) + 1);
  const granted = Math.max(0, Math.min(wanted, fits));
  let next: RateState = {
    ...state,
    tatMs: granted > 0 ? base + granted * interval : state.tatMs,
    priority,
    priorityUntilMs: nowMs + request.priorityHoldMs,
  };
  // Demand beyond the rate (more wanted than given, and the bucket was being drained, not left
  // full by a sender that cannot keep up), and no 429 since the last change: the platform may take more.
  const drained = state.tatMs >= nowMs - 2 * interval;
  if (granted < wanted && drained && (next.changedAtMs === null || nowMs - next.changedAtMs >= INCREASE_EVERY_MS)) {
    next = { ...next, ...increased(limit, next), changedAtMs: nowMs };
  }
  const freeAt = Math.max(nowMs, next.tatMs - (burstOf(limit, next.perSecond) - 1) * (1000 / next.perSecond));
  return { state: next, granted, nextAtMs: Math.ceil(freeAt) };
}

/** The platform answered 429 with Retry-After: nobody sends before `untilMs`, and the rate falls once per overshoot. */
export function rateLimited(limit: RateLimit, state: RateState, untilMs: number, nowMs: number): RateState {
  const blockedUntilMs = Math.max(state.blockedUntilMs ?? untilMs, untilMs);
  const next: RateState = { ...state, blockedUntilMs, rateLimitedCount: state.rateLimitedCount + 1, tatMs: Math.max(state.tatMs, untilMs) };
  if (state.decreasedAtMs !== null && nowMs - state.decreasedAtMs < EPISODE_MS && nowMs >= state.decreasedAtMs) return next;
  return {
    ...next,
    ceilingPerSecond: state.perSecond,
    perSecond: clampRate(limit, state.perSecond * limit.decreaseFactor),
    changedAtMs: nowMs,
    decreasedAtMs: nowMs,
  };
}
