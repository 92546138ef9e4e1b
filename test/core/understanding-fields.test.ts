// Named fields read from a message: key=value pairs, or an enrolment in plain words.
import { describe, expect, it } from 'vitest';
import { naturalFields, parseFields } from '../../src/core/understanding/fields.ts';

const TODAY = '2026-11-23';

describe('fields', () => {
  it('reads key=value pairs, quoted values whole', () => {
    expect(parseFields('enrol student=ville workplace="Byggmax Vasa" start=2027-01-04')).toEqual({ student: 'ville', workplace: 'Byggmax Vasa', start: '2027-01-04' });
  });

  it('reads an enrolment written in words, the range as start and end', () => {
    expect(naturalFields('uusi työpaikkajakso: opiskelija ville, ohjaaja sanna, työpaikka Lahden Tilitoimisto Oy, 11.1.2027-26.2.2027', TODAY)).toEqual({
      student: 'ville', instructor: 'sanna', workplace: 'Lahden Tilitoimisto Oy', start: '2027-01-11', end: '2027-02-26',
    });
    // The first date of "1.2.–30.4.2027" takes the second's year.
    expect(naturalFields('new placement for aino, instructor mikko, 1.2.–30.4.2027', TODAY)).toMatchObject({ instructor: 'mikko', start: '2027-02-01', end: '2027-04-30' });
  });

  it('finds nothing in a sentence that names a role in passing', () => {
    expect(naturalFields('tänään ohjaaja Mikko neuvoi, työpaikka oli kiireinen', TODAY)).toEqual({});
    expect(naturalFields('Aino hoiti asiakkaan ja ohjaaja oli tyytyväinen', TODAY)).toEqual({});
  });
});
