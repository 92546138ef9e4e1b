// The day's opening question rotates so that reflection does not go stale over a placement (users
// of check-in bots answer less when prompts never change). Each question is drawn from a source:
// the cooperation workbook's call to stop and reflect (UY-06) and the Turku package's reflection
// questions (TA-16 …). The wording of each language is in texts.ts.
import type { Lang } from '../../i18n/lang.ts';
import { texts } from './texts.ts';

type QuestionKey = Extract<(typeof texts.keys)[number], `question${string}`>;

export interface CheckinQuestion {
  key: QuestionKey;
  /** The knowledge record the question comes from. */
  source: string;
  /** Asked only of students on one of these units (the question is about that unit's work); else of everyone. */
  forUnits?: readonly string[];
}

export const CHECKIN_QUESTIONS: readonly CheckinQuestion[] = [
  { key: 'questionStopAndThink', source: 'UY-06' },
  { key: 'questionWentWell', source: 'TA-16' },
  { key: 'questionChallenging', source: 'TA-16' },
  { key: 'questionDoDifferently', source: 'TA-16' },
  { key: 'questionLearnedAboutCustomers', source: 'TA-16', forUnits: ['asiakkuuksien-hoitaminen'] },
  { key: 'questionWantToKnowMore', source: 'TA-16' },
  { key: 'questionFeedback', source: 'HP-CP6' },
];

/**
 * The question for a local date among those that fit the placement's units: the same all day, a
 * different one the next working day.
 */
export function questionFor(localDate: string, lang: Lang, unitIds: readonly string[] = []): string {
  const fitting = CHECKIN_QUESTIONS.filter((q) => !q.forUnits || q.forUnits.some((id) => unitIds.includes(id)));
  const day = Math.floor(Date.parse(`${localDate}T00:00:00Z`) / 86_400_000);
  const q = fitting[((day % fitting.length) + fitting.length) % fitting.length];
  return texts.in(lang)(q?.key ?? 'questionFeedback');
}
