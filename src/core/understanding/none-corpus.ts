// What is no command: the knowledge base's own vocabulary (unit, sections, requirements, grade
// levels, the supporting documents' headings and questions) and the usual shapes of a curriculum
// question, per language. The intent classifier learns these as "none", so a question stays a question.
import { LANGS, type Lang } from '../../i18n/lang.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { textIn } from '../../knowledge/schema.ts';

const QUESTION_SHAPES: Record<Lang, (subject: string) => string[]> = {
  fi: (s) => [`mitä ${s} tarkoittaa`, `pitääkö ${s}`, `kerro ${s}`],
  en: (s) => [`what is ${s}`, `do i need ${s}`, `tell me about ${s}`],
  sv: (s) => [`vad betyder ${s}`, `måste jag ${s}`, `berätta om ${s}`],
};

const GRADE_QUESTIONS: Record<Lang, (grade: number) => string[]> = {
  fi: (n) => [`mitä arvosanaan ${n} vaaditaan`, `arvosanan ${n} kriteerit`, `miten saan arvosanan ${n}`],
  en: (n) => [`what does grade ${n} require`, `criteria for grade ${n}`, `how do i get a ${n}`],
  sv: (n) => [`vad krävs för vitsordet ${n}`, `kriterier för betyget ${n}`, `hur får jag en ${n}`],
};

// Everyday things people ask a bot that are none of its commands: the weather, the time, jokes,
// general knowledge, other qualifications. They keep the classifier from taking them for a command.
const OFF_TOPIC: Record<Lang, readonly string[]> = {
  fi: ['mikä sää huomenna on', 'paljonko kello on', 'kerro vitsi', 'mikä on ruotsin pääkaupunki', 'kuka voitti jääkiekon mm-kisat', 'mitä syödään tänään', 'suosittele hyvää elokuvaa', 'mikä on paras puhelin', 'laske 12 kertaa 7', 'mitä lähihoitajan tutkinnossa vaaditaan', 'kerro autonasentajan tutkinnosta', 'mikä on tekoäly', 'osaatko laulaa', 'mikä päivä tänään on', 'soita äidille', 'kirjoita minulle runo', 'mistä saan bussikortin', 'mistä voin ostaa kahvia', 'missä on lähin ruokakauppa', 'paljonko harjoittelija saa palkkaa', 'voinko käyttää omaa puhelinta töissä', 'saako töissä syödä eväitä', 'mihin voin parkkeerata', 'miten nollaan salasanan', 'milloin on seuraava loma', 'missä on koulun ruokala', 'miten teen excelissä taulukon', 'mitä laitan päälle töihin', 'mistä haen opintotukea', 'miten haen opiskelijakorttia', 'voitko tehdä mun kotitehtävät', 'kirjoita mun esseen puolesta'],
  en: ["what's the weather tomorrow", 'what time is it', 'tell me a joke', 'what is the capital of sweden', 'who won the ice hockey world championship', 'what should i eat today', 'recommend a good movie', 'what is the best phone', 'what is 12 times 7', 'what does the practical nurse qualification require', 'tell me about the vehicle mechanic qualification', 'what is artificial intelligence', 'can you sing', 'what day is it today', 'write me a poem', 'where can i get a bus card', 'where can i buy coffee', 'where is the nearest shop', 'how much do trainees get paid', 'can i use my own phone at work', 'can i eat my own lunch at work', 'where can i park', 'how do i reset my password', 'when is the next holiday', 'where is the school cafeteria', 'how do i make a table in excel', 'what should i wear to work', 'how do i apply for student financial aid', 'how do i get a student card', 'can you do my homework', 'write my essay for me'],
  sv: ['hur blir vädret i morgon', 'vad är klockan', 'berätta ett skämt', 'vad är huvudstaden i finland', 'vem vann hockey-vm', 'vad ska jag äta i dag', 'rekommendera en bra film', 'vilken är den bästa telefonen', 'vad är 12 gånger 7', 'vad krävs i närvårdarexamen', 'vad är artificiell intelligens', 'kan du sjunga', 'vilken dag är det i dag', 'skriv en dikt åt mig', 'var kan jag köpa busskort', 'var kan jag köpa kaffe', 'var är närmaste butik', 'hur mycket får en praktikant i lön', 'får jag använda min egen telefon på jobbet', 'var kan jag parkera', 'hur återställer jag mitt lösenord', 'när är nästa lov', 'var är skolans matsal', 'vad ska jag ha på mig på jobbet', 'hur ansöker jag om studiestöd', 'hur får jag ett studentkort', 'kan du göra mina läxor'],
};

// Accounts of a working day, a student's or an instructor's: they name today, the phone, the customer
// and the register as often as commands do ("not much today, just filing" is no notice of absence).
const DAY_ACCOUNTS: Record<Lang, readonly string[]> = {
  fi: ['tänään palvelin asiakkaita kassalla', 'ei mitään erikoista tänään vain arkistointia', 'kiireinen päivä puheluiden kanssa', 'päivitin asiakasrekisteriä koko aamun', 'tänään oli hiljaista vastasin sähköposteihin', 'tein tarjouksen asiakkaalle', 'aino hoiti tänään asiakkaan hyvin', 'kävin läpi asiakaspalautteet', 'opettelin kassajärjestelmää', 'soitin asiakkaille huoltosopimuksista'],
  en: ['today i served customers at the counter', 'not much today just filing and emails', 'busy day with phone calls', 'spent the morning updating customer records', 'quiet day answered emails', 'made an offer to a customer', 'aino handled a customer well today', 'went through the customer feedback', 'learned the cash register today', 'called customers about service contracts'],
  sv: ['idag betjänade jag kunder vid kassan', 'inte mycket idag bara arkivering och mejl', 'en hektisk dag med samtal', 'uppdaterade kundregistret hela förmiddagen', 'lugn dag svarade på mejl', 'gjorde en offert till en kund', 'aino skötte en kund bra idag', 'gick igenom kundrespons', 'lärde mig kassasystemet idag', 'ringde kunder om serviceavtal'],
};

/**
 * At most `perLanguage` texts per language, so that training costs the same with 1 unit or 300: the
 * off-topic lines, then every unit and the documents in turn (one text from each before a second
 * from any), so that no unit's vocabulary is left out for being late in the list.
 */
export function noneCorpus(kb: KnowledgeBase, perLanguage = 400): Record<Lang, string[]> {
  const out = {} as Record<Lang, string[]>;
  for (const lang of LANGS) {
    const sources: string[][] = kb.units.map((unit) => {
      const texts = [textIn(unit.name, lang)];
      for (const section of unit.sections) {
        texts.push(textIn(section.title, lang));
        for (const requirement of section.requirements) {
          texts.push(textIn(requirement.text, lang));
          texts.push(...QUESTION_SHAPES[lang](textIn(requirement.text, lang)).slice(0, 1));
        }
      }
      for (const level of unit.assessment.levels) {
        texts.push(textIn(level.name, lang), ...GRADE_QUESTIONS[lang](level.grade));
        texts.push(...level.criteria.slice(0, 2).map((c) => textIn(c.text, lang)));
      }
      return texts;
    });
    sources.push(kb.documents.flatMap((document) => document.records.flatMap((record) => [textIn(record.title, lang), ...record.questions.slice(0, 1)])));
    const texts = new Set([...OFF_TOPIC[lang], ...DAY_ACCOUNTS[lang]].map((t) => t.trim()));
    for (let i = 0; texts.size < perLanguage && sources.some((source) => i < source.length); i++) {
      for (const source of sources) {
        const text = source[i]?.trim();
        if (text && texts.size < perLanguage) texts.add(text);
      }
    }
    out[lang] = [...texts];
  }
  return out;
}
