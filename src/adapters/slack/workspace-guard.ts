// Osaava serves the one workspace its bot token belongs to. An event, command or interaction naming
// another workspace (a misrouted request, an app installed elsewhere sharing the endpoint) is
// acknowledged and dropped before any listener runs: nothing from it reaches the core. The installed
// workspace is auth.test's `team_id`, read at start; for an Enterprise Grid org-wide install (no single
// team) the check is off.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import { z } from 'zod';

const teamOfBody = z.union([
  z.object({ team_id: z.string().min(1) }).transform((b) => b.team_id),
  z.object({ team: z.object({ id: z.string().min(1) }) }).transform((b) => b.team.id),
  z.object({ user: z.object({ team_id: z.string().min(1) }) }).transform((b) => b.user.team_id),
]);

/** The workspace a payload comes from: an event's `team_id`, an interaction's `team.id` or its user's `team_id`. */
export function teamOf(body: unknown): string | undefined {
  const parsed = teamOfBody.safeParse(body);
  return parsed.success ? parsed.data : undefined;
}

export function workspaceGuard(deps: { installedTeam: () => string | undefined; log: Logger }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const installed = deps.installedTeam();
    const team = teamOf(args.body);
    if (installed && team && team !== installed) {
      deps.log.warn({ team, installed }, 'Slack request from another workspace ignored');
      // Events are acknowledged already; a command or an interaction is answered with an empty ack.
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    await args.next();
  };
}
