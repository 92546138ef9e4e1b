// Dates as people write them: the next week in words is the working week after this one.
import { describe, expect, it } from 'vitest';
import { parseWrittenDate, parseWrittenWeek } from '../../src/text/dates.ts';

describe('parseWrittenWeek', () => {
  it.each([
    // 2026-12-07 is a Monday: "next week" is the one after it, not the one it opens.
    ['ensi viikolla', '2026-12-07', ['2026-12-14', '2026-12-18']],
    ['ens viikol', '2026-12-09', ['2026-12-14', '2026-12-18']],
    ['next week', '2026-12-11', ['2026-12-14', '2026-12-18']],
    ['nästa vecka', '2026-12-13', ['2026-12-14', '2026-12-18']],
  ])('reads "%s" on %s as %j', (text, today, expected) => {
    expect(parseWrittenWeek(text, today)).toEqual(expected);
  });

  it('reads no week from other words', () => {
    expect(parseWrittenWeek('koko viikon', '2026-12-07')).toBeNull();
    expect(parseWrittenWeek('last week', '2026-12-07')).toBeNull();
  });

  it('leaves a single day to parseWrittenDate', () => {
    expect(parseWrittenDate('ensi maanantaina', '2026-12-09')).toBe('2026-12-14');
  });
});
