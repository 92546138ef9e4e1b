// Buttons in Osaava's messages, modals and Home tab: a suggested follow-up, a form's submit, the
// button that opens a form's long text fields. One listener for every action id, so that an id we
// do not know gets a clear note instead of Slack's "this app did not respond".
import type { App } from '@slack/bolt';
import { everyLanguage } from '../texts.ts';
import { readFormValues } from '../form-values.ts';
import { parseAction, type FormTarget } from '../interaction-ids.ts';
import { blockActionsSchema, teamIdOf, type BlockActions } from '../payload-schemas.ts';
import type { NoteTarget } from '../reply-delivery.ts';
import { assertNever } from '../render-blocks.ts';
import { renderTextFormMessage, renderTextModal } from '../render-form.ts';
import { guarded, platformUser, showAfterSave, slackErrorCode, type SlackContext } from './context.ts';

/** Where the message with the button is, so replies can replace it. */
export function targetOf(body: BlockActions): FormTarget {
  if (body.view?.type === 'home') return { kind: 'home' };
  if (body.container?.is_ephemeral && body.response_url) return { kind: 'ephemeral', responseUrl: body.response_url };
  if (body.channel && body.message) return { kind: 'message', channel: body.channel.id, ts: body.message.ts };
  return { kind: 'dm' };
}

const stateOf = (body: BlockActions): unknown => body.view?.state?.values ?? body.state?.values;

export async function onBlockAction(ctx: SlackContext, raw: unknown): Promise<void> {
  const parsed = blockActionsSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'block action payload not understood');
    return;
  }
  const body = parsed.data;
  const userId = body.user.id;
  const target = targetOf(body);
  const noteTo: NoteTarget = { userId, responseUrl: body.response_url, channel: target.kind === 'message' ? target.channel : undefined };
  const action = parseAction(body.actions[0]);

  switch (action.kind) {
    case 'input':
      return;
    case 'unknown':
      ctx.log.warn({ actionId: action.actionId, problem: action.problem, userId }, 'unknown Slack action');
      await guarded(ctx, 'unknown-action', undefined, () => ctx.delivery.note(noteTo, everyLanguage('unknownActionNote')));
      return;
    case 'suggest':
      await guarded(ctx, 'suggested-action', noteTo, async () => {
        const user = await platformUser(ctx, userId, teamIdOf(body));
        const replies = await ctx.core.handle({ ...user, text: action.text });
        if (target.kind === 'ephemeral') await ctx.delivery.respond(target.responseUrl, replies, 'ephemeral', userId);
        else await ctx.delivery.post(target.kind === 'message' ? target.channel : userId, replies);
      });
      return;
    case 'submit':
      await guarded(ctx, 'form-submit', noteTo, async () => {
        const user = await platformUser(ctx, userId, teamIdOf(body));
        const values = { ...action.form.c, ...readFormValues(stateOf(body)) };
        const replies = await ctx.core.submit({ ...user, formKind: action.form.k, formId: action.form.id, values });
        if (replies.length === 0) {
          ctx.log.warn({ formKind: action.form.k }, 'the core answered a form with nothing; the form stays');
          return;
        }
        // Saved from here on: a failure to show the answer must not say "try again".
        await showAfterSave(ctx, noteTo, replies, async () => {
          // On the Home tab the confirmation sits above a fresh home view.
          const shown = target.kind === 'home' ? [...replies, ...(await ctx.core.home(user))] : replies;
          await ctx.delivery.replace(target, userId, shown);
        });
      });
      return;
    case 'open-text':
      await guarded(ctx, 'form-open-text', noteTo, async () => {
        const carried = readFormValues(stateOf(body));
        try {
          if (!body.trigger_id) throw new Error('block action without trigger_id');
          await ctx.client.views.open({ trigger_id: body.trigger_id, view: renderTextModal(action.form, target, carried) });
        } catch (err) {
          // An old card's trigger has expired (or the modal would not open): what was picked and prefilled
          // must not be lost, so the text fields come as a message with the picks carried in its button.
          ctx.log.warn({ err, code: slackErrorCode(err), userId }, 'the text modal did not open; posting the form as a message');
          const channel = target.kind === 'message' ? target.channel : userId;
          await ctx.client.chat.postMessage({ channel, ...renderTextFormMessage(action.form, carried), unfurl_links: false, unfurl_media: false });
        }
      });
      return;
    default:
      assertNever(action);
  }
}

export function registerBlockActions(app: App, ctx: SlackContext): void {
  app.action(/.*/, async ({ ack, body }) => {
    await ack();
    await onBlockAction(ctx, body);
  });
}
