// The student's check-in page through the real chat core: this week's check-ins and the time form,
// as the Slack App Home, Teams and the local chat show it ("kyselyn aika", the home view).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import type { FormReply, Reply } from '../../../src/conversation/reply.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { openTestDatabase, type TestDatabase } from '../../storage/backends.ts';
import { buildRealCore } from '../../support/core.ts';

// Wednesday 25 November 2026, 12:00 in Helsinki.
const NOW = new Date('2026-11-25T10:00:00Z');
const AINO = 'pl_demo_aino';
const local = (userId: string) => ({ platform: 'local' as const, userId, tenantId: '' });
const formIn = (replies: Reply[]): FormReply | undefined => replies.find((r): r is FormReply => r.kind === 'form');
const textOf = (replies: Reply[]) => replies.map(renderPlainText).join('\n');

describe('the check-in time form and this week’s check-ins', () => {
  let database: TestDatabase;
  let core: ChatCore;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemo(database.db, { today: '2026-11-23' });
    core = buildRealCore(database.db, { now: () => NOW }).core;
  }, 60_000);
  afterAll(() => database?.close());

  it('"kyselyn aika" lists this week’s working days with what became of each, and offers the time form', async () => {
    const replies = await core.handle({ ...local('aino'), text: 'kyselyn aika' });
    const text = textOf(replies);
    expect(text).toContain('Tämän viikon kyselyt');
    expect(text).toMatch(/23\.11\.2026: (vastattu|poissa|ohitettu|ei vastausta)/);
    expect(text).toContain('25.11.2026: tänään');
    expect(text).toContain('27.11.2026: tulossa');
    const form = formIn(replies);
    expect(form).toMatchObject({ formKind: 'checkin-time', formId: AINO });
    const field = form?.fields[0];
    expect(field).toMatchObject({ type: 'select', id: 'time', initial: '15:30' });
    expect(field?.type === 'select' && field.options.map((o) => o.value)).toEqual(expect.arrayContaining(['07:00', '15:30', '20:00']));
  });

  it('the submitted form moves the student’s own check-in time', async () => {
    const replies = await core.submit({ ...local('aino'), formKind: 'checkin-time', formId: AINO, values: { time: '16:00' } });
    expect(textOf(replies)).toContain('klo 16:00');
    const row = await database.db.selectFrom('placement').select('checkin_time').where('id', '=', AINO).executeTakeFirstOrThrow();
    expect(row.checkin_time).toBe('16:00');
  });

  it('refuses a bad time from a forged form and changes nothing', async () => {
    const replies = await core.submit({ ...local('aino'), formKind: 'checkin-time', formId: AINO, values: { time: '25:99' } });
    expect(textOf(replies)).toContain('HH:MM');
    const row = await database.db.selectFrom('placement').select('checkin_time').where('id', '=', AINO).executeTakeFirstOrThrow();
    expect(row.checkin_time).toBe('16:00');
  });

  it('a form naming another student’s placement only ever changes the sender’s own', async () => {
    await core.submit({ ...local('aino'), formKind: 'checkin-time', formId: 'pl_demo_ville', values: { time: '09:00' } });
    const ville = await database.db.selectFrom('placement').select('checkin_time').where('id', '=', 'pl_demo_ville').executeTakeFirstOrThrow();
    expect(ville.checkin_time).toBe('15:00');
  });

  it('an instructor cannot use the form', async () => {
    const replies = await core.submit({ ...local('mikko'), formKind: 'checkin-time', formId: AINO, values: { time: '09:00' } });
    expect(textOf(replies)).toContain('ei kuulu roolillesi');
  });

  it('the student’s home view holds progress, the week and the form', async () => {
    const replies = await core.home(local('aino'));
    expect(textOf(replies)).toContain('Tämän viikon kyselyt');
    expect(formIn(replies)?.formKind).toBe('checkin-time');
  });
});
