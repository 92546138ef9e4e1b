// The nlp.js language packages ship no types; we use only their stemmers.
declare module '@nlpjs/lang-fi' {
  export class StemmerFi {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
