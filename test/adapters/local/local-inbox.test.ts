import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Reply } from '../../../src/conversation/reply.ts';
import { createLocalInbox } from '../../../src/adapters/local/local-inbox.ts';
import type { InboxPage } from '../../../src/adapters/local/local-inbox.ts';
import type { OutboundAddress } from '../../../src/messaging/messenger.ts';
import { errorBodySchema } from '../../../src/adapters/local/schemas.ts';
import { checkinFormReply, finnishGradeReply, grade5Reply, startLocalChat } from './local-chat-fixtures.ts';
import type { RunningChat } from './local-chat-fixtures.ts';

const START = new Date('2026-03-12T06:00:00.000Z');

/** A clock the test moves by hand. */
function manualClock(start = START): { now: () => Date; advance(ms: number): void } {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

const local = (userId: string): OutboundAddress => ({ platform: 'local', tenantId: '', userId });

function reminder(n: number): Reply {
  return { kind: 'message', lang: 'fi', blocks: [{ type: 'paragraph', text: `Muistutus ${n}` }], citations: [] };
}

describe('local inbox messenger', () => {
  it('is the local platform and keeps what is sent per user, read on by seq', async () => {
    const clock = manualClock();
    const inbox = createLocalInbox({ now: clock.now });
    expect(inbox.messenger.platform).toBe('local');

    const first = await inbox.messenger.send(local('aino'), [checkinFormReply]);
    clock.advance(60_000);
    const second = await inbox.messenger.send(local('aino'), [finnishGradeReply, grade5Reply]);
    const toVille = await inbox.messenger.send(local('ville'), [grade5Reply]);

    if (!first.ok || !second.ok || !toVille.ok) throw new Error('a local send failed');
    const [firstSeq, secondSeq, villeSeq] = [first, second, toVille].map((r) => Number(r.messageId));
    expect(secondSeq).toBeGreaterThan(firstSeq ?? Infinity);
    expect(villeSeq).toBeGreaterThan(secondSeq ?? Infinity);

    const all = inbox.read('aino', 0);
    expect(all).toEqual({
      messages: [
        { seq: firstSeq, at: START.toISOString(), replies: [checkinFormReply] },
        { seq: secondSeq, at: new Date(START.getTime() + 60_000).toISOString(), replies: [finnishGradeReply, grade5Reply] },
      ],
      next: secondSeq,
    });
    // Reading on from what was shown gives only the newer message; from the end, nothing, and `next` stays.
    expect(inbox.read('aino', firstSeq ?? 0).messages.map((m) => m.seq)).toEqual([secondSeq]);
    expect(inbox.read('aino', all.next)).toEqual({ messages: [], next: all.next });
    expect(inbox.read('ville', 0).messages.map((m) => m.replies)).toEqual([[grade5Reply]]);
    expect(inbox.read('nobody', 0)).toEqual({ messages: [], next: 0 });
  });

  it('keeps a copy: changing the sent replies afterwards does not change the delivered message', async () => {
    const inbox = createLocalInbox();
    const reply = reminder(1);
    await inbox.messenger.send(local('aino'), [reply]);
    if (reply.kind === 'message') reply.blocks.push({ type: 'heading', text: 'later' });
    expect(inbox.read('aino', 0).messages[0]?.replies).toEqual([reminder(1)]);
  });

  it('starts its seqs from the clock, so a page open across a restart reads on', async () => {
    const clock = manualClock();
    const before = createLocalInbox({ now: clock.now });
    await before.messenger.send(local('aino'), [reminder(1)]);
    await before.messenger.send(local('aino'), [reminder(2)]);
    const seenByPage = before.read('aino', 0).next;

    clock.advance(5_000);
    const afterRestart = createLocalInbox({ now: clock.now });
    await afterRestart.messenger.send(local('aino'), [reminder(3)]);
    expect(afterRestart.read('aino', seenByPage).messages.map((m) => m.replies)).toEqual([[reminder(3)]]);
  });

  it('drops the oldest messages of a user beyond the capacity, and only that user\'s', async () => {
    const inbox = createLocalInbox({ perUserCapacity: 3 });
    for (let n = 1; n <= 5; n++) await inbox.messenger.send(local('aino'), [reminder(n)]);
    await inbox.messenger.send(local('ville'), [reminder(99)]);
    expect(inbox.read('aino', 0).messages.map((m) => m.replies[0])).toEqual([reminder(3), reminder(4), reminder(5)]);
    expect(inbox.read('ville', 0).messages).toHaveLength(1);
  });

  it('keeps 50 messages per user by default', async () => {
    const inbox = createLocalInbox();
    for (let n = 1; n <= 51; n++) await inbox.messenger.send(local('aino'), [reminder(n)]);
    const messages = inbox.read('aino', 0).messages;
    expect(messages).toHaveLength(50);
    expect(messages[0]?.replies).toEqual([reminder(2)]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => createLocalInbox({ perUserCapacity: 0 })).toThrow(/perUserCapacity/);
    expect(() => createLocalInbox({ perUserCapacity: 2.5 })).toThrow(/perUserCapacity/);
  });

  it('refuses an address of another platform without storing anything', async () => {
    const inbox = createLocalInbox();
    const result = await inbox.messenger.send({ platform: 'slack', tenantId: 'T1', userId: 'aino' }, [reminder(1)]);
    expect(result).toMatchObject({ ok: false, reason: 'failed', retryable: false });
    expect(inbox.read('aino', 0).messages).toEqual([]);
  });

  describe('confirm', () => {
    it('answers delivered for a key it stored since the given time, not delivered otherwise', async () => {
      const clock = manualClock();
      const inbox = createLocalInbox({ now: clock.now });
      const confirm = inbox.messenger.confirm;
      if (!confirm) throw new Error('the local inbox must be able to confirm');
      await inbox.messenger.send(local('aino'), [checkinFormReply], { deliveryKey: 'checkin:pl_1:2026-03-12' });
      await inbox.messenger.send(local('aino'), [reminder(1)]);

      const since = new Date(START.getTime() - 3_600_000);
      expect(await confirm(local('aino'), 'checkin:pl_1:2026-03-12', since)).toBe('delivered');
      expect(await confirm(local('aino'), 'checkin:pl_1:2026-03-13', since)).toBe('not-delivered');
      // The same key to someone else, or before `since`, is not this delivery.
      expect(await confirm(local('ville'), 'checkin:pl_1:2026-03-12', since)).toBe('not-delivered');
      expect(await confirm(local('aino'), 'checkin:pl_1:2026-03-12', new Date(START.getTime() + 1))).toBe('not-delivered');
    });

    it('knows nothing after a restart: a new inbox answers not delivered', async () => {
      const first = createLocalInbox();
      await first.messenger.send(local('aino'), [reminder(1)], { deliveryKey: 'reminder:1' });
      const restarted = createLocalInbox();
      expect(await restarted.messenger.confirm?.(local('aino'), 'reminder:1', new Date(0))).toBe('not-delivered');
    });

    it('answers unknown when a message may have been dropped for capacity since then', async () => {
      const clock = manualClock();
      const inbox = createLocalInbox({ perUserCapacity: 1, now: clock.now });
      await inbox.messenger.send(local('aino'), [reminder(1)], { deliveryKey: 'reminder:1' });
      clock.advance(60_000);
      await inbox.messenger.send(local('aino'), [reminder(2)], { deliveryKey: 'reminder:2' });
      expect(await inbox.messenger.confirm?.(local('aino'), 'reminder:2', START)).toBe('delivered');
      expect(await inbox.messenger.confirm?.(local('aino'), 'reminder:1', START)).toBe('unknown');
      // Dropped before `since`: whatever was asked about would still be here.
      expect(await inbox.messenger.confirm?.(local('aino'), 'reminder:1', new Date(START.getTime() + 1))).toBe('not-delivered');
    });
  });
});

const replySchema = z.custom<Reply>((value) => typeof value === 'object' && value !== null);
const inboxResponseSchema = z.object({
  messages: z.array(z.object({ seq: z.number().int(), at: z.string(), replies: z.array(replySchema) })),
  next: z.number().int(),
});

describe('GET /api/inbox', () => {
  let running: RunningChat | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function getInbox(query: string): Promise<Response> {
    if (!running) throw new Error('start the chat first');
    return fetch(`${running.baseUrl}/api/inbox${query}`);
  }

  it('returns the selected user\'s messages after the given seq', async () => {
    const inbox = createLocalInbox({ now: () => START });
    running = await startLocalChat({ inbox });
    const sent = await inbox.messenger.send(local('aino'), [checkinFormReply], { deliveryKey: 'checkin:1' });
    await inbox.messenger.send(local('aino'), [finnishGradeReply]);
    await inbox.messenger.send(local('ville'), [grade5Reply]);
    if (!sent.ok) throw new Error('send failed');

    const response = await getInbox('?user=aino&after=0');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = inboxResponseSchema.parse(await response.json());
    expect(body.messages.map((m) => m.replies)).toEqual([[checkinFormReply], [finnishGradeReply]]);
    expect(body.messages[0]?.seq).toBe(Number(sent.messageId));
    expect(body.messages[0]?.at).toBe(START.toISOString());
    expect(body.next).toBe(body.messages[1]?.seq);

    const onwards = inboxResponseSchema.parse(await (await getInbox(`?user=aino&after=${body.messages[0]?.seq}`)).json());
    expect(onwards.messages.map((m) => m.replies)).toEqual([[finnishGradeReply]]);
    const nothingNew = inboxResponseSchema.parse(await (await getInbox(`?user=aino&after=${body.next}`)).json());
    expect(nothingNew).toEqual({ messages: [], next: body.next });
    // `after` may be left out: everything stored.
    const ville = inboxResponseSchema.parse(await (await getInbox('?user=ville')).json());
    expect(ville.messages.map((m) => m.replies)).toEqual([[grade5Reply]]);
  });

  it('answers an empty inbox when none is configured', async () => {
    running = await startLocalChat();
    const response = await getInbox('?user=aino&after=0');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ messages: [], next: 0 });
  });

  it.each([
    ['no user', '?after=0', /"user" is required/],
    ['an empty user', '?user=%20&after=0', /"user" must not be empty/],
    ['a repeated user', '?user=aino&user=ville', /"user" must be a string/],
    ['a negative after', '?user=aino&after=-1', /"after" must be a whole number/],
    ['a non-numeric after', '?user=aino&after=abc', /"after" must be a whole number/],
    ['a fractional after', '?user=aino&after=1.5', /"after" must be a whole number/],
    ['a repeated after', '?user=aino&after=1&after=2', /"after" must be a single number/],
  ])('rejects %s with a 400 JSON error', async (_name, query, message) => {
    running = await startLocalChat({ inbox: createLocalInbox() });
    const response = await getInbox(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = errorBodySchema.parse(await response.json());
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toMatch(message);
  });

  it('answers 500 in the usual shape when reading fails', async () => {
    const failing = { read: (): InboxPage => { throw new Error('inbox broke'); } };
    running = await startLocalChat({ inbox: failing });
    const response = await getInbox('?user=aino');
    expect(response.status).toBe(500);
    expect(errorBodySchema.parse(await response.json()).error.code).toBe('internal');
  });
});
