// Questions worded as people write them, not as the base does: verbal nouns, compounds written apart,
// inflected synonyms, Swedish compounds, shared headings, adjectives that look like grade names.
import { describe, expect, it } from 'vitest';
import { parseGrades } from '../../../src/features/questions/grades.ts';
import { realAnswers } from '../../support/knowledge.ts';

const { ask, requirement } = realAnswers();

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

describe('verb forms and list headings', () => {
  it('reads an infinitive in -ta as its present forms ("tarjota" ~ "tarjoaa")', async () => {
    const { ids } = await ask('pitääkö asiakkaan tarpeet selvittää ja tarjota sopivia tuotteita');
    expect(ids[0]).toBe(requirement('palvelee asiakasta ja tarjoaa asiakkaan tarpeiden mukaisia toimia, palveluita tai tuotteita'));
  });

  it('keeps a passage whose heading names everything asked and whose list is the answer', async () => {
    const { ids } = await ask('what are the benefits of cooperation');
    expect(ids[0]).toBe('UY-12');
  });
});

describe('sections, Swedish phrases and broad readings', () => {
  it('does not read one word of a section name in a question about something more as the section', async () => {
    const { plan } = await ask('who takes part in joint advance planning');
    expect(plan.intent.kind).not.toBe('section-requirements');
    expect(plan.items[0]?.id).toBe('HP-CP3');
    // The word alone, or with the frame only, still names the section.
    expect((await ask('planning requirements')).plan.intent).toEqual({ kind: 'section-requirements', sectionId: expect.any(String) });
  });

  it('reads a Swedish phrase with a preposition as the Finnish compound ("handledning på arbetsplatsen" → työpaikkaohjaus)', async () => {
    const { plan, ids } = await ask('vad ingår i handledningen på arbetsplatsen');
    expect(plan.lang).toBe('sv');
    expect(ids[0]).toBe('HP-CP4');
  });

  it('answers from the passage whose heading names the topic, the question\'s verb aside ("miten näyttöjen laatu varmistetaan")', async () => {
    const { plan, ids } = await ask('miten näyttöjen laatu varmistetaan');
    expect(plan.intent.kind).toBe('search');
    expect(ids[0]).toBe('HP-CP7');
  });
});

describe('yes/no questions as people write them', () => {
  it('finds the yes/no question after what the asker tells first, and reads only it', async () => {
    const shop = await ask('oon harjoittelussa kaupassa, pitääkö mun pitää yhteyttä asiakkaisiin');
    expect(shop.plan.intent.kind).toBe('requirement-check');
    expect(shop.ids[0]).toBe(requirement('pitää yhteyttä asiakkaaseen tavoitteiden mukaisesti'));
    const asked = await ask('mun ohjaaja kysyi pitääkö mun osata crm-järjestelmää');
    expect(asked.plan.intent).toEqual({ kind: 'requirement-check', query: 'pitääkö mun osata crm-järjestelmää' });
    expect(asked.ids).toContain(requirement('käyttää tarvittavia tietojärjestelmiä sekä digitaalisia palveluita tai sovelluksia'));
  });

  it('reads negative and spoken question verbs as the frame ("eikö mun tarvitse", "tarviiko", "arvioidaanko")', async () => {
    expect((await ask('eikö mun tarvitse raportoida mitään')).ids[0]).toBe(requirement('raportoi asiakkuudesta sovitusti hyödyntäen tietojärjestelmää'));
    expect((await ask('tarviiko mun tehdä itelle tavotteet')).ids[0]).toBe(requirement('suunnittelee työtään ja asettaa tavoitteita'));
    expect((await ask('arvioidaanko aikataulussa pysymistä')).ids[0]).toBe(requirement('noudattaa sovittuja aikatauluja'));
  });

  it('reads "will I be assessed on X" as a question about a requirement, not how the unit is graded', async () => {
    const { plan, ids } = await ask('will I be assessed on how I handle problem situations');
    expect(plan.intent.kind).toBe('requirement-check');
    expect(ids[0]).toBe(requirement('ratkaisee työhön liittyviä ongelmatilanteita'));
  });

  it('does not match the Swedish frame "känna till" against Finnish words', async () => {
    const { ids } = await ask('måste jag känna till organisationens produkter');
    expect(ids).toContain(requirement('hyödyntää tietoja tuotteista tai palveluista'));
  });
});

describe('polite frames and indirect questions', () => {
  it('reads the question inside a polite request, not the request as a yes/no question', async () => {
    const explain = await ask('voisitko selittää mikä on monituottajamalli');
    expect(explain.plan.intent.kind).toBe('search');
    expect(explain.ids[0]).toMatch(/^TA-6/);
    const tell = await ask('voitko kertoa pitääkö mun noudattaa aikatauluja');
    expect(tell.ids[0]).toBe(requirement('noudattaa sovittuja aikatauluja'));
  });

  it('reads an indirect yes/no question ("I wanna know if …", "can you tell me if …")', async () => {
    const wanna = await ask('i wanna know if confidentiality is part of this');
    expect(wanna.plan.intent.kind).toBe('requirement-check');
    expect(wanna.ids[0]).toBe(requirement('noudattaa ohjaavia säädöksiä sekä organisaation ohjeita tietosuojasta ja salassapidosta'));
    expect((await ask('can you tell me if I need to report about the customer')).ids).toContain(requirement('raportoi asiakkuudesta sovitusti hyödyntäen tietojärjestelmää'));
  });

  it('does not read "when" inside a yes/no question as asking for the asker\'s schedule', async () => {
    const { plan, ids } = await ask('should I offer extra products when possible');
    expect(plan.intent.kind).toBe('requirement-check');
    expect(ids[0]).toBe(requirement('tarjoaa mahdollisuuksien mukaan lisätuotteita tai -palveluita'));
    expect((await ask('when is my skills demonstration')).plan.intent).toMatchObject({ kind: 'personal', topic: 'schedule' });
  });

  it('keeps declining an off-topic request in a polite frame', async () => {
    const { plan, reply } = await ask('can you tell me the weather tomorrow');
    expect(plan.outcome).not.toBe('answered');
    expect(reply.citations).toEqual([]);
  });
});
