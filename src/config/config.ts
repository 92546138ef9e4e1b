// Environment configuration, validated once at start. Everything is optional: with nothing set,
// Osaava runs on embedded defaults (embedded database, local web chat, no LLM).
import { z } from 'zod';

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no', 'auto'])
  .transform((v) => (v === 'auto' ? 'auto' : ['on', 'true', '1', 'yes'].includes(v) ? 'on' : 'off'));

const optionalString = z.string().trim().min(1).optional();

/** A retention period in whole days, from `min` up to a hundred years. */
const days = (name: string, min: number, why: string) =>
  z.coerce
    .number({ error: `${name} must be a number of days` })
    .int(`${name} must be a whole number of days`)
    .min(min, `${name} must be at least ${min}: ${why}`)
    .max(36_500, `${name} must be at most 36500 (a hundred years)`);

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KNOWLEDGE_DIR: z.string().default('knowledge'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  DEMO_DATA: flag.default('auto'),
  LOCAL_CHAT: flag.default('auto'),
  LOCAL_CHAT_HOSTS: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean).map((h) => h.toLowerCase()))
    .pipe(z.array(z.string().regex(/^([a-z0-9._-]+|\[[0-9a-f:.]+\])$/, 'LOCAL_CHAT_HOSTS must list host names (without port), separated by commas'))),
  // Slack
  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: z.url().optional(),
  // Microsoft Teams (Microsoft 365 Agents SDK standard variables)
  clientId: optionalString,
  clientSecret: optionalString,
  tenantId: optionalString,
  // OpenAI or an OpenAI-compatible server
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().default('gpt-4.1-mini'),
  LLM_ENABLED: flag.default('auto'),
  // Check-ins and weekly summaries
  SCHEDULER: flag.default('on'),
  REMINDER_AFTER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  SUMMARY_WEEKDAY: z.coerce.number().int().min(1, 'SUMMARY_WEEKDAY is an ISO weekday, 1 = Monday … 7 = Sunday').max(7, 'SUMMARY_WEEKDAY is an ISO weekday, 1 = Monday … 7 = Sunday').default(5),
  SUMMARY_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'SUMMARY_TIME must be HH:MM (24-hour)').default('14:00'),
  SCHOOL_DAYS_OFF: z
    .string()
    .default('')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.iso.date('SCHOOL_DAYS_OFF must list dates as YYYY-MM-DD, separated by commas'))),
  // Retention (README, "Data"): what is deleted nightly, and when
  RETENTION: flag.default('on'),
  RETENTION_PLACEMENT_DAYS: days('RETENTION_PLACEMENT_DAYS', 30, 'a placement is kept at least 30 days after it ends, for its last summaries and its assessment').default(365),
  RETENTION_DELIVERY_DAYS: days('RETENTION_DELIVERY_DAYS', 35, 'check-in and summary rows are kept at least 35 days: late answers and the weekly summaries read the recent weeks').default(90),
  RETENTION_AUDIT_DAYS: days('RETENTION_AUDIT_DAYS', 30, 'audit entries are kept at least 30 days').default(730),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  slackEnabled: boolean;
  teamsEnabled: boolean;
  llmEnabled: boolean;
  localChatEnabled: boolean;
  /** LOCAL_CHAT=on: served whatever the data, and to other machines too (the Host check stays). */
  localChatExplicit: boolean;
  /** Why the local chat is off and how to turn it on (one log line at start); undefined when it runs. */
  localChatOffReason: string | undefined;
  demoData: boolean;
  schedulerEnabled: boolean;
  /** RETENTION=on: the nightly deletion of what is past the RETENTION_*_DAYS periods. */
  retentionEnabled: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  // Who read a student's data must be answerable for as long as the data itself is kept.
  if (c.RETENTION !== 'off' && c.RETENTION_AUDIT_DAYS < c.RETENTION_PLACEMENT_DAYS) throw new ConfigError(`RETENTION_AUDIT_DAYS (${c.RETENTION_AUDIT_DAYS}) must be at least RETENTION_PLACEMENT_DAYS (${c.RETENTION_PLACEMENT_DAYS}): the audit log answers who read the data while it is kept.`);
  const slackEnabled = Boolean(c.SLACK_BOT_TOKEN && (c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN));
  if (c.SLACK_BOT_TOKEN && !slackEnabled) throw new ConfigError('SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is.');
  const teamsEnabled = Boolean(c.clientId);
  const platformConfigured = slackEnabled || teamsEnabled;
  const demoData = c.DEMO_DATA === 'on' || (c.DEMO_DATA === 'auto' && !platformConfigured && !c.DATABASE_URL);
  const localChatOffReason = localChatOff(c, { platformConfigured, demoData });
  return {
    ...c,
    slackEnabled,
    teamsEnabled,
    llmEnabled: c.LLM_ENABLED === 'off' ? false : Boolean(c.OPENAI_API_KEY || (c.LLM_ENABLED === 'on' && c.OPENAI_BASE_URL)),
    localChatEnabled: localChatOffReason === undefined,
    localChatExplicit: c.LOCAL_CHAT === 'on',
    localChatOffReason,
    schedulerEnabled: c.SCHEDULER !== 'off',
    retentionEnabled: c.RETENTION !== 'off',
    demoData,
  };
}

/**
 * The local chat lets anyone act as anyone. LOCAL_CHAT=auto serves it only for the demo school: no
 * platform, no DATABASE_URL, demo data on. Undefined when it runs; otherwise why not, and how to turn it on.
 */
function localChatOff(c: RawConfig, facts: { platformConfigured: boolean; demoData: boolean }): string | undefined {
  if (c.LOCAL_CHAT === 'on') return undefined;
  const howTo = 'set LOCAL_CHAT=on to serve it anyway (anyone who opens it can act as anyone)';
  if (c.LOCAL_CHAT === 'off') return 'local chat off: LOCAL_CHAT=off; set LOCAL_CHAT=auto for the demo school, or LOCAL_CHAT=on';
  if (facts.platformConfigured) return `local chat off: Slack or Teams is configured; ${howTo}`;
  if (c.DATABASE_URL) return `local chat off: DATABASE_URL is set, so the data may be real; ${howTo}`;
  if (!facts.demoData) return `local chat off: DEMO_DATA=off, so the data may be real; ${howTo}`;
  return undefined;
}
