// Is a message an account of work done? "Lisäksi tein asiakkaalle esitteen", "I called three
// customers", "jag ringde kunder" (first person: a student's day), or "Aino päivitti asiakastiedot"
// (a named person and a past verb: an instructor's observation). Cheap and deterministic; the person
// always confirms the form it leads to, so a rare miss costs one click.
import { foldDiacritics, words } from './normalize.ts';

// Finnish words ending in -in that are no first-person past verb.
const NOT_FI_VERBS = new Set(['vain', 'niin', 'kuin', 'aivan', 'ainakin', 'myoskin', 'sekin', 'tanaankin', 'kin', 'kanssain', 'palvelin', 'kaikin', 'oikein', 'hyvin', 'paremmin', 'huonommin', 'nopeammin', 'pian', 'mukaan', 'sisaan', 'taas', 'jopa', 'ennen', 'kohtaan', 'ylipaansa', 'heti', 'oin']);
const EN_PAST = /\b(i|we)\s+(?:also\s+|then\s+|just\s+)?(\w+ed|did|made|helped|sold|took|wrote|met|handled|learnt|was|were|had|went|spoke|talked|called|prepared|checked|sent|built|found|gave|got|taught|told|read|ran|set up|put)\b/i;
const SV_PAST = /\b(jag|vi)\s+(?:också\s+|sedan\s+)?(\p{L}+(?:ade|de|te|dde)|gjorde|hjälpte|sålde|skrev|tog|var|hade|gick|fick|lärde|pratade|ringde|träffade|såg)\b/iu;
const EN_THIRD = /^(\w+ed|did|made|helped|sold|took|wrote|met|handled|learnt|was|had|went|spoke|talked|called|prepared|checked|sent|built|found|gave|got|showed|served|solved|greeted|updated)$/i;
const SV_THIRD = /^(\p{L}+(?:ade|de|te|dde)|gjorde|hjälpte|sålde|skrev|tog|var|hade|gick|fick|lärde|pratade|ringde|träffade|löste|visade)$/iu;

// "Idag ringde jag …": Swedish puts the verb before the subject after a time word.
const SV_INVERTED = /^(?:idag|i dag|sedan|efter lunch|på morgonen|på eftermiddagen|i förmiddags|i eftermiddags)\s+(\p{L}+(?:ade|de|te|dde)|gjorde|hjälpte|sålde|skrev|tog|var|hade|gick|fick|lärde|pratade|ringde|träffade|såg)\s+jag\b/iu;
// "Spent the day answering …", "Helped a customer …": an English account often drops the "I".
const EN_SUBJECTLESS = /^(?:today\s+|this morning\s+|then\s+)?(spent|worked|helped|answered|called|sold|made|did|handled|prepared|updated|checked|wrote|met|served|learned|learnt|practised|practiced|organised|organized|cleaned|filed|sorted|greeted)\b/i;
// "Oon tänään vastannu …": spoken Finnish perfect tense (olen / oon + past participle).
const FI_PERFECT = /^(?:mä\s+|minä\s+|tänään\s+)?(?:olen|oon)\s+(?:\p{L}+\s+){0,2}\p{L}+(?:nut|nyt|nnu|nny|llu|lly|rru|ssu|ttu|lut|lyt|sut|syt|rut|ryt)\b/iu;

/** A first-person account of something done: the student telling about their day. */
export function isFirstPersonAccount(text: string): boolean {
  const head = text.slice(0, 400);
  if (EN_PAST.test(head) || SV_PAST.test(head) || SV_INVERTED.test(head) || EN_SUBJECTLESS.test(head) || FI_PERFECT.test(head)) return true;
  // Finnish first-person past tense comes early: "Tänään tein …", "Mä hoidin …", "Autoin asiakasta …".
  return words(head).slice(0, 4).map(foldDiacritics).some(isFinnishPastFirstPerson);
}

function isFinnishPastFirstPerson(word: string): boolean {
  if (word.length < 4 || !word.endsWith('in') || NOT_FI_VERBS.has(word)) return false;
  // -iin is an illative (kauppaan, töihin), never this verb form.
  return !word.endsWith('iin');
}

/** A named person followed by a past verb ("Aino päivitti", "Ville handled", "Aino hjälpte"). */
export function nameFollowedByPastVerb(text: string, name: string): boolean {
  const list = words(text.slice(0, 400));
  const folded = foldDiacritics(name);
  for (let i = 0; i < list.length - 1; i++) {
    const word = foldDiacritics(list[i] ?? '');
    if (word !== folded) continue;
    const next = list[i + 1] ?? '';
    const nextFolded = foldDiacritics(next);
    // Finnish third-person past: päivitti, hoiti, teki, auttoi, myi, oli (not adverbs in -sti, not "tosi").
    if (/i$/.test(nextFolded) && !/sti$/.test(nextFolded) && nextFolded !== 'tosi' && nextFolded.length >= 3) return true;
    if (EN_THIRD.test(next) || SV_THIRD.test(next)) return true;
  }
  return false;
}
