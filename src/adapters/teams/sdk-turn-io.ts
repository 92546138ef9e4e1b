// TurnIO on the Agents SDK's TurnContext: sending, updating and answering invokes go through the
// SDK (and so through the Bot Connector at the activity's serviceUrl).
import { ConnectorClient, type CloudAdapter, type TurnContext } from '@microsoft/agents-hosting';
import type { Logger } from 'pino';
import { emailOfMember, type MemberEmailCache } from './member-email.ts';
import { cardActivity, invokeResponseActivity, toActivity } from './sdk-activities.ts';
import { speakerOf, teamsActivitySchema } from './teams-activity.ts';
import type { TurnIO } from './turn-io.ts';

export function createSdkTurnIO(context: TurnContext, deps: { adapter: CloudAdapter; emails: MemberEmailCache; logger: Logger }): TurnIO {
  const activity = teamsActivitySchema.parse(context.activity);
  return {
    activity,
    async send(messages) {
      if (messages.length > 0) await context.sendActivities(messages.map(toActivity));
    },
    async update(activityId, card) {
      await context.updateActivity(cardActivity(card, activityId));
    },
    async respond(body, status = 200) {
      await context.sendActivity(invokeResponseActivity(status, body));
    },
    async lookupEmail() {
      const user = speakerOf(activity);
      const memberId = activity.from?.id;
      const conversationId = activity.conversation?.id;
      if (!user || !memberId || !conversationId) return undefined;
      const cached = deps.emails.get(user.tenantId, user.userId);
      if (cached) return cached.email;
      const connector: unknown = context.turnState.get(deps.adapter.ConnectorClientKey);
      if (!(connector instanceof ConnectorClient)) return undefined;
      try {
        const email = emailOfMember(await connector.getConversationMember(memberId, conversationId), user.tenantId);
        deps.emails.set(user.tenantId, user.userId, email);
        return email;
      } catch (err) {
        // Not fatal: the core then treats the user as not yet linked by e-mail.
        deps.logger.warn({ err: errorSummary(err), tenantId: user.tenantId }, 'teams member lookup failed');
        return undefined;
      }
    },
  };
}

function errorSummary(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
