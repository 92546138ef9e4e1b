// What a curriculum question asks for. Rules over the analysed text (spoken forms written out, typos
// corrected against the base's vocabulary: see src/knowledge/search-index.ts) decide the intent;
// retrieval then finds the items for the open-ended kinds.
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Section, Unit } from '../../knowledge/schema.ts';
import type { QueryAnalysis } from '../../knowledge/search-index.ts';
import { compact, foldDiacritics, stemFi, words } from '../../text/normalize.ts';
import { isStopword } from '../../text/stopwords.ts';
import { type GradeMismatch, parseGrades } from './grades.ts';

/** What a personal question is about: the bot sees no one's grades, people or dates. */
export type PersonalTopic = 'grade' | 'people' | 'schedule' | 'progress' | 'other';
/** Which of the asker's own people a question names: a student's teacher or workplace instructor. */
export type ContactRole = 'teacher' | 'instructor';

export type Intent =
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  | { kind: 'grade-criteria'; grades: number[]; mismatches?: GradeMismatch[] }
  | { kind: 'grade-compare'; grades: number[]; mismatches?: GradeMismatch[] }
  | { kind: 'grade-invalid'; requested: number[] }
  | { kind: 'grading-overview' }
  | { kind: 'section-requirements'; sectionId: string }
  | { kind: 'all-requirements' }
  | { kind: 'requirement-check'; query: string }
  | { kind: 'demonstration' }
  | { kind: 'unit-facts' }
  | { kind: 'unknown-unit'; name: string }
  | { kind: 'personal'; topic: PersonalTopic; role?: ContactRole }
  | { kind: 'compare-topics'; topics: [string, string] }
  | { kind: 'source'; id: string }
  | { kind: 'search'; query: string };

export type IntentKind = Intent['kind'];

const has = (text: string, re: RegExp) => re.test(text);

const SMALL_TALK = '(mita kuuluu|mitas kuuluu|miten menee|mites menee|kuinka voit|how are you|how are you doing|hows it going|how is it going|whats up|hur mar du|hur ar det|hur gar det|laget)';
const GREETING = new RegExp(
  `^((hei|hei hei|moi|moikka|moro|terve|tervehdys|heippa|huomenta|hyvaa (huomenta|paivaa|iltaa)|paivaa|hello|hi|hey|hiya|good (morning|afternoon|evening)|yo|hej|hejsan|tjena|hallo|god (morgon|dag|kvall))( (osaava|bot|there|kaikki|alla))?( ${SMALL_TALK})?|${SMALL_TALK})$`,
);
const THANKS = /^(kiitos|kiitti|kiitoksia|kiitos paljon|thanks|thank you|thx|ty|kiitos avusta|thanks a lot|tack|tackar|tusen tack|tack for hjalpen)( (osaava|paljon|a lot|so much|sa mycket))?$/;
const HELP = /^(help|apua|ohje|ohjeet|\?|(?:voitko|voisitko|voiksa|voitsa) auttaa(?: mua| minua)?|auta(?: mua| minua)?|(?:can|could) you help(?: me)?|kan du hjalpa(?: mig)?|mita osaat|mita sina osaat|mita sa osaat|mita kaikkea (?:sa |sina )?osaat|mita voit tehda|mita voin kysya|what can you do|what can u do|what can i ask|how does this work|commands|komennot|start|aloita|hjalp|vad kan du|vad kan du gora|vad kan jag fraga|hur fungerar det|kuka sina olet|kuka olet|who are you|vem ar du)$/;

const REQUIREMENT_WORDS = /\b(vaatimu\w*|yrkes\w*krav\w*|ammattitaitovaatimu\w*|ammattitaitovaatimus|requirement\w*|required|vaaditaan|vaatii|sisalta\w*|sisaltaa|contain\w*|consist\w*|include\w*|cover\w*|osaamis\w*|osata|osattava\w*|skills|learn|oppia|opittava\w*|kuuluu|kuuluvat|what s in|whats in|topics|aiheet|krav\w*|yrkeskunnighetskrav\w*|ingar|innehall\w*|kunna|lara sig)\b/;
const YES_NO = /^(pitaako|taytyyko|tarvitseeko|eiko|will i|will we|will students|will the student|am i going to|onko|kuuluuko|kuuluko|vaaditaanko|edellytetaanko|arvioidaanko|saako|voiko|pitaisiko|do i|do we|do students|does the student|does the unit|does this unit|does it|(?:does|do) (?:\w+ ){1,2}(?:need|have) to|(?:is|are) (?:\w+ ){1,2}(?:expected|required|supposed) to|is|are|must|should|have i to|do i have to|is it|am i|maste|behover|behovs|kravs det|ingar|hor|ar det|finns det|ska jag|skall jag|bor jag|far jag|kan jag)\b/;
/** A Finnish question verb with its clitic opens a yes/no question ("liittyykö", "sisältyykö"); these open other questions. */
const NOT_YES_NO_KO = /^(paljonko|montako|kauanko|moneltako|kuinkako|mitako|mikako|kukako|missako|milloinko)$/;
/** "puhelimen näyttö", "the screen": a device's display, not the skills demonstration. */
const SCREEN = /\b(puhelim\w*|tietokonee\w*|koneen|lapparin|kannykan|tabletin|naytonohjain\w*|kassakonee\w*|monitori\w*) nayto\w*|\bnaytto\w* (on|oli|meni) rikki|\bnayton (kirkkau\w*|tarkkuu\w*|koko)\b/;
const DEMONSTRATION = /\b(naytto\w*|nayto\w*|naytossa|osoit(?!e\b|tee|etta\b)\w*|osoittamistav\w*|demonstrat\w*|demonstration|prove my|show my skills|show (my|your|the|our) (skil\w*|competen\w*)|skills test|practical test|yrkesprov\w*|pavisa\w*|visa\w* (?:(?:man|jag|du|vi|ni) )?(mitt|sitt|ditt|mina|sina|dina|ert|vart) (kunnande|kompetens|yrkeskunnighet|fardighet)\w*|visar jag)\b/;
/** Words that name the unit's facts by themselves. */
const UNIT_FACTS_STRONG = /\b(osp|osaamispist\w*|opintopist\w*|competence points?|credits?|how many points|how much is .* worth|worth|laajuus|laajuudeltaan|diaari\w*|kompetenspoang\w*|hur manga poang|omfattning\w*|hur omfattande)\b/;
/** Words that ask about the unit's facts only when nothing else is asked about ("how long", "which qualification"). */
const UNIT_FACTS_WEAK = /\b(laaju\w*|kuinka (laaja|iso)|how (big|large|long)|tutkintoon|qualification|tutkinto|perustutkin\w*|which unit|mika tutkinnon osa|mika tama (on|tutkinnon osa)|vilken examen|grundexamen\w*)\b/;
const UNIT_FACT_WORDS = /^(osp|tutkinto\w*|tutkinnon|qualification|degree|perustutkin\w*|examen|grundexamen\w*|unit|osa|osan|laaju\w*|laaja|iso|big|large|long|kuuluu|belong\w*|which|mika|tama|taman|this|vilken|hor|tillhor|tama|tassa|kuinka|how|ammatillinen|ammatillisen|vocational|liiketoiminnan|business|basic|upper|secondary)$/;
const GRADING = /\b(arviointi\w*|arvioidaan|arvosan\w*|grading|graded|assess\w*|evaluat\w*|grade scale|grades|arviointikriteer\w*|criteria|bedomning\w*|bedoms|betyg\w*|vitsord\w*)\b/;
// A unit named by a capitalised or quoted name: 'tutkinnon osa "Myynti"', "the unit Logistics operations".
const UNIT_REFERENCE = /(?:tutkinnon osa[a-zäö]*|[Uu]nit|[Mm]odule|[Cc]ourse|kurssi[a-zäö]*|examensdel(?:en)?)\s+(?:["“”']([^"“”']{3,60})["“”']|(\p{Lu}[\p{L}-]*(?:\s+(?:ja|and|och|&|\p{Ll}[\p{L}-]*)){0,4}?))(?=\s+(?:require\w*|vaatimu\w*|vaati\w*|criteria|kriteer\w*|sisalt\w*|sisält\w*|grading|arviointi|krav\w*|innehåll\w*)|\s*[?.!,]|\s*$)/u;
const OTHER_QUALIFICATION = /\b([a-z]+ (?:perustutkin\w*|ammattitutkin\w*|erikoisammattitutkin\w*)|[a-z]+n tutkin\w*)\b/;
/** "the practical nurse qualification", "a degree in nursing", "examen för närvårdare"; a programme only of study ("the new loyalty programme" is none). */
const QUALIFICATION_EN_SV = /\b((?:[a-z]+ ){1,3})(qualification|degree|diploma|(?<=(?:study|degree|training|vocational|education) )program(?:me)?|examen|examina)\b/;
/** Question words and references to this unit around a qualification's name: "what are the requirements of the …". */
const QUALIFICATION_FILLER = /^(the|a|an|of|for|in|this|that|our|my|your|whole|entire|what|which|are|is|requirements?|criteria|vocational|kaikkea|kaikki|upper|secondary|basic|further|specialist|business|den|en|ett|for|i|hela|var|min|denna|vilken|vilka|vad|krav|kraven|ammatillisen|liiketoiminnan|taman|tama|koko|mika|mita|minka|oman)$/;

/** The asker naming the role they act in: "työpaikkaohjaajana", "as an instructor", "som handledare". */
const IN_ROLE = /\b(\w*ohjaajana|opettajana|arvioijana|as (an? )?(workplace )?(instructor|teacher|supervisor|assessor)|som (arbetsplats)?(handledare|larare|bedomare))\b/;

/** First person ("my", "mun", "min"): a question about oneself. */
const FIRST_PERSON = /\b(minun|minulla|minulle|minua|minut|mua|minulta|mina|mun|mulla|mulle|multa|my|mine|i|me|min|mitt|mina|jag|mig|meidan|our)\b/;
/** A verb in the first person says it too: "mitä arvosanaa sain", "what did I get". */
const FIRST_PERSON_VERB = /\b(sain|saan|saanko|sainko|saisin|olen|olenko|paasin|paasenko|lapaisin|lapaisenko|got|fick)\b/;
/** What the base cannot know about a person: who their people are, when their things happen, what grade they got. */
const PERSONAL_PEOPLE = /\b(kuka|ketka|kenelle|who|whom|vem|vilka ar)\b.*\b(opettaja\w*|ohjaaja\w*|tyopaikkaohjaaja\w*|arvioija\w*|arvioi\w*|teacher|instructor|supervisor|mentor|assess\w*|grades?|larare\w*|handledare\w*|bedomare\w*|bedomer)\b/;
/** "mun opettajan nimi", "my teacher's email", "vad heter min handledare": someone's contact asked for. */
const CONTACT_ASKED = /\b(nimi|nimen|nimensa|name|heter|yhteystied\w*|contact\w*|sahkoposti\w*|email|e-?mail|e-?post\w*|numero\w*|number|puhelin\w*|phone|telefon\w*|tavoitan|tavoittaa|reach|kiinni|hold|soitan|soittaa|call|ring|ringer)\b/;
const INSTRUCTOR_WORD = /\b(ohjaaja\w*|tyopaikkaohjaaja\w*|tyokkari\w*|instructor\w*|supervisor\w*|mentor\w*|handledare\w*|arbetsplatshandledare\w*)\b/;
const TEACHER_WORD = /\b(opettaja\w*|ope|open|opelle|opelta|teacher\w*|tutor\w*|larare\w*|laroare\w*)\b/;
/** "opettajani", "ohjaajalleni": the Finnish possessive suffix is the first person too. */
const OWN_CONTACT_SUFFIX = /\b(opettaja|ohjaaja|tyopaikkaohjaaja)\w*(ni|ani|ttani|ltani|lleni|llani|ssani)\b/;
const WHO_DECIDES = /\b(kuka|who|vem)\b.*\b(paattaa|hoitaa|antaa|decides?|gives?|bestammer|ger|satter)\b/;
/** "arvioiko Mikko myös mun näytön", "will Mikko assess me", "bedömer Mikko mig": whether someone assesses the asker. */
const ASSESSES_ME = /^(arvioiko|arvioivatko|will \w+ (also )?(assess|grade)|does \w+ (also )?(assess|grade)|bedomer)\b.*\b(mun|minun|minut|mut|minua|mua|my|me|mig|min|mitt)\b/;
const ASSESSMENT_WORD = /\b(arvio\w*|assess\w*|bedom\w*|grading|evaluat\w*)\b/;
const PASSED_ASKED = /\b(saanko (\w+ )?(kiitettavan|hyvan|tyydyttavan|vitosen|nelosen|kolmosen|kakkosen|ykkosen)|will i get (a |an )?(excellent|good|satisfactory|[1-5])|far jag (ett |en )?(berömligt|berömlig|gott|god|nöjaktigt|nöjaktig|femma|fyra|trea)|have i passed|did i pass|am i passing|will i pass|am i going to pass|paasenko (mina |ma )?(tasta |taman )?(\w+ )?lapi|kommer jag att klara|klarar jag|olenko (jo )?(paassyt|lapaissyt) \w*|(olenko|oonko|oonks|onko) (ma |mina )?(jo )?lapi|paasinko|lapaisinko|har (jag|ja) (klarat|blivit godkand)|ar jag godkand|klarade jag|lapaisenko|(meneeko|meneeks|menee ko) (mun|minun|ma|mina) (\w+ ){0,3}lapi|saanko (\w+ ){0,3}hyvaksytyn|(olenko|oonko|oonks) (ma |mina )?(jo )?(lapaissyt|lapaissy|paassyt|paassy)|(kommer jag att|kommer ja att|blir jag|ska jag) (bli )?godkand|(is|will) my (\w+ ){0,3}(going to )?pass|my (\w+ ){0,3}(is going to|will) pass|(if|whether) i (will|am going to|am gonna) pass|milla arvosanalla (\w+ ){0,2}(oon|olen|menen|ollaan))\b/;
/** "mistä tiedän meneekö mun näyttö läpi", "how do I know if I pass": whether one passes, not how. */
const KNOWING = /\b(how (do|can|will) i know|mista (ma |mina )?tiedan|miten (ma |mina )?tiedan|hur vet jag)\b/;
const CONTACT_WHO = /\b(kenelle (mina |ma )?(voin |pitaa |kannattaa )?(soitan|soittaa|soitella|laitan|laittaa|kerron|kertoa|ilmoitan|ilmoittaa|puhun|puhua)|(kenelta|kelta|keta) (\w+ ){0,3}(kysyn|kysya|kysella|kysyisin)|who (\w+ ){1,3}(do|should|can) i (contact|call|talk|speak|turn|ask|tell|inform|notify)|vem (\w+ ){1,3}(ska jag|kan jag|bor jag) (fraga|kontakta|ringa|meddela)|kehen (mina |ma )?(voin )?(otan|ottaa|otetaan) yhteytta|kenen puoleen|who (do|should|can) i (contact|call|talk|speak|turn|ask|tell)|who to (contact|call|ask)|vem (ska jag|kan jag|kontaktar|ringer|pratar|fragar) ?\w*|kontaktperson\w*|yhteyshenkilo\w*|contact person)\b/;
const WORKPLACE_WORD = /\b(tyopaika\w*|tyopaikalla|toissa|tyossa|at work|workplace|on the job|pa jobbet|arbetsplats\w*|pa praktiken|harjoittelu\w*)\b/;
const OWN_ROLE = /\b(mun|minun|my|min|mitt)\s+(\w+\s+)?(opettaja\w*|ohjaaja\w*|tyopaikkaohjaaja\w*|ope|teacher|instructor|supervisor|larare\w*|handledare\w*)\b/;
const STILL_WHO = /\b(onko|onks|is|are|ar|still|edelleen|yha|fortfarande|vaihtu\w*|change\w*|bytt\w*|sama|same|samma)\b/;
const PROGRESS_ASKED = /\b(how far (am i|have i|i am|i have)|missa (ma |mina )?(mennaan|menen|olen|ollaan)( (minun|mun|ma|mina))? (\w+ )?(vaatimu\w*|opinno\w*|tutkinno\w*|jakso\w*)|have i (covered|done|shown)|(still )?missing|left to (do|show)|(covered|done|shown) so far|(multa|minulta|mulla|minulla) (viela |viel )?(puuttu\w*|kesken|tekematta|nayttamatta|jaljella)|kattamatta|nayttamatta|tekematta|miten pitkalla (mina|ma|oon|olen)|hur langt (har )?jag|vad (har jag kvar|saknas)|har jag kvar|saknas (fortfarande |annu |an )?(for|hos) mig|saknar jag( fortfarande| annu| an)?|miten (mulla|minulla|mun|minun) (on|menee) (noi |ne |nama |naa |nuo )?vaatimuks\w*|(onks|onko) (mulla |minulla )?kaikille (vaatimuksille )?(jo )?nayttoa)\b/;
const PERSONAL_SCHEDULE = /\b(milloin|koska|mihin aikaan|monelta|mina paivana|mihin paivaan|mika paiva|when|what time|what day|which day|what date|nar|vilken dag|vilket datum)\b/;
const PERSONAL_GRADE_ASKED = /\b(mika|mita|minka|what|which|vilket|vad|onko|did|got|sain|saanko|sainko|fick|far)\b/;
const GRADE_WORD = /\b(arvosan\w*|arvio\w*|grade|grades|mark|betyg\w*|vitsord\w*)\b/;

function stemsOf(text: string): string[] {
  return words(text).map(stemFi);
}

function containsSequence(haystack: string[], needle: string[]): number {
  if (needle.length === 0 || needle.length > haystack.length) return -1;
  return haystack.findIndex((_, i) => needle.every((n, j) => haystack[i + j] === n));
}

export function sectionNamedIn(unit: Unit, text: string): Section | undefined {
  return sectionMention(unit, text)?.section;
}

/** The section a text names, and the stems of the name it names it by. */
function sectionMention(unit: Unit, text: string): { section: Section; stems: string[] } | undefined {
  const qs = stemsOf(text);
  let best: { section: Section; stems: string[] } | undefined;
  for (const section of unit.sections)
    for (const name of [section.title.fi, section.title.en ?? section.title.fi, ...section.aliases]) {
      const ns = stemsOf(name);
      if (containsSequence(qs, ns) >= 0 && (!best || ns.length > best.stems.length)) best = { section, stems: ns };
    }
  return best;
}

/**
 * A section named by one word of a question that is about something more ("who takes part in joint
 * advance planning", "planning" being a name of "Preparation and planning of work") is no request for the
 * section's requirements: the other words say what is asked.
 */
function sectionAskedFor(unit: Unit, text: string): Section | undefined {
  const mention = sectionMention(unit, text);
  if (!mention || mention.stems.length > 1) return mention?.section;
  const { section } = mention;
  const own = new Set([section.title.fi, section.title.en ?? '', ...section.aliases].flatMap(stemsOf));
  const others = text.split(' ').filter((w) => w && !isStopword(w) && !GENERIC.test(w) && !SECTION_WORD.test(w) && !own.has(stemFi(w)));
  return others.length < 2 ? mention.section : undefined;
}

/**
 * The text without the unit's own name, so that "Asiakkuuksien hoitaminen" (the unit) is not read as
 * its section "Asiakkuuden hoitaminen". A name matches with its last word inflected
 * ("asiakkuuksien hoitamisen"); the words before it must be as written, since they tell the two apart.
 */
export function withoutUnitName(unit: Unit, folded: string): { text: string; named: boolean } {
  const ws = folded.split(' ');
  // A name the unit shares with one of its sections ("customer relationship management") names the
  // unit only when the question says it means the unit.
  const sectionNames = new Set(unit.sections.flatMap((s) => [s.title.fi, s.title.en ?? s.title.fi, ...s.aliases].map(compact)));
  const saysUnit = UNIT_WORD.test(folded) && !SECTION_WORD.test(folded);
  // Longest first; a name the section also has, written without "unit", is the section's, and so is
  // every shorter name inside it ("customer relationships" in "customer relationship management").
  const names = [unit.name.fi, unit.name.en ?? unit.name.fi, ...unit.aliases].sort((a, b) => b.length - a.length);
  for (const name of names) {
    const sectionsToo = !saysUnit && sectionNames.has(compact(name));
    const ns = compact(name).split(' ');
    const last = ns.length - 1;
    const at = ws.findIndex((_, i) => ns.every((n, j) => {
      const w = ws[i + j];
      if (w === undefined) return false;
      return j === last && ns.length > 1 ? w === n || stemFi(w) === stemFi(n) : w === n;
    }));
    if (at >= 0 && sectionsToo) break;
    if (at >= 0) return { text: [...ws.slice(0, at), ...ws.slice(at + ns.length)].join(' '), named: true };
  }
  return { text: folded, named: false };
}

const UNIT_WORD = /\b(unit|module|tutkinnon osa\w*|examensdel\w*)\b/;
const SECTION_WORD = /\b(section|part|osio\w*|osa alue\w*|kohta\w*|delen|avsnitt\w*)\b/;

/** The stems of every unit's and qualification's names, once per knowledge base (it may hold hundreds of units). */
const nameStems = new WeakMap<KnowledgeBase, Set<string>>();
function ownNameStems(kb: KnowledgeBase): Set<string> {
  let stems = nameStems.get(kb);
  if (!stems) {
    const names = (l: { fi: string; en?: string; sv?: string }) => `${l.fi} ${l.en ?? ''} ${l.sv ?? ''}`;
    stems = new Set(kb.units.flatMap((u) => stemsOf(`${names(u.qualification.name)} ${names(u.name)} ${u.aliases.join(' ')}`)));
    nameStems.set(kb, stems);
  }
  return stems;
}

/** A unit named in lower case right after the word for a unit, ending the question: "… tutkinnon osassa hitsaus". */
const TRAILING_UNIT_NAME = /\b(?:tutkinnon osa\w*|examensdel\w*|unit|module)\s+([a-z]+(?: [a-z]+){0,2})$/;
/** Or right before it: "mitä hitsaus tutkinnon osa vaatii". */
const LEADING_UNIT_NAME = /\b([a-z]+)\s+tutkinnon osa\w*\b/;
/** In English, between "the" and the word for a unit: "what are the requirements of the marketing unit". */
const LEADING_UNIT_NAME_EN = /\bthe\s+([a-z]+(?: [a-z]+)?)\s+(?:unit|module)\b/;

/** The stems of every word of the base's units (names, sections, requirements, criteria), once per knowledge base. */
const unitTextStems = new WeakMap<KnowledgeBase, Set<string>>();
function unitWordStems(kb: KnowledgeBase): Set<string> {
  let stems = unitTextStems.get(kb);
  if (!stems) {
    const all = (l: { fi: string; en?: string; sv?: string }) => `${l.fi} ${l.en ?? ''} ${l.sv ?? ''}`;
    const texts = kb.units.flatMap((u) => [
      all(u.name), all(u.qualification.name), ...u.aliases,
      ...u.sections.flatMap((s) => [all(s.title), ...s.aliases, ...s.requirements.map((r) => `${all(r.text)} ${r.keywords.join(' ')}`)]),
      ...u.assessment.levels.flatMap((l) => [all(l.name), ...l.criteria.map((c) => all(c.text))]),
    ]);
    stems = new Set(texts.flatMap(stemsOf));
    unitTextStems.set(kb, stems);
  }
  return stems;
}

/** Builds the per-base word sets now, so that the first question after a start does not pay for them. */
export function prepareIntent(kb: KnowledgeBase): void {
  ownNameStems(kb);
  unitWordStems(kb);
}

/** The words the rules read, folded (made on first use: the lexicon is defined at the end of this file). */
let ruleWords: Set<string> | undefined;
function isRuleWord(w: string): boolean {
  if (!ruleWords) ruleWords = new Set(INTENT_LEXICON.map(foldDiacritics));
  return ruleWords.has(w);
}

/** Words a unit's name is not made of: a verb's passive ("opitaan"), an adverb ("lyhyesti"), the talk of assessment in any case ("arvioinnissa"). */
const NOT_A_NAME_WORD = /(?:aan|ään|sti)$|^(?:arvio|arvos|vaati|vaadi|nayt|näyt|osaami|kriteer|ammattitai)/;

/**
 * A unit named in lower case, in a question about requirements or grades ("mitä arvosanaan 3 vaaditaan
 * tutkinnon osassa hitsaus"): only words that are nothing else count as a name, never a function word, a
 * word the rules read or a word of the base's own units ("tässä tutkinnon osassa", "tutkinnon osan arviointi").
 */
function unknownLowerCaseUnit(kb: KnowledgeBase, written: string, isUnitName: (text: string) => boolean): string | undefined {
  const notAName = (w: string) =>
    isStopword(w) || GENERIC.test(w) || isRuleWord(w) || unitWordStems(kb).has(stemFi(w)) || /\d/.test(w) || NOT_A_NAME_WORD.test(w) ||
    [GRADING, DEMONSTRATION, REQUIREMENT_WORDS, UNIT_FACTS_STRONG].some((re) => re.test(w)) || UNIT_FACT_WORDS.test(w);
  for (const re of [TRAILING_UNIT_NAME, LEADING_UNIT_NAME, LEADING_UNIT_NAME_EN]) {
    const match = re.exec(written);
    const name = match?.[1];
    if (!match || !name || name.split(' ').some(notAName) || isUnitName(name)) continue;
    // The rest of the question asks what the unit requires or how it is graded.
    const rest = `${written.slice(0, match.index)} ${written.slice(match.index + match[0].length)}`;
    if (!REQUIREMENT_WORDS.test(rest) && !GRADING.test(rest) && !parseGrades(rest).aboutGrades) continue;
    return name;
  }
  return undefined;
}

function unknownUnitName(kb: KnowledgeBase, question: string, folded: string, isUnitName: (text: string) => boolean, analysis?: QueryAnalysis): string | undefined {
  const ours = ownNameStems(kb);
  const isOurs = (w: string) => ours.has(stemFi(w));
  const other = OTHER_QUALIFICATION.exec(folded);
  const otherName = other?.[1]?.split(' ')[0];
  if (other && otherName && !isStopword(otherName) && !QUALIFICATION_FILLER.test(otherName) && !isOurs(otherName)) return other[0];
  const foreign = QUALIFICATION_EN_SV.exec(folded);
  if (foreign?.[1]) {
    const name = foreign[1].trim().split(' ').filter((w) => !QUALIFICATION_FILLER.test(w) && !isStopword(w));
    if (name.length && !name.every(isOurs)) return `${name.join(' ')} ${foreign[2]}`;
  }
  const named = UNIT_REFERENCE.exec(question);
  const name = (named?.[1] ?? named?.[2])?.trim();
  if (!name) return unknownLowerCaseUnit(kb, analysis?.text ?? folded, isUnitName);
  return isUnitName(name) ? undefined : name;
}

/** The words that make a question read as a broad intent (and the words that go with them), one word at a time. */
export function isBroadIntentWord(kind: 'demonstration' | 'grading-overview', word: string): boolean {
  const re = kind === 'demonstration' ? DEMONSTRATION : GRADING;
  return re.test(word) || /^(skills?|ammattitai\w*|osaami\w*|kunnande\w*|competence|unit|osa|osan|examensdel\w*|arvosan\w*|grades?)$/.test(word);
}

/** A span of the folded text in the words the asker wrote ("lahihoitajan tutkinnon" → "lähihoitajan tutkinnon"). */
function asWritten(span: string, folded: string, analysis: QueryAnalysis | undefined): string {
  if (!analysis) return span;
  const all = folded.split(' ');
  const part = span.split(' ');
  const at = all.findIndex((_, i) => part.every((p, j) => all[i + j] === p));
  if (at < 0) return span;
  return analysis.words.slice(at, at + part.length).map((w) => w.raw).join(' ') || span;
}

/** A question about the asker's own grade, people or dates: only their school knows those. */
function personalTopic(folded: string, grades: ReturnType<typeof parseGrades>): Intent | undefined {
  // "kenelle soitan jos…", "who do I talk to at work": the asker's contact, at the workplace or at school.
  if (CONTACT_WHO.test(folded)) return { kind: 'personal', topic: 'people', role: WORKPLACE_WORD.test(folded) ? 'instructor' : 'teacher' };
  // "teacher contact pls", "ohjaajan numero?": a role and a contact word, nothing more, is the asker's own.
  const roleAsked: ContactRole | undefined = INSTRUCTOR_WORD.test(folded) ? 'instructor' : TEACHER_WORD.test(folded) ? 'teacher' : undefined;
  if (roleAsked && CONTACT_ASKED.test(folded) && folded.split(' ').filter((w) => w && !isStopword(w)).length <= 3) return { kind: 'personal', topic: 'people', role: roleAsked };
  if (!FIRST_PERSON.test(folded) && !FIRST_PERSON_VERB.test(folded) && !OWN_CONTACT_SUFFIX.test(folded)) return undefined;
  // "mitä mun pitää työpaikkaohjaajana arvioida": the asker speaks in their role, of its duties.
  if (IN_ROLE.test(folded)) return undefined;
  const role: ContactRole | undefined = INSTRUCTOR_WORD.test(folded) ? 'instructor' : TEACHER_WORD.test(folded) ? 'teacher' : undefined;
  if (role && (PERSONAL_PEOPLE.test(folded) || CONTACT_ASKED.test(folded))) return { kind: 'personal', topic: 'people', role };
  // "onko mun opettaja edelleen Liisa", "is Mikko still my instructor": who one's own person is, asked yes or no.
  if (role && OWN_ROLE.test(folded) && STILL_WHO.test(folded)) return { kind: 'personal', topic: 'people', role };
  // "who decides my grade", "kuka hoitaa mun arvioinnin", "have I passed": the asker's grade, whoever gives it.
  if ((PERSONAL_PEOPLE.test(folded) || WHO_DECIDES.test(folded)) && (GRADE_WORD.test(folded) || ASSESSMENT_WORD.test(folded))) return { kind: 'personal', topic: 'grade' };
  if (ASSESSES_ME.test(folded)) return { kind: 'personal', topic: 'grade' };
  if (PASSED_ASKED.test(folded) && (KNOWING.test(folded) || !/\b(miten|how|hur|vaaditaan|vaatii|require\w*|need|needed|tarvitaan|kravs|kriteer\w*|criteria)\b/.test(folded))) return { kind: 'personal', topic: 'grade' };
  if (PERSONAL_PEOPLE.test(folded)) return { kind: 'personal', topic: 'people' };
  // "milloin mun näyttö on", "when is my placement over"; "when do I get feedback" too.
  // Not "when" in a yes/no question about something else ("should I offer extra products when possible").
  if (PERSONAL_SCHEDULE.test(folded) && !/\b(vaadi\w*|vaati\w*|require\w*|kravs|krav)\b/.test(folded) && !(YES_NO.test(folded) && !PERSONAL_SCHEDULE.test(folded.split(' ').slice(0, 3).join(' '))))
    return { kind: 'personal', topic: 'schedule' };
  // "how far am i with the requirements", "mitä multa vielä puuttuu": the asker's own progress.
  if (PROGRESS_ASKED.test(folded) && !GRADE_WORD.test(folded)) return { kind: 'personal', topic: 'progress' };
  // "mikä mun arvosana on", "mitä arvosanaa mä saan", "what grade did I get": a grade asked for without naming one.
  if (GRADE_WORD.test(folded) && grades.grades.length === 0 && grades.invalid.length === 0 && PERSONAL_GRADE_ASKED.test(folded) && !/\b(miten|how|hur|vaaditaan|vaatii|require\w*|need|needed|tarvitaan|kravs|kriteer\w*|criteria|kriterier\w*)\b/.test(folded))
    return { kind: 'personal', topic: 'grade' };
  return undefined;
}

/** "asiakasohjaus vs palveluohjaus", "ero X:n ja Y:n välillä", "difference between X and Y": two topics to set side by side. */
const COMPARE_TOPICS = /^(?:.*?\b(?:ero|eroa|erot|eroja|eroaa|difference|differences|differ|skillnad\w*|jamfor\w*|vertaa|vertailu|compare)\b)?\s*(.+?)\s+(?:vs|versus|ja|and|och|tai|or|kontra|from|than|kuin|verrattuna|fran|compared to|compared with|jamfort med)\s+(.+?)(?:\s+(?:valilla|valinen|mellan|between))?$/;
const COMPARE_WORD = /\b(vs|versus|ero|eroa|erot|eroja|eroaa|eroavat|difference|differences|differ|differs|skillnad\w*|skiljer|jamfor\w*|vertaa|vertailu|compare|kontra)\b/;

function compareTopics(folded: string): [string, string] | undefined {
  if (!COMPARE_WORD.test(folded)) return undefined;
  const m = COMPARE_TOPICS.exec(folded.replace(/\b(mika|mita|miten|miksi|on|what|how|does|do|is|are|the|a|an|vad|hur|ar|between|valilla|mellan|kerro|tell|me)\b/g, ' ').replace(/\s+/g, ' ').trim());
  if (!m?.[1] || !m[2]) return undefined;
  const side = (s: string) => s.replace(COMPARE_WORD, ' ').split(' ').filter((w) => w && !isStopword(w)).join(' ');
  const a = side(m[1]);
  const b = side(m[2]);
  return a && b && a !== b ? [a, b] : undefined;
}

/** A citation id as the answers write it, alone or asked about: "AH-V3", "[AH-V3]", "lähde AH-V3", "mitä tarkoittaa AH-V3?". */
const SOURCE = /^(?:(?:lahde|lahteet|source|kalla|nayta|show|visa|mika on|mita on|mita tarkoittaa|mita tarkoittaa kohta|what is|what does|vad ar|vad betyder)\s+)?\[?([A-Za-z]{1,6}-[A-Za-z]{0,3}\d[A-Za-z0-9.]*)\]?(?:\s+(?:mean|tarkoittaa|betyder))?\s*\??$/i;

/** `isUnitName` tells a unit the base knows (inflected names and codes too) from one it does not. */
export function detectIntent(
  kb: KnowledgeBase,
  unit: Unit,
  question: string,
  analysis?: QueryAnalysis,
  isUnitName: (text: string) => boolean = (text) => kb.unitNamedIn(text) !== undefined,
): Intent {
  const written = analysis?.text ?? compact(question);
  const folded = analysis?.lemmaText ?? written;
  if (written === '' || HELP.test(written)) return { kind: 'help' };
  if (GREETING.test(written)) return { kind: 'greeting' };
  if (THANKS.test(written)) return { kind: 'thanks' };
  const source = SOURCE.exec(foldDiacritics(question.trim()));
  if (source?.[1]) {
    const id = source[1].toUpperCase();
    if (kb.item(id)) return { kind: 'source', id };
    // An id the base does not have ("AH-X99") is no grade 99: searched, and declined.
    return { kind: 'search', query: question };
  }

  const grades = parseGrades(folded);
  // Also the words as written: fitting them to the base's vocabulary may change a verb it lacks ("ilmoitan").
  const personal = personalTopic(written, grades) ?? (analysis ? personalTopic(compact(question), grades) : undefined);
  if (personal) return personal;

  const unknownUnit = unknownUnitName(kb, question, folded, isUnitName, analysis);
  if (unknownUnit) return { kind: 'unknown-unit', name: asWritten(unknownUnit, folded, analysis) };

  if (grades.invalid.length > 0 && grades.grades.length === 0) return { kind: 'grade-invalid', requested: grades.invalid };
  if (grades.grades.length > 0) {
    if (grades.invalid.length > 0) return { kind: 'grade-invalid', requested: grades.invalid };
    const mismatches = grades.mismatches.length ? { mismatches: grades.mismatches } : {};
    return grades.grades.length > 1 && (grades.compare || grades.grades.length === 2)
      ? { kind: 'grade-compare', grades: grades.grades, ...mismatches }
      : { kind: 'grade-criteria', grades: grades.grades, ...mismatches };
  }

  // A polite request is no yes/no question itself ("voisitko selittää mikä on …"); what follows it may be one
  // ("voitko kertoa pitääkö …", "can you tell me if I need to …").
  const core = written.replace(POLITE_REQUEST, '');
  const indirect = INDIRECT_YES_NO.exec(core);
  const [first = ''] = core.split(' ');
  const direct = has(core, YES_NO) || (first.length >= 5 && first.endsWith('ko') && !NOT_YES_NO_KO.test(first));
  // "does Aino need to know …": whoever the question names, it asks what the student needs to do.
  const subject = SOMEONE_NEEDS.exec(core)?.[1];
  const later = direct ? subject : (indirect?.[1] ?? yesNoClause(question));
  const yesNo = later !== undefined || direct;
  // "mikä on näytön ilmoittautumisen viimeinen päivä": a date or a deadline is the school's to say, not how skills are shown.
  if (has(folded, DEMONSTRATION) && !yesNo && !has(folded, WHEN_ASKED) && !SCREEN.test(folded)) return { kind: 'demonstration' };

  // The unit's own name says which unit, not which section; the rest of the question says what about it.
  const rest = withoutUnitName(unit, folded);
  if (has(folded, UNIT_FACTS_STRONG) && !has(folded, /\b(kriittis\w*|critical)\b/)) return { kind: 'unit-facts' };
  if (has(folded, UNIT_FACTS_WEAK) && onlyUnitFactWords(rest.text)) return { kind: 'unit-facts' };

  const section = sectionAskedFor(unit, rest.text);
  const asksRequirements = has(folded, REQUIREMENT_WORDS);
  // "is reporting required" asks about one requirement, not for the section's list.
  if (section && !yesNo) return { kind: 'section-requirements', sectionId: section.id };

  const topics = compareTopics(rest.text);
  if (topics && !yesNo) return { kind: 'compare-topics', topics };
  if (yesNo) return { kind: 'requirement-check', query: later ?? withoutSubjectName(kb, question) };
  if (asksRequirements && (isGeneralRequirementQuestion(rest.text) || everyRequirementAsked(kb, rest.text))) return { kind: 'all-requirements' };
  if (rest.named && rest.text.split(' ').every((w) => isStopword(w) || GENERIC.test(w))) return { kind: 'all-requirements' };
  // "how long should an experiment run before it is evaluated" asks a duration, not how the unit is graded.
  if (has(folded, GRADING) && !has(folded, /\b(palaute\w*|feedback|respons|how long|kuinka pitka\w*|kuinka kauan|kauanko|hur lange)\b/)) return { kind: 'grading-overview' };
  return { kind: 'search', query: question };
}

/** A date or a deadline asked for (not "when", which how skills are shown may answer: "när ordnas yrkesprovet"). */
const WHEN_ASKED = /\b(paivamaara\w*|viimeinen paiva|viimeisin paiva|maaraaika\w*|deadline\w*|ilmoittautu\w*|what date|date|datum|sista dag\w*|anmal\w*|registration|register)\b/;

/** A polite frame in front of the question: "voisitko selittää", "can you tell me", "kan du säga". */
const POLITE_REQUEST =
  /^(?:(?:voisitko|voitko|osaatko|kerrotko|kertoisitko|viitsitko|voisiko|can you|could you|would you|kan du|skulle du)\s+(?:(?:kertoa|selittaa|sanoa|tell me|tell|explain|say|saga|forklara|beratta)\s+)?(?:minulle\s+|mulle\s+|me\s+|mig\s+)?|(?:i wanna know|i want to know|i d like to know|i wonder|i am wondering|im wondering|haluaisin tietaa|haluisin tietaa|haluan tietaa|jag undrar|jag vill veta)\s+)/;

/** The verbs of duty a yes/no question opens with ("pitääkö Ainon …", "must Ville …", "behöver Aino …"). */
const DUTY_VERB = /^(pitaako|pitaaks|taytyyko|tarvitseeko|tarviiko|osaako|joutuuko|must|should|does|do|will|behover|maste|ska|skall|bor|kan)$/;

/** "does Aino need to …", "do students have to …": the rest of it is what is asked about. */
const SOMEONE_NEEDS = /^(?:(?:does|do) (?:\w+ ){1,2}(?:need|have) to|(?:is|are) (?:\w+ ){1,2}(?:expected|required|supposed) to) (.+)$/;

/**
 * "Pitääkö Ainon osata …", "must Ville use …", "behöver Aino kunna …": a name right after the question's
 * verb is whom it asks about, not what; the base's own names ("Turun", "Hyvän") stay.
 */
function withoutSubjectName(kb: KnowledgeBase, question: string): string {
  const m = /^(\S+\s+)(\p{Lu}\p{Ll}+)(?=\s)/u.exec(question.trim());
  const name = m?.[2];
  // Only after a verb of duty: "is Liisa getting divorced?" asks about Liisa, not about the unit.
  if (!m || !name || !DUTY_VERB.test(foldDiacritics(m[1] ?? '').trim()) || ownTitleStems(kb).has(stemFi(foldDiacritics(name)))) return question;
  return `${m[1]}${question.trim().slice(m[0].length).trim()}`;
}

/** The stems of the base's own names: its units', sections' and documents' titles. */
const titleStems = new WeakMap<KnowledgeBase, Set<string>>();
function ownTitleStems(kb: KnowledgeBase): Set<string> {
  let stems = titleStems.get(kb);
  if (!stems) {
    const all = (l: { fi: string; en?: string; sv?: string }) => `${l.fi} ${l.en ?? ''} ${l.sv ?? ''}`;
    stems = new Set(
      [...kb.units.flatMap((u) => [all(u.name), all(u.qualification.name), ...u.aliases, ...u.sections.map((x) => all(x.title))]), ...kb.documents.map((d) => all(d.title))].flatMap(stemsOf),
    );
    titleStems.set(kb, stems);
  }
  return stems;
}

/** An indirect yes/no question: "if I need to report", "whether …", "om jag måste …". */
const INDIRECT_YES_NO = /^(?:if|whether|om)\s+(.+)$/;

/** Where a clause begins: punctuation, or a verb of asking that a question follows ("kysyi pitääkö …"). */
const CLAUSE_BREAK = /[,;:.!?]|(?:^|\s)(?:kysyi|kysyy|mietin|miettii|etta|että|asked|asks|wonders|wondering|undrar|fragade|frågade)(?=\s|$)/giu;

/**
 * A yes/no question after what the asker tells first: "oon harjoittelussa kaupassa, pitääkö mun …", "mun
 * ohjaaja kysyi pitääkö mun osata …". The question is the text from that clause on.
 */
function yesNoClause(question: string): string | undefined {
  for (const m of question.matchAll(CLAUSE_BREAK)) {
    const rest = question.slice(m.index + m[0].length).trim();
    const [clause = ''] = rest.split(/[,;:.!?]/);
    const text = compact(clause).replace(/^(?:ja|and|och|mutta|but|men)\s+/, '');
    const [head = ''] = text.split(' ');
    if (YES_NO.test(text) || (head.length >= 5 && head.endsWith('ko') && !NOT_YES_NO_KO.test(head) && /^(pitaa|tayty|tarvi|kuulu|vaadi|edelly|arvio)/.test(head))) return rest;
  }
  return undefined;
}

/** Nothing but the unit-fact words and function words: "mihin tutkintoon tämä kuuluu", "how long is this unit". */
function onlyUnitFactWords(folded: string): boolean {
  return folded.split(' ').every((w) => w === '' || isStopword(w) || UNIT_FACT_WORDS.test(w));
}

const GENERIC = /^(kaikki|kaikkea|mita kaikkea|all|the|list|listaa|luettele|mitka|mita|ovat|are|what|of|this|unit|tutkinnon|osan|osa|osassa|in|for|tassa|taman|ammattitaitovaatimukset|ammattitaitovaatimuksia|vaatimukset|vaatimuksia|requirements|requirement|skill|skills|professional|vocational|vaaditaan|required|show|me|which|please|kerro|anna|whole|koko|entire|every|each|on|ne|sisaltaa|contain|contains|includes|include|cover|covers|is|do|i|need|to|learn|oppia|pitaa|osata|osaamis\w*|what s|whats|alla|vilka|vad|ar|krav|kraven|yrkeskunnighetskrav|yrkeskunnighetskraven|yrkeskunskapskrav|yrkeskunskapskraven|yrkeskrav|yrkeskraven|for|examensdel|examensdelen|denna|den|har|kravs|visa|mig|lista|hela|jag|man|maste|ska|kunna|lara|sig)$/;

/** "kaikki ammattitaitovaatimukset", "what are the requirements of this unit", "vilka är yrkeskunnighetskraven": no topic beyond the unit. */
/** "all", "every", "koko", "kaikki", "alla", "hela": the whole list asked for. */
const EVERY = /^(all|every|entire|whole|complete|full|kaikki\w*|koko|alla|hela|samtliga)$/;

/**
 * "anna koko tarkistuslista kaikista ammattitaitovaatimuksista, haluun tulostaa sen", "show me all 25
 * skill requirements": the whole list asked for, whatever else is said, as long as no word of the
 * rest is one of the unit's topics ("kaikki raportointiin liittyvät vaatimukset" asks for some).
 */
function everyRequirementAsked(kb: KnowledgeBase, folded: string): boolean {
  const words = folded.split(' ').filter(Boolean);
  if (!words.some((w) => EVERY.test(w))) return false;
  const topics = unitWordStems(kb);
  return words.every((w) => EVERY.test(w) || /^\d+$/.test(w) || isStopword(w) || GENERIC.test(w) || isRuleWord(w) || REQUIREMENT_WORDS.test(w) || !topics.has(stemFi(w)));
}

function isGeneralRequirementQuestion(folded: string): boolean {
  return folded.split(' ').every((w) => w === '' || GENERIC.test(w) || isStopword(w));
}

/**
 * The words the rules above read, for the vocabulary typos are corrected against (the knowledge base
 * gives the rest). Base forms and the common inflections a question uses.
 */
export const INTENT_LEXICON: readonly string[] = `
  arvosana arvosanaa arvosanaan arvosanan arvosanat arvosanoja arvosanalle arvosanoilla arvostelu arviointi arvioidaan
  arviointikriteerit kriteeri kriteerit kriteerejä kriteereitä kriteereistä vaatimus vaatimukset vaatimuksia vaatimuksista
  ammattitaitovaatimus ammattitaitovaatimukset ammattitaitovaatimuksia vaaditaan vaatii vaaditaanko tarvitaan tarvitaanko
  tyydyttävä tyydyttävään tyydyttävälle tyydyttävän hyvä hyvään hyvälle hyvän kiitettävä kiitettävään kiitettävälle kiitettävän
  vitonen vitosen vitoseen vitosta nelonen nelosen neloseen nelosta kolmonen kolmosen kolmoseen kolmosta kakkonen kakkosen
  kakkoseen kakkosta ykkönen ykkösen ykköseen ykköstä
  näyttö näytön näytössä näyttöä osoittaa osoitan ammattitaito ammattitaidon ammattitaitoni osaamispiste osaamispistettä
  laajuus tutkinto tutkintoon tutkinnon perustutkinto sisältää sisältyy liittyy kuuluu kuuluuko liittyykö sisältyykö
  vertaa vertailu eroa erot välillä pitääkö täytyykö tarvitseeko onko voiko saako kiitos kiitti moikka terve heippa apua ohje
  opettaja työpaikkaohjaaja ohjaaja arvioija palaute aikataulu harjoittelu osaava osaavan
  grade grades graded grading criteria criterion requirement requirements required require excellent good satisfactory
  compare comparison difference differences between demonstration demonstrate skills competence points credits qualification
  hello thanks thank help teacher instructor supervisor assessor
  betyg betyget betygen kriterier kriterierna krav kraven yrkeskunnighetskrav yrkeskunnighetskraven berömlig nöjaktig
  skillnad skillnaden jämför yrkesprov yrkesprovet kompetenspoäng examensdel examensdelen hjälp tack hej lärare handledare
`.split(/\s+/).filter(Boolean);
