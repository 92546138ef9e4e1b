import { describe, expect, it } from 'vitest';
import { DEMO_PLACEMENTS } from '../../src/storage/demo-seed-data.ts';

const ALL = [
  ...Array.from({ length: 7 }, (_, i) => `AH-V${i + 1}`),
  ...Array.from({ length: 12 }, (_, i) => `AH-H${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `AH-T${i + 1}`),
];

// A placement starts on the Monday on or after four weeks before today, so before today there are
// at least 16 working days (Mon–Fri) or 13 (Mon–Thu). The designed coverage must be reached by then.
const MIN_DAYS: Record<string, number> = { aino: 16, ville: 13 };

describe('demo seed script', () => {
  it.each(DEMO_PLACEMENTS.map((script) => [script.studentId, script] as const))(
    '%s reaches its designed coverage within the fewest possible days',
    (studentId, script) => {
      const minDays = MIN_DAYS[studentId] ?? 0;
      const early = script.reflections.slice(0, minDays).filter((reflection) => reflection.status === 'answered');
      const byInstructor = script.observations.filter(
        (observation) => observation.authorId === script.instructorId && observation.day < minDays,
      );
      const earlyCovered = new Set([...early, ...byInstructor].flatMap((item) => item.requirementIds ?? []));
      const everCovered = new Set(
        [...script.reflections, ...script.observations.filter((o) => o.authorId === script.instructorId)].flatMap(
          (item) => item.requirementIds ?? [],
        ),
      );
      expect([...everCovered].filter((id) => !earlyCovered.has(id))).toEqual([]);
      expect([...everCovered].every((id) => ALL.includes(id))).toBe(true);
      expect(ALL.filter((id) => !everCovered.has(id)).length).toBeGreaterThanOrEqual(4);
      expect(script.reflections.length).toBeGreaterThanOrEqual(minDays);
    },
  );
});
