// How a unit is graded, as far as answering needs it: the generic 1–5 scale (criteria at every level),
// the older unit-specific criteria (often given for grades 1, 3 and 5 only) or pass/fail. A grade the
// curriculum gives no criteria of its own is never filled in: the levels around it are shown instead.
import type { GradeLevel, GradingScale, Unit } from '../../knowledge/schema.ts';

export type Scale = GradingScale;

export function scaleOf(unit: Unit): Scale {
  return unit.assessment.scale;
}

/** The levels that carry criteria of their own, in grade order. */
export function levelsWithCriteria(unit: Unit): GradeLevel[] {
  return unit.assessment.levels.filter((l) => l.criteria.length > 0);
}

/** The level a pass/fail unit is passed at: the one with criteria (the first if the base has several). */
export function passLevel(unit: Unit): GradeLevel | undefined {
  return levelsWithCriteria(unit)[0];
}

export interface ResolvedGrades {
  scale: Scale;
  /** The levels whose criteria are shown, in grade order. */
  levels: GradeLevel[];
  /** Grades asked for that have no criteria of their own in this unit (never on a pass/fail unit). */
  missing: number[];
}

/**
 * The levels that answer a question about `grades`: on a pass/fail unit its pass level; on a 1–5 unit
 * each grade with criteria, and for one without, the nearest levels below and above that have them.
 */
export function resolveGrades(unit: Unit, grades: readonly number[]): ResolvedGrades {
  if (scaleOf(unit) === 'pass-fail') {
    const pass = passLevel(unit);
    return { scale: 'pass-fail', levels: pass ? [pass] : [], missing: [] };
  }
  const withCriteria = levelsWithCriteria(unit);
  const shown = new Map<number, GradeLevel>();
  const missing: number[] = [];
  for (const grade of grades) {
    const own = withCriteria.find((l) => l.grade === grade);
    if (own) {
      shown.set(own.grade, own);
      continue;
    }
    missing.push(grade);
    const below = withCriteria.filter((l) => l.grade < grade).at(-1);
    const above = withCriteria.find((l) => l.grade > grade);
    for (const l of [below, above]) if (l) shown.set(l.grade, l);
  }
  return { scale: '1-5', levels: [...shown.values()].sort((a, b) => a.grade - b.grade), missing };
}
