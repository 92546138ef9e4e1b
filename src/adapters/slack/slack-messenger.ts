// The outbound port for Slack: check-ins, reminders and summaries as DMs, posted straight to the
// user id (Slack opens the DM itself; no conversations.open). Never throws: every outcome is a SendResult.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Messenger, SendResult } from '../../messaging/messenger.ts';
import { renderMessages } from './render-reply.ts';
import { classifySendError } from './send-result.ts';

export function createSlackMessenger(deps: { client: webApi.WebClient; logger: Logger }): Messenger {
  const log = deps.logger.child({ component: 'slack-messenger' });
  return {
    platform: 'slack',
    async send(to, replies, options): Promise<SendResult> {
      if (to.platform !== 'slack') return { ok: false, reason: 'failed', retryable: false, detail: `not a Slack address: ${to.platform}` };
      const messages = renderMessages(replies);
      // Message metadata carries the delivery key, so that a later look at the DM can tell whether a lost send arrived.
      const metadata = options?.deliveryKey ? { metadata: { event_type: 'osaava_delivery', event_payload: { key: options.deliveryKey } } } : {};
      let firstTs: string | undefined;
      for (const [index, message] of messages.entries()) {
        try {
          const result = await deps.client.chat.postMessage({ channel: to.userId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false, ...metadata });
          firstTs ??= result.ts;
        } catch (error) {
          const failure = classifySendError(error);
          log.warn({ userId: to.userId, reason: failure.reason, detail: 'detail' in failure ? failure.detail : undefined, part: index + 1, parts: messages.length }, 'Slack DM not delivered');
          // Part of a long reply is already posted: sending it all again would repeat that part.
          if (index > 0) return { ok: false, reason: 'uncertain', detail: `${index} of ${messages.length} messages posted, then ${failure.reason}` };
          return failure;
        }
      }
      log.info({ userId: to.userId, messages: messages.length }, 'Slack DM delivered');
      return firstTs ? { ok: true, messageId: firstTs } : { ok: true };
    },
  };
}
