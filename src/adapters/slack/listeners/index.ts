// Every Slack surface Osaava listens on, registered on one Bolt app.
import type { App } from '@slack/bolt';
import { registerAppHome } from './app-home.ts';
import { registerBlockActions } from './block-actions.ts';
import type { SlackContext } from './context.ts';
import { registerDirectMessages } from './direct-message.ts';
import { registerShortcuts } from './message-shortcut.ts';
import { registerSlashCommand } from './slash-command.ts';
import { registerViewSubmissions } from './view-submission.ts';

export type { SlackContext } from './context.ts';

export function registerListeners(app: App, ctx: SlackContext): void {
  registerDirectMessages(app, ctx);
  registerSlashCommand(app, ctx);
  registerBlockActions(app, ctx);
  registerViewSubmissions(app, ctx);
  registerShortcuts(app, ctx);
  registerAppHome(app, ctx);
}
