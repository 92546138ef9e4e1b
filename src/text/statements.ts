// Is a message an account of work done? "Lisäksi tein asiakkaalle esitteen", "I called three
// customers", "jag ringde kunder" (first person: a student's day), or "Aino päivitti asiakastiedot"
// (a named person and a past verb: an instructor's observation). Cheap and deterministic; the person
// always confirms the form it leads to, so a rare miss costs one click.
import { foldDiacritics, words } from './normalize.ts';

// Finnish words ending in -in that are no first-person past verb.
const NOT_FI_VERBS = new Set(['vain', 'niin', 'kuin', 'aivan', 'ainakin', 'myoskin', 'sekin', 'tanaankin', 'kin', 'kanssain', 'palvelin', 'kaikin', 'oikein', 'hyvin', 'paremmin', 'huonommin', 'nopeammin', 'pian', 'mukaan', 'sisaan', 'taas', 'jopa', 'ennen', 'kohtaan', 'ylipaansa', 'heti', 'oin']);
const EN_PAST = /\b(i|we)(?:\s+also|\s+then|\s+just|\s+have|'ve|’ve)?\s+((?!(?:need|feed|seed|speed|exceed|proceed|succeed)\b)\w+ed|did|made|helped|sold|took|wrote|met|handled|learnt|was|were|had|went|spoke|talked|called|prepared|checked|sent|built|found|gave|got|taught|told|read|ran|set up|put)\b/i;
const SV_PAST = /\b(jag|vi)\s+(?:också\s+|sedan\s+)?(\p{L}+(?:ade|de|te|dde)|gjorde|hjälpte|sålde|skrev|tog|var|hade|gick|fick|lärde|pratade|ringde|träffade|såg)\b/iu;
const EN_THIRD = /^(\w+ed|did|made|helped|sold|took|wrote|met|handled|learnt|was|had|went|spoke|talked|called|prepared|checked|sent|built|found|gave|got|showed|served|solved|greeted|updated)$/i;
const SV_THIRD = /^(\p{L}+(?:ade|de|te|dde)|gjorde|hjälpte|sålde|skrev|tog|var|hade|gick|fick|lärde|pratade|ringde|träffade|löste|visade)$/iu;

// "I've been answering …", "I was helping …"; "jag har uppdaterat …" (the perfect with its supine).
const EN_CONTINUOUS = /\b(i|we)(?:'ve|’ve|\s+have)?\s+(?:been|was|were)\s+\w{3,}ing\b/i;
const SV_PERFECT = /\b(jag|vi)\s+har\s+(?:\p{L}+\s+)?\p{L}{3,}(?:at|it|tt|pt|kt)(?=$|[^\p{L}])/iu;

// "Idag ringde jag …": Swedish puts the verb before the subject after a time word.
const SV_INVERTED = /^(?:idag|i dag|sedan|efter lunch|på morgonen|på eftermiddagen|i förmiddags|i eftermiddags)\s+(\p{L}+(?:ade|de|te|dde)|gjorde|hjälpte|sålde|skrev|tog|var|hade|gick|fick|lärde|pratade|ringde|träffade|såg)\s+jag\b/iu;
// "Idag har jag jobbat …": the perfect, inverted the same way.
const SV_INVERTED_PERFECT = /^(?:idag|i dag|sedan|efter lunch|på morgonen|på eftermiddagen|i förmiddags|i eftermiddags)\s+har\s+(?:jag|vi)\s+(?:\p{L}+\s+)?\p{L}{3,}(?:at|it|tt|pt|kt)(?=$|[^\p{L}])/iu;
// "Spent the day answering …", "Helped a customer …": an English account often drops the "I".
// Any opening word in -ed is read as a past verb ("Called five customers", "Updated the CRM").
const EN_SUBJECTLESS = /^(?:today\s+|this morning\s+|this afternoon\s+|then\s+|also\s+)?((?!(?:need|feed|seed|speed|exceed|proceed|succeed)\b)\w{2,}ed|spent|worked|helped|answered|called|sold|made|did|had|went|took|gave|sat|met|wrote|learnt|ran|taught|built|found|got)\s/i;
// "Oon tänään vastannu …": spoken Finnish perfect tense (olen / oon + past participle).
const FI_PERFECT = /^(?:(?:mä|minä|tänään|tänää|nyt|aamulla|iltapäivällä|myös|lisäksi)\s+){0,2}(?:olen|oon)\s+(?:\p{L}+\s+){0,2}\p{L}+(?:nut|nyt|nnu|nny|llu|lly|rru|ssu|ttu|lut|lyt|sut|syt|rut|ryt)\b/iu;

/** A first-person account of something done: the student telling about their day. */
export function isFirstPersonAccount(text: string): boolean {
  const head = text.slice(0, 400);
  if (EN_PAST.test(head) || EN_CONTINUOUS.test(head) || SV_PERFECT.test(head) || SV_INVERTED_PERFECT.test(head) || SV_PAST.test(head) || SV_INVERTED.test(head) || EN_SUBJECTLESS.test(head) || FI_PERFECT.test(head)) return true;
  // Finnish past tense comes early: "Tänään tein …", "Mä hoidin …", "Autoin asiakasta …", "Kävimme
  // läpi …", and spoken "(me) tehtiin inventaario".
  return words(head).slice(0, 4).map(foldDiacritics).some((word) => isFinnishPastFirstPerson(word) || isFinnishPastWe(word));
}

function isFinnishPastFirstPerson(word: string): boolean {
  if (word.length < 4 || !word.endsWith('in') || NOT_FI_VERBS.has(word)) return false;
  // -iin and -hin are illatives (asiakkaisiin, töihin), -isin the conditional ("haluaisin", "voisin").
  return !word.endsWith('iin') && !word.endsWith('hin') && !word.endsWith('isin');
}

/** "kävimme", "teimme", "soitimme"; spoken "tehtiin", "käytiin", "soitettiin" (the passive past). */
function isFinnishPastWe(word: string): boolean {
  if (word.length < 6 || word === 'voimme') return false;
  return /imme$/.test(word) || /tiin$/.test(word);
}

// Words that may stand between a name and its verb ("Aino tänään hoiti", "Ville also prepared").
const BETWEEN = new Set(['tanaan', 'tanaa', 'eilen', 'myos', 'taas', 'jo', 'nyt', 'nykyaan', 'aina', 'usein', 'aamulla', 'itse', 'yksin', 'today', 'yesterday', 'also', 'again', 'just', 'really', 'now', 'always', 'idag', 'igar', 'ocksa', 'sjalv', 'aven', 'nu', 'alltid']);
// The perfect: "Aino on hoitanut", "Ville has prepared", "Aino har hjälpt".
const PERFECT_AUX = new Set(['on', 'has', 'har']);
const PARTICIPLE = /^\p{L}{2,}(?:nut|nyt|nnut|nnyt|llut|llyt|rrut|rryt|ssut|ssyt|ed|en|ne|at|it|tt|pt|kt)$/u;

function pastVerbAfterName(word: string): boolean {
  // Finnish third-person past: päivitti, hoiti, teki, auttoi, myi, oli (not adverbs in -sti, not "tosi").
  const folded = foldDiacritics(word);
  if (/i$/.test(folded) && !/sti$/.test(folded) && folded !== 'tosi' && folded.length >= 3) return true;
  return EN_THIRD.test(word) || SV_THIRD.test(word);
}

/** Openings of a question or a request. (A lookahead, not \\b: \\b knows no ä or ö even with the u flag.) */
const QUESTION_START =
  /^(mit(a|ä)|mik(a|ä)|mitk(a|ä)|miten|millainen|millaista|kuka|ketk(a|ä)|milloin|miksi|miss(a|ä)|mihin|mist(a|ä)|montako|kuinka|onko|ovatko|pit(a|ä)(a|ä)k(o|ö)|voiko|voinko|saako|saanko|t(a|ä)ytyyk(o|ö)|kuuluuko|kerro|n(a|ä)yt(a|ä)|listaa|selit(a|ä)|anna|tarviiks|tarvitaanko|tarvitseeko|pitaako|pitääks|pitaaks|onks|voiks|saaks|what|which|who|when|why|where|how|is|are|do|does|did|can|could|should|must|may|tell|show|list|explain|give|vad|hur|vilka|vilken|varför|när|måste|behöver|får|finns|\p{L}{2,}(?:ko|kö|ks))(?=$|[^\p{L}\p{N}])/u;

/** The text opens as a question or a request ("mitä …", "onks …", "how …", "hur …", "näytä …"). */
export function opensAsQuestion(text: string): boolean {
  return QUESTION_START.test(text.trim().toLowerCase());
}

// A present-tense account ("Aino osaa jo …", "Aino handles …", "Aino hjälper …"): Finnish third
// person in a long vowel (osaa, hoitaa, tekee, palvelee), English -s, Swedish -r.
const FI_PRESENT_THIRD = /^\p{L}{2,}(?:aa|ää|ee|ii|oo|uu|yy|öö)$/u;
const EN_PRESENT_THIRD = /^(?!(?:is|was|has|does|this|thus|yes|his|its|as|us|plus|less|always|sometimes|perhaps)$)\p{L}{3,}s$/u;
const SV_PRESENT = /^\p{L}{2,}(?:ar|er|ir|ör)$/u;
// The name in another case ("Ainolla oli", "Ainon kanssa kävimme"): the verb then follows within a few words.
const FI_CASE_ENDINGS = ['lla', 'llä', 'lle', 'lta', 'ltä', 'sta', 'stä', 'ssa', 'ssä', 'n', 'a', 'ä', 'ta', 'tä'];
// Swedish puts the verb before the name after a time word: "idag sålde Aino …".
const SV_TIME_OPENING = /^(?:idag|i dag|igår|i går|i morse|i förmiddags|i eftermiddags|sedan|efter lunch|på morgonen)\s/u;

/** A verb the named person did or does, right after the name (past, perfect or present). */
function verbAfter(list: readonly string[], i: number): boolean {
  let at = i + 1;
  while (at < list.length - 1 && BETWEEN.has(foldDiacritics(list[at] ?? '')) && at - i <= 2) at++;
  const next = list[at] ?? '';
  if (pastVerbAfterName(next)) return true;
  if (PERFECT_AUX.has(foldDiacritics(next))) {
    let verb = at + 1;
    while (verb < list.length - 1 && BETWEEN.has(foldDiacritics(list[verb] ?? '')) && verb - at <= 2) verb++;
    return PARTICIPLE.test(list[verb] ?? '');
  }
  return FI_PRESENT_THIRD.test(next) || EN_PRESENT_THIRD.test(next) || SV_PRESENT.test(next);
}

/**
 * A named person and what they did or do: "Aino päivitti", "Aino on hoitanut", "Aino osaa jo …",
 * "Ainolla oli …", "Ville handled", "Aino handles", "Aino hjälpte", "idag sålde Aino …". Never in a question.
 */
export function nameFollowedByPastVerb(text: string, name: string): boolean {
  if (opensAsQuestion(text)) return false;
  const list = words(text.slice(0, 400));
  const folded = foldDiacritics(name);
  for (let i = 0; i < list.length; i++) {
    const word = foldDiacritics(list[i] ?? '');
    if (word === folded) {
      if (i < list.length - 1 && verbAfter(list, i)) return true;
      if (i >= 1 && SV_TIME_OPENING.test(`${list.slice(0, i).join(' ')} `) && SV_THIRD.test(list[i - 1] ?? '')) return true;
      continue;
    }
    // Inflected: a Finnish case ending on the name, then a past verb within three words.
    const ending = word.startsWith(folded) ? word.slice(folded.length) : null;
    if (ending && FI_CASE_ENDINGS.map(foldDiacritics).includes(ending)) {
      for (const later of list.slice(i + 1, i + 4)) {
        const f = foldDiacritics(later);
        if (/i$/.test(f) && !/sti$/.test(f) && f !== 'tosi' && f.length >= 3 && !BETWEEN.has(f)) return true;
        if (/(?:imme|tiin)$/.test(f)) return true;
      }
    }
  }
  return false;
}
