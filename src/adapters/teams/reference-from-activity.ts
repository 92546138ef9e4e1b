// The conversation reference an incoming activity gives, when it comes from a personal chat and
// carries everything a later proactive message needs.
import type { TeamsConversationReference } from './conversation-references.ts';
import { isPersonalConversation, tenantOf, type TeamsActivity } from './teams-activity.ts';

export function referenceFromActivity(activity: TeamsActivity, now: Date): TeamsConversationReference | undefined {
  const tenantId = tenantOf(activity);
  const aadObjectId = activity.from?.aadObjectId;
  const teamsUserId = activity.from?.id;
  const conversationId = activity.conversation?.id;
  const botId = activity.recipient?.id;
  const { serviceUrl } = activity;
  if (!tenantId || !aadObjectId || !teamsUserId || !conversationId || !botId || !serviceUrl) return undefined;
  if (!isPersonalConversation(activity)) return undefined;
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
