// A messenger that records what it would have sent instead of sending it: the simulation, the
// tests and the demo use it. With a file, every delivery is appended as a JSON line the moment it
// is "accepted", so the record survives a crash of the process, like a real platform's message
// would; `confirm` answers from that record.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Platform } from '../conversation/incoming.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Clock } from '../storage/clock.ts';
import type { ConfirmResult, Messenger, OutboundAddress, SendOptions, SendResult } from './messenger.ts';

export const recordedDeliverySchema = z.object({
  key: z.string().nullable(),
  platform: z.enum(['local', 'slack', 'teams']),
  tenantId: z.string(),
  userId: z.string(),
  at: z.string(),
  /** A short description of each reply: its form kind or first heading. */
  replies: z.array(z.string()),
});
export type RecordedDelivery = z.infer<typeof recordedDeliverySchema>;

/** What the fake platform does with one send: record it (it reached the user) and what it answers. */
export interface Behaviour {
  record: boolean;
  result: SendResult;
}

export interface RecordingMessengerOptions {
  platform: Platform;
  clock: Clock;
  /** Append-only JSON lines; read back on creation so that `confirm` works after a restart. */
  file?: string;
  /** Without it the messenger has no `confirm` (like a platform that cannot look a message up). */
  canConfirm?: boolean;
  /** Decide per send (tests); the default accepts everything. */
  behaviour?: (send: { to: OutboundAddress; key: string | null; count: number }) => Behaviour;
}

export interface RecordingMessenger extends Messenger {
  deliveries(): readonly RecordedDelivery[];
}

function describe(reply: Reply): string {
  if (reply.kind === 'form') return `form:${reply.formKind}:${reply.formId}`;
  if (reply.kind === 'file') return `file:${reply.name}`;
  const heading = reply.blocks.find((b) => b.type === 'heading');
  return heading && 'text' in heading ? `message:${heading.text}` : 'message';
}

export function readRecordedDeliveries(file: string): RecordedDelivery[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: RecordedDelivery[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    // A line cut short by a crash is not a delivery.
    const parsed = recordedDeliverySchema.safeParse(safeJson(line));
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

export function createRecordingMessenger(options: RecordingMessengerOptions): RecordingMessenger {
  const recorded: RecordedDelivery[] = options.file ? readRecordedDeliveries(options.file) : [];
  const keys = new Set(recorded.flatMap((d) => (d.key ? [`${d.userId}|${d.key}`] : [])));
  let count = 0;

  function record(to: OutboundAddress, replies: Reply[], key: string | null): void {
    const delivery: RecordedDelivery = { key, platform: to.platform, tenantId: to.tenantId, userId: to.userId, at: options.clock.now().toISOString(), replies: replies.map(describe) };
    if (options.file) appendFileSync(options.file, `${JSON.stringify(delivery)}\n`);
    recorded.push(delivery);
    if (key) keys.add(`${to.userId}|${key}`);
  }

  const messenger: RecordingMessenger = {
    platform: options.platform,
    async send(to: OutboundAddress, replies: Reply[], sendOptions?: SendOptions): Promise<SendResult> {
      if (to.platform !== options.platform) return { ok: false, reason: 'failed', retryable: false, detail: `not a ${options.platform} address` };
      count += 1;
      const key = sendOptions?.deliveryKey ?? null;
      const behaviour = options.behaviour?.({ to, key, count }) ?? { record: true, result: { ok: true } };
      if (behaviour.record) record(to, replies, key);
      return behaviour.result.ok ? { ok: true, messageId: `rec-${recorded.length}` } : behaviour.result;
    },
    deliveries: () => recorded,
  };
  if (options.canConfirm ?? true) {
    messenger.confirm = async (to: OutboundAddress, deliveryKey: string): Promise<ConfirmResult> =>
      keys.has(`${to.userId}|${deliveryKey}`) ? 'delivered' : 'not-delivered';
  }
  return messenger;
}
