// "Log as observation" on any message: the core drafts an observation form from the message's text,
// shown as a modal. Slack's trigger_id lives 3 seconds, so a slow draft gets a "one moment" modal
// first, which is then replaced by the form.
import type { App } from '@slack/bolt';
import type { FormReply, Reply } from '../../../conversation/reply.ts';
import { everyLanguage, texts } from '../texts.ts';
import { fromSlackText } from '../incoming-text.ts';
import { LOG_OBSERVATION_SHORTCUT, type FormTarget } from '../interaction-ids.ts';
import { shortcutSchema, teamIdOf } from '../payload-schemas.ts';
import type { NoteTarget } from '../reply-delivery.ts';
import { renderMessageBlocks, section } from '../render-blocks.ts';
import { renderFormModal, renderInfoModal } from '../render-form.ts';
import { guarded, platformUser, slackErrorCode, type SlackContext } from './context.ts';

const LATE = Symbol('late');

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const isForm = (r: Reply): r is FormReply => r.kind === 'form';
/** The observation's outcome goes to the instructor's DM: the modal is gone by then. */
const afterSubmit: FormTarget = { kind: 'dm' };

const loadingModal = () =>
  renderInfoModal('Osaava', everyLanguage('closeButton', ' / '), [section(everyLanguage('loadingForm'))]);

export async function onShortcut(ctx: SlackContext, raw: unknown): Promise<void> {
  const parsed = shortcutSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'shortcut payload not understood');
    return;
  }
  const body = parsed.data;
  const userId = body.user.id;
  const noteTo: NoteTarget = { userId, responseUrl: body.response_url };
  if (body.callback_id !== LOG_OBSERVATION_SHORTCUT || body.type !== 'message_action') {
    ctx.log.warn({ callbackId: body.callback_id, type: body.type }, 'unknown Slack shortcut');
    await guarded(ctx, 'unknown-shortcut', undefined, () => ctx.delivery.note(noteTo, everyLanguage('unknownActionNote')));
    return;
  }

  /**
   * The form as a modal; when the modal cannot open (the trigger expired, or views.update failed), the
   * form goes to the instructor's DM as a message, with the drafted text in it: nothing is dropped.
   */
  const showForm = async (form: FormReply, open: () => Promise<unknown>) => {
    try {
      await open();
    } catch (err) {
      ctx.log.warn({ err, code: slackErrorCode(err), userId }, 'the observation modal did not open; posting the form as a message');
      await ctx.delivery.post(userId, [form]);
    }
  };

  await guarded(ctx, 'log-observation', noteTo, async () => {
    const draft = (async () => {
      const user = await platformUser(ctx, userId, teamIdOf(body));
      return ctx.core.draftObservation(user, fromSlackText(body.message?.text ?? ''));
    })();
    const early = await within(draft, ctx.modalBudgetMs);

    if (early !== LATE) {
      const form = early.find(isForm);
      if (form) await showForm(form, () => ctx.client.views.open({ trigger_id: body.trigger_id, view: renderFormModal(form, afterSubmit) }));
      const messages = early.filter((r) => !isForm(r));
      if (messages.length === 0) return;
      if (body.response_url) await ctx.delivery.respond(body.response_url, messages, 'ephemeral', userId);
      else await ctx.delivery.post(userId, messages);
      return;
    }

    ctx.log.info({ budgetMs: ctx.modalBudgetMs }, 'observation draft is slow; opening a waiting modal');
    const opened = await ctx.client.views.open({ trigger_id: body.trigger_id, view: loadingModal() }).catch((err: unknown) => {
      ctx.log.warn({ err, code: slackErrorCode(err), userId }, 'the waiting modal did not open; the form will come as a message');
      return undefined;
    });
    const viewId = opened?.view?.id;
    const replies = await draft;
    const form = replies.find(isForm);
    if (form) {
      await showForm(form, async () => {
        if (!viewId) throw new Error('no waiting modal to put the form in');
        await ctx.client.views.update({ view_id: viewId, view: renderFormModal(form, afterSubmit) });
      });
      return;
    }
    if (!viewId) {
      await ctx.delivery.post(userId, replies);
      return;
    }
    const lang = replies[0]?.lang ?? 'fi';
    const blocks = replies.flatMap((r) => (r.kind === 'message' ? renderMessageBlocks(r) : []));
    await ctx.client.views.update({ view_id: viewId, view: renderInfoModal('Osaava', texts.in(lang)('closeButton'), blocks) });
  });
}

export function registerShortcuts(app: App, ctx: SlackContext): void {
  app.shortcut(/.*/, async ({ ack, body }) => {
    await ack();
    await onShortcut(ctx, body);
  });
}
