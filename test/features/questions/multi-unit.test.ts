// Questions when the knowledge base holds several units and a placement covers more than one, through the
// real chat core: answers for the asker's current units first, each saying its unit; a unit named in the
// question; an unknown unit; pass/fail and older units' grading; Swedish from the curriculum's Swedish.
// The knowledge folder is the shipped one plus three made-up units (test/fixtures/knowledge-two-units).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageReply } from '../../../src/conversation/reply.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { createTestCore, messages, type TestCore } from '../../support/core.ts';

const KNOWLEDGE = 'test/fixtures/knowledge-two-units';
const AH = 'asiakkuuksien-hoitaminen';
const TX = 'testivaraston-hoitaminen'; // older criteria: grades 1, 3 and 5 only, grouped by target; Swedish texts
const TP = 'testilaitteiden-huolto'; // pass/fail
const TG = 'testimyymalan-palvelu'; // generic 1–5 scale: the shipped unit's criteria word for word

let t: TestCore;

async function student(id: string, name: string, unitIds: string[]): Promise<void> {
  await t.store.people.create({ id, name, roles: ['student'] });
  await t.store.people.linkIdentity({ platform: 'local', externalId: id, personId: id });
  await t.store.placements.create({ studentId: id, teacherId: 'liisa', workplaceName: 'Testi Oy', unitIds, startDate: '2026-11-02', endDate: '2027-01-29', status: 'active' });
}

async function ask(user: string, text: string): Promise<{ reply: MessageReply; text: string; cited: string[] }> {
  const [reply, ...rest] = messages(await t.say(user, text));
  if (!reply) throw new Error(`no message for "${text}"`);
  expect(rest).toEqual([]);
  return { reply, text: renderPlainText(reply), cited: reply.citations.map((c) => c.id) };
}

const ids = (prefix: string, grade: number, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-G${grade}.${i + 1}`);

beforeAll(async () => {
  t = await createTestCore('pglite', undefined, { knowledgeDir: KNOWLEDGE });
  await student('emma', 'Emma Esimerkki', [AH, TX]);
  await student('otto', 'Otto Oppilas', [AH, TG]);
  await student('pekka', 'Pekka Perustaja', [TP]);
  await student('stina', 'Stina Svensson', [TX]);
});
afterAll(() => t.close());

describe('a placement with two units', () => {
  it('answers a grade whose criteria differ in the two units for each unit, under its own heading', async () => {
    const { text, cited, reply } = await ask('emma', 'mitä arvosanaan 4 vaaditaan');
    expect(text).toContain('Tutkinnon osa: Asiakkuuksien hoitaminen');
    expect(text).toContain('Tutkinnon osa: Testivaraston hoitaminen');
    // The shipped unit's grade 4, and for the older unit its 3 and 5: it has no grade-4 criteria of its own.
    expect(cited).toEqual([...ids('AH', 4, 5), 'TX-G3.1', 'TX-G3.2', 'TX-G5.1', 'TX-G5.2']);
    expect(text).toContain('Tutkinnon osan Testivaraston hoitaminen perusteissa ei ole omia kriteerejä arvosanalle 4: kriteerit annetaan arvosanoille 1, 3 ja 5.');
    expect(text).toContain('kirjaa testivaraston saapuvat lavat itsenäisesti [TX-G3.1]');
    // Each citation says its unit.
    for (const c of reply.citations) expect(c.origin).toContain(c.id.startsWith('TX') ? 'Testivaraston hoitaminen' : 'Asiakkuuksien hoitaminen');
    // The older unit's criteria stay under the targets the curriculum groups them by.
    expect(text).toMatch(/Testivaraston työprosessin hallinta\n\s+• kirjaa testivaraston saapuvat lavat itsenäisesti/);
    // Follow-ups once, at the end.
    expect(reply.blocks.filter((b) => b.type === 'actions')).toHaveLength(1);
  });

  it('answers once when both units have the same generic criteria, and says it holds for both', async () => {
    const { text, cited } = await ask('otto', 'mitä arvosanaan 4 vaaditaan');
    expect(cited).toEqual(ids('AH', 4, 5));
    expect(text).toContain('Tutkinnon osa Asiakkuuksien hoitaminen (15 osp)');
    expect(text).toContain('Tämä vastaus koskee sellaisenaan myös tutkinnon osaa Testimyymälän palvelu');
    expect(text).not.toContain('TG-G4');
  });

  it('answers the second unit\'s requirement question with its own citations and names the unit', async () => {
    const { text, cited, reply } = await ask('emma', 'pitääkö lavojen kunto tarkastaa');
    expect(cited).toEqual(['TX-V1']);
    expect(text).toContain('tutkinnon osan Testivaraston hoitaminen ammattitaitovaatimukset');
    expect(reply.citations[0]?.origin).toContain('Testivaraston hoitaminen › Tavaran vastaanotto testivarastossa');
  });

  it('answers in English for each unit too', async () => {
    const { text, cited } = await ask('emma', 'What does grade 4 require?');
    expect(text).toContain('Unit: Managing customer relationships (Asiakkuuksien hoitaminen)');
    expect(text).toContain('Unit: Test warehouse operations (Testivaraston hoitaminen)');
    expect(text).toContain('gives no criteria of its own for grade 4: it gives criteria for grades 1, 3 and 5');
    expect(cited).toContain('TX-G5.2');
  });
});

describe('a unit named in the question', () => {
  it.each([
    ['by its name', 'mitä Testivaraston hoitaminen vaatii'],
    ['by an alias', 'mitä testivarasto vaatii'],
    ['by its ePerusteet code', 'mitä tutkinnon osa tutkinnonosat_999001 vaatii'],
  ])('answers from that unit (%s), whatever the asker\'s placement', async (_, question) => {
    const { text, cited } = await ask('otto', question);
    expect(cited).toEqual(['TX-V1', 'TX-V2']);
    expect(text).toContain('Tutkinnon osa Testivaraston hoitaminen (10 osp)');
  });

  it('answers a unit it does not know with the units it knows, not with a made-up or default answer', async () => {
    const { text, cited } = await ask('emma', 'mitä arvosanaan 3 vaaditaan tutkinnon osassa Hitsaus');
    expect(cited).toEqual([]);
    expect(text).toContain('En tunne tutkinnon osaa tai tutkintoa "Hitsaus"');
    expect(text).toContain('Tietopohjassani on 4 tutkinnon osaa');
    for (const name of ['Asiakkuuksien hoitaminen', 'Testilaitteiden huolto', 'Testimyymälän palvelu', 'Testivaraston hoitaminen']) expect(text).toContain(name);
    expect(text).not.toContain('Hyvä 3');
  });
});

describe('grading shapes', () => {
  it('says a pass/fail unit has no grade 4 and shows its pass criteria', async () => {
    const { text, cited } = await ask('pekka', 'mitä arvosanaan 4 vaaditaan');
    expect(text).toContain('Tutkinnon osa Testilaitteiden huolto arvioidaan asteikolla hyväksytty/hylätty: arvosanoja 1–5 siinä ei anneta.');
    expect(text).toContain('Hyväksyttyyn suoritukseen opiskelija:');
    expect(cited).toEqual(['TP-G1.1', 'TP-G1.2']);
    expect(text).not.toContain('Hyvä 4');
  });

  it('answers a comparison on a pass/fail unit with its pass criteria', async () => {
    const { text, cited } = await ask('pekka', 'vertaa arvosanoja 3 ja 4');
    expect(text).toContain('hyväksytty/hylätty');
    expect(cited).toEqual(['TP-G1.1', 'TP-G1.2']);
  });

  it('compares 3 and 4 on an older unit with the levels it has (3 and 5), never a grade-4 text', async () => {
    const { text, cited } = await ask('emma', 'vertaa arvosanoja 3 ja 4 tutkinnon osassa Testivaraston hoitaminen');
    expect(cited).toEqual(['TX-G3.1', 'TX-G3.2', 'TX-G5.1', 'TX-G5.2']);
    expect(text).toContain('ei ole omia kriteerejä arvosanalle 4');
    expect(text).toContain('Erot: Hyvä 3 ja Kiitettävä 5');
    expect(text).toMatch(/Testivaraston työvälineiden hallinta\n\s+• Hyvä 3: käyttää testivaraston trukkia turvallisesti \[TX-G3.2\]\n\s+• Kiitettävä 5: opastaa muita/);
  });

  it('shows a grade an older unit has criteria for as it is', async () => {
    const { text, cited } = await ask('emma', 'mitä arvosanaan 5 vaaditaan tutkinnon osassa Testivaraston hoitaminen');
    expect(cited).toEqual(['TX-G5.1', 'TX-G5.2']);
    expect(text).not.toContain('ei ole omia kriteerejä');
  });
});

describe('Swedish', () => {
  it('answers a Swedish question with the curriculum\'s Swedish texts, citing the Finnish original too', async () => {
    const { text, reply, cited } = await ask('stina', 'vad krävs för betyget 3');
    expect(reply.lang).toBe('sv');
    expect(text).toContain('Examensdelen Skötsel av testlager (10 kompetenspoäng)');
    expect(text).toContain('registrerar testlagrets inkommande pallar självständigt [TX-G3.1]');
    expect(text).toContain('Behärskande av testlagrets arbetsprocess (Testivaraston työprosessin hallinta)');
    expect(text).toContain('citeras ordagrant ur examensgrundernas svenska text');
    expect(text).not.toContain('kirjaa testivaraston saapuvat lavat itsenäisesti');
    expect(cited).toEqual(['TX-G3.1', 'TX-G3.2']);
    const first = reply.citations[0];
    expect(first?.text_fi).toBe('kirjaa testivaraston saapuvat lavat itsenäisesti');
    expect(first?.text_sv).toBe('registrerar testlagrets inkommande pallar självständigt');
    expect(first?.text_en).toBeUndefined();
  });

  it('quotes the requirements in Swedish and says so', async () => {
    const { text, cited } = await ask('stina', 'alla yrkeskunnighetskrav');
    expect(cited).toEqual(['TX-V1', 'TX-V2']);
    expect(text).toContain('tar emot testlagrets pallar och kontrollerar deras skick [TX-V1]');
    expect(text).toContain('Varumottagning i testlagret (Tavaran vastaanotto testivarastossa)');
  });
});

describe('whose units', () => {
  it("answers a teacher who names one of their students for that student's units", async () => {
    const { text, cited } = await ask('liisa', 'mitä Emman pitää osata arvosanaan 4');
    expect(text).toContain('Tutkinnon osa: Testivaraston hoitaminen');
    expect(cited).toContain('TX-G3.1');
  });

  it('answers someone on no placement from the default unit, as before', async () => {
    const { text, cited } = await ask('liisa', 'mitä arvosanaan 4 vaaditaan');
    expect(cited).toEqual(ids('AH', 4, 5));
    expect(text).not.toContain('Testivaraston');
  });
});
