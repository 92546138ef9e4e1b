// Questions about the supporting documents worded in the asker's own way: numbers with the words they
// count ("the three perspectives", "kaksiosainen"), English and Swedish paraphrases of Finnish passages,
// inflected Finnish forms the stemmer leaves apart, yes/no questions that name the student, and a named
// document that has nothing on what is asked.
import { describe, expect, it } from 'vitest';
import { numberMentions } from '../../../src/features/questions/numbers.ts';
import { parseGrades } from '../../../src/features/questions/grades.ts';
import { detectLanguage } from '../../../src/text/language.ts';
import { realAnswers } from '../../support/knowledge.ts';

const { ask, requirement } = realAnswers();

describe('a number with the words it counts', () => {
  it('reads digits, number words and a number that begins a compound, with the words next to them', () => {
    const [four] = numberMentions('mitkä olivat ne 4 asiakasta');
    expect(four?.n).toBe(4);
    expect(four?.context.flat()).toContain('asiak');
    const [two] = numberMentions('kaksiosainen testi');
    expect(two?.n).toBe(2);
    expect(two?.context.length).toBe(2);
    expect(numberMentions('kolme näkökulmaa').map((m) => m.n)).toEqual([3]);
  });

  it('answers with the passage that names the same number with the same words', async () => {
    // "neljän erilaisen asiakkaan" (TA-45), not "neljää erilaista palvelukanavaa" (TA-44).
    const customers = await ask('ketkä olivat ne neljä asiakasta kanavaharjoituksessa');
    expect(customers.ids[0]).toBe('TA-45');
    expect(customers.text).toContain('eläkeläispari');
    // "kolme näkökulmaa" in the keywords of "Näkökulmia yhteistyön rakentamiseen".
    const perspectives = await ask('luettele ne 3 näkökulmaa työpaikan ja oppilaitoksen yhteistyöhön');
    expect(perspectives.ids[0]).toBe('UY-04');
    // "2 osiota" in the title, though another passage says "kaksiosainen" word for word.
    const parts = await ask('testi on kaksiosainen, mitä eri osioissa tehdään');
    expect(parts.ids[0]).toBe('HP-04');
  });

  it('finds a numbered part of a named document among its passages ("osat 1 ja 2")', async () => {
    const { ids, text } = await ask('hyvän palvelun oppaan osat 1 ja 2, mitkä ne on');
    expect(ids[0]).toBe('HP-01');
    expect(text).toContain('Kumppanuutta kehittämässä');
  });

  it('does not read a number that counts a noun as a grade', () => {
    expect(parseGrades('what are the 3 perspectives between school and work').grades).toEqual([]);
    expect(parseGrades('mitä eroa arvosanan 3 ja 4 välillä').grades).toEqual([3, 4]);
    expect(parseGrades('grade 3 criteria').grades).toEqual([3]);
  });

  it('reads an ordinal with the word it counts ("toinen osio" is the second part)', async () => {
    const { ids } = await ask('mikä on testin toinen osio');
    expect(ids[0]).toBe('HP-04');
  });

  it('answers "how long" with the passage that gives a duration for the thing asked about', async () => {
    const { ids, text } = await ask('how long should a trial run before you evaluate it?');
    expect(ids[0]).toBe('UY-14');
    expect(text).toContain('1-3kk');
  });

  it('answers "how big" with the passage that gives the size', async () => {
    const { ids, text } = await ask('kuinka suurissa ryhmissä työkirjan tehtävät kannattaa tehdä');
    expect(ids[0]).toBe('UY-05');
    expect(text).toMatch(/4-5 hengen pienryhmiin/);
  });
});

describe('English and Swedish paraphrases of Finnish passages', () => {
  it('finds reflecting on one\'s own work from "stop and think" (pysähtyä pohtimaan)', async () => {
    const { plan, ids } = await ask('why should a student stop and think about their work at the workplace?');
    expect(plan.outcome).toBe('answered');
    expect(ids[0]).toBe('UY-06');
  });

  it('reads what each party gains from working together as the benefits of cooperation', async () => {
    const { ids } = await ask('what does the student gain from the school and the workplace working together?');
    expect(ids[0]).toBe('UY-12');
  });

  it('reads a Swedish question with ä and ö as Swedish and answers it from the Finnish passage', async () => {
    expect(detectLanguage('är en förbipasserande också kund?')).toBe('sv');
    const { plan, ids, reply } = await ask('är en förbipasserande också kund?');
    expect(plan.lang).toBe('sv');
    expect(reply.lang).toBe('sv');
    expect(ids[0]).toBe('TA-07');
  });

  it('knows a document named in Swedish ("Åbo stads material") and looks there', async () => {
    const { ids } = await ask('vilka kunskaper kräver alla servicekanaler enligt Åbo stads material?');
    expect(ids[0]).toBe('TA-46');
  });
});

describe('Swedish words for the supporting documents\' concepts', () => {
  it('answers Swedish paraphrases from the Finnish passages', async () => {
    expect((await ask('vad menas med lösningsfokus?')).ids[0]).toBe('TA-24');
    expect((await ask('hur länge bör ett utvecklingsexperiment pågå?')).ids[0]).toBe('UY-14');
    expect((await ask('vad säger Åbo stads material om introduktion av nya anställda?')).ids[0]).toBe('TA-57');
  });
});

describe('more Swedish', () => {
  it('reads Swedish words with ä as Swedish by their letters ("kundtjänsten", "värderingar")', () => {
    expect(detectLanguage('vilka värderingar styr kundtjänsten i Åbo?')).toBe('sv');
  });

  it('answers Swedish wordings of passage facts', async () => {
    expect((await ask('hur syns kundvänlighet i vardagen?')).ids[0]).toBe('TA-28');
    expect((await ask('vad är smidigt lärande på en arbetsplats?')).ids[0]).toBe('UY-06');
  });
});

describe('Finnish forms the stemmer leaves apart', () => {
  it('finds the laws from "lait" and "lakeja"', async () => {
    for (const q of ['mitkä lait koskevat opiskelijan valmiuksia', 'mitä lakeja opiskelijan valmiuksiin liittyy']) {
      const { ids, text } = await ask(q);
      expect(ids[0]).toBe('HP-CP2');
      expect(text).toContain('työaikalaki');
    }
  });

  it('finds the deeds of customer-friendliness from "teoissa"', async () => {
    const { ids } = await ask('missä teoissa asiakasmyönteisyys näkyy');
    expect(ids[0]).toBe('TA-28');
  });
});

describe('yes/no questions whose answer is a requirement', () => {
  it('answers "does <name> need to …" with the requirement, whoever is named', async () => {
    const { plan, ids } = await ask('does Ville need to use several communication and service channels?');
    expect(plan.intent.kind).toBe('requirement-check');
    expect(ids).toContain(requirement('käyttää valitun asiakkuuden hoitamisessa tarkoituksenmukaisesti eri viestintä- ja palvelukanavia'));
  });

  it('answers a Swedish one with "använda olika" (käyttää eri)', async () => {
    const { plan, ids } = await ask('måste man använda olika kommunikations- och servicekanaler?');
    expect(plan.lang).toBe('sv');
    expect(ids).toContain(requirement('käyttää valitun asiakkuuden hoitamisessa tarkoituksenmukaisesti eri viestintä- ja palvelukanavia'));
  });
});

describe('a name right after the question\'s verb', () => {
  it('is whom a yes/no question asks about, not what', async () => {
    const { plan, ids } = await ask('Täytyykö Villen osata pitää yhteyttä asiakkaisiin?');
    expect(plan.intent).toEqual({ kind: 'requirement-check', query: 'Täytyykö osata pitää yhteyttä asiakkaisiin?' });
    expect(ids).toContain(requirement('pitää yhteyttä asiakkaaseen tavoitteiden mukaisesti'));
  });
});

describe('a date or a deadline of the demonstration', () => {
  it('is the school\'s to say: no list of the ways of demonstrating skills for it', async () => {
    const { plan, reply } = await ask('mikä on näyttöön ilmoittautumisen määräaika');
    expect(plan.intent.kind).not.toBe('demonstration');
    expect(plan.outcome).not.toBe('answered');
    expect(reply.citations).toEqual([]);
  });
});

describe('a named document that has nothing on the question', () => {
  it('declines rather than answering from the words of the document\'s name', async () => {
    const { plan, reply } = await ask('mikä on Turun kaupungin asiakaspalvelun sähköpostiosoite');
    expect(plan.outcome).not.toBe('answered');
    expect(reply.citations).toEqual([]);
  });

  it('does not answer from another document what the named one lacks', async () => {
    const { plan } = await ask('kuka on kirjoittanut hyvän palvelun oppaan');
    expect(plan.items.filter((i) => i.kind === 'passage' && i.document.id !== 'hyvan-palvelun-opas-4')).toEqual([]);
  });

  it('answers what a named document is for from the document itself', async () => {
    expect((await ask('mikä on Uudista yhteistyötä -työkirjan tarkoitus')).ids[0]).toBe('UY-01');
    expect((await ask('vad är syftet med arbetsboken Uudista yhteistyötä?')).ids[0]).toBe('UY-01');
  });

  it('knows a document by its own word next to a word for material ("Åbo-materialet", "the Turku material")', async () => {
    expect((await ask('vilka fyra servicekanaler tas upp i Åbo-materialet?')).ids[0]).toBe('TA-44');
    expect((await ask('what does the Turku material say about customer guidance')).ids[0]).toBe('TA-12');
  });

  it('answers from the passage about the rest of the question, its keyword found as a prefix', async () => {
    const { ids } = await ask('mitä perehdytyksestä sanotaan Turun kaupungin materiaalissa');
    expect(ids[0]).toBe('TA-57');
  });
});
