// Questions worded as people write them, not as the base does: verbal nouns, compounds written apart,
// inflected synonyms, Swedish compounds, shared headings, adjectives that look like grade names.
import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { parseGrades } from '../../../src/features/questions/grades.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const { kb, answers } = realKnowledge();
const ask = async (q: string) => {
  const a = await answers.answer(q);
  return { ...a, text: renderPlainText(a.reply), ids: a.plan.items.map((i) => i.id) };
};
/** The id of the default unit's requirement with this Finnish text. */
const requirement = (fi: string): string => {
  const found = kb.requirements(kb.defaultUnit()).find((r) => r.requirement.text.fi === fi);
  if (!found) throw new Error(`no requirement "${fi}"`);
  return found.requirement.id;
};

describe('Finnish word forms between the question and the requirement', () => {
  it('reads a verbal noun as its verb ("noudattaminen" ~ "noudattaa")', async () => {
    const schedules = await ask('onko aikataulujen noudattaminen vaatimus');
    expect(schedules.plan.outcome).toBe('answered');
    expect(schedules.ids).toContain(requirement('noudattaa sovittuja aikatauluja'));
    const security = await ask('kuuluuko tietoturvaohjeiden noudattaminen');
    expect(security.ids[0]).toBe(requirement('noudattaa ohjaavia säädöksiä ja organisaation ohjeita tietoturvasta'));
  });

  it('finds a compound written apart ("ajan tasalla" ~ "ajantasaisuudesta") and an inflected synonym ("asiakastietojen" ~ "asiakasinformaation")', async () => {
    const { plan, ids } = await ask('pitääkö asiakastietojen olla ajan tasalla');
    expect(plan.intent.kind).toBe('requirement-check');
    expect(ids[0]).toBe(requirement('huolehtii asiakasinformaation ajantasaisuudesta ja saatavuudesta'));
  });

  it('answers "what is required of X" with the requirement when it matches as well as a passage', async () => {
    const { ids } = await ask('mitä asiakkaan yhteydenpidosta vaaditaan');
    expect(ids[0]).toBe(requirement('pitää yhteyttä asiakkaaseen tavoitteiden mukaisesti'));
  });

  it('still declines what no requirement nor passage covers, citing nothing', async () => {
    const { plan, reply } = await ask('pitääkö osata hitsata');
    expect(plan.items.filter((i) => i.kind === 'requirement' || i.kind === 'criterion')).toEqual([]);
    expect(reply.citations.filter((c) => c.kind === 'requirement' || c.kind === 'criterion')).toEqual([]);
  });
});

describe('Swedish compounds', () => {
  it('reads a Swedish compound of two glossary words as the Finnish compound ("kundstyrning" → asiakasohjaus)', async () => {
    const { plan, ids } = await ask('vad är kundstyrning');
    expect(plan.lang).toBe('sv');
    expect(plan.outcome).toBe('answered');
    expect(ids[0]).toBe('TA-12');
  });
});

describe('passages under a shared heading', () => {
  it('answers from the passage with its own heading, not the theme\'s reflection questions', async () => {
    const benefits = await ask('mitä hyötyä monituottajamallista on');
    expect(benefits.ids[0]).toBe('TA-61');
    const friendly = await ask('what does customer friendliness mean');
    expect(friendly.ids[0]).toBe('TA-28');
  });

  it('still gives the reflection questions when the question asks for them', async () => {
    const { ids } = await ask('pohdintakysymyksiä asiakasmyönteisyydestä');
    expect(ids[0]).toBe('TA-43');
  });

  it('answers a definition from the passage whose heading names the concept most plainly, a word of the question missing from every heading', async () => {
    const { ids } = await ask('vad betyder lösningsfokus (ratkaisukeskeisyys) i kundservice');
    expect(ids[0]).toBe('TA-24');
  });
});

describe('facts in the passages', () => {
  it('quotes the sentence that gives a duration, though it names the thing in other words', async () => {
    const { text } = await ask('kuinka pitkä kehittämiskokeilun pitäisi olla');
    expect(text).toContain('1-3kk');
  });

  it('counts a sentence that enumerates after a colon as a list ("mitkä ovat asiakaspalvelun kanavat")', async () => {
    const { ids } = await ask('mitkä ovat asiakaspalvelun kanavat');
    expect(ids[0]).toBe('TA-44');
  });

  it('reads "arvioidaan" with a topic the heading names as that topic, not how the unit is graded', async () => {
    const { plan } = await ask('miten kehittämiskokeiluja arvioidaan');
    expect(plan.intent.kind).toBe('search');
    expect(plan.items[0]?.id).toMatch(/^UY-1[45]$/);
  });
});

describe('grade words', () => {
  it('does not read "hyvä" before a noun as the grade Hyvä', async () => {
    expect(parseGrades('mita hyva perehdytys vaatii').grades).toEqual([]);
    expect(parseGrades('what does good customer service require').grades).toEqual([]);
    expect(parseGrades('mita hyvaan arvosanaan vaaditaan').grades).toEqual([3, 4]);
    expect(parseGrades('hyva 4 kriteerit').grades).toEqual([4]);
    const { plan } = await ask('mitä hyvä perehdytys vaatii sähköisten työvälineiden osalta');
    expect(plan.intent.kind).toBe('search');
    expect(plan.items.some((i) => i.kind === 'criterion')).toBe(false);
  });

  it('reads an English number word after an article as a grade ("a three")', async () => {
    const { plan } = await ask('what is needed for a three');
    expect(plan.intent).toEqual({ kind: 'grade-criteria', grades: [3] });
  });
});

describe('concepts and compounds', () => {
  it('answers "what does X mean" from the passage whose heading is X, though X is a common word', async () => {
    expect((await ask('mitä palvelu tarkoittaa')).ids[0]).toBe('TA-08');
    expect((await ask('what is customer guidance')).ids[0]).toBe('TA-12');
    // A heading that only begins like the word is another concept.
    expect((await ask('mikä on asiakaspalvelija')).ids[0]).toBe('TA-11');
  });

  it('reads an unknown compound as a kind of its last part: the first part alone matches weakly', async () => {
    const { ids } = await ask('onko asiakasyhteydenpito pakollista');
    expect(ids).toEqual([requirement('pitää yhteyttä asiakkaaseen tavoitteiden mukaisesti')]);
  });

  it('keeps the requirement that scores best when it covers most of the question', async () => {
    const { ids } = await ask('pitääkö mun raportoida asiakkuuden hoidosta');
    expect(ids).toContain(requirement('raportoi asiakkuudesta sovitusti hyödyntäen tietojärjestelmää'));
  });
});
