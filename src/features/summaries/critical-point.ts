// A short prompt from the critical points of workplace learning (Hyvän palvelun opas, HP-CP1…8)
// that fits the student's week: help asked → workplace instruction and support (HP-CP4); the end
// and the skills demonstration near → demonstration planning (HP-CP7); gone quiet → instruction
// again (HP-CP4); the first week → joint advance planning (HP-CP3); otherwise feedback (HP-CP6).
import type { Lang } from '../../conversation/reply.ts';
import type { StudentWeek } from './student-week.ts';

export type Audience = 'staff' | 'student';

export interface CriticalPointPrompt {
  id: 'HP-CP3' | 'HP-CP4' | 'HP-CP6' | 'HP-CP7';
  text: string;
}

/** Days to the placement's end from which the demonstration is what matters. */
export const DEMONSTRATION_NEAR_DAYS = 21;

type Texts = Record<CriticalPointPrompt['id'], Record<Audience, { fi: string; en: string }>>;

const TEXTS: Texts = {
  'HP-CP3': {
    staff: {
      fi: 'Yhteinen ennakkosuunnittelu: sopikaa opiskelijan, työpaikkaohjaajan ja opettajan kesken, mitä jakson aikana tehdään ja miten osaaminen näytetään.',
      en: 'Joint advance planning: agree between the student, the workplace instructor and the teacher what the placement will cover and how the skills will be shown.',
    },
    student: {
      fi: 'Jakso on alussa: käy ohjaajasi kanssa läpi, mitä tehtäviä jaksolla on ja mihin ammattitaitovaatimuksiin ne liittyvät.',
      en: 'Your placement has just begun: go through its tasks with your instructor and which requirements they relate to.',
    },
  },
  'HP-CP4': {
    staff: {
      fi: 'Työpaikkaohjaus: opiskelija tarvitsee tukea. Sopikaa lyhyt ohjauskeskustelu, ja työpaikkaohjaaja saa tukea opettajalta.',
      en: 'Workplace instruction: the student needs support. Agree on a short guidance talk; the workplace instructor can get support from the teacher.',
    },
    student: {
      fi: 'Kerro ohjaajallesi, missä tarvitset apua: ohjaus on osa jaksoa, ei vaivaamista.',
      en: 'Tell your instructor where you need help: guidance is part of the placement, not a bother.',
    },
  },
  'HP-CP6': {
    staff: {
      fi: 'Kehittävä palaute: kerro opiskelijalle tällä viikolla yksi asia, joka onnistui, ja yksi, jota kehittää, ja kirjaa havainto.',
      en: 'Developmental feedback: tell the student this week one thing that went well and one to develop, and log it as an observation.',
    },
    student: {
      fi: 'Pyydä ohjaajaltasi palautetta yhdestä tämän viikon tehtävästä: mikä onnistui ja mitä voisit kehittää?',
      en: 'Ask your instructor for feedback on one task this week: what went well, and what could you develop?',
    },
  },
  'HP-CP7': {
    staff: {
      fi: 'Näytön suunnittelu: jakso päättyy pian. Sopikaa näytön ajankohta ja se, miten vielä näyttämättömät vaatimukset tulevat osoitetuiksi.',
      en: 'Planning the skills demonstration: the placement ends soon. Agree on the demonstration\'s date and how the requirements still without evidence will be shown.',
    },
    student: {
      fi: 'Jakso päättyy pian: sovi ohjaajasi kanssa näytöstä ja niistä vaatimuksista, joista ei vielä ole näyttöä.',
      en: 'Your placement ends soon: agree with your instructor on the skills demonstration and the requirements still without evidence.',
    },
  },
};

export function criticalPointFor(week: StudentWeek, audience: Audience, lang: Lang): CriticalPointPrompt {
  const id = pick(week);
  return { id, text: TEXTS[id][audience][lang] };
}

function pick(week: StudentWeek): CriticalPointPrompt['id'] {
  const has = (kind: StudentWeek['flags'][number]['kind']) => week.flags.some((f) => f.kind === kind);
  if (has('help-asked')) return 'HP-CP4';
  if (week.daysToEnd >= 0 && week.daysToEnd <= DEMONSTRATION_NEAR_DAYS) return 'HP-CP7';
  if (has('missed-in-a-row') || has('unreachable')) return 'HP-CP4';
  if (week.firstWeek) return 'HP-CP3';
  return 'HP-CP6';
}
