// `/osaava <text>`: the text goes to the core as typed (empty is "help"); the answer is ephemeral,
// because most of what the command shows (progress, reflections) is personal.
import type { App } from '@slack/bolt';
import { fromSlackText, nameMentions } from '../incoming-text.ts';
import { SLASH_COMMAND } from '../interaction-ids.ts';
import { slashCommandSchema } from '../payload-schemas.ts';
import { guarded, platformUser, type SlackContext } from './context.ts';

export async function onSlashCommand(ctx: SlackContext, body: unknown): Promise<void> {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues.length }, 'slash command payload not understood');
    return;
  }
  const command = parsed.data;
  // A school may rename the command in its manifest; any command the app receives is ours.
  if (command.command !== SLASH_COMMAND) ctx.log.debug({ command: command.command }, 'slash command under another name');
  await guarded(ctx, 'slash-command', { userId: command.user_id, responseUrl: command.response_url }, async () => {
    const text = fromSlackText(await nameMentions(command.text, async (id) => (await ctx.users.lookup(id)).name)) || 'help';
    const user = await platformUser(ctx, command.user_id, command.team_id);
    const replies = await ctx.core.handle({ ...user, text });
    await ctx.delivery.respond(command.response_url, replies, 'ephemeral', command.user_id);
  });
}

export function registerSlashCommand(app: App, ctx: SlackContext): void {
  app.command(/.*/, async ({ ack, body }) => {
    await ack();
    await onSlashCommand(ctx, body);
  });
}
