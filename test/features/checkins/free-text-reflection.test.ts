// A plain message while a check-in waits is taken as its answer: the day's form comes back filled
// with the text and suggested requirements, and only saving it records anything. Questions are still
// answered. Real scheduler (recording messenger) and real chat core on the demo school.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatCore } from '../../../src/core/chat-core.ts';
import type { FormReply, Reply } from '../../../src/conversation/reply.ts';
import { looksLikeReflection } from '../../../src/features/checkins/free-text-reflection.ts';
import { seedDemo } from '../../../src/storage/index.ts';
import { openTestDatabase, type TestDatabase } from '../../storage/backends.ts';
import { buildRealCore } from '../../support/core.ts';
import { realKnowledge } from '../../support/knowledge.ts';
import { createHarness, type Harness } from '../../scheduling/harness.ts';
import { detectIntent } from '../../../src/features/questions/intent.ts';

const AINO = 'pl_demo_aino';
const VILLE = 'pl_demo_ville';
const ACCOUNT = 'Tänään hoidin asiakkaan reklamaation puhelimessa ja kirjasin sen asiakasrekisteriin.';
const formIn = (replies: Reply[]): FormReply | undefined => replies.find((r): r is FormReply => r.kind === 'form');

describe('telling which messages are a day’s account', () => {
  const { kb } = realKnowledge();
  const unit = kb.defaultUnit();
  const isReflection = (text: string) => looksLikeReflection(text, (t) => detectIntent(kb, unit, t).kind);

  it('takes statements about the day as reflections', () => {
    expect(isReflection(ACCOUNT)).toBe(true);
    expect(isReflection('Autoin asiakasta valitsemaan sopivan liittymän ja tein tarjouksen')).toBe(true);
    expect(isReflection('Today I helped a customer choose a phone plan and logged it in the CRM')).toBe(true);
  });

  it('leaves questions, requests, greetings and short words to the answering engine', () => {
    for (const text of ['Mitä arvosanaan 4 vaaditaan?', 'mitä arvosanaan 4 vaaditaan', 'what does grade 4 require', 'kerro kriittisistä kohdista työpaikalla', 'hyvä 4 kriteerit kiitos', 'moi', 'kiitos paljon', 'näyttö', 'pitääkö kilpailijoita kartoittaa']) {
      expect(isReflection(text), text).toBe(false);
    }
  });
});

describe('a free-text answer to a check-in', () => {
  let database: TestDatabase;
  let h: Harness;
  let core: ChatCore;
  const say = (user: string, text: string) => core.handle({ platform: 'local', userId: user, tenantId: '', text });

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemo(database.db, { today: '2026-11-23' });
    // The demo people only have local-chat ids; a Slack account lets the check-ins go out.
    for (const id of ['aino', 'ville']) await database.db.insertInto('identity').values({ platform: 'slack', tenant_id: 'T1', external_id: `U_${id}`, person_id: id }).execute();
    h = createHarness(database.db);
    core = buildRealCore(database.db, h.clock).core;
  }, 60_000);
  afterAll(() => database?.close());

  it('is offered as today\'s card even while no check-in waits (an account of the day, any time)', async () => {
    await h.run('2026-11-24T08:00:00Z'); // Tuesday morning: today's check-in (15:30) not sent yet
    const form = formIn(await say('aino', ACCOUNT));
    expect(form).toMatchObject({ formKind: 'checkin', formId: `${AINO}:2026-11-24` });
    expect(await h.store.reflections.findForDay(AINO, '2026-11-24')).toBeNull();
  });

  it('comes back as the day’s form, filled in with the text and suggested requirements; nothing is saved yet', async () => {
    await h.run('2026-11-24T13:30:00Z'); // Aino's check-in goes out
    h.clock.set('2026-11-24T14:10:00Z');
    const form = formIn(await say('aino', ACCOUNT));
    expect(form).toMatchObject({ formKind: 'checkin', formId: `${AINO}:2026-11-24` });
    const text = form?.fields.find((f) => f.id === 'text');
    expect(text?.type === 'text' && text.initial).toBe(ACCOUNT);
    const requirements = form?.fields.find((f) => f.id === 'requirements');
    expect(requirements?.type === 'multi-select' && requirements.initial.length).toBeGreaterThan(0);
    expect(JSON.stringify(form?.intro)).toContain('Tallennanko tämän päivän reflektioksi');
    expect(await h.store.reflections.findForDay(AINO, '2026-11-24')).toBeNull();
  });

  it('a question with a question mark is still answered while the check-in waits', async () => {
    const replies = await say('aino', 'Mitä arvosanaan 4 vaaditaan?');
    expect(formIn(replies)).toBeUndefined();
    expect(replies[0]?.kind === 'message' && replies[0].citations.map((c) => c.id)).toContain('AH-G4.1');
  });

  it('saving the filled form records the answer, and a later statement is added to it, never put in its place', async () => {
    const form = formIn(await say('aino', ACCOUNT));
    const requirements = form?.fields.find((f) => f.id === 'requirements');
    const picked = requirements?.type === 'multi-select' ? requirements.initial : [];
    await core.submit({ platform: 'local', userId: 'aino', tenantId: '', formKind: 'checkin', formId: form?.formId ?? '', values: { text: ACCOUNT, requirements: picked, confidence: 4 } });
    const saved = await h.store.reflections.findForDay(AINO, '2026-11-24');
    expect(saved).toMatchObject({ status: 'answered', text: ACCOUNT, confidence: 4, requirementIds: picked });
    const later = formIn(await say('aino', 'Kävin vielä läpi asiakaspalautteet tiimin kanssa iltapäivällä'));
    const text = later?.fields.find((f) => f.id === 'text');
    expect(text?.type === 'text' && text.initial).toBe(`${ACCOUNT}\nKävin vielä läpi asiakaspalautteet tiimin kanssa iltapäivällä`);
    const kept = later?.fields.find((f) => f.id === 'requirements');
    expect(kept?.type === 'multi-select' && kept.initial).toEqual(expect.arrayContaining(picked));
    expect(await h.store.reflections.findForDay(AINO, '2026-11-24')).toMatchObject({ text: ACCOUNT });
  });

  it('a late answer the next morning goes to the day it belongs to, until the next check-in is out', async () => {
    await h.run('2026-11-24T13:00:00Z'); // Ville's check-in (15:00) goes out; he does not answer
    h.clock.set('2026-11-25T07:00:00Z');
    expect(formIn(await say('ville', 'Eilen täsmäytin reskontraa ja soitin kahdelle asiakkaalle maksumuistutuksista')))
      .toMatchObject({ formId: `${VILLE}:2026-11-24` });
    await h.run('2026-11-25T13:00:00Z'); // Wednesday's check-in is out: Tuesday's window has closed
    expect(formIn(await say('ville', 'Tänään tein asiakkaalle tarjouksen ja päivitin asiakastiedot järjestelmään')))
      .toMatchObject({ formId: `${VILLE}:2026-11-25` });
  });

  it('an instructor’s statement is never taken as a check-in answer', async () => {
    expect(formIn(await say('mikko', ACCOUNT))).toBeUndefined();
  });
});
