import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ConfigError, configSchema, loadConfig } from '../../src/config/config.ts';

describe('configuration', () => {
  it('runs on embedded defaults with nothing set: local chat, demo data, no LLM', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, localChatEnabled: true, demoData: true, llmEnabled: false, slackEnabled: false, teamsEnabled: false });
    expect(c.DATABASE_URL).toBeUndefined();
  });

  it('closes the local chat once a real platform is configured, unless switched on', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' };
    expect(loadConfig(slack)).toMatchObject({ slackEnabled: true, localChatEnabled: false, demoData: false });
    expect(loadConfig({ clientId: 'app-id' })).toMatchObject({ teamsEnabled: true, localChatEnabled: false });
    expect(loadConfig({ ...slack, LOCAL_CHAT: 'on' })).toMatchObject({ localChatEnabled: true });
    expect(loadConfig({ LOCAL_CHAT: 'off' })).toMatchObject({ localChatEnabled: false });
  });

  it('serves the local chat on auto only for the demo school: no platform, no DATABASE_URL, demo data on', () => {
    expect(loadConfig({})).toMatchObject({ localChatEnabled: true, localChatExplicit: false, localChatOffReason: undefined, LOCAL_CHAT_HOSTS: [] });
    const url = 'postgres://osaava@db.example.fi/osaava';
    for (const env of [{ DATABASE_URL: url }, { DATABASE_URL: url, DEMO_DATA: 'on' }, { DEMO_DATA: 'off' }, { LOCAL_CHAT: 'auto', DATABASE_URL: url }]) {
      const config = loadConfig(env);
      expect(config.localChatEnabled).toBe(false);
      // One line for the start-up log: why, and how to turn it on.
      expect(config.localChatOffReason).toMatch(/^local chat off: .*(DATABASE_URL|DEMO_DATA).* LOCAL_CHAT=on/);
    }
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).localChatOffReason).toMatch(/Slack or Teams is configured; set LOCAL_CHAT=on/);
    expect(loadConfig({ LOCAL_CHAT: 'off' }).localChatOffReason).toMatch(/LOCAL_CHAT=off/);
  });

  it('serves the local chat on any data, to other machines too, only with an explicit LOCAL_CHAT=on', () => {
    expect(loadConfig({ LOCAL_CHAT: 'on', DATABASE_URL: 'postgres://db/osaava' })).toMatchObject({ localChatEnabled: true, localChatExplicit: true, localChatOffReason: undefined });
    expect(loadConfig({ LOCAL_CHAT: 'yes', DEMO_DATA: 'off' })).toMatchObject({ localChatEnabled: true, localChatExplicit: true });
  });

  it('takes extra host names for the local chat, without ports', () => {
    expect(loadConfig({ LOCAL_CHAT_HOSTS: 'devbox.lan, Osaava.Test [::1]' }).LOCAL_CHAT_HOSTS).toEqual(['devbox.lan', 'osaava.test', '[::1]']);
    expect(() => loadConfig({ LOCAL_CHAT_HOSTS: 'devbox.lan:3978' })).toThrowError(/LOCAL_CHAT_HOSTS must list host names/);
    expect(() => loadConfig({ LOCAL_CHAT_HOSTS: 'http://devbox.lan' })).toThrowError(/LOCAL_CHAT_HOSTS/);
  });

  it('switches the LLM on with a key, and never with LLM_ENABLED=off', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).llmEnabled).toBe(true);
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x', LLM_ENABLED: 'off' }).llmEnabled).toBe(false);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).llmEnabled).toBe(false);
    expect(loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_ENABLED: 'on' }).llmEnabled).toBe(true);
  });

  it('says clearly what is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL must be a postgres/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrowError(/SLACK_SIGNING_SECRET .* SLACK_APP_TOKEN/);
  });

  it('runs the scheduler by default with Friday 14:00 summaries, and takes the school’s days off', () => {
    expect(loadConfig({})).toMatchObject({ schedulerEnabled: true, REMINDER_AFTER_MINUTES: 120, SUMMARY_WEEKDAY: 5, SUMMARY_TIME: '14:00', SCHOOL_DAYS_OFF: [] });
    expect(loadConfig({ SCHEDULER: 'off' }).schedulerEnabled).toBe(false);
    expect(loadConfig({ SCHOOL_DAYS_OFF: '2026-12-31, 2027-02-22' }).SCHOOL_DAYS_OFF).toEqual(['2026-12-31', '2027-02-22']);
    expect(() => loadConfig({ SCHOOL_DAYS_OFF: '31.12.2026' })).toThrowError(/SCHOOL_DAYS_OFF must list dates as YYYY-MM-DD/);
    expect(() => loadConfig({ SUMMARY_TIME: '25:00' })).toThrowError(/SUMMARY_TIME must be HH:MM/);
    expect(() => loadConfig({ SUMMARY_WEEKDAY: '0' })).toThrowError(/ISO weekday/);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync('.env.example', 'utf8');
    const documented = new Set([...example.matchAll(/^#? ?([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    const missing = Object.keys(configSchema.shape).filter((key) => !documented.has(key));
    expect(missing).toEqual([]);
  });
});
