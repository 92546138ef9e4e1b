import { describe, expect, it } from 'vitest';
import { parseGrades } from '../../../src/features/questions/grades.ts';

describe('parseGrades', () => {
  it.each([
    ['What does grade 3 require?', [3]],
    ['mitä kaikki arvosanat vaatii', [1, 2, 3, 4, 5]],
    ['show the criteria for every grade', [1, 2, 3, 4, 5]],
    ['vilka är kriterierna för alla betyg', [1, 2, 3, 4, 5]],
    ['kaikki vaatimukset', []],
    ['arvioidaanko hyväksytty / hylätty', []],
    ['mitä arvosanaan kiitettävä 5 vaaditaan', [5]],
    ['hyvä 4 kriteerit', [4]],
    ['mitä vaaditaan hyvään neloseen', [4]],
    ['mitä tyydyttävään kakkoseen vaaditaan', [2]],
    ['vitonen', [5]],
    ['T2', [2]],
    ['h3', [3]],
    ['kiitettävä', [5]],
    ['mita hyva 3 vaatii', [3]],
    ['criteria for grade five', [5]],
    ['how can I get the best grade', [5]],
    ['miten saan parhaan arvosanan', [5]],
    ['how do I get a 5', [5]],
    ['what is the lowest grade', [1]],
    ['grades 2-4', [2, 3, 4]],
    ['vad krävs för betyget 4', [4]],
    ['vilka är bedömningskriterierna för god 3', [3]],
    ['nöjaktig 2', [2]],
    ['berömlig', [5]],
    ['kriterierna för betyget fyra', [4]],
    ['hur får jag en femma', [5]],
    ['vilket är det högsta betyget', [5]],
  ])('%s → %j', (question, grades) => {
    expect(parseGrades(question).grades).toEqual(grades);
  });

  it.each([
    ['compare grades 2 and 3', [2, 3]],
    ['mitä eroa on hyvällä 3:lla ja kiitettävällä 5:llä', [3, 5]],
    ['kolmosen ja nelosen ero', [3, 4]],
    ['difference between grade 4 and 5', [4, 5]],
    ['vad är skillnaden mellan god 3 och god 4', [3, 4]],
    ['jämför betygen 4 och 5', [4, 5]],
  ])('%s is a comparison of %j', (question, grades) => {
    const parsed = parseGrades(question);
    expect(parsed.grades).toEqual(grades);
    expect(parsed.compare).toBe(true);
  });

  it.each([['what does grade 6 require', [6]], ['arvosana 0', [0]], ['mitä arvosanaan 10 vaaditaan', [10]], ['grade 7', [7]]])(
    '%s names a grade that does not exist',
    (question, invalid) => {
      const parsed = parseGrades(question);
      expect(parsed.grades).toEqual([]);
      expect(parsed.invalid).toEqual(invalid);
    },
  );

  it.each(['hyvä asiakaspalvelu', 'how many competence points is the unit worth', '15 osp', 'what is good customer service', 'klo 15 palaveri'])(
    '%s is not about grades',
    (question) => {
      expect(parseGrades(question).grades).toEqual([]);
      expect(parseGrades(question).invalid).toEqual([]);
    },
  );
});
