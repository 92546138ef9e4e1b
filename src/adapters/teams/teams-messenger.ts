// Proactive messages (check-ins, reminders, summaries) to a user's personal chat, from the stored
// conversation reference, through the SDK's continueConversation.
import type { ConversationReference } from '@microsoft/agents-activity';
import { HttpError, type CloudAdapter } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import type { Messenger, SendResult } from '../../messaging/messenger.ts';
import type { ConversationReferenceStore, TeamsConversationReference } from './conversation-references.ts';
import { renderReplies } from './render-replies.ts';
import { toActivity } from './sdk-activities.ts';
import { classifyNetworkError, classifyRefusal, type SendFailure } from './send-errors.ts';

export interface TeamsMessengerDeps {
  adapter: CloudAdapter;
  /** The bot's app (client) id; undefined only in the anonymous test mode. */
  appId: string | undefined;
  references: ConversationReferenceStore;
  logger: Logger;
  now: () => Date;
}

export function createTeamsMessenger(deps: TeamsMessengerDeps): Messenger {
  const log = deps.logger.child({ component: 'teams-messenger' });
  return {
    platform: 'teams',
    async send(to, replies) {
      if (to.platform !== 'teams') return { ok: false, reason: 'failed', retryable: false, detail: `not a Teams address: ${to.platform}` };
      const reference = await deps.references.get(to.tenantId, to.userId);
      if (!reference) return { ok: false, reason: 'unreachable', detail: 'app not installed for this user' };
      if (reference.stale) return { ok: false, reason: 'unreachable', detail: `conversation is stale: ${reference.stale.reason}` };
      const messages = renderReplies(replies);
      if (messages.length === 0) return { ok: true };

      const ids: string[] = [];
      let phase: 'connecting' | 'sending' = 'connecting';
      let failure: unknown;
      try {
        // An identity without an audience is the SDK's anonymous mode (tests against a local connector).
        await deps.adapter.continueConversation(deps.appId ?? {}, toSdkReference(reference), async (context) => {
          // Errors are caught here: thrown, they would reach the adapter's onTurnError and be swallowed.
          try {
            phase = 'sending';
            for (const message of messages) {
              const response = await context.sendActivity(toActivity(message));
              if (response?.id) ids.push(response.id);
            }
          } catch (err) {
            failure = err;
          }
        });
      } catch (err) {
        failure = err;
      }
      if (failure === undefined) return { ok: true, ...(ids[0] ? { messageId: ids[0] } : {}) };

      const outcome = classify(failure, phase, deps.now());
      if (outcome.stale) {
        await deps.references.markStale(reference.tenantId, reference.aadObjectId, outcome.stale, deps.now());
      }
      const result = partial(outcome.result, ids.length, messages.length);
      log.warn({ tenantId: to.tenantId, reason: result.reason, detail: 'detail' in result ? result.detail : undefined, stale: outcome.stale, delivered: ids.length, of: messages.length }, 'teams proactive send failed');
      return result;
    },
  };
}

function classify(err: unknown, phase: 'connecting' | 'sending', now: Date): SendFailure {
  if (err instanceof HttpError) {
    return classifyRefusal({ status: err.status, retryAfter: err.response.headers.get('retry-after'), body: err.response.data }, now);
  }
  // Before any send (e.g. getting the bot's token) nothing can have been delivered.
  if (phase === 'connecting') {
    return { result: { ok: false, reason: 'failed', retryable: true, detail: err instanceof Error ? err.message : String(err) } };
  }
  return classifyNetworkError(err);
}

/** Some messages of a multi-message send already went out: repeating the send would duplicate them. */
function partial(result: Exclude<SendResult, { ok: true }>, delivered: number, total: number): Exclude<SendResult, { ok: true }> {
  if (delivered === 0 || result.reason === 'unreachable') return result;
  const why = 'detail' in result ? result.detail : result.reason;
  return { ok: false, reason: 'uncertain', detail: `${delivered} of ${total} messages delivered before: ${why}` };
}

export function toSdkReference(reference: TeamsConversationReference): ConversationReference {
  return {
    channelId: reference.channelId,
    serviceUrl: reference.serviceUrl,
    conversation: { id: reference.conversationId, tenantId: reference.tenantId, conversationType: 'personal' },
    user: { id: reference.teamsUserId, aadObjectId: reference.aadObjectId },
    agent: { id: reference.botId },
    ...(reference.locale ? { locale: reference.locale } : {}),
  };
}
