// The conversation reference an incoming activity gives, when it comes from the bot's own 1:1 chat
// with the user (never a message extension invoke, a group chat, a meeting or a channel) and carries
// everything a later proactive message needs.
import type { TeamsConversationReference } from './conversation-references.ts';
import { isBotPersonalChat, tenantOf, type TeamsActivity } from './teams-activity.ts';

export function referenceFromActivity(activity: TeamsActivity, now: Date): TeamsConversationReference | undefined {
  const tenantId = tenantOf(activity);
  const aadObjectId = activity.from?.aadObjectId;
  const teamsUserId = activity.from?.id;
  const conversationId = activity.conversation?.id;
  const botId = activity.recipient?.id;
  const { serviceUrl } = activity;
  if (!tenantId || !aadObjectId || !teamsUserId || !conversationId || !botId || !serviceUrl) return undefined;
  if (!isBotPersonalChat(activity)) return undefined;
  return {
    tenantId,
    aadObjectId,
    teamsUserId,
    conversationId,
    serviceUrl,
    channelId: activity.channelId ?? 'msteams',
    botId,
    ...(activity.locale ? { locale: activity.locale } : {}),
    updatedAt: now,
  };
}
