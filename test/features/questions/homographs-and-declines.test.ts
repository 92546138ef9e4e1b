// Words the unit shares with everyday talk ("osoite" an address, "näyttö" a screen), sections named in
// another case ("raportoinnista"), the whole list asked in Swedish, and what the base cannot answer:
// a recommendation, a name it does not know, the asker's own date.
import { describe, expect, it } from 'vitest';
import { realKnowledge } from '../../support/knowledge.ts';

const { answers } = realKnowledge();
const ask = async (q: string) => {
  const a = await answers.answer(q);
  return { plan: a.plan, cited: a.reply.citations.filter((c) => c.kind === 'requirement' || c.kind === 'criterion').map((c) => c.id) };
};

describe('homographs', () => {
  it.each(['mikä on koulun osoite', 'mihin osoitteeseen hakemus lähetetään'])('"%s" asks for an address, not how skills are shown', async (q) => {
    const { plan, cited } = await ask(q);
    expect(plan.intent.kind).not.toBe('demonstration');
    expect(cited).toEqual([]);
  });

  it.each(['miten osoitan osaamiseni', 'miten ammattitaito osoitetaan tässä osassa'])('"%s" still asks how skills are shown', async (q) => {
    expect((await ask(q)).plan.intent.kind).toBe('demonstration');
  });

  it('a phone\'s screen is no skills demonstration', async () => {
    const { plan, cited } = await ask('puhelimen näyttö meni rikki, mitä teen');
    expect(plan.intent.kind).not.toBe('demonstration');
    expect(cited).toEqual([]);
  });
});

describe('sections and the whole list in other words', () => {
  it('"raportoinnista" names the information systems and reporting section (nt/nn in the stem)', async () => {
    expect((await ask('mitä raportoinnista vaaditaan?')).plan.intent).toEqual({ kind: 'section-requirements', sectionId: 'tietojarjestelmat' });
  });

  it('"Lista alla yrkeskunskapskrav" asks for every requirement', async () => {
    expect((await ask('Lista alla yrkeskunskapskrav i examensdelen')).plan.intent.kind).toBe('all-requirements');
  });
});

describe('what the base cannot answer', () => {
  it.each([
    'Kan du rekommendera ett bra kassasystem?',
    'suositteletko jotain hyvää asiakkuudenhallintaohjelmaa',
    'mikä on Nordean asiakaspalvelun puhelinnumero?',
    'what is the best CRM for a small shop?',
  ])('"%s" is declined without quoting a requirement', async (q) => {
    const { plan, cited } = await ask(q);
    expect(plan.outcome).not.toBe('answered');
    expect(cited).toEqual([]);
  });

  it('a recommendation the unit itself gives stays answered ("suositteletko että teen asiakaskyselyn")', async () => {
    expect((await ask('suositteletko että kartoitan kilpailijat')).plan.outcome).toBe('answered');
  });

  it.each(['minä päivänä mun näyttö on?', 'what day is my skills demonstration?'])('"%s" asks the asker\'s own date', async (q) => {
    expect((await ask(q)).plan.intent).toMatchObject({ kind: 'personal', topic: 'schedule' });
  });
});

describe('a citation id as the answers write it', () => {
  it.each([
    ['AH-V3', 'AH-V3'],
    ['[AH-V3]', 'AH-V3'],
    ['mitä tarkoittaa AH-V3?', 'AH-V3'],
    ['what does AH-G4.1 mean?', 'AH-G4.1'],
  ])('"%s" shows the item it names', async (q, id) => {
    expect((await ask(q)).plan.intent).toEqual({ kind: 'source', id });
  });

  it('an id the base does not have is declined, not read as a grade', async () => {
    const { plan, cited } = await ask('AH-X99');
    expect(plan.intent.kind).not.toMatch(/^grade/);
    expect(plan.outcome).not.toBe('answered');
    expect(cited).toEqual([]);
  });
});
