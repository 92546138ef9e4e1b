// A short prompt from the critical points of workplace learning (Hyvän palvelun opas, HP-CP1…8)
// that fits the student's week: help asked → workplace instruction and support (HP-CP4); the end
// and the skills demonstration near → demonstration planning (HP-CP7); gone quiet → instruction
// again (HP-CP4); the first week → joint advance planning (HP-CP3); otherwise feedback (HP-CP6).
import type { Lang } from '../../conversation/reply.ts';
import type { StudentWeek } from './student-week.ts';
import { texts } from './texts.ts';

export type Audience = 'staff' | 'student';

export interface CriticalPointPrompt {
  id: 'HP-CP3' | 'HP-CP4' | 'HP-CP6' | 'HP-CP7';
  text: string;
}

/** Days to the placement's end from which the demonstration is what matters. */
export const DEMONSTRATION_NEAR_DAYS = 21;

type TextKey = (typeof texts.keys)[number];

/** Each critical point's prompt per reader, in texts.ts. */
const TEXTS: Record<CriticalPointPrompt['id'], Record<Audience, TextKey>> = {
  'HP-CP3': { staff: 'jointPlanningStaff', student: 'jointPlanningStudent' },
  'HP-CP4': { staff: 'instructionStaff', student: 'instructionStudent' },
  'HP-CP6': { staff: 'feedbackStaff', student: 'feedbackStudent' },
  'HP-CP7': { staff: 'demonstrationStaff', student: 'demonstrationStudent' },
};

export function criticalPointFor(week: StudentWeek, audience: Audience, lang: Lang): CriticalPointPrompt {
  const id = pick(week);
  return { id, text: texts.in(lang)(TEXTS[id][audience]) };
}

function pick(week: StudentWeek): CriticalPointPrompt['id'] {
  const has = (kind: StudentWeek['flags'][number]['kind']) => week.flags.some((f) => f.kind === kind);
  if (has('help-asked')) return 'HP-CP4';
  if (week.daysToEnd >= 0 && week.daysToEnd <= DEMONSTRATION_NEAR_DAYS) return 'HP-CP7';
  if (has('missed-in-a-row') || has('unreachable')) return 'HP-CP4';
  if (week.firstWeek) return 'HP-CP3';
  return 'HP-CP6';
}
