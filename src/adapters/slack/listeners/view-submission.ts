// A submitted Osaava modal (the observation form, or a form message's long text fields): the values,
// with what was already picked in the message, go to the core; the replies go where the form was.
import type { App } from '@slack/bolt';
import { everyLanguage } from '../texts.ts';
import { readFormValues } from '../form-values.ts';
import { FORM_VIEW_CALLBACK, parseViewMetadata } from '../interaction-ids.ts';
import { teamIdOf, viewSubmissionSchema } from '../payload-schemas.ts';
import { guarded, platformUser, showAfterSave, type SlackContext } from './context.ts';

export async function onViewSubmission(ctx: SlackContext, raw: unknown): Promise<void> {
  const parsed = viewSubmissionSchema.safeParse(raw);
  if (!parsed.success) {
    ctx.log.warn({ issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'view submission payload not understood');
    return;
  }
  const { view, user: slackUser } = parsed.data;
  const userId = slackUser.id;
  const metadata = view.callback_id === FORM_VIEW_CALLBACK ? parseViewMetadata(view.private_metadata) : undefined;
  if (!metadata) {
    ctx.log.warn({ callbackId: view.callback_id }, 'submitted view is not one of ours or its metadata is malformed');
    await guarded(ctx, 'unknown-view', undefined, () => ctx.delivery.note({ userId }, everyLanguage('unknownActionNote')));
    return;
  }
  const { target } = metadata;
  await guarded(ctx, 'view-submit', { userId }, async () => {
    const user = await platformUser(ctx, userId, teamIdOf(parsed.data));
    const values = { ...metadata.carried, ...readFormValues(view.state.values) };
    const replies = await ctx.core.submit({ ...user, formKind: metadata.k, formId: metadata.id, values });
    if (replies.length === 0) {
      ctx.log.warn({ formKind: metadata.k }, 'the core answered a form with nothing');
      return;
    }
    // Saved from here on: a failure to show the answer must not say "try again".
    await showAfterSave(ctx, { userId }, replies, async () => {
      const shown = target.kind === 'home' ? [...replies, ...(await ctx.core.home(user))] : replies;
      await ctx.delivery.replace(target, userId, shown);
    });
  });
}

export function registerViewSubmissions(app: App, ctx: SlackContext): void {
  app.view(/.*/, async ({ ack, body }) => {
    // Closes the modal at once; the core's answer arrives where the form came from.
    await ack();
    await onViewSubmission(ctx, body);
  });
}
