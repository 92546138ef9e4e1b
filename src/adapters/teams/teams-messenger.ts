// Proactive messages (check-ins, reminders, summaries) to a user's personal chat, from the stored
// conversation reference, through the SDK's continueConversation.
import type { ConversationParameters, ConversationReference } from '@microsoft/agents-activity';
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
  /**
   * The bot's Teams id (`28:<app id>`) for creating a 1:1 conversation; `28:${appId}` unless set.
   * Without either (anonymous test mode without it) a user with no stored reference stays unreachable.
   */
  botId?: string;
  /**
   * The Bot Connector endpoint a new 1:1 conversation is created at when the user has no stored
   * reference (and so no regional serviceUrl): Teams' global `https://smba.trafficmanager.net/teams/`.
   */
  newConversationServiceUrl?: string;
}

/** Teams' global Bot Connector endpoint (routes to the tenant's region). */
export const GLOBAL_TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
/** The audience of the bot's token for the Bot Connector. */
const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export function createTeamsMessenger(deps: TeamsMessengerDeps): Messenger {
  const log = deps.logger.child({ component: 'teams-messenger' });
  return {
    platform: 'teams',
    async send(to, replies) {
      if (to.platform !== 'teams') return { ok: false, reason: 'failed', retryable: false, detail: `not a Teams address: ${to.platform}` };
      const stored = await deps.references.get(to.tenantId, to.userId);
      if (stored?.stale) return { ok: false, reason: 'unreachable', detail: `conversation is stale: ${stored.stale.reason}` };
      const messages = renderReplies(replies);
      if (messages.length === 0) return { ok: true };
      // No reference (the install event was missed): create the 1:1 conversation from the user's id and tenant.
      const opened = stored ? { reference: stored } : await openPersonalConversation(deps, to.tenantId, to.userId);
      if ('result' in opened) {
        log.warn({ tenantId: to.tenantId, reason: opened.result.reason, detail: 'detail' in opened.result ? opened.result.detail : undefined }, 'teams 1:1 conversation could not be created');
        return opened.result;
      }
      const reference = opened.reference;

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

/**
 * Creates (or gets: Teams answers with the existing one) the bot's 1:1 conversation with a user it
 * has no reference for: `POST /v3/conversations` with the user's Entra object id as the member id
 * (msteams-docs "Create the conversation"; OfficeDev/Microsoft-Teams-Samples bot-conversation
 * `members: [{ id: member.aadObjectId }]`). It works only when the app is installed for the user.
 * The SDK's ConversationParameters names the bot `agent`, which its ConnectorClient sends as is; the
 * Bot Connector reads `bot`, so both are sent. The reference is not stored: it lacks the user's
 * `29:` id, and the user's next message stores a complete one.
 */
async function openPersonalConversation(
  deps: TeamsMessengerDeps,
  tenantId: string,
  aadObjectId: string,
): Promise<{ reference: TeamsConversationReference } | { result: Exclude<SendResult, { ok: true }> }> {
  const botId = deps.botId ?? (deps.appId ? `28:${deps.appId}` : undefined);
  if (!botId) return { result: { ok: false, reason: 'unreachable', detail: 'app not installed for this user' } };
  const serviceUrl = deps.newConversationServiceUrl ?? GLOBAL_TEAMS_SERVICE_URL;
  const bot = { id: botId };
  const parameters = {
    isGroup: false,
    bot,
    agent: bot,
    members: [{ id: aadObjectId }],
    tenantId,
    channelData: { tenant: { id: tenantId } },
  };
  let conversationId: string | undefined;
  try {
    await deps.adapter.createConversationAsync(deps.appId ?? '', 'msteams', serviceUrl, BOT_CONNECTOR_AUDIENCE, parameters as unknown as ConversationParameters, async (context) => {
      conversationId = context.activity.conversation?.id;
    });
  } catch (err) {
    // Refused (403, 404): the app is not installed for the user. Nothing was sent either way.
    if (err instanceof HttpError && (err.status === 403 || err.status === 404)) {
      return { result: { ok: false, reason: 'unreachable', detail: `app not installed for this user (HTTP ${err.status})` } };
    }
    return { result: classify(err, 'connecting', deps.now()).result };
  }
  if (!conversationId) return { result: { ok: false, reason: 'failed', retryable: true, detail: 'the connector created no conversation id' } };
  return {
    reference: { tenantId, aadObjectId, teamsUserId: aadObjectId, conversationId, serviceUrl, channelId: 'msteams', botId, updatedAt: deps.now() },
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
