import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createBoltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../../src/adapters/slack/client-options.ts';
import { createUserDirectory, localeToLang, type UserDirectory } from '../../../src/adapters/slack/user-directory.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { silentLogger } from '../../support/knowledge.ts';
import { BOT_TOKEN, INSTRUCTOR, STUDENT } from './fixtures.ts';

let fake: FakeSlackApi;
let now = Date.parse('2026-11-23T10:00:00Z');
const clock = { now: () => new Date(now) };
let users: UserDirectory;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  fake.addUser(STUDENT);
  fake.addUser(INSTRUCTOR);
  const logger = silentLogger();
  const client = new webApi.WebClient(BOT_TOKEN, webClientOptions({ apiUrl: fake.apiUrl, logger: createBoltLogger(logger), purpose: 'interactive' }));
  users = createUserDirectory({ client, clock, logger, ttlMs: 60 * 60 * 1000, failureTtlMs: 60 * 1000, maxRetryWaitMs: 50 });
});
afterAll(async () => fake.close());

const lookups = (id: string) => fake.callsTo('users.info').filter((c) => c.args.user === id).length;

describe('the user directory', () => {
  it('gives e-mail and language, and asks Slack again only after an hour', async () => {
    expect(await users.lookup(STUDENT.id)).toEqual({ email: STUDENT.email, localeHint: 'fi' });
    now += 59 * 60 * 1000;
    await users.lookup(STUDENT.id);
    expect(lookups(STUDENT.id)).toBe(1);
    now += 2 * 60 * 1000;
    await users.lookup(STUDENT.id);
    expect(lookups(STUDENT.id)).toBe(2);
  });

  it('asks once for lookups that arrive together', async () => {
    await Promise.all([users.lookup(INSTRUCTOR.id), users.lookup(INSTRUCTOR.id), users.lookup(INSTRUCTOR.id)]);
    expect(lookups(INSTRUCTOR.id)).toBe(1);
  });

  it('goes on without a profile when Slack fails twice, and asks again after a minute', async () => {
    fake.failNext('users.info', { kind: 'rate-limited', retryAfterSec: 20 }, 2);
    expect(await users.lookup('UFAILING')).toEqual({});
    await users.lookup('UFAILING');
    expect(lookups('UFAILING')).toBe(2);
    now += 61 * 1000;
    await users.lookup('UFAILING');
    expect(lookups('UFAILING')).toBe(3);
  });

  // A 429 (with and without Retry-After) and an HTTP 503, as Slack's rate-limit docs
  // (docs.slack.dev/apis/web-api/rate-limits: "HTTP 429 Too Many Requests" with a Retry-After header) describe.
  it.each([
    ['a 429 with Retry-After', { kind: 'rate-limited', retryAfterSec: 1 }],
    ['a 429 without Retry-After', { kind: 'rate-limited' }],
    ['an HTTP 503', { kind: 'http', status: 503 }],
  ] as const)('tries once more after %s and gets the profile', async (_name, failure) => {
    users.clear();
    const before = lookups(STUDENT.id);
    fake.failNext('users.info', failure);
    expect(await users.lookup(STUDENT.id)).toEqual({ email: STUDENT.email, localeHint: 'fi' });
    expect(lookups(STUDENT.id) - before).toBeGreaterThanOrEqual(2);
  });
});

describe('localeToLang', () => {
  it.each([
    ['fi-FI', 'fi'],
    ['en-GB', 'en'],
    ['EN_us', 'en'],
    ['sv-SE', 'sv'],
    ['de-DE', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, lang) => {
    expect(localeToLang(locale)).toBe(lang);
  });
});
