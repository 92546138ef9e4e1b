// The outbound port for Slack: check-ins, reminders and summaries as DMs, posted straight to the
// user id (Slack opens the DM itself; no conversations.open). Never throws: every outcome is a SendResult.
// `confirm` reads the DM back (conversations.history) to settle a send whose answer was lost, which
// needs the DM's channel id: it is remembered from every chat.postMessage answer (and, by the adapter,
// from the user's own DMs).
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ConfirmResult, Messenger, OutboundAddress, SendResult } from '../../messaging/messenger.ts';
import { createInMemoryDmChannels, isDmChannelId, type SlackDmChannelRepo } from './dm-channels.ts';
import { renderMessages } from './render-reply.ts';
import { classifySendError, tokenProblemOf, type TokenProblem } from './send-result.ts';

export interface SlackMessengerDeps {
  client: webApi.WebClient;
  logger: Logger;
  /** Where DM channel ids are kept; in memory (forgotten on restart) when not given. */
  dmChannels?: SlackDmChannelRepo;
  /** For the pause after Slack refused the bot token. */
  now?: () => Date;
  /** Between the parts of a long reply to one DM (Slack: about 1 message a second per channel). */
  channelSpacingMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Slack's chat.postMessage allows about one message a second per channel. */
export const CHANNEL_SPACING_MS = 1000;

/**
 * After Slack refused the bot token itself, sending pauses this long: every send is answered
 * 'rate-limited' (the scheduler waits for the whole workspace, and no check-in loses an attempt)
 * without calling Slack; then one send tries again.
 */
export const TOKEN_PAUSE_MS = 10 * 60_000;

const DELIVERY_EVENT_TYPE = 'osaava_delivery';
/** A look back bounded in calls: a DM busier than this many messages since `since` is 'unknown'. */
const HISTORY_PAGE_SIZE = 200;
const HISTORY_MAX_PAGES = 3;
/** Slack stamps messages with its own clock: look a little further back than asked. */
const CLOCK_SKEW_MARGIN_MS = 10 * 60_000;

const postAnswerSchema = z.object({ channel: z.string().optional() });

/** The delivery key of a message, and which part of a long reply it is (1 of 1 when not split). */
const deliveryMetadataSchema = z.object({
  event_type: z.literal(DELIVERY_EVENT_TYPE),
  event_payload: z.object({
    key: z.string(),
    part: z.number().int().positive().default(1),
    parts: z.number().int().positive().default(1),
  }),
});

const historyPageSchema = z.object({
  messages: z.array(z.object({ metadata: z.unknown().optional() }).loose()).default([]),
  has_more: z.boolean().default(false),
  response_metadata: z.object({ next_cursor: z.string().optional() }).loose().optional(),
});

/**
 * Message metadata carrying the delivery key (and, for a long reply, which part this is), so that a
 * later look at the DM can tell whether a lost send arrived, and whether all of it did.
 */
function deliveryMetadata(key: string | undefined, index: number, count: number) {
  if (!key) return {};
  const payload: Record<string, string | number> = count > 1 ? { key, part: index + 1, parts: count } : { key };
  return { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: payload } };
}

/** A Slack timestamp (`seconds.micros`) for an instant. */
export function toSlackTs(at: Date): string {
  return (Math.max(0, at.getTime()) / 1000).toFixed(6);
}

export function createSlackMessenger(deps: SlackMessengerDeps): Messenger {
  const log = deps.logger.child({ component: 'slack-messenger' });
  const dmChannels = deps.dmChannels ?? createInMemoryDmChannels();
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let pausedUntil = 0;
  /** The token problem the admins were told about; told once until a send succeeds again. */
  let reported: TokenProblem | undefined;

  function pauseFor(problem: TokenProblem): SendResult {
    pausedUntil = now().getTime() + TOKEN_PAUSE_MS;
    if (reported?.code !== problem.code) {
      reported = problem;
      log.error(
        { slackError: problem.code, neededScope: problem.needed, pauseMs: TOKEN_PAUSE_MS },
        problem.code === 'missing_scope'
          ? 'Slack refused a DM: the app lacks a scope. Sending is paused; an admin must add the scope in the app settings and reinstall the app.'
          : "Slack refused Osaava's bot token. Sending is paused; an admin must check SLACK_BOT_TOKEN, reinstall the app if it was revoked, and restart Osaava.",
      );
    }
    return { ok: false, reason: 'rate-limited', retryAfterMs: TOKEN_PAUSE_MS };
  }

  /** Never fails the send: the message is out, and a missing channel only makes a later confirm 'unknown'. */
  async function rememberChannel(to: OutboundAddress, answer: unknown): Promise<void> {
    const channel = postAnswerSchema.safeParse(answer).data?.channel;
    if (!channel || !isDmChannelId(channel)) return;
    try {
      await dmChannels.remember(to.tenantId, to.userId, channel);
    } catch (err) {
      log.warn({ err, userId: to.userId }, 'could not remember the Slack DM channel');
    }
  }

  return {
    platform: 'slack',
    async send(to, replies, options): Promise<SendResult> {
      if (to.platform !== 'slack') return { ok: false, reason: 'failed', retryable: false, detail: `not a Slack address: ${to.platform}` };
      const waitMs = pausedUntil - now().getTime();
      if (waitMs > 0) return { ok: false, reason: 'rate-limited', retryAfterMs: waitMs };
      const messages = renderMessages(replies);
      let firstTs: string | undefined;
      for (const [index, message] of messages.entries()) {
        const metadata = deliveryMetadata(options?.deliveryKey, index, messages.length);
        if (index > 0) await sleep(deps.channelSpacingMs ?? CHANNEL_SPACING_MS);
        try {
          const result = await deps.client.chat.postMessage({ channel: to.userId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false, ...metadata });
          if (index === 0) await rememberChannel(to, result);
          firstTs ??= result.ts;
        } catch (error) {
          const tokenProblem = tokenProblemOf(error);
          if (tokenProblem && index === 0) return pauseFor(tokenProblem);
          const failure = classifySendError(error);
          log.warn({ userId: to.userId, reason: failure.reason, detail: 'detail' in failure ? failure.detail : undefined, part: index + 1, parts: messages.length }, 'Slack DM not delivered');
          // Part of a long reply is already posted: sending it all again would repeat that part.
          if (index > 0) return { ok: false, reason: 'uncertain', detail: `${index} of ${messages.length} messages posted, then ${failure.reason}` };
          return failure;
        }
      }
      if (reported) {
        log.info({ slackError: reported.code }, 'Slack accepts the bot token again; sending resumed');
        reported = undefined;
      }
      log.info({ userId: to.userId, messages: messages.length }, 'Slack DM delivered');
      return firstTs ? { ok: true, messageId: firstTs } : { ok: true };
    },

    async confirm(to, deliveryKey, since): Promise<ConfirmResult> {
      if (to.platform !== 'slack') return 'unknown';
      let channel: string | undefined;
      try {
        channel = await dmChannels.find(to.tenantId, to.userId);
      } catch (err) {
        log.warn({ err, userId: to.userId }, 'could not look up the Slack DM channel; delivery unknown');
        return 'unknown';
      }
      // Never seen the DM (no answer to a post, no message from the user): nothing to read.
      if (!channel) return 'unknown';

      const oldest = toSlackTs(new Date(since.getTime() - CLOCK_SKEW_MARGIN_MS));
      const seenParts = new Set<number>();
      let parts = 1;
      let cursor: string | undefined;
      for (let page = 1; page <= HISTORY_MAX_PAGES; page += 1) {
        let answer: z.infer<typeof historyPageSchema>;
        try {
          const parsed = historyPageSchema.safeParse(
            await deps.client.conversations.history({ channel, oldest, limit: HISTORY_PAGE_SIZE, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
          );
          if (!parsed.success) {
            log.warn({ userId: to.userId, page }, 'conversations.history answered in an unexpected shape; delivery unknown');
            return 'unknown';
          }
          answer = parsed.data;
        } catch (error) {
          const failure = classifySendError(error);
          log.warn({ userId: to.userId, page, reason: failure.reason, detail: 'detail' in failure ? failure.detail : undefined }, 'conversations.history failed; delivery unknown');
          return 'unknown';
        }
        for (const message of answer.messages) {
          const metadata = deliveryMetadataSchema.safeParse(message.metadata);
          if (!metadata.success || metadata.data.event_payload.key !== deliveryKey) continue;
          seenParts.add(metadata.data.event_payload.part);
          parts = metadata.data.event_payload.parts;
        }
        if (seenParts.size >= parts) return settled(to, 'delivered', page);
        cursor = answer.response_metadata?.next_cursor || undefined;
        if (!answer.has_more) {
          // Read to the end: none of it arrived, or only some parts of a long reply (sending it all
          // again would repeat those, not sending loses the rest).
          return settled(to, seenParts.size === 0 ? 'not-delivered' : 'unknown', page);
        }
        // More history than we may read (or no cursor to read it with): cannot tell.
        if (!cursor || page === HISTORY_MAX_PAGES) return settled(to, 'unknown', page);
      }
      return 'unknown';
    },
  };

  function settled(to: OutboundAddress, answer: ConfirmResult, pages: number): ConfirmResult {
    log.info({ userId: to.userId, answer, pages }, 'looked for a lost Slack DM in the conversation history');
    return answer;
  }
}
