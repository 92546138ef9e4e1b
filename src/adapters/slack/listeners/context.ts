// What every listener needs, and the two habits they share: who the user is, and never letting an
// error escape into Bolt (it is logged, and the user is told when we know where to tell them).
import { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ChatCore } from '../../../core/chat-core.ts';
import type { PlatformUser } from '../../../conversation/incoming.ts';
import type { Reply } from '../../../conversation/reply.ts';
import { everyLanguage, texts } from '../texts.ts';
import type { SlackDmChannelRepo } from '../dm-channels.ts';
import type { NoteTarget, ReplyDelivery } from '../reply-delivery.ts';
import type { UserDirectory } from '../user-directory.ts';

export interface SlackContext {
  core: ChatCore;
  client: webApi.WebClient;
  users: UserDirectory;
  delivery: ReplyDelivery;
  log: Logger;
  /** How long the shortcut waits for the core before opening a "one moment" modal (a trigger_id lives 3 s). */
  modalBudgetMs: number;
  /** Users' DM channels, learned from their messages (the messenger reads the DM back with them). */
  dmChannels?: SlackDmChannelRepo;
}

export async function platformUser(ctx: SlackContext, userId: string, tenantId: string): Promise<PlatformUser> {
  const profile = await ctx.users.lookup(userId);
  return { platform: 'slack', userId, tenantId, ...profile };
}

/** Runs a listener's work after the ack; a failure is logged and, where possible, told to the user. */
export async function guarded(ctx: SlackContext, surface: string, noteTo: NoteTarget | undefined, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  try {
    await work();
    ctx.log.info({ surface, userId: noteTo?.userId, ms: Math.round(performance.now() - started) }, 'Slack request handled');
  } catch (err) {
    ctx.log.error({ err, surface, userId: noteTo?.userId }, 'Slack request failed');
    if (!noteTo) return;
    try {
      await ctx.delivery.note(noteTo, everyLanguage('failureNote'));
    } catch (noteErr) {
      ctx.log.warn({ err: noteErr, surface }, 'could not tell the user about the failure');
    }
  }
}

/** Slack's error code of a failed Web API call (`expired_trigger_id`, `message_not_found`…), if it was one. */
export function slackErrorCode(err: unknown): string | undefined {
  return err instanceof webApi.WebAPIPlatformError ? err.data.error : undefined;
}

/**
 * Shows the core's replies to a form the core has already taken (saved). A failure here is no reason to
 * say "try again" (that would save it twice): the replies go to the user's DM instead, and if even that
 * fails the user is told the answer was received. Never throws.
 */
export async function showAfterSave(ctx: SlackContext, noteTo: NoteTarget, replies: Reply[], show: () => Promise<void>): Promise<void> {
  try {
    await show();
    return;
  } catch (err) {
    ctx.log.warn({ err, userId: noteTo.userId }, 'form taken by the core; its replies could not be shown where the form was');
  }
  try {
    await ctx.delivery.post(noteTo.userId, replies);
    return;
  } catch (err) {
    ctx.log.warn({ err, userId: noteTo.userId }, 'form taken by the core; its replies could not be posted to the DM either');
  }
  const lang = replies[0]?.lang;
  try {
    await ctx.delivery.note(noteTo, lang ? texts.in(lang)('receivedNote') : everyLanguage('receivedNote'));
  } catch (err) {
    ctx.log.warn({ err, userId: noteTo.userId }, 'could not tell the user their form was received');
  }
}
