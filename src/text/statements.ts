// Is a message an account of work done? "Lisäksi tein asiakkaalle esitteen", "I called three
// customers", "jag ringde kunder", "tänään oli kiireinen päivä" (first person or the day itself: a
// student's day), or "Aino päivitti asiakastiedot", "Ainolla meni hyvin" (a named person and a verb:
// an instructor's observation). Cheap and deterministic; the person always confirms the form it leads
// to, so a rare miss costs one click. Never a question, a request or a notice of absence.
//
// The text is read clause by clause (punctuation and "ja", "and", "och", "mutta" … start a new one):
// a Finnish past verb, an English or Swedish subjectless past, or a day's impersonal opening counts at
// the start of any clause ("tänään oli hiljainen päivä, järjestin arkistoa ja poistin vanhoja tietoja").
import { IRREGULAR_PARTICIPLE, IRREGULAR_PAST, NOT_ALONE, PAST_SAME_AS_BASE } from './english-irregular-past.ts';
import { foldDiacritics, words } from './normalize.ts';

const set = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

// ---------------------------------------------------------------------------------------------------
// Clauses

interface Clause {
  /** Folded words (ä → a, ö → o, å → a). */
  words: string[];
  /** The joining word that opened it ("mutta", "and"), if any. */
  joiner: string | null;
}

const JOINERS = set('ja seka mutta mut and but och men samt');

function clausesOf(text: string, splitOnJoiners = true): Clause[] {
  const out: Clause[] = [];
  for (const piece of text.slice(0, 400).split(/[,;.!?:\n]+|\s[-–]\s/u)) {
    let current: Clause = { words: [], joiner: null };
    for (const word of words(piece).map(foldDiacritics)) {
      if (splitOnJoiners && JOINERS.has(word)) {
        if (current.words.length) out.push(current);
        current = { words: [], joiner: word };
      } else current.words.push(word);
    }
    if (current.words.length) out.push(current);
  }
  return out;
}

// Words that open a clause before its verb: time words, "then", "also", the subject pronoun in
// spoken Finnish ("mä tein"). Skipped when looking for the verb at a clause's start.
const OPENING_FILLERS = set(`
  tanaan tanaa eilen aamulla aamupaivalla iltapaivalla paivalla illalla ensin sitten sit sitte myos lisaksi viela
  taas jo nyt ma mina mie me koko paivan
  today yesterday this morning afternoon evening then also first later after lunch finally afterwards
  idag igar dag morse formiddags eftermiddags sedan sen ocksa dessutom pa morgonen eftermiddagen efter forst
`);

// "kahvitauon jälkeen …", "palaverin aikana …": a time told with a postposition opens a clause too.
const POSTPOSITIONS = set('jalkeen aikana ajan paatteeksi');

function opening(clause: readonly string[]): string[] {
  let at = POSTPOSITIONS.has(clause[1] ?? '') ? 2 : 0;
  while (at < clause.length && OPENING_FILLERS.has(clause[at] ?? '')) at++;
  // Swedish "i dag", "i morse": the preposition belongs to the time word.
  if (clause[at] === 'i' && OPENING_FILLERS.has(clause[at + 1] ?? '')) return opening(clause.slice(at + 2));
  return clause.slice(at);
}

// A clause about being ill or away is a notice of absence (a command's business), not an account,
// and so is one about tomorrow ("Aino tulee huomenna myöhemmin");
// a question noun makes it a question ("I had a question about grade 3"), and a password or a login
// is a matter for support ("I forgot my password").
const NOT_AN_ACCOUNT =
  /\b(?:sick|ill|unwell|fever|flu|absent|day off|off sick|off work|stayed home|stayed at home|saira\w*|kipe\w*|kuume\w*|kuumet\w*|en(?:ka)? paase|en(?:ka)? (?:tule|tuu)|flunss\w*|poissa|jain kotiin|olin kotona|sjuk\w*|ledig|franvarande|feber|forkyl\w*|stannade hemma|var hemma|kysymys|question|fraga|fragor|password|salasana\w*|losenord\w*|kirjaudu\w*|kirjautu\w*|huomenna|ylihuomenna|tomorrow|imorgon|next week|ensi viikolla|nasta vecka)\b/;

// Verbs that introduce a request or a wish, not a deed ("halusin kysyä", "I wanted to ask", "jag undrade").
const REQUEST_VERBS = set('halusin mietin pohdin ihmettelin wanted wondered hoped wished undrade tankte ville');

// ---------------------------------------------------------------------------------------------------
// Questions

/** Openings of a question or a request. (A lookahead, not \\b: \\b knows no ä or ö even with the u flag.) */
const QUESTION_START =
  /^(mit(a|ä)|mik(a|ä)|mitk(a|ä)|miten|millainen|millaista|kuka|ketk(a|ä)|kenelle|kenelt(a|ä)|kelt(a|ä)|ket(a|ä)|kenen|kehen|keneen|keille|mill(a|ä)|mille|milloin|miksi|miss(a|ä)|mihin|mist(a|ä)|montako|kuinka|kerro|n(a|ä)yt(a|ä)|listaa|selit(a|ä)|anna|what|which|who|when|why|where|how|is|are|do|does|can|could|should|must|may|tell|show|list|explain|give|vad|hur|vilka|vilken|varför|när|måste|behöver|får|finns|visa|berätta|förklara)(?=$|[^\p{L}\p{N}])/u;
// "Did I …" asks; "Did the inventory with Mikko" tells.
const DID_QUESTION = /^did\s+(?!(?:the|a|an|my|our|some|all|lots)\s)/u;
// The question clitic -ko/-kö/-ks follows a vowel, n or t ("onko", "voinko", "osaatko", "onks",
// "tarviiks"); "Mikko", "Marko" and "taulukko" are no questions, nor "koko", "Niko" or "thanks".
const CLITIC_QUESTION = /^\p{L}*[aeiouynt](?:ko|ks)$/u;
// Nor spoken translatives ("aluks", "lopuks": at first, in the end).
const NOT_CLITIC = set('yks kaks koko jako ruoko niko kauko raiko eko thanks thinks links banks drinks tanks aluks lopuks ekaks tokaks ensiks viimeks lisaks onneks');
const isCliticQuestion = (folded: string) => CLITIC_QUESTION.test(folded) && !NOT_CLITIC.has(folded);

/** A request put as a question: "voisitko …", "voitko …", "could you …", "kan du …", "kan vi …". */
const REQUEST_START = /^\s*(voisitko|voitko|voisiko|voiks|voisiks|viitsitko|viitsisitkö|voisitteko|voitteko|(can|could|would|will) (you|u)|kan (du|ni|vi)|kunde (du|ni)|skulle (du|ni))(?=$|[^\p{L}])/iu;

/** The text asks the bot to do something, however politely ("voisitko pitää tauon …", "kan du visa …"). */
export function opensAsRequest(text: string): boolean {
  return REQUEST_START.test(text);
}

// Asking to be told something ("voisitko selittää …", "can you tell me …") is a question put politely.
const TELL_ME = /^\s*(?:please\s+)?(kertoa|kerro|selittaa|selita|selvittaa|tell|explain|describe|berätta|berätta|forklara|förklara|beskriva)(?=$|[^\p{L}])/iu;

/**
 * What a polite request asks done, without its opening ("voisitko tehdä Ainon viikkoyhteenvedon" →
 * "tehdä Ainon viikkoyhteenvedon"), or null when the text is no request or asks to be told something.
 */
export function requestBody(text: string): string | null {
  const match = REQUEST_START.exec(text);
  if (!match) return null;
  // The question mark of a polite request asks nothing ("kan du pausa frågorna 14.-18.12.?").
  const body = text.slice(match[0].length).replace(/^[\s,]*(?:please|kiitos|ystävällisesti|snälla)?\s*/iu, '').replace(/[?\s]+$/u, '');
  return body && !TELL_ME.test(body) ? body : null;
}

// "kuumetta 38,5 joten jään tänään kotiin", "Tulin takaisin jo tänään, voit jatkaa kyselyjä": a
// command said in one clause, with why in another. Split at sentence ends (not the dots of a date or
// a time), commas, semicolons, and the words that join a reason to it.
const CLAUSE_BREAK = /[;!?\n]+|,(?!\d)|\.(?=\s+[^\s\d–-]|\s*$)|(?<![\d.])\s[-–]\s(?!\d)|\s(?=(?:joten|koska|sillä|mutta|because|since|so|but|eftersom|så|men)\s)/iu;

/**
 * The clauses of a message as written (dates and times left whole), each trimmed, empty ones dropped.
 * The last message's are kept: the understanding step asks for them several times.
 */
export function commandClauses(text: string): string[] {
  if (lastClauses?.text !== text) {
    const clauses = text
      .slice(0, 400)
      .split(CLAUSE_BREAK)
      .map((clause) => clause.replace(/^\s*(?:joten|koska|sillä|mutta|because|since|so|but|eftersom|så|men)\s+/iu, '').trim())
      .filter(Boolean);
    lastClauses = { text, clauses };
  }
  return [...lastClauses.clauses];
}
let lastClauses: { text: string; clauses: readonly string[] } | undefined;

// Openings that ask for something done: an imperative, "you can …", "no need to …", "don't …".
const REQUEST_FORM =
  /^\s*(?:please\s+)?(?:ota|laita|siirr(?:a|ä)|vaihda|muuta|jatka|lopeta|poista|vie|tee|anna|l(?:a|ä)het(?:a|ä)|n(?:a|ä)yt(?:a|ä)|kirjaa|merkitse|pid(?:a|ä)|(?:a|ä)l(?:a|ä)|aloita|palauta|aseta|tyhjenn(?:a|ä)|avaa|voit|saat|ei tarvi(?:tse)?|show|send|remove|delete|stop|resume|pause|start|give|pull|log|note|add|change|move|set|put|skip|export|erase|unlink|link|don'?t|no need|visa|ta|skicka|pausa|(?:a|ä)ndra|s(?:a|ä)tt|flytta|l(?:a|ä)gg|radera|exportera|sluta|forts(?:a|ä)tt|starta|hoppa|ge|du kan|beh(?:o|ö)ver inte)(?=$|[^\p{L}])/iu;

/** The clause asks for something done: politely or as an imperative ("voit jatkaa kyselyjä", "ota tauko pois", "skip today"). */
export function opensAsRequestForm(clause: string): boolean {
  return REQUEST_START.test(clause) || REQUEST_FORM.test(clause);
}

/** The text opens as a question or a request ("mitä …", "onks …", "how …", "hur …", "näytä …"). */
export function opensAsQuestion(text: string): boolean {
  const lower = text.trim().toLowerCase();
  return QUESTION_START.test(lower) || DID_QUESTION.test(lower) || isCliticQuestion(foldDiacritics(words(lower)[0] ?? ''));
}

// A later clause that is plainly a question: "… mutta mitä muuta pitää osata", "…, pitääkö se
// lähettää", "…, can I …", "…, is that ok", "…, kan jag …", "…, what should I do", "…, miten jaksan".
const INVERTED_QUESTION = set('can could should do does did shall may is are was were kan ska skall maste behover far');
const PRONOUN = set('i we you it that this there he she they jag vi du det');
// A question word and then a verb ("what should I …", "vad ska jag …", "mitä teen"); an indirect
// question puts the subject first ("I showed her how it works").
const WH = set('what how where when why which who vad hur nar varfor vilken vilka mita miten kenelle kenen kuka mihin mista milloin miksi kuinka');
const WH_VERB = set(`
  should do does did can could is are shall must would will ska skall kan maste behover gor ar
  teen voin saan soitan jaksan menen kysyn pyydan laitan osaan ehdin tarvitsen ma mun pitaisi kannattaa
`);

/** A question anywhere: a question mark, a question's opening, or a later clause that asks. */
function asks(text: string): boolean {
  if (text.includes('?') || opensAsQuestion(text)) return true;
  return clausesOf(text).some(({ words: clause, joiner }) => {
    const [first = '', second = ''] = clause;
    if (joiner && ['mutta', 'but', 'men'].includes(joiner) && opensAsQuestion(clause.join(' '))) return true;
    if (WH.has(first) && WH_VERB.has(second)) return true;
    return isCliticQuestion(first) || (INVERTED_QUESTION.has(first) && PRONOUN.has(second));
  });
}

// ---------------------------------------------------------------------------------------------------
// Finnish

// Words ending in -in that are no first-person past verb: adverbs, superlatives, instruments, English.
const NOT_FI_PAST_IN = set(`
  vain niin kuin aivan ainakin myoskin sekin tanaankin kin kanssain palvelin puhelin avain kirjain nappain ohjain
  kaikin oikein hyvin pian mukaan sisaan ennen kohtaan ylipaansa oin usein silloin tallon harvoin viimein vihdoin
  kovin tosin toisin samoin noin ensin suurin tarkein vaikein helpoin uusin vanhin pienin parhain
  again begin login admin main within certain plugin domain margin explain remain contain obtain maintain cabin
  train chain brain join coin
`);

function isFinnishPastFirstPerson(word: string): boolean {
  if (word.length < 4 || !/^\p{L}+in$/u.test(word) || NOT_FI_PAST_IN.has(word) || REQUEST_VERBS.has(word)) return false;
  // -iin and -hin are illatives (asiakkaisiin, töihin), -isin the conditional ("haluaisin", "voisin"),
  // -mmin a comparative adverb ("paremmin"), -kin a clitic ("minäkin").
  return !/(?:iin|hin|isin|mmin|kin)$/.test(word);
}

/** "kävimme", "teimme"; the passive past "tehtiin", "käytiin", "harjoiteltiin" (spoken "we did"). */
function isFinnishPastWe(word: string): boolean {
  if (word.length < 6 || word === 'voimme') return false;
  return /imme$/.test(word) || /tiin$/.test(word);
}

// The active past participle, written or spoken ("tehnyt", "tehny", "ollu", "käyny", "mennyt"), and
// the passive one ("ollaan tehty").
const FI_PARTICIPLE = /^\p{L}{2,}(?:nut|nyt|nu|ny|lut|lyt|lu|ly|rut|ryt|ru|ry|sut|syt|su|sy|ttu|tty|tu|ty)$/u;
// A state, not a deed: "olen väsynyt".
const FI_STATE = set('vasynyt vasyny uupunut uupunu kyllastynyt hermostunut stressaantunut eksynyt');
const FI_PERFECT_AUX = set('olen oon olemme ollaan ollaa olimme');
const FI_BE_THIRD = set('on ovat oli olivat ei');
const FI_POSTPOSITIONS = set('kanssa kanssaan kautta takia vuoksi jalkeen aikana luona luokse puolesta kohdalla mukaan osalta avulla sijaan ansiosta suhteen');

const HAD_BY = set('meilla minulla mulla mul meil');

function finnishAccount(start: readonly string[]): boolean {
  const head = start.slice(0, 3);
  // "meillä oli tiimipalaveri …", "mulla oli kolme asiakasta": what we or I had.
  if (HAD_BY.has(start[0] ?? '') && start[1] === 'oli') return true;
  // A word in -in followed by a postposition or by "on" or "oli" is a genitive ("tarvitsen apua
  // raportin kanssa", "raportin palautus on perjantaina").
  const genitive = (i: number) => FI_POSTPOSITIONS.has(start[i + 1] ?? '') || start.slice(i + 1, i + 3).some((w) => FI_BE_THIRD.has(w));
  if (head.some((word, i) => (isFinnishPastFirstPerson(word) && !genitive(i)) || isFinnishPastWe(word))) return true;
  // "olen tänään päivittänyt …", "oon vastannu …", "ollaan käyty läpi …"
  const aux = head.findIndex((word) => FI_PERFECT_AUX.has(word));
  return aux >= 0 && start.slice(aux + 1, aux + 4).some((word) => FI_PARTICIPLE.test(word) && !FI_STATE.has(word));
}

// "Tänään oli kiireinen päivä", "päivä meni nopeasti", "today was quiet", "it was a busy day",
// "dagen gick fort", "idag var det lugnt": the day itself told, near a time word or a word for the day.
const TIME_WORDS = set('tanaan tanaa eilen aamulla aamupaivalla iltapaivalla today yesterday idag igar');
const DAY_NOUNS = set('paiva paivani tyopaiva aamu aamupaiva iltapaiva vuoro viikko day shift morning afternoon week dag dagen morgonen passet veckan');
const HAPPENED = set('oli meni sujui kului tuli kavi alkoi loppui jai riitti tapahtui sattui onnistui was went var gick blev');

function dayAccount(clause: readonly string[]): boolean {
  for (let i = 0; i < Math.min(clause.length, 4); i++) {
    if (!HAPPENED.has(clause[i] ?? '')) continue;
    if (clause.slice(Math.max(0, i - 2), i + 4).some((w) => TIME_WORDS.has(w) || DAY_NOUNS.has(w))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// English

// Words in -ed that are no past verb (present tense, adjectives of feeling, nouns).
const NOT_ED = set(`
  need needed feed seed speed exceed proceed succeed bleed breed weed indeed deed greed heed hundred sacred naked
  wicked kindred interested supposed tired bored confused worried scared stressed excited allowed required based
  related limited united advanced detailed
`);

function isEnglishPast(word: string, afterSubject: boolean): boolean {
  if (REQUEST_VERBS.has(word)) return false;
  if (IRREGULAR_PAST.has(word)) return afterSubject || !NOT_ALONE.has(word);
  if (afterSubject && PAST_SAME_AS_BASE.has(word)) return true;
  return word.length >= 4 && word.endsWith('ed') && !NOT_ED.has(word);
}

const isEnglishParticiple = (word: string) => IRREGULAR_PARTICIPLE.has(word) || isEnglishPast(word, true);

// Words between "I" and the verb: "I also called", "we then went", "I quickly fixed".
const EN_ADVERBS = set('also then just finally first already really actually even still again today yesterday');
const isEnAdverb = (word: string) => EN_ADVERBS.has(word) || (word.length > 4 && word.endsWith('ly'));
// "I was wondering", "I was going to ask": a request, not a deed.
const EN_WAS_REQUEST = set('wondering thinking hoping going supposed not');

/** "I handled …", "we went through …", "I've done …", "I was at the fair …", "Mikko and I prepared …". */
function englishAfterPronoun(clause: readonly string[]): boolean {
  for (let i = 0; i < clause.length - 1; i++) {
    const word = clause[i] ?? '';
    const withHave = /^(?:i|we)['’]ve$/.test(word);
    if (word !== 'i' && word !== 'we' && !withHave) continue;
    let at = i + 1;
    let perfect = withHave;
    while (at < clause.length - 1 && (isEnAdverb(clause[at] ?? '') || clause[at] === 'have')) {
      if (clause[at] === 'have') perfect = true;
      at++;
    }
    const verb = clause[at] ?? '';
    if (perfect ? isEnglishParticiple(verb) : isEnglishPast(verb, true)) {
      if ((verb === 'was' || verb === 'were') && EN_WAS_REQUEST.has(clause[at + 1] ?? '')) continue;
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Swedish

// Strong and common past forms (folded); weak verbs end in -ade, -de, -te or -dde.
const SV_PAST = set(`
  gjorde hjalpte salde skrev tog var hade gick fick larde pratade ringde traffade sag kom satt stod lag at drack sov
  gav sa sade bar drog fann vann sprang hann bjod brot flog foll holl lat log skar slog sjong stack stal steg
  strok svor visste korde horde kande foljde byggde kopte sokte laste trodde tyckte
`);
// Past-looking words that are no deed: "inte", modal and wishing verbs.
const SV_NOT_PAST = set('inte ville skulle kunde borde undrade tankte maste kanske');
// Forms too often another word (Swedish "var" is also "where", "for" English) to read without a subject.
const SV_NOT_ALONE = set('var sa at lat log bar sag lag stal stack sade');
// English words in -ade (long enough to look like Swedish "jobbade").
const EN_ADE = set('upgrade downgrade degrade decade parade crusade persuade invade cascade arcade facade blockade lemonade brigade charade renegade tirade');

function isSwedishPast(word: string): boolean {
  if (SV_NOT_PAST.has(word) || REQUEST_VERBS.has(word)) return false;
  return SV_PAST.has(word) || /^\p{L}{2,}(?:ade|de|te|dde)$/u.test(word);
}

/** A past verb opening a Swedish clause without its subject ("Ringde tre kunder", "Jobbade i kassan"). */
function isSwedishPastAlone(word: string): boolean {
  if (SV_NOT_ALONE.has(word)) return false;
  return SV_PAST.has(word) || (word.length >= 6 && word.endsWith('ade') && !EN_ADE.has(word));
}

// The supine after "har": "uppdaterat", "hjälpt", "gjort", "skrivit", "ringt", "lärt".
const SV_SUPINE = /^\p{L}{2,}(?:at|it|tt|pt|kt|rt|lt|nt|gt|st|ft)$/u;
const NOT_SUPINE = set('mycket inget nagot allt just ett det litet');
const SV_ADVERBS = set('ocksa sedan sen aven bara forst idag igen da just redan sjalv nu precis');

function swedishPerfectAt(clause: readonly string[], at: number): boolean {
  let verb = at;
  if (SV_ADVERBS.has(clause[verb] ?? '')) verb++;
  const word = clause[verb] ?? '';
  return SV_SUPINE.test(word) && !NOT_SUPINE.has(word);
}

/** "jag ringde …", "vi har gått igenom …", and inverted "idag ringde jag …", "idag har jag jobbat …". */
function swedishAccount(clause: readonly string[]): boolean {
  for (let i = 0; i < clause.length; i++) {
    const word = clause[i] ?? '';
    if (word === 'jag' || word === 'vi') {
      let at = i + 1;
      while (SV_ADVERBS.has(clause[at] ?? '') && at - i <= 2) at++;
      const verb = clause[at] ?? '';
      if ((verb === 'har' || verb === 'hade') && swedishPerfectAt(clause, at + 1)) return true;
      if (isSwedishPast(verb)) return true;
    }
    // The verb before the subject after an opening word (Swedish word order).
    const next = clause[i + 1] ?? '';
    if (i >= 1 && (next === 'jag' || next === 'vi')) {
      if (word === 'har' && swedishPerfectAt(clause, i + 2)) return true;
      if (isSwedishPast(word)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// First person

function tellsWhatWasDone(clause: readonly string[]): boolean {
  const start = opening(clause);
  const first = start[0] ?? '';
  return (
    finnishAccount(start) ||
    englishAfterPronoun(clause) ||
    swedishAccount(clause) ||
    // "Helped a customer …", "Spent the day …", "Forgot to log …"; "Ringde tre kunder idag".
    isEnglishPast(first, false) ||
    isSwedishPastAlone(first) ||
    dayAccount(clause)
  );
}

// A short reply to the bot opening with thanks or "ok" ("kiitos, sain vastauksen", "thanks, got it").
const ACKNOWLEDGEMENTS = set('kiitos kiitti kiitoksia thanks thank thx ok okay okei selva tack');
const ACKNOWLEDGEMENT_MAX_WORDS = 5;

/** A first-person account of something done: the student telling about their day. */
export function isFirstPersonAccount(text: string): boolean {
  if (asks(text)) return false;
  const all = words(text.slice(0, 400)).map(foldDiacritics);
  if (ACKNOWLEDGEMENTS.has(all[0] ?? '') && all.length <= ACKNOWLEDGEMENT_MAX_WORDS) return false;
  if (clausesOf(text).some(({ words: clause }) => !NOT_AN_ACCOUNT.test(clause.join(' ')) && tellsWhatWasDone(clause))) return true;
  // "mostly filing and phone calls today, nothing special": the day's work listed without a verb.
  // "koko päivä" tells of a day gone by only when no day or date is named ("torstaina 10.12. … koko päivän" is a notice).
  const wholeDay = /\b(?:koko paivan?|all day|hela dagen)\b/.test(all.join(' ')) && !all.some((w) => /\d/.test(w) || WEEKDAY.test(w));
  return all.length >= DAY_LIST_MIN_WORDS && (wholeDay || all.some((w) => TIME_WORDS.has(w))) && !all.some((w) => WANTS.has(w)) && !NOT_AN_ACCOUNT.test(all.join(' '));
}
const DAY_LIST_MIN_WORDS = 5;
const WEEKDAY = /^(?:maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|monday|tuesday|wednesday|thursday|friday|mandag|tisdag|onsdag|torsdag|fredag)/;
// A wish or a need is no account of the day ("I need help with the report today").
const WANTS = set('need needs want wants help apua tarvitsen tarviin tarvitsisin haluan haluisin haluaisin behover vill hjalp kan voinko voisitko pitaisi');

// ---------------------------------------------------------------------------------------------------
// A named person (an instructor's observation)

// Words that may stand between a name and its verb ("Aino tänään hoiti", "Ville also prepared").
const BETWEEN = set(`
  tanaan tanaa eilen myos taas jo nyt nykyaan aina usein aamulla itse yksin tosi todella erittain ihan kylla
  today yesterday also again just really now always quite
  idag igar ocksa sjalv aven nu alltid verkligen
`);

// Finnish adverbs in -sti are built from adjectives ("huolellisesti", "nopeasti", "reippaasti"); a
// past verb in -sti comes from a verb in -staa ("opasti", "kuvasti", "paljasti", "osti", "esti").
const FI_ADVERB_STI = set('hienosti kovasti huonosti varmasti helposti tarkasti hyvasti pitkasti taitavasti');
function isFinnishAdverb(word: string): boolean {
  if (!word.endsWith('sti')) return false;
  return FI_ADVERB_STI.has(word) || /(?:isesti|[aeiouy]{2}sti)$/.test(word) || (word.length >= 9 && /vasti$/.test(word));
}

// Words in -i after a name that are no verb.
const NOT_FI_PAST_I = set('tosi kaikki heti juuri yksi kaksi viisi kuusi uusi pari siis kai vai ei taysi hi');
// The conditional ("voisi", "pitäisi", "haluaisi"), unlike the past "ratkaisi", "julkaisi", "taisi".
const isConditional = (word: string) => /isi$/.test(word) && !/(?:kaisi|maisi)$/.test(word) && word !== 'taisi';

function isFinnishPastThird(word: string): boolean {
  if (word.length < 3 || !word.endsWith('i') || NOT_FI_PAST_I.has(word) || BETWEEN.has(word)) return false;
  return !isFinnishAdverb(word) && !isConditional(word);
}

const pastAfterName = (word: string) => isFinnishPastThird(word) || isEnglishPast(word, true) || isSwedishPast(word);

// A present-tense account ("Aino osaa jo …", "Aino handles …", "Aino hjälper …"): Finnish third
// person in a long vowel (osaa, hoitaa, tekee, palvelee), English -s, Swedish -r.
const FI_PRESENT_THIRD = /^\p{L}{2,}(?:aa|ee|ii|oo|uu|yy)$/u;
const FI_NOT_PRESENT = set('pitaa taytyy tarvitsee kannattaa');
// Not -ss, -us, -is: "progress", "status", "analysis" are no verbs.
const EN_PRESENT_THIRD = /^\p{L}{3,}[^siu]s$/u;
// -s words that are no verb: function words and what a staff member asks to see ("Aino progress").
const EN_NOT_PRESENT = set(`
  this thus yes his its plus always sometimes perhaps whereas towards afterwards besides
  grades checkins check-ins observations reflections notes details results requirements units tasks goals skills
  strengths weaknesses absences days hours logs entries records stats points marks scores reports plans dates
`);
const SV_PRESENT = /^\p{L}{2,}(?:ar|er|ir|or)$/u;
const EN_NOT_SV_PRESENT = set('never ever after under over together either neither rather other later earlier better sooner faster');

function presentAfterName(word: string): boolean {
  if (FI_PRESENT_THIRD.test(word)) return !FI_NOT_PRESENT.has(word);
  if (EN_PRESENT_THIRD.test(word)) return !EN_NOT_PRESENT.has(word);
  return SV_PRESENT.test(word) && !EN_NOT_SV_PRESENT.has(word);
}

/** The verb after the name: past, perfect ("on hoitanut", "has shown", "har hjälpt") or present. */
function verbAfterName(clause: readonly string[], from: number): boolean {
  let at = from;
  // Skip up to three words such as "tänään", "really", "huolellisesti" ("Aino hienosti hoiti …").
  while (at < clause.length - 1 && at - from < 3 && (BETWEEN.has(clause[at] ?? '') || isFinnishAdverb(clause[at] ?? '') || isEnAdverb(clause[at] ?? ''))) at++;
  const next = clause[at] ?? '';
  if (pastAfterName(next)) return true;
  const participle = clause.slice(at + 1, at + 4).find((w) => !BETWEEN.has(w)) ?? '';
  if (next === 'on') return FI_PARTICIPLE.test(participle);
  if (next === 'has' || next === 'have') return isEnglishParticiple(participle);
  if (next === 'har') return SV_SUPINE.test(participle) && !NOT_SUPINE.has(participle);
  return presentAfterName(next);
}

// The name in another case ("Ainolla oli", "Ainon kanssa kävimme", "Aino's report was", "Ainos").
const ADESSIVE_ETC = ['lla', 'lle', 'lta', 'sta', 'ssa', 'kin'];
const GENITIVE = ['n', "'s", '’s', 's'];
// "Ainolla menee hyvin", "Ainolla sujuu": how it goes for her.
const GOES = set('menee sujuu');

function verbAfterInflectedName(clause: readonly string[], from: number): boolean {
  const perfect = (i: number) => clause[i] === 'on' && clause.slice(i + 1, i + 4).some((p) => FI_PARTICIPLE.test(p));
  return clause.slice(from, from + 3).some((w, i) => pastAfterName(w) || isFinnishPastWe(w) || GOES.has(w) || perfect(from + i));
}

/**
 * A sentence about a named person that opens with the name ("Aino taas myöhässä tänää 15min", "@Aino
 * super asiakaspalvelu tänään"), or with what she has ("ainolla vielä vähän hakemista crm:n käytössä"),
 * of at least four words: an instructor's note, verb or no verb.
 * Never a question, a request, nor about being ill or away.
 */
export function opensWithName(text: string, name: string): boolean {
  if (asks(text) || opensAsRequest(text)) return false;
  const list = words(text.slice(0, 400)).map(foldDiacritics);
  const first = foldDiacritics(words(name)[0] ?? '');
  const stems = [first, weakGrade(first)];
  const opening = list[0] ?? '';
  const opensAsHers = opening === first || stems.some((stem) => opening === `${stem}lla`);
  return Boolean(first) && list.length >= 4 && opensAsHers && !NOT_AN_ACCOUNT.test(list.join(' '));
}

/** Inflected, a Finnish name may take the weak grade: "Mikko" → "Mikolla", "Antti" → "Antin". */
function weakGrade(name: string): string {
  return name.replace(/(kk|pp|tt)([aeiouy])$/, (_, double: string, vowel: string) => `${double[0]}${vowel}`);
}

/** The text names the person by first name, in any case or the English possessive ("Aino", "Ainon", "Aino's", "Ainolla", "Mikolle"). */
export function namesPerson(text: string, name: string): boolean {
  const [first = ''] = words(name).map(foldDiacritics);
  if (!first) return false;
  const stems = [first, weakGrade(first)];
  return words(text.slice(0, 400))
    .map(foldDiacritics)
    .some((word) => word === first || stems.some((stem) => word.startsWith(stem) && [...GENITIVE, ...ADESSIVE_ETC].includes(word.slice(stem.length))));
}

/**
 * A named person and what they did or do: "Aino päivitti", "Aino opasti", "Aino on hoitanut", "Aino
 * osaa jo …", "Ainolla oli …", "Ville handled", "Aino was great", "Aino handles", "Aino hjälpte",
 * "idag sålde Aino …". `name` may be the full name ("Aino Virtanen": the surname may follow).
 * Never in a question, nor about being ill or away.
 */
export function nameFollowedByPastVerb(text: string, name: string): boolean {
  if (asks(text)) return false;
  const [first = '', ...surnames] = words(name).map(foldDiacritics);
  if (!first) return false;
  const stems = [first, weakGrade(first)];
  for (const { words: clause } of clausesOf(text, false)) {
    if (NOT_AN_ACCOUNT.test(clause.join(' '))) continue;
    for (let i = 0; i < clause.length; i++) {
      const word = clause[i] ?? '';
      if (word === first) {
        let after = i + 1;
        for (const surname of surnames) if (clause[after] === surname) after++;
        if (after < clause.length && verbAfterName(clause, after)) return true;
        // The verb before the name after an opening word: "idag hjälpte Aino …", "tänään hoiti Aino …".
        const before = clause[i - 1] ?? '';
        if (i >= 2 && ((isSwedishPast(before) && !SV_NOT_ALONE.has(before)) || (TIME_WORDS.has(clause[i - 2] ?? '') && isFinnishPastThird(before)))) return true;
        continue;
      }
      const stem = stems.find((s) => word.startsWith(s));
      if (!stem) continue;
      const ending = word.slice(stem.length);
      // A genitive is followed by what is hers ("Ainon raportti oli …"): the verb comes after it.
      if (GENITIVE.includes(ending) && verbAfterInflectedName(clause, i + 2)) return true;
      if (ADESSIVE_ETC.includes(ending) && verbAfterInflectedName(clause, i + 1)) return true;
    }
  }
  return false;
}
