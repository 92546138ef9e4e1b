// The day's opening question rotates so that reflection does not go stale over a placement (users
// of check-in bots answer less when prompts never change). Each question is drawn from a source:
// the cooperation workbook's call to stop and reflect (UY-06) and the Turku package's reflection
// questions (TA-16 …).
import type { Lang } from '../../conversation/reply.ts';

export interface CheckinQuestion {
  fi: string;
  en: string;
  /** The knowledge record the question comes from. */
  source: string;
}

export const CHECKIN_QUESTIONS: readonly CheckinQuestion[] = [
  { fi: 'Mitä teit tänään? Pysähdy hetkeksi miettimään omaa työtäsi.', en: 'What did you do today? Stop for a moment to think about your own work.', source: 'UY-06' },
  { fi: 'Mikä onnistui tänään hyvin?', en: 'What went well today?', source: 'TA-16' },
  { fi: 'Mikä oli tänään haastavaa, ja miten ratkaisit sen?', en: 'What was challenging today, and how did you solve it?', source: 'TA-16' },
  { fi: 'Mitä tekisit toisin, jos tekisit saman työn huomenna?', en: 'What would you do differently if you did the same work tomorrow?', source: 'TA-16' },
  { fi: 'Mitä opit tänään asiakkaista tai asiakkuuksien hoitamisesta?', en: 'What did you learn today about customers or managing customer relationships?', source: 'TA-16' },
  { fi: 'Mistä haluaisit tietää lisää? Miten voisit ottaa selvää?', en: 'What would you like to know more about? How could you find out?', source: 'TA-16' },
  { fi: 'Millaista palautetta sait tänään, ja mitä teit sen perusteella?', en: 'What feedback did you get today, and what did you do with it?', source: 'HP-CP6' },
];

/** The question for a local date: the same all day, a different one the next working day. */
export function questionFor(localDate: string, lang: Lang): string {
  const day = Math.floor(Date.parse(`${localDate}T00:00:00Z`) / 86_400_000);
  const q = CHECKIN_QUESTIONS[((day % CHECKIN_QUESTIONS.length) + CHECKIN_QUESTIONS.length) % CHECKIN_QUESTIONS.length] ?? CHECKIN_QUESTIONS[0]!;
  return q[lang];
}
