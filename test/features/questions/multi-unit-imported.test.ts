// The same through the chat core over units imported from ePerusteet (test/fixtures/knowledge-multi): the
// shipped unit, Louhintaporaus (generic 1–5 scale, Finnish and Swedish) and a pass/fail unit whose criteria
// are grouped under their targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageReply } from '../../../src/conversation/reply.ts';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { createTestCore, messages, type TestCore } from '../../support/core.ts';

const AH = 'asiakkuuksien-hoitaminen';
const LOUHINTA = 'tutkinnonosat_106436';
const SAFETY = 'tutkinnonosat_900003';

let t: TestCore;

async function student(id: string, name: string, unitIds: string[]): Promise<void> {
  await t.store.people.create({ id, name, roles: ['student'] });
  await t.store.people.linkIdentity({ platform: 'local', externalId: id, personId: id });
  await t.store.placements.create({ studentId: id, workplaceName: 'Louhinta Oy', unitIds, startDate: '2026-11-02', endDate: '2027-01-29', status: 'active' });
}

async function ask(user: string, text: string): Promise<{ reply: MessageReply; text: string; cited: string[] }> {
  const [reply] = messages(await t.say(user, text));
  if (!reply) throw new Error(`no message for "${text}"`);
  return { reply, text: renderPlainText(reply), cited: reply.citations.map((c) => c.id) };
}

beforeAll(async () => {
  t = await createTestCore('pglite', undefined, { knowledgeDir: 'test/fixtures/knowledge-multi' });
  await student('lauri', 'Lauri Louhija', [AH, LOUHINTA]);
  await student('sara', 'Sara Suojaaja', [SAFETY]);
  await student('sven', 'Sven Borrare', [LOUHINTA]);
});
afterAll(() => t.close());

describe('imported units', () => {
  it('answers grade 4 once for a shipped and an imported unit on the generic scale, naming both', async () => {
    const { text, cited } = await ask('lauri', 'mitä arvosanaan 4 vaaditaan');
    expect(cited).toEqual(['AH-G4.1', 'AH-G4.2', 'AH-G4.3', 'AH-G4.4', 'AH-G4.5']);
    expect(text).toContain('Tutkinnon osa Asiakkuuksien hoitaminen (15 osp)');
    expect(text).toContain('koskee sellaisenaan myös tutkinnon osaa Louhintaporaus');
  });

  it("answers the imported unit's requirement with its own citation, saying the unit", async () => {
    const { text, cited, reply } = await ask('lauri', 'pitääkö räjäytystöiden riskejä arvioida');
    expect(cited).toEqual(['T106436-V1.3']);
    expect(text).toContain('Kyllä. Tutkinnon osan Louhintaporaus ammattitaitovaatimuksissa opiskelija:');
    expect(reply.citations[0]?.origin).toMatch(/^Louhintaporaus › /);
  });

  it('checks a yes/no requirement question against every unit for someone with no units of their own, naming the unit found', async () => {
    const { text, cited } = await ask('liisa', 'pitääkö räjäytystöiden riskejä arvioida');
    expect(cited).toEqual(['T106436-V1.3']);
    expect(text).toContain('Tutkinnon osan Louhintaporaus ammattitaitovaatimuksissa');
  });

  it('keeps an open question within the asker\'s units: a word shared with another unit is no answer', async () => {
    const { cited } = await ask('sara', 'mitä räjäytystyöt ovat');
    expect(cited.some((id) => id.startsWith('T106436'))).toBe(false);
  });

  it('shows a pass/fail unit\'s pass criteria under their target for a grade-4 question', async () => {
    const { text, cited } = await ask('sara', 'mitä arvosanaan 4 vaaditaan');
    expect(cited).toEqual(['T900003-H.1', 'T900003-H.2']);
    expect(text).toContain('arvioidaan asteikolla hyväksytty/hylätty');
    expect(text).toMatch(/Työprosessin hallinta\n\s+• tunnistaa työn vaarat ja arvioi niiden riskit \[T900003-H.1\]/);
  });

  it('answers a Swedish question with the Swedish requirement texts, the Finnish original in the citations', async () => {
    const { text, reply } = await ask('sven', 'alla yrkeskunnighetskrav');
    expect(reply.lang).toBe('sv');
    expect(text).toContain('Examensdelen Brytningsborrning');
    expect(text).toContain('bedömer säkerhets- och miljöriskerna förknippade med brytningsborrning och sprängningsarbeten [T106436-V1.3]');
    expect(text).toContain('citeras ordagrant ur examensgrundernas svenska text');
    const cited = reply.citations.find((c) => c.id === 'T106436-V1.3');
    expect(cited?.text_fi).toBe('arvioi louhintaporaamiseen ja räjäytystöihin liittyviä turvallisuus- ja ympäristöriskejä');
    expect(cited?.text_sv).toContain('bedömer säkerhets- och miljöriskerna');
    // Nothing in the answer counts the sections or the requirements in advance: this unit has four and 21.
    expect(text).toContain('Det finns 21 yrkeskunnighetskrav i fyra delar.');
  });

  it("says in English whose English the lines are: the curriculum's own, or none", async () => {
    const pass = await ask('sara', 'what does grade 5 require');
    expect(pass.text).toContain('graded pass/fail (hyväksytty/hylätty)');
    expect(pass.text).toContain('(identifies the hazards of the work and assesses their risks)');
    expect(pass.text).toContain('the English lines are their own English version (ePerusteet)');
    const none = await ask('sven', 'what does grade 3 require');
    expect(none.text).toContain('they have no English translation');
    expect(none.text).not.toContain("Osaava's translation");
  });

  it('quotes criteria the curriculum has no Swedish for in Finnish, and says so', async () => {
    const { text, cited } = await ask('sven', 'vad krävs för betyget 3');
    expect(text).toContain('God 3 (Hyvä H3): bedömningskriterier');
    expect(text).toContain('toteuttaa työkokonaisuuden itsenäisesti [T106436-G3.1]');
    expect(text).toContain('citeras ordagrant på finska');
    expect(cited).toHaveLength(5);
  });
});
