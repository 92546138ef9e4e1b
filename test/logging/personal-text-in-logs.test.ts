import { Writable } from 'node:stream';
import { LogLevel, webApi } from '@slack/bolt';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoltLogger } from '../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../src/adapters/slack/client-options.ts';
import { createLogger, redactQuoted } from '../../src/logging/logger.ts';
import { createReflectionRepo } from '../../src/storage/index.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api.ts';
import { createTestClock, describeEachBackend, useTestDatabase } from '../storage/backends.ts';
import { createPlacementFixture } from '../storage/fixtures.ts';

// Nothing a person wrote reaches a log above debug, whatever fails (issue 14). The failures here are
// real: the database refuses a reflection that carries the canary, and the logger writes what the
// core would (`log.error({ err }, 'core failed')`) into memory.

const CANARY = 'olen raskaana canary-5d1e';
const EMAIL = 'log-canary-5d1e@example.fi';

function memoryLogger(level: string) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination });
  return { logger, lines, text: () => lines.join('\n'), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** Lets pino's asynchronous stream writes land. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected the database to refuse');
}

describeEachBackend('a database failure with personal text, logged above debug, on %s', (backend) => {
  const t = useTestDatabase(backend);
  const clock = createTestClock('2026-03-12T12:00:00Z');

  async function refusals() {
    const fixture = await createPlacementFixture(t.db);
    const row = { id: `r_${fixture.placement.id}`, placement_id: fixture.placement.id, student_id: fixture.student.id, local_date: '2026-03-12', status: 'answered' as const, text: CANARY };
    await createReflectionRepo(t.db, clock).upsertForDay({ placementId: fixture.placement.id, status: 'answered', text: 'Ensimmäinen.' });
    return {
      // CHECK (char_length(text) <= 4000): PostgreSQL's detail is "Failing row contains (…, olen raskaana …)".
      check: await failureOf(() => t.db.insertInto('reflection').values({ ...row, text: `${CANARY} `.repeat(300) }).execute()),
      // UNIQUE (placement_id, local_date), inside a transaction as the repositories run.
      unique: await failureOf(() => t.db.transaction().execute((trx) => trx.insertInto('reflection').values({ ...row, id: `r2_${fixture.placement.id}` }).execute())),
      // The message itself quotes the value: invalid input syntax for type integer: "olen raskaana …".
      syntax: await failureOf(() => sql`INSERT INTO reflection (id, placement_id, student_id, local_date, status, confidence) VALUES (${'r3'}, ${fixture.placement.id}, ${fixture.student.id}, ${'2026-03-13'}, ${'answered'}, ${CANARY}::int)`.execute(t.db)),
      // jsonb: the detail says which token of the text was wrong.
      json: await failureOf(() => sql`INSERT INTO audit_log (id, action, details) VALUES (${'a_json'}, ${'x'}, ${CANARY}::jsonb)`.execute(t.db)),
      // The e-mail in a unique index: detail "Key (lower(email))=(log-canary…) already exists".
      email: await failureOf(async () => {
        await t.db.insertInto('person').values({ id: `p_a_${fixture.placement.id}`, name: 'A', email: EMAIL, roles: ['student'] }).execute();
        await t.db.insertInto('person').values({ id: `p_b_${fixture.placement.id}`, name: 'B', email: EMAIL.toUpperCase(), roles: ['student'] }).execute();
      }),
    };
  }

  it('keeps the error code and message, never the text, the parameters or the detail', async () => {
    const errors = await refusals();
    // The raw errors do carry the text: that is what must not reach the log.
    const raw = JSON.stringify(Object.values(errors).map((e) => ({ ...(e as object), message: (e as Error).message })));
    expect(raw).toContain('olen raskaana');
    expect(raw.toLowerCase()).toContain(EMAIL);

    const { logger, text, records } = memoryLogger('info');
    for (const [what, err] of Object.entries(errors)) {
      logger.error({ err, what, platform: 'slack' }, 'core failed'); // as src/core/chat-core.ts
      logger.child({ component: 'slack' }).error(err as Error); // an error as the first argument
      logger.warn({ error: err, what }, 'delivery failed'); // an error under another key
    }
    await settle();
    const out = text();
    expect(out).not.toContain('olen');
    expect(out).not.toContain('canary');
    expect(out.toLowerCase()).not.toContain(EMAIL);
    expect(out).not.toMatch(/Failing row|already exists|"params"|"parameters"|"detail"|"where"|"internalQuery"|"query"/);

    const byWhat = new Map(records().filter((r) => r.msg === 'core failed').map((r) => [r.what, r.err as Record<string, unknown>]));
    expect(byWhat.get('check')).toMatchObject({ code: '23514', constraint: 'reflection_text_check', message: 'new row for relation "reflection" violates check constraint "reflection_text_check"' });
    expect(byWhat.get('unique')).toMatchObject({ code: '23505', constraint: 'reflection_placement_day_key', message: 'duplicate key value violates unique constraint "reflection_placement_day_key"' });
    expect(byWhat.get('syntax')).toMatchObject({ code: '22P02', message: 'invalid input syntax for type integer: "[redacted]"' });
    expect(byWhat.get('json')).toMatchObject({ code: '22P02', message: 'invalid input syntax for type json' });
    expect(byWhat.get('email')).toMatchObject({ code: '23505', constraint: 'person_email_key' });
    for (const err of byWhat.values()) expect(String(err.stack)).toMatch(/^\w+: .*\n\s+at /);
  });

  it('writes the whole error at debug, where message text is allowed, still without its parameters', async () => {
    const { check } = await refusals();
    const { logger, text } = memoryLogger('debug');
    logger.debug({ err: check }, 'core failed');
    await settle();
    expect(text()).toContain('"code":"23514"');
    expect(text()).not.toContain('"params"');
  });
});

describe('log lines above debug', () => {
  it('replace text fields at any depth and quoted values in messages; keep counts, ids and object names', async () => {
    const { logger, text, records } = memoryLogger('info');
    logger.info({ userId: 'U1', text: CANARY, chars: CANARY.length }, 'local chat message');
    logger.warn({ form: { formKind: 'checkin', values: { text: CANARY, help: CANARY } }, messages: 3 }, 'form');
    logger.error({ request: { body: { event: { text: CANARY } } }, params: [CANARY], parameters: [CANARY], raw: Buffer.from(CANARY) }, 'request failed');
    logger.info(`looked up "${CANARY}"`);
    logger.info('interpolated %s', CANARY);
    logger.error({ err: new SyntaxError(`Unexpected token 'o', "${CANARY}" is not valid JSON`) }, 'body unreadable');
    logger.error({ err: { message: `syntax error at or near "${CANARY}"`, detail: CANARY } }, 'not an Error instance');
    logger.error({ err: `value "${CANARY}" is out of range` }, 'a string as err');
    const withCause = new Error('could not save', { cause: Object.assign(new Error(`invalid input value for enum mood: "${CANARY}"`), { params: [CANARY] }) });
    logger.error({ err: withCause }, 'with a cause');
    await settle();
    expect(text()).not.toContain('olen');
    const [first, second] = records();
    expect(first).toMatchObject({ userId: 'U1', text: '[redacted]', chars: CANARY.length });
    expect(second).toMatchObject({ form: { formKind: 'checkin', values: '[redacted]' }, messages: 3 });
    expect(text()).toContain('"message":"could not save"');
    expect(text()).toContain('invalid input value for enum mood: \\"[redacted]\\"');
  });

  it('an HTTP or Slack error keeps its status and platform code, not its request, response or data', async () => {
    const { logger, text, records } = memoryLogger('info');
    const slackError = Object.assign(new Error('An API error occurred: users_not_found'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'users_not_found', user: { profile: { email: EMAIL } } },
    });
    const httpError = Object.assign(new Error('Request failed with status code 400'), {
      config: { data: JSON.stringify({ text: CANARY }) },
      request: { body: CANARY },
      response: { status: 400, data: { text: CANARY }, headers: { authorization: 'Bearer x' } },
    });
    logger.warn({ err: slackError }, 'users.info failed');
    logger.error({ err: httpError }, 'teams request failed');
    await settle();
    expect(text()).not.toContain('olen');
    expect(text()).not.toContain(EMAIL);
    expect(text()).not.toContain('Bearer');
    const [slack, http] = records();
    expect(slack?.err).toMatchObject({ code: 'slack_webapi_platform_error', platformError: 'users_not_found' });
    expect(http?.err).toMatchObject({ status: 400, message: 'Request failed with status code 400' });
  });

  it('redactQuoted keeps database object and field names only', () => {
    expect(redactQuoted('new row for relation "reflection" violates check constraint "reflection_text_check"')).toBe('new row for relation "reflection" violates check constraint "reflection_text_check"');
    expect(redactQuoted('The field "text" is 5000 characters long')).toBe('The field "text" is 5000 characters long');
    expect(redactQuoted('No person with id "p_123"')).toBe('No person with id "p_123"');
    expect(redactQuoted('column "olen raskaana" does not exist')).toBe('column "[redacted]" does not exist');
    expect(redactQuoted('malformed array literal: "{olen}"')).toBe('malformed array literal: "[redacted]"');
  });
});

describe('the Slack SDK logs', () => {
  let fake: FakeSlackApi;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    fake.addUser({ id: 'UCANARY1', email: EMAIL, locale: 'fi-FI' });
  });
  afterAll(async () => fake.close());

  const lookUp = async (level: string) => {
    const memory = memoryLogger(level);
    const bolt = createBoltLogger(memory.logger);
    const client = new webApi.WebClient('xoxb-test', webClientOptions({ apiUrl: fake.apiUrl, logger: bolt, purpose: 'interactive' }));
    const answer = await client.users.info({ user: 'UCANARY1' });
    await settle();
    return { ...memory, bolt, answer };
  };

  it('stay at debug: at info a users.info answer with an e-mail leaves no line', async () => {
    const { text, bolt, answer } = await lookUp('info');
    expect(answer.user?.profile?.email).toBe(EMAIL);
    expect(text()).not.toContain(EMAIL);
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
    bolt.setLevel(LogLevel.DEBUG); // Bolt may ask; pino's level stays in charge
    expect(bolt.getLevel()).toBe(LogLevel.INFO);
  });

  it('are produced only with LOG_LEVEL=debug, and then only as level-20 lines', async () => {
    const { records, bolt } = await lookUp('debug');
    expect(bolt.getLevel()).toBe(LogLevel.DEBUG);
    const sdkLines = records().filter((r) => r.component === 'slack-sdk');
    expect(sdkLines.length).toBeGreaterThan(0);
    expect(sdkLines.some((r) => String(r.msg).includes(EMAIL))).toBe(true);
    for (const line of sdkLines.filter((r) => String(r.msg).includes(EMAIL))) expect(line.level).toBe(20);
  });

  it('an SDK error line keeps its words and the error, never the objects passed with it', async () => {
    const { logger, text, records } = memoryLogger('info');
    const bolt = createBoltLogger(logger);
    const error = Object.assign(new Error('An API error occurred: invalid_blocks'), { data: { ok: false, error: 'invalid_blocks', text: CANARY } });
    bolt.error('Slack API error: invalid_blocks', error);
    bolt.warn('http request failed', { body: CANARY, user: { email: EMAIL } });
    await settle();
    expect(text()).not.toContain('olen');
    expect(text()).not.toContain(EMAIL);
    const [first, second] = records();
    expect(first).toMatchObject({ level: 50, msg: 'Slack API error: invalid_blocks An API error occurred: invalid_blocks', err: { platformError: 'invalid_blocks' } });
    expect(second).toMatchObject({ level: 40, msg: 'http request failed [object]' });
  });
});
