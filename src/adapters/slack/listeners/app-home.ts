// The App Home tab: whatever the core's home view holds for this user (progress, students at a glance).
import type { App } from '@slack/bolt';
import { appHomeOpenedSchema } from '../payload-schemas.ts';
import { guarded, platformUser, type SlackContext } from './context.ts';

export async function onAppHomeOpened(ctx: SlackContext, body: unknown): Promise<void> {
  const parsed = appHomeOpenedSchema.safeParse(body);
  // The event also fires for the Messages tab, which needs nothing from us.
  if (!parsed.success || parsed.data.event.tab !== 'home') return;
  const { event, team_id: teamId } = parsed.data;
  await guarded(ctx, 'app-home', undefined, async () => {
    const user = await platformUser(ctx, event.user, teamId);
    await ctx.delivery.publishHome(event.user, await ctx.core.home(user));
  });
}

export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ body }) => onAppHomeOpened(ctx, body));
}
