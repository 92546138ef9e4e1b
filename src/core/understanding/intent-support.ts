// Whether the words of a message back the classifier's guess. A neural classifier trained on a few
// hundred short phrasings is sure of itself on texts it has never seen the like of: "who is the
// president of finland" comes out as "who is my teacher", "mitä raportoinnista pitää osata" as help,
// because their only known words are the ones every question has. So a guess stands only when some
// content word of the message (not one most commands share, not filler) is the guessed command's,
// by stem, and no more of them are the curriculum's or everyday questions' (the "none" class) words.
// A word nobody knows ("töissä", "ligger") tells nothing either way.
import { LANGS, type Lang } from '../../i18n/lang.ts';
import { opensAsQuestion } from '../../text/statements.ts';
import { PLACEHOLDER, PLACEHOLDERS } from './entities.ts';
import { FILLERS } from './fillers.ts';
import { sameStem, stemIn, writtenForm } from './word-forms.ts';

export interface IntentSupport {
  /**
   * True when at least one content word of `text` is the command's and no fewer are the none class's.
   * `shared`: a longer word several commands share ("kysely", "frågor") counts for each of them too —
   * for a message whose typed values the command has already had to place (entities.ts).
   */
  supports(command: string, text: string, lang: Lang, shared?: boolean): boolean;
}

/**
 * Placeholders of values only a few commands take (an id, a time): a sign of them, in a request. Not
 * an observation's text: "Aino: hoiti asiakkaan hyvin" is as much the instructor's account as a command.
 */
const TELLING: ReadonlySet<string> = new Set([PLACEHOLDER.account, PLACEHOLDER.platform, PLACEHOLDER.time]);
/** A word in this many commands' phrasings (or more) tells no command apart: "mitä", "my", "visa". */
const SHARED_BY = 4;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).map((w) => writtenForm(w.normalize('NFC').replace(/[äå]/g, 'a').replace(/ö/g, 'o')));
}

/**
 * What a word is counted by: its stem, when the stem is five letters or more; a shorter stem is too
 * often two words ("tila": tilata, tilanne; "pois": poissa, pois), so the word itself, as written.
 */
const SURE_STEM = 5;
const WORD = 'w:';
function keyOf(word: string, lang: Lang): string {
  const stem = stemIn(word, lang);
  return stem.length >= SURE_STEM ? stem : `${WORD}${word}`;
}

/** Another form of one word: stems by word-forms.ts `sameStem`; whole words one letter apart at the end ("apuva", "apuvaa"). */
function formOf(a: string, b: string): boolean {
  const words = a.startsWith(WORD);
  if (words !== b.startsWith(WORD)) return false;
  if (!words) return sameStem(a, b);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length - WORD.length >= 5 && long.length - short.length <= 1 && long.startsWith(short);
}

export function createIntentSupport(utterances: Record<Lang, readonly { utterance: string; intent: string }[]>, none: string): IntentSupport {
  const vocab = new Map<Lang, Map<string, Set<string>>>();
  const shared = new Map<Lang, Set<string>>();
  // Each command's stems, for another inflection of the same word (edistym / edistymis).
  const ownStems = new Map<Lang, Map<string, string[]>>();
  const noneStems = new Map<Lang, Set<string>>();
  for (const lang of LANGS) {
    const byStem = new Map<string, Set<string>>();
    const noneOfLang = new Set<string>();
    noneStems.set(lang, noneOfLang);
    for (const { utterance, intent } of utterances[lang]) {
      if (intent === none) {
        for (const word of wordsOf(utterance)) noneOfLang.add(keyOf(word, lang));
        continue;
      }
      for (const word of wordsOf(utterance)) {
        const stem = keyOf(word, lang);
        const owners = byStem.get(stem) ?? new Set<string>();
        owners.add(intent);
        byStem.set(stem, owners);
      }
    }
    vocab.set(lang, byStem);
    const perCommand = new Map<string, string[]>();
    for (const [stem, owners] of byStem) for (const owner of owners) perCommand.set(owner, [...(perCommand.get(owner) ?? []), stem]);
    ownStems.set(lang, perCommand);
    shared.set(lang, new Set([...byStem].filter(([, owners]) => owners.size >= SHARED_BY).map(([stem]) => stem)));
  }
  return {
    supports(command, text, lang, countShared = false) {
      const byStem = vocab.get(lang);
      const common = shared.get(lang);
      if (!byStem || !common) return false;
      // "onko Ainolla …, se …": a question about someone, whatever its shape resembles.
      const asked = opensAsQuestion(text);
      let own = 0;
      let foreign = 0;
      for (const word of wordsOf(text.slice(0, 300))) {
        // A placeholder (entities.ts) says what kind of value stands there; which command it is only
        // when few commands take that kind (an account id: link or unlink).
        if (PLACEHOLDERS.has(word)) {
          const owners = byStem.get(keyOf(word, lang));
          if (countShared && TELLING.has(word) && !asked && owners?.has(command) && owners.size <= 2) own++;
          continue;
        }
        if (FILLERS.has(word)) continue;
        const stem = keyOf(word, lang);
        if (common.has(stem) && !(countShared && word.length >= 5 && byStem.get(stem)?.has(command))) continue;
        // A word of one to three letters is mostly a small word (is, my, on, vad): a sign only when it is one command's alone ("ope", "hej").
        if (word.length < 4 && (byStem.get(stem)?.size !== 1 || noneStems.get(lang)?.has(stem))) continue;
        if (byStem.get(stem)?.has(command) || ownStems.get(lang)?.get(command)?.some((known) => formOf(known, stem))) own++;
        else if (noneStems.get(lang)?.has(stem) || [...(noneStems.get(lang) ?? [])].some((known) => formOf(known, stem))) foreign++;
      }
      return own > 0 && own >= foreign;
    },
  };
}
