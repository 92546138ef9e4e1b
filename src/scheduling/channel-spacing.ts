// One channel (a Slack DM, a Teams conversation) takes about one message a second however fast the
// workspace may go: the process remembers when each channel may next be posted to. Rows for one
// person are claimed by one instance at a time, so a process-local memory is enough; entries whose
// time has passed are forgotten as the map grows.
export interface ChannelSpacing {
  /** When `channel` may next be posted to (ms since the epoch; ≤ now when free). */
  freeAt(channel: string): number;
  /** `channel` was posted to at `atMs`: the next post waits `intervalMs`. */
  posted(channel: string, atMs: number, intervalMs: number): void;
}

const PRUNE_ABOVE = 10_000;

export function createChannelSpacing(): ChannelSpacing {
  const next = new Map<string, number>();
  return {
    freeAt: (channel) => next.get(channel) ?? 0,
    posted(channel, atMs, intervalMs) {
      next.set(channel, Math.max(next.get(channel) ?? 0, atMs + intervalMs));
      if (next.size <= PRUNE_ABOVE) return;
      for (const [key, freeAt] of next) if (freeAt <= atMs) next.delete(key);
    },
  };
}
