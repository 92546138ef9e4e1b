import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { textOf } from '../../../src/knowledge/knowledge-base.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const { kb, answers } = realKnowledge();
const ask = async (q: string) => {
  const a = await answers.answer(q);
  return { ...a, text: renderPlainText(a.reply) };
};

describe('grounded answers', () => {
  it('quotes every criterion of the grade verbatim, cited, in Finnish for a Finnish question', async () => {
    const { reply, text, plan } = await ask('mitä arvosanaan 4 vaaditaan');
    expect(plan.lang).toBe('fi');
    const four = kb.level(kb.defaultUnit(), 4)!.criteria;
    expect(reply.citations.map((c) => c.id)).toEqual(four.map((c) => c.id));
    for (const c of four) expect(text).toContain(`${c.text.fi} [${c.id}]`);
    expect(text).toContain('Hyvä 4');
    expect(text).not.toMatch(/\bstudent\b/);
  });

  it('answers an English question in English, quoting the Finnish with a marked translation', async () => {
    const { reply, text, plan } = await ask('What does grade 3 require?');
    expect(plan.lang).toBe('en');
    const three = kb.level(kb.defaultUnit(), 3)!.criteria;
    for (const c of three) {
      expect(text).toContain(c.text.fi);
      expect(text).toContain(c.text.en);
    }
    expect(text).toContain("Osaava's translation");
    expect(reply.citations.every((c) => c.kind === 'criterion' && c.text_en)).toBe(true);
  });

  it('answers a Swedish question in Swedish, quoting the criteria in Finnish with their citations', async () => {
    const { reply, text, plan } = await ask('vad krävs för betyget 4');
    expect(plan.lang).toBe('sv');
    expect(reply.lang).toBe('sv');
    expect(plan.intent).toEqual({ kind: 'grade-criteria', grades: [4] });
    const four = kb.level(kb.defaultUnit(), 4)!.criteria;
    expect(reply.citations.map((c) => c.id)).toEqual(four.map((c) => c.id));
    for (const c of four) {
      expect(text).toContain(`${c.text.fi} [${c.id}]`);
      expect(text).not.toContain(c.text.en);
    }
    // The frame is Swedish; the curriculum stays Finnish, and no English translation reaches a Swedish reader.
    expect(text).toContain('Examensdelen Asiakkuuksien hoitaminen (15 kompetenspoäng)');
    expect(text).toContain('God 4 (Hyvä 4): bedömningskriterier');
    expect(text).toContain('Den studerande:');
    expect(text).toContain('citeras ordagrant på finska');
    expect(text).not.toMatch(/\b(the student|assessment criteria|Opiskelija|arviointikriteerit)\b/);
    expect(reply.citations.every((c) => c.kind === 'criterion' && c.text_en === undefined && c.origin.includes('Bedömning av kunnande'))).toBe(true);
    const actions = reply.blocks.flatMap((b) => (b.type === 'actions' ? b.actions : []));
    expect(actions).toEqual([{ label: 'Nästa nivå', text: 'vad krävs för betyget 5' }]);
  });

  it.each([
    ['hur visar jag mitt kunnande', 'demonstration', 'osoittaa ammattitaitonsa näytössä'],
    ['vad är skillnaden mellan god 3 och god 4', 'grade-compare', 'Skillnader: God 3 (Hyvä 3) och God 4 (Hyvä 4)'],
    ['alla yrkeskunnighetskrav', 'all-requirements', 'Det finns 25 yrkeskunnighetskrav i tre delar.'],
    ['hur bedöms examensdelen', 'grading-overview', 'Nöjaktig 1, Nöjaktig 2, God 3, God 4 och Berömlig 5'],
    ['vad krävs för betyget 7', 'grade-invalid', 'Betyget 7 finns inte.'],
    ['hej', 'greeting', 'Jag är **Osaava**'.replaceAll('**', '')],
    ['vem är Finlands president', 'search', 'Jag vet inte.'],
  ])('answers "%s" (%s) in Swedish', async (question, kind, expected) => {
    const { text, plan } = await ask(question);
    expect(plan.lang).toBe('sv');
    expect(plan.intent.kind).toBe(kind);
    expect(text).toContain(expected);
  });

  it('compares grades thread by thread and cites exactly those grades', async () => {
    const { reply, text } = await ask('compare grades 2 and 3');
    const grades = new Set(reply.citations.map((c) => c.id.replace(/^AH-G(\d)\..*/, '$1')));
    expect([...grades].sort()).toEqual(['2', '3']);
    expect(text).toContain('Differences');
    expect(text).toContain('Cooperation and interaction');
  });

  it('lists the requirements of a section and of the whole unit', async () => {
    const section = await ask('tietojärjestelmät ja raportointi ammattitaitovaatimukset');
    expect(section.reply.citations.map((c) => c.id)).toEqual(['AH-T1', 'AH-T2', 'AH-T3', 'AH-T4', 'AH-T5', 'AH-T6']);
    const all = await ask('kaikki ammattitaitovaatimukset');
    expect(all.reply.citations).toHaveLength(25);
    expect(all.text).toContain('Valmistautuminen ja työn suunnittelu');
  });

  it('says yes, citing the requirement, when something is required', async () => {
    const { reply, text } = await ask('pitääkö kilpailijoita kartoittaa?');
    expect(reply.citations.map((c) => c.id)).toContain('AH-V5');
    expect(text).toMatch(/^Kyllä/);
    const en = await ask('do I need to know about competitors?');
    expect(en.reply.citations.map((c) => c.id)).toContain('AH-V5');
    expect(en.text).toMatch(/^Yes/);
  });

  it('says honestly when something is not among the requirements', async () => {
    const { reply, text } = await ask('pitääkö minun osata hitsata?');
    expect(reply.citations.filter((c) => c.kind === 'requirement' || c.kind === 'criterion')).toEqual([]);
    expect(text).toMatch(/En tiedä|En löydä/);
  });

  it('explains how skills are demonstrated and the unit facts', async () => {
    const demo = await ask('miten osoitan ammattitaitoni');
    expect(demo.reply.citations.map((c) => c.kind)).toEqual(['method', 'method', 'method']);
    expect(demo.text).toContain('näytössä');
    const facts = await ask('how many competence points is the unit worth');
    expect(facts.text).toContain('15 competence points');
    expect(facts.plan.lang).toBe('en');
  });

  it('quotes the supporting material, cited with document and headings', async () => {
    const { reply, text } = await ask('työelämäyhteistyön kriittiset pisteet');
    expect(reply.citations[0]?.kind).toBe('passage');
    expect(text.toLowerCase()).toContain('tavoitettavuus');
    const concept = await ask('what does palveluohjaus mean');
    expect(concept.plan.lang).toBe('en');
    expect(concept.reply.citations[0]?.origin).toContain('›');
    const item = kb.item(concept.reply.citations[0]!.id)!;
    expect(concept.reply.citations[0]?.text_fi).toBe(textOf(item).fi);
  });

  it.each([
    ['kerro vitsi', 'fi'],
    ["what's the capital of Sweden", 'en'],
    ['what does grade 6 require', 'en'],
    ['arvosana 0', 'fi'],
    ['mitä tutkinnon osa Myynti vaatii', 'fi'],
    ['write me a poem about cats', 'en'],
  ])('answers "%s" honestly, in %s, citing no requirement or criterion', async (question, lang) => {
    const { reply, text, plan } = await ask(question);
    expect(plan.lang).toBe(lang);
    expect(plan.outcome).not.toBe('answered');
    expect(reply.citations.filter((c) => c.kind === 'requirement' || c.kind === 'criterion')).toEqual([]);
    expect(text.length).toBeGreaterThan(40);
  });

  it('greets and helps in the language of the message', async () => {
    expect((await ask('hei')).text).toContain('Osaava');
    expect((await ask('help')).text).toContain('I answer questions');
  });

  it('never cites an id that is not in the knowledge base', async () => {
    for (const q of ['vitonen', 'T2', 'all requirements', 'mikä on monituottajamalli', 'asiakaspalvelun sähköiset työvälineet']) {
      const { reply } = await ask(q);
      for (const c of reply.citations) expect(kb.item(c.id)).toBeDefined();
    }
  });
});
