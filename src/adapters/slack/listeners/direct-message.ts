// A direct message to the bot: the text goes to the core as typed, the replies come back in the DM (in
// the thread, when the message was a reply in one). A photo's caption and a thread reply also sent to
// the DM are messages like any other.
// The DM's channel id is remembered on the way: the messenger needs it to read the DM back.
import type { App } from '@slack/bolt';
import { isDmChannelId } from '../dm-channels.ts';
import { fromSlackText, nameMentions } from '../incoming-text.ts';
import { directMessageSchema } from '../payload-schemas.ts';
import { guarded, platformUser, type SlackContext } from './context.ts';

export async function onDirectMessage(ctx: SlackContext, body: unknown): Promise<void> {
  const parsed = directMessageSchema.safeParse(body);
  // Edits, joins, bots (ourselves included) and channel messages are not questions to answer.
  if (!parsed.success) return;
  const { event, team_id: teamId } = parsed.data;
  await rememberDmChannel(ctx, teamId, event.user, event.channel);
  await guarded(ctx, 'direct-message', { userId: event.user, channel: event.channel }, async () => {
    const text = fromSlackText(await nameMentions(event.text, async (id) => (await ctx.users.lookup(id)).name));
    if (!text) return;
    const user = await platformUser(ctx, event.user, teamId);
    const replies = await ctx.core.handle({ ...user, text });
    // A reply in a thread of the DM is answered in that thread.
    await ctx.delivery.post(event.channel, replies, event.thread_ts);
  });
}

/** Never in the way of the answer: without the channel, a later confirm only says 'unknown'. */
async function rememberDmChannel(ctx: SlackContext, teamId: string, userId: string, channel: string): Promise<void> {
  if (!ctx.dmChannels || !isDmChannelId(channel)) return;
  try {
    await ctx.dmChannels.remember(teamId, userId, channel);
  } catch (err) {
    ctx.log.warn({ err, userId }, 'could not remember the Slack DM channel');
  }
}

export function registerDirectMessages(app: App, ctx: SlackContext): void {
  // Events are acknowledged by Bolt before listeners run.
  app.event('message', async ({ body }) => onDirectMessage(ctx, body));
}
