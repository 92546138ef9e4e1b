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
  fi: ['mikä sää huomenna on', 'paljonko kello on', 'kerro vitsi', 'mikä on ruotsin pääkaupunki', 'kuka voitti jääkiekon mm-kisat', 'mitä syödään tänään', 'suosittele hyvää elokuvaa', 'mikä on paras puhelin', 'laske 12 kertaa 7', 'mitä lähihoitajan tutkinnossa vaaditaan', 'kerro autonasentajan tutkinnosta', 'mikä on tekoäly', 'osaatko laulaa', 'mikä päivä tänään on', 'soita äidille', 'kirjoita minulle runo'],
  en: ["what's the weather tomorrow", 'what time is it', 'tell me a joke', 'what is the capital of sweden', 'who won the ice hockey world championship', 'what should i eat today', 'recommend a good movie', 'what is the best phone', 'what is 12 times 7', 'what does the practical nurse qualification require', 'tell me about the vehicle mechanic qualification', 'what is artificial intelligence', 'can you sing', 'what day is it today', 'write me a poem'],
  sv: ['hur blir vädret i morgon', 'vad är klockan', 'berätta ett skämt', 'vad är huvudstaden i finland', 'vem vann hockey-vm', 'vad ska jag äta i dag', 'rekommendera en bra film', 'vilken är den bästa telefonen', 'vad är 12 gånger 7', 'vad krävs i närvårdarexamen', 'vad är artificiell intelligens', 'kan du sjunga', 'vilken dag är det i dag', 'skriv en dikt åt mig'],
};

export function noneCorpus(kb: KnowledgeBase, perLanguage = 400): Record<Lang, string[]> {
  const out = {} as Record<Lang, string[]>;
  for (const lang of LANGS) {
    const texts: string[] = [];
    for (const unit of kb.units) {
      texts.push(textIn(unit.name, lang));
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
    }
    for (const document of kb.documents) {
      for (const record of document.records) texts.push(textIn(record.title, lang), ...record.questions.slice(0, 1));
    }
    out[lang] = [...new Set([...OFF_TOPIC[lang], ...texts].map((t) => t.trim()).filter(Boolean))].slice(0, perLanguage);
  }
  return out;
}
