// The checks a Teams app manifest must pass before an admin uploads it: the parts of the schema Osaava
// uses, and Teams' own limits (GUID ids, at most 3 command lists of 12 commands, icon sizes).
import { z } from 'zod';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID like 00000000-0000-0000-0000-000000000000');
const httpsUrl = z.url({ protocol: /^https$/, error: 'must be an https:// URL' });
// A bare host name: no scheme, no path, no port.
const domain = z.string().regex(/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'must be a host name like osaava.koulu.fi (no https://, no path)');

const botCommandSchema = z.object({
  title: z.string().min(1).max(32),
  description: z.string().min(1).max(128),
});

const messageActionSchema = z.object({
  id: z.string().min(1).max(64),
  type: z.literal('action'),
  title: z.string().min(1).max(32),
  description: z.string().max(128).optional(),
  context: z.array(z.enum(['compose', 'commandBox', 'message'])).min(1),
  fetchTask: z.boolean(),
});

export const teamsManifestSchema = z
  .object({
    $schema: z.string().regex(/^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/v1\.\d+\/MicrosoftTeams\.schema\.json$/),
    manifestVersion: z.string().regex(/^1\.\d+$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
    id: guid,
    developer: z.object({ name: z.string().min(1).max(32), websiteUrl: httpsUrl, privacyUrl: httpsUrl, termsOfUseUrl: httpsUrl }),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }),
    // The package holds exactly these two files at its root.
    icons: z.object({ color: z.literal('color.png'), outline: z.literal('outline.png') }),
    accentColor: z.string().regex(/^#[0-9a-f]{6}$/i),
    bots: z
      .array(
        z.object({
          botId: guid,
          scopes: z.array(z.enum(['personal', 'team', 'groupChat', 'copilot'])).min(1),
          isNotificationOnly: z.boolean().optional(),
          supportsFiles: z.boolean().optional(),
          commandLists: z
            .array(z.object({ scopes: z.array(z.string()).min(1), commands: z.array(botCommandSchema).max(12, 'a command list has at most 12 commands') }))
            .max(3, 'a bot has at most 3 command lists')
            .optional(),
        }),
      )
      .length(1),
    composeExtensions: z.array(z.object({ botId: guid, commands: z.array(messageActionSchema).min(1).max(10) })).max(1).optional(),
    validDomains: z.array(domain).min(1),
  })
  .superRefine((manifest, ctx) => {
    const schemaVersion = /\/v(1\.\d+)\//.exec(manifest.$schema)?.[1];
    if (schemaVersion !== manifest.manifestVersion) {
      ctx.addIssue({ code: 'custom', path: ['manifestVersion'], message: `must match the $schema version (${schemaVersion ?? '?'})` });
    }
    // Lists of more than 10 commands came with manifest version 1.24.
    const minor = Number(manifest.manifestVersion.split('.')[1]);
    const longest = Math.max(0, ...manifest.bots.flatMap((b) => (b.commandLists ?? []).map((l) => l.commands.length)));
    if (longest > 10 && minor < 24) ctx.addIssue({ code: 'custom', path: ['manifestVersion'], message: 'more than 10 commands in a list need manifest version 1.24 or newer' });
    const botId = manifest.bots[0]?.botId;
    for (const [i, extension] of (manifest.composeExtensions ?? []).entries()) {
      if (extension.botId !== botId) ctx.addIssue({ code: 'custom', path: ['composeExtensions', i, 'botId'], message: 'must be the bot’s id' });
    }
  });

export type TeamsManifest = z.infer<typeof teamsManifestSchema>;
