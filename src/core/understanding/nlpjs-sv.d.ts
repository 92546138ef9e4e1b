// The Swedish stemmer of nlp.js (word-forms.ts); the package ships no types.
declare module '@nlpjs/lang-sv' {
  export class StemmerSv {
    stemWord(word: string): string;
  }
}
