// Which grade levels a question is about: "grade 4", "hyvä 4", "arvosanaan 4", "vitonen", "T2",
// "kiitettävä", "best grade", "3:lla ja 5:llä", "betyget 4", "god 3", typos and missing dots included.
import { foldDiacritics } from '../../text/normalize.ts';
import { isStopword } from '../../text/stopwords.ts';

/** A level name with a number outside it: "hyvä 5" (Hyvä is 3 and 4; 5 is Kiitettävä). */
export interface GradeMismatch {
  /** The grades the named level has, e.g. [3, 4] for "hyvä". */
  named: number[];
  /** The number written with it: the grade answered. */
  grade: number;
}

export interface GradeMention {
  /** Valid grades named, 1..5, ascending. */
  grades: number[];
  /** Numbers named as grades that do not exist on the scale (0, 6, 7, 10 …). */
  invalid: number[];
  /** The question talks about grades at all (a grade word, a level name or a grade code). */
  aboutGrades: boolean;
  /** The question asks to compare or contrast grades. */
  compare: boolean;
  /** Level names written with a number they do not have. */
  mismatches: GradeMismatch[];
}

/** Grade nouns ("vitonen", "neloseen", "en femma") name a grade by themselves. */
const GRADE_NOUNS: [RegExp, number][] = [
  [/^(ykko|ykkonen|ykkos\w*|ettan)$/, 1],
  [/^(kakko|kakkonen|kakkos\w*|tvaa|tvaan)$/, 2],
  [/^(kolmo|kolmonen|kolmos\w*|trea|trean)$/, 3],
  [/^(nelo|nelonen|nelos\w*|fyran)$/, 4],
  [/^(vito|vitonen|vitos\w*|viitonen|viitos\w*|femma|femman)$/, 5],
  [/^(kutonen|kutos\w*|sexa|sexan)$/, 6],
  [/^(seiska\w*|sjua|sjuan)$/, 7],
];

/** Number words ("three", "kolme", "tre") name a grade only right after a grade word or level name. */
const NUMBER_WORDS: [RegExp, number][] = [
  [/^(zero|nolla|noll)$/, 0],
  [/^(one|first|yksi|yhden|ykkos|ett)$/, 1],
  [/^(two|second|kaksi|kahden|tva)$/, 2],
  [/^(three|third|kolme|kolmen|tre)$/, 3],
  [/^(four|fourth|nelja|neljan|fyra)$/, 4],
  [/^(five|fifth|viisi|viiden|fem)$/, 5],
  [/^(six|sixth|kuusi|kuuden|sex)$/, 6],
  [/^(seven|seventh|seitseman|sju)$/, 7],
];

/** Level names (Finnish, English, Swedish) and the grades each can mean. */
const LEVEL_NAMES: [RegExp, number[]][] = [
  [/^(tyydyttav\w*|tyydyttava|tyyd\w*|satisfactory|sufficient|fair|passable|nojaktig\w*)$/, [1, 2]],
  // Not "hyväksytty" (passed) nor "hyvinvointi": Hyvä is a level only as hyvä, hyvän, hyvää, hyvällä …
  [/^(hyv(?!aksy|inv|in$|yys)\w*|hyva|good|god|goda|gott)$/, [3, 4]],
  [/^(kiitettav\w*|kiitett\w*|excellent|outstanding|beromlig\w*)$/, [5]],
];

const GRADE_WORDS = /^(grade|grades|graded|grading|mark|marks|level|levels|arvosan\w*|arvosana|arvos|taso\w*|arvio\w*|kriteer\w*|criteria|criterion|numero\w*|vaati\w*|vaadi\w*|require\w*|score|betyg\w*|vitsord\w*|niva\w*|kriteri\w*|bedomning\w*|krav\w*)$/;
const COMPARE_WORDS = /^(compare|comparison|difference|differences|differ|vs|versus|between|contrast|separates?|distinguish\w*|ero|eroa|erot|eroaa|erota|eroja|erottaa|erottaako|vertaa|vertailu|verrattuna|valilla|skillnad\w*|skiljer|jamfor\w*|mellan)$/;
const BEST = /^(best|highest|top|maximum|max|paras|parhaan|parhaaseen|parhaat|korkein|korkeimman|korkeimpaan|taydet|taysien|hogsta|hogst|basta)$/;
const LOWEST = /^(lowest|minimum|min|worst|alin|alimman|alimpaan|heikoin|huonoin|pass|passing|lapaisy\w*|lapaise\w*|lapi|lagsta|godkant)$/;
const CODE = /^([thk])([0-9])$/;
/** Grades or their criteria, never the requirements: "kaikki vaatimukset" is every requirement. */
const LEVEL_NOUNS = /^(arvosan\w*|grades?|criteria|criterion|kriteer\w*|arviointikriteer\w*|taso\w*|levels?|betyg\w*|vitsord\w*|niva\w*|kriteri\w*|bedomningskriteri\w*)$/;
const ALL = /^(kaikki|kaikkien|kaikkiin|kaikille|kaikista|jokainen|jokaisen|jokaiseen|jokaiselle|eri|every|each|all|alla|samtliga|varje|olika)$/;
const PASSING = /\b(lapipaasy\w*|lapaisy\w*|lapaista|lapaisen|lapaisee|lapaisemiseen|paase\w* lapi|paasee lapi|paasta lapi|pass|passing|to pass|bli godkand|godkand|godkant)\b/;

/**
 * The word after an ambiguous level name ("hyvä", "good") is a noun it describes, not a grade word, a
 * number, another level name or a function word: "hyvä perehdytys" is good induction, "hyvä 4" a grade.
 */
function describesNoun(next: string | undefined): boolean {
  if (!next || next.length < 4 || /\d/.test(next) || isStopword(next)) return false;
  if (GRADE_WORDS.test(next) || LEVEL_NOUNS.test(next) || COMPARE_WORDS.test(next) || LEVEL_NAMES.some(([re]) => re.test(next))) return false;
  if (GRADE_NOUNS.some(([re]) => re.test(next)) || NUMBER_WORDS.some(([re]) => re.test(next))) return false;
  // What a grade is asked with: "hyvään tarvitaan", "good enough", "hyvää suoritusta varten" stays a grade only with a grade word.
  return !/^(tarvi\w*|tarvit\w*|saa\w*|saada|saamiseen|varten|enough|need\w*|get|kravs|behov\w*|osaamis\w*|osata)$/.test(next);
}

export function parseGrades(text: string): GradeMention {
  const tokens = foldDiacritics(text).match(/[a-z]+[0-9]?|[0-9]+(?=[:.]?[a-z]*)|[0-9]+/g) ?? [];
  const found = new Set<number>();
  const invalid = new Set<number>();
  let aboutGrades = false;
  let compare = false;
  let levelNames: number[][] = [];
  let superlative: number | null = null;
  const numbers: number[] = [];
  const mismatches: GradeMismatch[] = [];
  let lastLevel: { grades: number[]; at: number } | undefined;

  tokens.forEach((token, i) => {
    if (GRADE_WORDS.test(token)) aboutGrades = true;
    if (COMPARE_WORDS.test(token)) compare = true;
    if (BEST.test(token)) superlative = 5;
    if (LOWEST.test(token)) superlative = superlative ?? 1;
    const code = CODE.exec(token);
    if (code) {
      aboutGrades = true;
      numbers.push(Number(code[2]));
      return;
    }
    const noun = GRADE_NOUNS.find(([re]) => re.test(token));
    if (noun) {
      aboutGrades = true;
      numbers.push(noun[1]);
      return;
    }
    const word = NUMBER_WORDS.find(([re]) => re.test(token));
    if (word) {
      const previous = tokens[i - 1] ?? '';
      // "a three", "an A": an English article makes a number word a noun, the grade ("what is needed for a three").
      if (GRADE_WORDS.test(previous) || LEVEL_NAMES.some(([re]) => re.test(previous)) || /^(a|an)$/.test(previous)) numbers.push(word[1]);
      return;
    }
    const level = LEVEL_NAMES.find(([re]) => re.test(token));
    // "hyvä perehdytys", "good customer service": the adjective before a noun is no grade.
    if (level && level[1].length > 1 && describesNoun(tokens[i + 1])) return;
    if (level) {
      levelNames.push(level[1]);
      lastLevel = { grades: level[1], at: i };
      return;
    }
    if (/^[0-9]+$/.test(token)) {
      const next = tokens[i + 1] ?? '';
      if (/^(osp|osaamispist\w*|opintopist\w*|points?|credits?|pistetta|h|min|tuntia|hours?|am|pm|klo|days?|paivaa|weeks?|viikkoa|vuotta|years?|kompetenspoang|poang|timmar|dagar|veckor|kk|kuukau\w*|months?|manad\w*)$/.test(next)) return;
      // "all 25 skill requirements", "kaikki 25 vaatimusta": a count of requirements is no grade.
      if ([next, tokens[i + 2] ?? ''].some((t) => /^(vaatimu\w*|ammattitaitovaatimu\w*|requirements?|krav\w*|yrkeskunnighetskrav\w*|kriteer\w*|criteria|kriterier\w*)$/.test(t)) && Number(token) > 5) return;
      if (token.length > 2) return; // years, ids
      // "the 3 perspectives", "4 erilaista asiakasta": a number before a noun counts it, unless a grade
      // word or a level name says it is a grade ("arvosanan 3 kriteerit", "hyvä 4 taso").
      const previous = tokens[i - 1] ?? '';
      if (describesNoun(next) && !/^(a|an|en|ett)$/.test(previous) && !GRADE_WORDS.test(previous) && !LEVEL_NAMES.some(([re]) => re.test(previous))) return;
      const n = Number(token);
      numbers.push(n);
      // "what separates a 4 from a 5", "få en 3": an article makes the figure a noun, the grade.
      if (/^(a|an|en|ett)$/.test(tokens[i - 1] ?? '') && n >= 1 && n <= 5) aboutGrades = true;
      // "hyvä 5", "tyydyttävä arvosana 4": the level named right before the number does not have it.
      if (lastLevel && i - lastLevel.at <= 2 && n >= 1 && n <= 5 && !lastLevel.grades.includes(n)) mismatches.push({ named: lastLevel.grades, grade: n });
    }
  });

  const namedLevel = levelNames.length > 0;
  // Passing is the lowest level: "mitä vaaditaan läpipääsyyn", "how do I pass", "att bli godkänd" (no grade fails a unit;
  // one not yet at Tyydyttävä 1 is simply not yet passed).
  if (PASSING.test(tokens.join(' '))) {
    superlative = superlative ?? 1;
    aboutGrades = true;
  }
  // "how do I get a 5", "miten saan vitosen", "hur får jag en femma": a lone small number after get/saada/få is a grade.
  // So does a lone number of what is needed: "what's needed for a 2", "mitä tarvitaan 4:ään".
  if (!aboutGrades && numbers.length > 0 && tokens.some((t) => /^(get|got|achieve|earn|saan|saada|saisin|saavuttaa|ansaita|fa|far|uppna|need|needed|required|require|requires|vaaditaan|vaatii|tarvitaan|tarvitsee|tarvii|kravs|kraver|behovs|behover)$/.test(t)))
    aboutGrades = true;
  // "mitä eroa on tyydyttävällä ja hyvällä": level names being compared are grades.
  if (compare && levelNames.length >= 2) aboutGrades = true;
  // A level name counts when a number names the level too ("hyvä 4"), when the talk is of grades,
  // or for the unambiguous "kiitettävä"; "hyvä asiakaspalvelu" is not a grade.
  const gradeContext = aboutGrades || numbers.length > 0 || levelNames.some((l) => l.length === 1);
  if (numbers.length > 0 && (aboutGrades || namedLevel || compare)) {
    for (const n of numbers) (n >= 1 && n <= 5 ? found : invalid).add(n);
    aboutGrades = true;
  } else if (namedLevel && gradeContext) {
    for (const l of levelNames) for (const g of l) found.add(g);
    aboutGrades = true;
  } else if (numbers.length > 0 && numbers.every((n) => n >= 0 && n <= 10) && tokens.length <= 3) {
    // A bare "4?" or "T2" style question.
    for (const n of numbers) (n >= 1 && n <= 5 ? found : invalid).add(n);
  }
  // "What separates the top grade from a grade 4?": the top (or lowest) grade compared with a named one.
  if (compare && superlative !== null && found.size === 1 && invalid.size === 0) found.add(superlative);
  if (found.size === 0 && invalid.size === 0 && superlative !== null && (aboutGrades || namedLevel)) {
    found.add(superlative);
    aboutGrades = true;
  }
  if (found.size === 0 && invalid.size === 0 && namedLevel && levelNames.some((l) => l.length === 1)) {
    for (const l of levelNames) for (const g of l) found.add(g);
  }
  // "kaikkien arvosanojen kriteerit", "criteria for every grade", "alla betyg": every level.
  if (found.size === 0 && invalid.size === 0 && tokens.some((t, i) => ALL.test(t) && tokens.slice(i + 1, i + 3).some((n) => LEVEL_NOUNS.test(n)))) {
    for (let g = 1; g <= 5; g++) found.add(g);
    aboutGrades = true;
    compare = true;
  }
  // Ranges: "grades 2-4", "2–4".
  const range = /\b([1-5])\s*[-–]\s*([1-5])\b/.exec(text);
  if (range && aboutGrades) {
    const [a, b] = [Number(range[1]), Number(range[2])].sort((x, y) => x - y);
    for (let g = a ?? 1; g <= (b ?? 5); g++) found.add(g);
  }
  levelNames = [];
  return {
    grades: [...found].sort((a, b) => a - b),
    invalid: [...invalid].sort((a, b) => a - b),
    aboutGrades,
    compare: compare && found.size + invalid.size >= 2,
    mismatches: mismatches.filter((m) => found.has(m.grade)),
  };
}
