// The manifest and the code must name the same command, shortcut and events.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOG_OBSERVATION_SHORTCUT, SLASH_COMMAND } from '../../../src/adapters/slack/interaction-ids.ts';

const manifest = readFileSync('manifest/slack/manifest.yaml', 'utf8');
const scopes = [...manifest.matchAll(/^\s+- ([a-z]+:[a-z.]+|commands)$/gm)].map((m) => m[1]);

describe('manifest/slack/manifest.yaml', () => {
  it('declares the command, the shortcut and the events the adapter listens to', () => {
    expect(manifest).toContain(`- command: ${SLASH_COMMAND}\n`);
    expect(manifest).toContain(`callback_id: ${LOG_OBSERVATION_SHORTCUT}\n`);
    expect(manifest).toMatch(/bot_events:[\s\S]*- app_home_opened[\s\S]*- message\.im/);
    expect(manifest).toMatch(/socket_mode_enabled: true/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
  });

  it('asks for exactly the scopes Osaava uses', () => {
    expect(scopes).toEqual(['chat:write', 'im:history', 'users:read', 'users:read.email', 'commands']);
  });
});
