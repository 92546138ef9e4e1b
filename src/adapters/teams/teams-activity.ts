// Teams payloads become one discriminated union at the edge. The SDK has already checked the Bot
// Framework envelope; these schemas read the Teams-specific parts Osaava uses, leniently (a field
// Osaava does not need never rejects an activity).
import { z } from 'zod';
import type { PlatformUser } from '../../conversation/incoming.ts';
import type { Lang } from '../../conversation/reply.ts';
import { LANGS } from '../../i18n/lang.ts';
import { SUBMIT_VERB } from './form-inputs.ts';
import { htmlToText, stripMentions } from './html-text.ts';

const accountSchema = z.object({
  id: z.string().optional(),
  name: z.string().optional(),
  aadObjectId: z.string().optional(),
});

export const teamsActivitySchema = z.object({
  type: z.string(),
  id: z.string().optional(),
  name: z.string().optional(),
  text: z.string().optional(),
  locale: z.string().optional(),
  action: z.string().optional(),
  serviceUrl: z.string().optional(),
  channelId: z.string().optional(),
  replyToId: z.string().optional(),
  from: accountSchema.optional().catch(undefined),
  recipient: accountSchema.optional().catch(undefined),
  conversation: z
    .object({ id: z.string(), tenantId: z.string().optional(), conversationType: z.string().optional(), isGroup: z.boolean().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  channelData: z
    .object({ tenant: z.object({ id: z.string() }).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  membersAdded: z.array(accountSchema).optional().catch(undefined),
  entities: z
    .array(z.object({ type: z.string(), mentioned: accountSchema.optional().catch(undefined), text: z.string().optional() }).passthrough())
    .optional()
    .catch(undefined),
  value: z.unknown().optional(),
});
export type TeamsActivity = z.infer<typeof teamsActivitySchema>;

const sayDataSchema = z.object({ osaava: z.literal('say'), text: z.string().trim().min(1).max(4000) });
const submitMarkerSchema = z.object({ osaava: z.literal('submit') });

const cardActionValueSchema = z.object({
  action: z.object({ type: z.string().optional(), verb: z.string().optional(), data: z.unknown().optional() }),
});

const messageActionValueSchema = z.object({
  commandId: z.string(),
  messagePayload: z
    .object({
      body: z.object({ content: z.string().optional(), contentType: z.string().optional() }).optional(),
      // The message's author: `from.user.id` is their Entra object id (msteams-docs create-task-module.md).
      from: z
        .object({ user: z.object({ id: z.string().optional(), displayName: z.string().optional() }).nullable().optional().catch(undefined) })
        .nullable()
        .optional()
        .catch(undefined),
    })
    .optional()
    .catch(undefined),
  data: z.unknown().optional(),
});

/** What a Teams activity asks of Osaava. */
export type TeamsTurn =
  | { kind: 'message'; text: string }
  | { kind: 'card-submit'; data: unknown; cardActivityId?: string }
  | { kind: 'unreadable-card' }
  | { kind: 'non-text-message' }
  | { kind: 'card-action'; data: unknown }
  | { kind: 'unreadable-card-action'; reason: string }
  | { kind: 'fetch-task'; commandId: string; messageText: string; author?: { aadObjectId: string; name?: string } }
  | { kind: 'observe-prompt' }
  | { kind: 'submit-action'; commandId: string; data: unknown }
  | { kind: 'malformed-invoke'; name: string; reason: string }
  | { kind: 'unknown-invoke'; name: string }
  | { kind: 'installed' }
  | { kind: 'reinstalled' }
  | { kind: 'uninstalled' }
  | { kind: 'ignored'; type: string };

export function classifyActivity(activity: TeamsActivity): TeamsTurn {
  switch (activity.type) {
    case 'message':
      return classifyMessage(activity);
    case 'invoke':
      return classifyInvoke(activity);
    case 'conversationUpdate': {
      const botId = activity.recipient?.id;
      const botAdded = botId !== undefined && (activity.membersAdded ?? []).some((m) => m.id === botId);
      return botAdded ? { kind: 'installed' } : { kind: 'ignored', type: activity.type };
    }
    case 'installationUpdate':
      // Actions add, remove, add-upgrade, remove-upgrade (msteams-docs subscribe-to-conversation-events.md).
      // Installing sends a conversationUpdate as well, which does the welcome; an add (re)opens the chat,
      // a remove closes it; an upgrade that removes features does not remove the app.
      if (activity.action === 'add' || activity.action === 'add-upgrade') return { kind: 'reinstalled' };
      return activity.action === 'remove' ? { kind: 'uninstalled' } : { kind: 'ignored', type: activity.type };
    default:
      return { kind: 'ignored', type: activity.type };
  }
}

function classifyMessage(activity: TeamsActivity): TeamsTurn {
  if (activity.value !== undefined && activity.value !== null) {
    const say = sayDataSchema.safeParse(activity.value);
    if (say.success) return { kind: 'message', text: say.data.text };
    if (submitMarkerSchema.safeParse(activity.value).success) {
      return { kind: 'card-submit', data: activity.value, ...(activity.replyToId ? { cardActivityId: activity.replyToId } : {}) };
    }
    return { kind: 'unreadable-card' };
  }
  const mentions = (activity.entities ?? []).filter((e) => e.type === 'mention').map((e) => ({ mentionedId: e.mentioned?.id, text: e.text }));
  const text = stripMentions(activity.text ?? '', mentions, { id: activity.recipient?.id, name: activity.recipient?.name });
  // The command menu sends the command's title alone: "observe" asks for the observation form.
  if (text.trim().toLowerCase() === 'observe') return { kind: 'observe-prompt' };
  return text ? { kind: 'message', text } : { kind: 'non-text-message' };
}

function classifyInvoke(activity: TeamsActivity): TeamsTurn {
  const name = activity.name ?? '';
  switch (name) {
    case 'adaptiveCard/action': {
      const parsed = cardActionValueSchema.safeParse(activity.value);
      if (!parsed.success) return { kind: 'unreadable-card-action', reason: 'no action in the invoke value' };
      if (parsed.data.action.verb !== SUBMIT_VERB) return { kind: 'unreadable-card-action', reason: `unknown verb ${parsed.data.action.verb ?? '(none)'}` };
      return { kind: 'card-action', data: parsed.data.action.data };
    }
    case 'composeExtension/fetchTask':
    case 'composeExtension/submitAction': {
      const parsed = messageActionValueSchema.safeParse(activity.value);
      if (!parsed.success) return { kind: 'malformed-invoke', name, reason: 'no commandId in the invoke value' };
      if (name === 'composeExtension/submitAction') return { kind: 'submit-action', commandId: parsed.data.commandId, data: parsed.data.data };
      const body = parsed.data.messagePayload?.body;
      const content = body?.content ?? '';
      const messageText = body?.contentType === 'text' ? content.trim() : htmlToText(content);
      const user = parsed.data.messagePayload?.from?.user;
      const author = user?.id ? { aadObjectId: user.id, ...(user.displayName ? { name: user.displayName } : {}) } : undefined;
      return { kind: 'fetch-task', commandId: parsed.data.commandId, messageText, ...(author ? { author } : {}) };
    }
    default:
      return { kind: 'unknown-invoke', name };
  }
}

/** The user's language as Teams reports it (`fi-FI`, `en-US`, `sv-FI` …); anything else leaves it to the core. */
export function localeHint(locale: string | undefined): Lang | undefined {
  const lang = locale?.slice(0, 2).toLowerCase();
  return LANGS.find((l) => l === lang);
}

export function tenantOf(activity: TeamsActivity): string | undefined {
  return activity.conversation?.tenantId ?? activity.channelData?.tenant?.id;
}

/** Who is speaking; undefined when Teams did not say (no AAD object id or tenant). E-mail is added later. */
export function speakerOf(activity: TeamsActivity): PlatformUser | undefined {
  const userId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (!userId || !tenantId) return undefined;
  const hint = localeHint(activity.locale);
  return { platform: 'teams', userId, tenantId, ...(hint ? { localeHint: hint } : {}) };
}

/**
 * A personal (1:1) chat, as Teams marks it (`conversationType: 'personal'`, not a group). Group chats,
 * meetings and channels are not, nor is a conversation Teams did not mark (message extension invokes
 * from some chats carry no conversation type).
 */
export function isPersonalConversation(activity: TeamsActivity): boolean {
  return activity.conversation?.conversationType === 'personal' && activity.conversation.isGroup !== true;
}

/**
 * The bot's own 1:1 chat with the speaker: a personal conversation that delivered a message or an
 * install event to the bot. A message extension invoke in a personal chat comes from the chat between
 * two people (an instructor and a student), never the bot's.
 */
export function isBotPersonalChat(activity: TeamsActivity): boolean {
  const fromBotChat = activity.type === 'message' || activity.type === 'conversationUpdate' || activity.type === 'installationUpdate';
  return fromBotChat && isPersonalConversation(activity);
}
