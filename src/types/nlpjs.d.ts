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

// The intent classifier (src/core/understanding/intent-classifier.ts) uses these.
declare module '@nlpjs/lang-fi' {
  export const LangFi: unknown;
}
declare module '@nlpjs/lang-en-min' {
  export const LangEn: unknown;
}
declare module '@nlpjs/lang-sv' {
  export const LangSv: unknown;
}
declare module '@nlpjs/core' {
  export interface NlpContainer {
    use(plugin: unknown): void;
  }
  export function containerBootstrap(): Promise<NlpContainer>;
}
declare module '@nlpjs/nlu' {
  import type { NlpContainer } from '@nlpjs/core';
  export class NluNeural {
    constructor(settings: { locale: string; container: NlpContainer; log?: boolean });
    train(corpus: { utterance: string; intent: string }[]): Promise<unknown>;
    process(text: string): Promise<{ classifications: { intent: string; score: number }[] }>;
  }
}
