// What a curriculum question asks for. Rules over the normalised text decide the intent; retrieval
// (search-index.ts) then finds the items for the open-ended kinds.
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Section, Unit } from '../../knowledge/schema.ts';
import { compact, stemFi, words } from '../../text/normalize.ts';
import { parseGrades } from './grades.ts';

export type Intent =
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  | { kind: 'help' }
  | { kind: 'grade-criteria'; grades: number[] }
  | { kind: 'grade-compare'; grades: number[] }
  | { kind: 'grade-invalid'; requested: number[] }
  | { kind: 'grading-overview' }
  | { kind: 'section-requirements'; sectionId: string }
  | { kind: 'all-requirements' }
  | { kind: 'requirement-check'; query: string }
  | { kind: 'demonstration' }
  | { kind: 'unit-facts' }
  | { kind: 'unknown-unit'; name: string }
  | { kind: 'search'; query: string };

export type IntentKind = Intent['kind'];

const has = (text: string, re: RegExp) => re.test(text);

const GREETING = /^(hei|hei hei|moi|moikka|moro|terve|tervehdys|heippa|huomenta|hyvaa (huomenta|paivaa|iltaa)|paivaa|hello|hi|hey|hiya|good (morning|afternoon|evening)|yo|hej|hejsan|tjena|hallo|god (morgon|dag|kvall))( (osaava|bot|there|kaikki|alla))?$/;
const THANKS = /^(kiitos|kiitti|kiitoksia|kiitos paljon|thanks|thank you|thx|ty|kiitos avusta|thanks a lot|tack|tackar|tusen tack|tack for hjalpen)( (osaava|paljon|a lot|so much|sa mycket))?$/;
const HELP = /^(help|apua|ohje|ohjeet|\?|mita osaat|mita sa osaat|mita voit tehda|mita voin kysya|what can you do|what can i ask|how does this work|commands|komennot|start|aloita|hjalp|vad kan du|vad kan du gora|vad kan jag fraga|hur fungerar det)$/;

const REQUIREMENT_WORDS = /\b(vaatimu\w*|ammattitaitovaatimu\w*|ammattitaitovaatimus|requirement\w*|required|vaaditaan|vaatii|sisalta\w*|sisaltaa|contain\w*|consist\w*|include\w*|cover\w*|osaamis\w*|osata|osattava\w*|skills|learn|oppia|opittava\w*|kuuluu|kuuluvat|what s in|whats in|topics|aiheet|krav\w*|yrkeskunnighetskrav\w*|ingar|innehall\w*|kunna|lara sig)\b/;
const YES_NO = /^(pitaako|taytyyko|tarvitseeko|onko|kuuluuko|kuuluko|vaaditaanko|edellytetaanko|arvioidaanko|saako|voiko|pitaisiko|do i|do we|do students|does the student|does the unit|does this unit|does it|is|are|must|should|have i to|do i have to|is it|am i|maste|behover|behovs|kravs det|ingar|hor|ar det|finns det|ska jag|skall jag|bor jag|far jag|kan jag)\b/;
const DEMONSTRATION = /\b(naytto\w*|nayto\w*|naytossa|osoit\w*|osoittamistav\w*|demonstrat\w*|demonstration|prove my|show my skills|show (my|your|the) (skills|competence)|skills test|practical test|yrkesprov\w*|pavisa\w*|visa\w* (mitt|sitt|ditt|mina|sina|dina|ert|vart) kunnande\w*|visar jag)\b/;
const UNIT_FACTS = /\b(osp|osaamispist\w*|opintopist\w*|competence points?|credits?|how many points|how much is .* worth|worth|laajuus|laaju\w*|kuinka (laaja|iso)|how (big|large|long)|tutkintoon|qualification|tutkinto|diaari\w*|perustutkin\w*|which unit|mika tutkinnon osa|mika tama (on|tutkinnon osa)|kompetenspoang\w*|hur manga poang|omfattning\w*|hur omfattande|vilken examen|grundexamen\w*)\b/;
const GRADING = /\b(arviointi\w*|arvioidaan|arvosan\w*|grading|graded|assess\w*|evaluat\w*|grade scale|grades|arviointikriteer\w*|criteria|bedomning\w*|bedoms|betyg\w*|vitsord\w*)\b/;
// A unit named by a capitalised or quoted name: 'tutkinnon osa "Myynti"', "the unit Logistics operations".
const UNIT_REFERENCE = /(?:tutkinnon osa[a-zäö]*|[Uu]nit|[Mm]odule|[Cc]ourse|kurssi[a-zäö]*)\s+(?:["“”']([^"“”']{3,60})["“”']|(\p{Lu}[\p{L}-]*(?:\s+(?:ja|and|&|\p{Ll}[\p{L}-]*)){0,4}?))(?=\s+(?:require\w*|vaatimu\w*|vaati\w*|criteria|kriteer\w*|sisalt\w*|sisält\w*|grading|arviointi)|\s*[?.!,]|\s*$)/u;
const OTHER_QUALIFICATION = /\b([a-z]+(?:alan|n)?) (perustutkin\w*|ammattitutkin\w*|erikoisammattitutkin\w*)\b/;

function stemsOf(text: string): string[] {
  return words(text).map(stemFi);
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  return haystack.some((_, i) => needle.every((n, j) => haystack[i + j] === n));
}

export function sectionNamedIn(unit: Unit, text: string): Section | undefined {
  const qs = stemsOf(text);
  let best: { section: Section; length: number } | undefined;
  for (const section of unit.sections)
    for (const name of [section.title.fi, section.title.en, ...section.aliases]) {
      const ns = stemsOf(name);
      if (containsSequence(qs, ns) && (!best || ns.length > best.length)) best = { section, length: ns.length };
    }
  return best?.section;
}

function unknownUnitName(kb: KnowledgeBase, question: string, folded: string): string | undefined {
  const other = OTHER_QUALIFICATION.exec(folded);
  if (other && !kb.units.some((u) => compact(u.qualification.name.fi).includes(other[0]))) return other[0];
  const named = UNIT_REFERENCE.exec(question);
  const name = (named?.[1] ?? named?.[2])?.trim();
  if (!name || kb.unitNamedIn(name)) return undefined;
  return name;
}

export function detectIntent(kb: KnowledgeBase, unit: Unit, question: string): Intent {
  const folded = compact(question);
  if (folded === '' || HELP.test(folded)) return { kind: 'help' };
  if (GREETING.test(folded)) return { kind: 'greeting' };
  if (THANKS.test(folded)) return { kind: 'thanks' };

  const unknownUnit = unknownUnitName(kb, question, folded);
  if (unknownUnit) return { kind: 'unknown-unit', name: unknownUnit };

  const grades = parseGrades(question);
  if (grades.invalid.length > 0 && grades.grades.length === 0) return { kind: 'grade-invalid', requested: grades.invalid };
  if (grades.grades.length > 0) {
    if (grades.invalid.length > 0) return { kind: 'grade-invalid', requested: grades.invalid };
    return grades.grades.length > 1 && (grades.compare || grades.grades.length === 2)
      ? { kind: 'grade-compare', grades: grades.grades }
      : { kind: 'grade-criteria', grades: grades.grades };
  }

  const yesNo = has(folded, YES_NO);
  if (has(folded, DEMONSTRATION) && !yesNo) return { kind: 'demonstration' };
  if (has(folded, UNIT_FACTS) && !has(folded, /\b(kriittis\w*|critical)\b/)) return { kind: 'unit-facts' };

  const section = sectionNamedIn(unit, question);
  const asksRequirements = has(folded, REQUIREMENT_WORDS);
  // "is reporting required" asks about one requirement, not for the section's list.
  if (section && !yesNo) return { kind: 'section-requirements', sectionId: section.id };

  if (yesNo) return { kind: 'requirement-check', query: question };
  if (asksRequirements && isGeneralRequirementQuestion(folded)) return { kind: 'all-requirements' };
  if (has(folded, GRADING) && !has(folded, /\b(palaute\w*|feedback|respons)\b/)) return { kind: 'grading-overview' };
  return { kind: 'search', query: question };
}

/** "kaikki ammattitaitovaatimukset", "what are the requirements of this unit", "vilka är yrkeskunnighetskraven": no topic beyond the unit. */
function isGeneralRequirementQuestion(folded: string): boolean {
  const generic = /^(kaikki|kaikkea|mita kaikkea|all|the|list|listaa|luettele|mitka|mita|ovat|are|what|of|this|unit|tutkinnon|osan|osa|osassa|in|for|tassa|taman|ammattitaitovaatimukset|ammattitaitovaatimuksia|vaatimukset|vaatimuksia|requirements|requirement|skill|skills|professional|vocational|vaaditaan|required|show|me|which|please|kerro|anna|whole|koko|entire|every|each|mita|on|ne|sisaltaa|contain|contains|includes|include|cover|covers|asiakkuuksien|hoitaminen|managing|customer|relationships|is|do|i|need|to|learn|oppia|pitaa|osata|osaamis\w*|what s|whats|the unit|alla|vilka|vad|ar|krav|kraven|yrkeskunnighetskrav|yrkeskunnighetskraven|for|examensdel|examensdelen|denna|den|har|kravs|visa|mig|lista|hela|jag|man|maste|ska|kunna|lara|sig)$/;
  return folded.split(' ').every((w) => generic.test(w));
}
