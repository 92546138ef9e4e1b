// Finnish inflects names with case endings and clitics (Aino → Ainon, Ainolle, Ainollekin), and
// consonants weaken before most endings (Mikko → Mikon, Satu → Sadun, Mäki → Mäen). Redaction
// must catch these forms, so this lists them generously: a spurious form that no one writes costs
// nothing, a missed one leaks a name. Both vowel-harmony variants are listed because foreign names
// vary.

/** Given names inflect as names (Matti → Matin); surnames that are nouns as nouns (Niemi → Niemen). */
export type NameRole = 'given' | 'family';

// Endings taking the weak stem: genitive, inessive, elative, adessive, ablative, allative,
// translative, abessive.
const weakEndings = ['n', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta', 'ttä'];
// Endings taking the strong stem, besides the bare name: partitive, essive, comitative.
const strongEndings = ['a', 'ä', 'ta', 'tä', 'na', 'nä', 'ineen'];

/** Clitics that attach after any form: Ainokin, Villellekään, Mikonhan. */
export const cliticPattern = '(?:kin|kaan|kään|han|hän|pa|pä|ko|kö)?';

const vowels = 'aeiouyäöå';
const isVowel = (character: string): boolean => vowels.includes(character.toLowerCase());

// The weak grade of the consonants before a final vowel.
const weakGrade: Readonly<Record<string, string>> = {
  nt: 'nn', lt: 'll', rt: 'rr', nk: 'ng', mp: 'mm', ht: 'hd', k: '', t: 'd', p: 'v',
};

function withEndings(stems: readonly string[], endings: readonly string[]): string[] {
  return stems.flatMap((stem) => endings.map((ending) => stem + ending));
}

/** The stem itself and its weak grade: Mikko → Miko, Antti → Anti, Virta → Virra, Mäke → Mäe. */
function weakStems(stem: string): string[] {
  const match = /([^aeiouyäöå]+)([aeiouyäöå])$/iu.exec(stem);
  if (match === null || match[1] === undefined || match[2] === undefined) return [stem];
  const cluster = match[1].toLowerCase();
  const head = stem.slice(0, match.index);
  const geminate = /(kk|pp|tt)$/.test(cluster);
  const weak = geminate ? cluster.slice(0, -1) : weakGrade[cluster];
  return weak === undefined ? [stem] : [stem, head + weak + match[2]];
}

function vowelFinalForms(word: string, role: NameRole): string[] {
  const forms = [
    word,
    ...withEndings([word], strongEndings),
    `${word}${word.slice(-1)}n`, // illative: Ainoon, Villeen
    ...withEndings(weakStems(word), weakEndings),
  ];
  if (role === 'family' && word.slice(-1).toLowerCase() === 'i') {
    // Niemi → Niemen, Niemeä, Niemeen; Mäki → Mäen; Lahti → Lahden.
    const eStem = `${word.slice(0, -1)}e`;
    forms.push(...withEndings([eStem], ['a', 'ä', 'en', 'na', 'nä']), ...withEndings(weakStems(eStem), weakEndings));
  }
  if (role === 'family' && word.slice(-1).toLowerCase() === 'e') {
    // Laine → Laineen, Laineelle, Lainetta, Laineeseen.
    forms.push(...withEndings([`${word}e`], weakEndings), `${word}tta`, `${word}ttä`, `${word}eseen`);
  }
  return forms;
}

/** Virtanen → Virtasen, Virtaselle, Virtasta, Virtaseen. */
function nenForms(word: string): string[] {
  const base = word.slice(0, -3);
  return [
    word,
    `${base}sta`, `${base}stä`,
    ...withEndings([`${base}se`], [...weakEndings, 'en', 'na', 'nä']),
  ];
}

/** Tuomas → Tuomaksen, Tuomakselle, Tuomasta, Tuomakseen. */
function sForms(word: string): string[] {
  return [word, `${word}ta`, `${word}tä`, ...withEndings([`${word.slice(0, -1)}kse`], [...weakEndings, 'en', 'na', 'nä'])];
}

/** Kevin → Kevinin, Kevinille, Keviniä, Keviniin (also the spoken Eliasin for -s names). */
function consonantFinalForms(word: string): string[] {
  return [word, ...withEndings([`${word}i`], [...weakEndings, 'a', 'ä', 'in', 'na', 'nä'])];
}

/**
 * The spellings of one name word in its Finnish case forms: `word` as written plus endings
 * (compare case-insensitively). Clitics are not included; see `cliticPattern`.
 */
export function finnishNameForms(word: string, role: NameRole): string[] {
  if (word.length === 0) return [];
  const last = word.slice(-1);
  let forms: string[];
  if (isVowel(last)) forms = vowelFinalForms(word, role);
  else if (/.{2,}nen$/iu.test(word)) forms = nenForms(word);
  else if (last.toLowerCase() === 's' && isVowel(word.slice(-2, -1))) forms = [...sForms(word), ...consonantFinalForms(word)];
  else forms = consonantFinalForms(word);
  return [...new Set(forms)];
}
