// Word cues the chat core reads beside the classifier: what kind of thing a message asks for (a
// contact, the asker's own data, help with the bot, a link removed), whether it only tells something,
// and the base forms of a name written in a Finnish case. Each is matched on the folded text (ä → a).
import { foldDiacritics } from '../../text/normalize.ts';
import { commandClauses, opensAsQuestion, opensAsRequest, opensAsRequestForm } from '../../text/statements.ts';

const folded = (text: string) => foldDiacritics(text.toLowerCase());

/** Asking how to reach someone: their number, e-mail, how to get hold of them. */
const CONTACT =
  /\b(puhelin\w*|numero\w*|sahkoposti\w*|meili\w*|s-posti\w*|yhteys\w*|yhteyden|yhteystied\w*|tavoita\w*|tavoitan|soitta\w*|soitan|phone|number|e-?mail|reach|contact|call|telefon\w*|nummer|e-?post\w*|mejl\w*|nar|kontakt\w*|ringa|ringer)\b/;
export const asksForContact = (text: string): boolean => CONTACT.test(folded(text));

/** A person's private life (where they live, their age, family, pay): nobody's contact details answer it. */
const PRIVATE_LIFE =
  /\b(asuu\w*|asunto|kotiosoit\w*|koti\w* osoite|ika|naimisissa|perhe\w*|lapsia|palkka\w*|lives?|living|home address|address at home|how old|age|married|family|kids|salary|bor|hemadress\w*|hur gammal|alder|gift|familj\w*|barn|lon)\b/;
export const asksAboutPrivateLife = (text: string): boolean => PRIVATE_LIFE.test(folded(text));

/** Words for students as a group, in any case: never a student's name ("mun opiskelijoilla"). */
const STUDENTS = /^(?:(?:mun|minun|my|mina|mitt|alla|kaikki|kaikkien)\s+)?(?:opiskelij\w*|oppila\w*|harjoittelij\w*|ohjattav\w*|students?|trainees?|pupils?|elev\w*|studerande\w*|praktikant\w*)$/;
export const namesStudentsAsGroup = (value: string): boolean => STUDENTS.test(folded(value));

/** "näytä mun arvosana", "show my grade", "visa mitt vitsord": showing the asker's own, a request whatever its words. */
const SHOW_OWN = /^\s*(?:please\s+)?(?:nayta|naytas|show|visa|pull up|give me)\s+(?:\p{L}+\s+)?(?:mun|minun|my|min|mitt|mina|\p{L}+(?:ni|ani|ttani))(?=$|[^\p{L}])/u;
export const asksForOwn = (text: string): boolean => SHOW_OWN.test(folded(text));

/** Words of asking how to use the bot: help, instructions, commands, what it can do. */
const ABOUT_USE =
  /\b(help\w*|apu\w*|avu\w*|auta\w*|autt\w*|ohje\w*|komen\w*|command\w*|kommand\w*|hjalp\w*|instru\w*|menu|meny|valikko|osaat|osaa|osaatko|kayt\w*|use|using|anvand\w*|toimi\w*|works?|fungerar|funkar|options|vaihtoeh\w*|kysya|kysyn|ask|fraga|kirjoittaa|type|skriva|bot\w*|features|toimintoja|funktioner|mita voin|what can|vad kan|guide|bruksanvisning|kayttoohje|taalla|mita (?:ma |mina )?(?:voin|voi|voidaan) (?:\w+ ){0,2}tehda|what (?:can|should) i do|vad kan jag gora)\b/;
export const asksAboutUse = (text: string): boolean => ABOUT_USE.test(folded(text));

/** Asking how the bot itself works: "miten tämä toimii", "how do I use this", "hur funkar det här". */
const HOW_BOT_WORKS =
  /\b((miten|kuinka|how|hur) (tama|taa|this|det har|detta|du|sa|sina|you) (toimii|works?|fungerar|funkar)|how do (i|you) use (this|you|osaava)|miten (tata|taata|sua|sinua|osaavaa) kaytetaan|hur anvander (jag|man) (detta|dig|osaava))\b/;
export const asksHowBotWorks = (text: string): boolean => HOW_BOT_WORKS.test(folded(text));

/** Words of taking a link away. */
const REMOVAL = /\b(remove\w*|delete\w*|deactivat\w*|disconnect\w*|unlink\w*|detach\w*|poista\w*|irrota\w*|pura\w*|katkaise\w*|ta bort|radera\w*|koppla (bort|loss)|avaktiv\w*)\b/;
export const asksRemoval = (text: string): boolean => REMOVAL.test(folded(text));

/** Five words or more, no question, no request: someone telling something. */
export const isPlainSentence = (text: string): boolean =>
  text.trim().split(/\s+/u).length >= 5 && !text.includes('?') && !opensAsQuestion(text) && !commandClauses(text).some(opensAsRequestForm) && !opensAsRequest(text);

/** Case endings a name takes in a question: Finnish ("Villen", "Villellä", "Villelle") and the Swedish genitive ("Villes"). */
const NAME_ENDINGS = ['lla', 'llä', 'lle', 'lta', 'ltä', 'sta', 'stä', 'ssa', 'ssä', 'n', 's'];

/** A capitalised word as written and without each case ending it may carry ("Villellä" → Villellä, Ville). */
export function nameBaseForms(word: string): string[] {
  return [word, ...NAME_ENDINGS.filter((e) => word.length > e.length + 2 && word.endsWith(e)).map((e) => word.slice(0, -e.length))];
}
