// The parts of Slack's payloads Osaava reads, parsed once at the edge. Bolt's types describe what Slack
// should send; these say what we rely on, and a payload without it is logged and dropped.
import { z } from 'zod';

const absent = z.never().optional();
const stateSchema = z.object({ values: z.unknown() });
/** Interactivity payloads carry the team as `team.id`; Enterprise Grid org-wide apps may lack it. */
const userSchema = z.object({ id: z.string().min(1), team_id: z.string().optional() });
const teamSchema = z.object({ id: z.string() }).nullish();

/**
 * A user's direct message to the bot: not a bot, not an edit or a deletion. A message with a file
 * (`file_share`: a photo with a caption) and a thread reply also sent to the conversation
 * (`thread_broadcast`) are read as their text; `thread_ts` says the message is a reply in a thread.
 */
export const directMessageSchema = z.object({
  team_id: z.string(),
  event: z.object({
    type: z.literal('message'),
    channel_type: z.literal('im'),
    channel: z.string().min(1),
    user: z.string().min(1),
    text: z.string().default(''),
    subtype: z.enum(['file_share', 'thread_broadcast']).optional(),
    bot_id: absent,
    ts: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
});

export const appHomeOpenedSchema = z.object({
  team_id: z.string(),
  event: z.object({ type: z.literal('app_home_opened'), user: z.string().min(1), tab: z.string() }),
});

export const slashCommandSchema = z.object({
  command: z.string(),
  text: z.string().default(''),
  user_id: z.string().min(1),
  team_id: z.string(),
  channel_id: z.string().optional(),
  response_url: z.url(),
});

export const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  user: userSchema,
  team: teamSchema,
  trigger_id: z.string().optional(),
  response_url: z.url().optional(),
  container: z.object({ type: z.string(), is_ephemeral: z.boolean().optional() }).optional(),
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  view: z.object({ id: z.string(), type: z.string(), state: stateSchema.optional() }).optional(),
  state: stateSchema.optional(),
  actions: z.array(z.unknown()).min(1),
});
export type BlockActions = z.infer<typeof blockActionsSchema>;

export const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  user: userSchema,
  team: teamSchema,
  view: z.object({ id: z.string(), callback_id: z.string(), private_metadata: z.string().default(''), state: stateSchema }),
});

export const shortcutSchema = z.object({
  type: z.enum(['message_action', 'shortcut']),
  callback_id: z.string(),
  trigger_id: z.string(),
  user: userSchema,
  team: teamSchema,
  channel: z.object({ id: z.string() }).optional(),
  message: z.object({ text: z.string().optional(), ts: z.string().optional() }).optional(),
  response_url: z.url().optional(),
});

/** The workspace the user acts in. */
export function teamIdOf(payload: { team?: { id: string } | null; user: { team_id?: string } }): string {
  return payload.team?.id ?? payload.user.team_id ?? '';
}
