// Questions that name a supporting document, ask for the whole list in other words, compare grades
// with articles, or name two requirements at once; and the language of a question that quotes Finnish.
import { describe, expect, it } from 'vitest';
import { namedDocument } from '../../../src/features/questions/named-document.ts';
import { detectLanguage } from '../../../src/text/language.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const { kb, answers } = realKnowledge();
const ask = async (q: string) => {
  const a = await answers.answer(q);
  return { plan: a.plan, ids: a.plan.items.map((i) => i.id), lang: a.plan.lang };
};
const requirement = (fi: string): string => {
  const found = kb.requirements(kb.defaultUnit()).find((r) => r.requirement.text.fi === fi);
  if (!found) throw new Error(`no requirement "${fi}"`);
  return found.requirement.id;
};

describe('a question that names a supporting document', () => {
  it('finds the document by two of its title words standing together, one of them its own', () => {
    expect(namedDocument(kb, 'Mitä Hyvän palvelun työkirjassa sanotaan palautteesta?')?.document.id).toBe('hyvan-palvelun-opas-4');
    expect(namedDocument(kb, 'According to the Turku customer service package, how is feedback handled?')?.document.id).toBe('turku-asiakaspalvelu');
    expect(namedDocument(kb, 'In the Uudista yhteistyötä workbook, how are groups formed?')?.query).toBe('in the how are groups formed');
    // Words every unit talks of name no document.
    expect(namedDocument(kb, 'customer service worker wages')).toBeUndefined();
  });

  it('answers from that document by the rest of the question', async () => {
    const { ids } = await ask('Onko firman nettisivu asiakaspalvelupiste Turun koulutuspaketin mukaan?');
    expect(ids[0]).toMatch(/^TA-/);
    const workbook = await ask('Mitä kysymyksiä Hyvän palvelun työkirjassa esitetään näyttöjen laadusta?');
    expect(workbook.ids[0]).toMatch(/^HP-/);
  });
});

describe('lists, grades and pairs', () => {
  it('gives every requirement when the whole list is asked for in other words', async () => {
    for (const q of ['anna koko tarkistuslista kaikista ammattitaitovaatimuksista, haluun tulostaa sen', 'show me all 25 skill requirements of the unit']) {
      const { plan, ids } = await ask(q);
      expect(plan.intent.kind, q).toBe('all-requirements');
      expect(ids).toHaveLength(25);
    }
    // A topic among the words asks for some of them.
    expect((await ask('mitkä kaikki vaatimukset liittyy asiakastietoihin')).plan.intent.kind).not.toBe('all-requirements');
  });

  it('compares two grades written with articles, or the top grade with a named one', async () => {
    const { plan } = await ask('What separates a 4 from a 5 in this unit?');
    expect(plan.intent).toMatchObject({ kind: 'grade-compare', grades: [4, 5] });
    const top = await ask('What separates the top grade from a grade 4?');
    expect(top.plan.intent).toMatchObject({ kind: 'grade-compare', grades: [4, 5] });
  });

  it('answers a yes/no question about two requirements with both', async () => {
    const { ids } = await ask('Pitääkö mun tietää tietosuojasäännöt ja tietoturvaohjeet?');
    expect(ids).toEqual(expect.arrayContaining([
      requirement('noudattaa ohjaavia säädöksiä sekä organisaation ohjeita tietosuojasta ja salassapidosta'),
      requirement('noudattaa ohjaavia säädöksiä ja organisaation ohjeita tietoturvasta'),
    ]));
  });

  it('finds a Swedish section by its Swedish name', async () => {
    const { plan } = await ask('Vilka yrkeskunskapskrav ingår i delen informationssystem och rapportering?');
    expect(plan.intent).toMatchObject({ kind: 'section-requirements', sectionId: 'tietojarjestelmat' });
    expect(plan.lang).toBe('sv');
  });
});

describe('what the asker may do', () => {
  it('offers a requirement that only touches a permission question as the nearest thing, not as the answer', async () => {
    const { plan } = await ask('Saako työpaikalla käyttää omaa puhelinta?');
    expect(plan.items.filter((i) => i.kind === 'requirement' || i.kind === 'criterion')).toEqual([]);
    // "Must I" is the requirements' to answer, and they do.
    const must = await ask('pitääkö mun noudattaa tietosuojaohjeita?');
    expect(must.plan.outcome).toBe('answered');
    expect(must.ids).toContain('AH-H1');
  });

  it('finds a Swedish question about a named city\'s training by its own words', async () => {
    const { ids } = await ask('Vilka fyra servicekanaler behandlades i Åbo stads kundtjänstutbildning?');
    expect(ids[0]).toMatch(/^TA-/);
  });
});

describe('the language of a question that quotes or names Finnish', () => {
  it('reads the asker\'s own words, not what they quote or name', () => {
    expect(detectLanguage('Hur länge bör ett utvecklingsförsök (kehittämiskokeilu) pågå enligt arbetsboken Uudista yhteistyötä?')).toBe('sv');
    expect(detectLanguage('Vad säger Hyvän palvelun työkirja om feedback?')).toBe('sv');
    expect(detectLanguage('What does Uudista yhteistyötä say about groups?')).toBe('en');
    expect(detectLanguage('Mitä Aino teki?')).toBe('fi');
  });
});
