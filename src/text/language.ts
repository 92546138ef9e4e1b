// Finnish, English or Swedish? Questions are short and mix languages ("what is a koulupäivä
// työpaikalla"), so function words decide first; the tinyld model only breaks ties.
import { detectAll } from 'tinyld';
import type { Lang } from '../i18n/lang.ts';
import { foldDiacritics, words } from './normalize.ts';

const EN_WORDS = new Set(
  `a about all an and any are as at be best between can compare competence could criteria criterion demonstrate describe
   did difference do does explain for from get give grade grades hello help hey hi highest how i if in is it know list
   lowest many me mean means much my need needed of on or part please points require required requirement requirements
   section should show skills tell thanks thank that the there this to unit vs versus what whats what's when where which
   who why will with worth you your good excellent satisfactory level levels course module enrol enroll link export
   erase confirm progress reflect observe observation observations students student summary pause resume sick today`.split(/\s+/),
);

const FI_WORDS = new Set(
  `mita mika mitka miten mihin miksi milloin kuka onko ovatko pitaako taytyyko tarvitseeko kuuluuko voiko saako
   vaaditaan vaatii vaatimus vaatimukset arvosana arvosanaan arvosanalle arvosanan kriteerit kriteeri eroa ero ja tai
   on ovat kaikki kerro selita anna listaa luettele hyva hyvaan hyvalla kiitettava kiitettavaan tyydyttava
   tyydyttavaan osp opintopiste osaamispiste tutkinnon osa osan osaamisen arviointi ammattitaito ammattitaitovaatimukset
   ammattitaidon osoittamistavat naytto nayton naytossa moi hei terve kiitos apua ohje minun mun mina ma sina sa
   vitonen nelonen kolmonen kakkonen ykkonen vitoseen neloseen kolmoseen kakkoseen mita eli entä enta
   ei oon oot jos kun mut mutta niin nyt vaan joo juu ois taa viikko viikon viikol viikolla huomenna huomen tanaan
   tanaa toissa toihin koululla koulul kysely kyselyt kyselyita kyselyja kyselyi tauko tauolle poissa kipee kipea
   sairas sairaana lomalla mulla mul mua mulle multa`.split(/\s+/),
);

/**
 * Swedish function words and the school words of the unit, compared with their diacritics ("för" is
 * not "for"). Words Finnish or English also use ("alla", "vara", "man", "min", "mina") are left out.
 */
const SV_WORDS = new Set(
  `vad hur vilka vilken vilket varför när var vem vems krävs kräver krav kraven kravet för och är jag du vi ni mig dig
   mitt ditt sitt kan kunna måste behöver behövs ska skall får få om det den de ett att på med av till från
   inte också eller som har hade finns gör göra göras visar visa visas kunnande kunnandet kunskaper lära lär sig
   betyg betyget betygen vitsord vitsordet vitsorden nivå nivån nöjaktig nöjaktigt god goda gott berömlig
   berömligt bedömning bedömningen bedömningskriterier bedömningskriterierna bedöms bedömer kriterier kriterierna
   yrkeskunnighetskrav yrkeskunnighetskraven examensdel examensdelen examensdelens examen yrkesprov yrkesprovet
   kompetenspoäng arbetsplatshandledare handledare handledaren lärare läraren studerande studeranden skillnad
   skillnaden skillnaderna mellan jämför jämföra högsta lägsta bästa hej hejsan tack hjälp praktik arbetsplatsen
   arbetet jobbet ingår hör handlar innebär betyder berätta förklara lista nästa dessa detta där här hos vid efter
   bort kopplingen koppla länka radera incheckning incheckningen incheckningar incheckningarna klockan veckan
   frågorna frågan sjuk ledig imorgon länge bör enligt pågå pågår många mycket även både ännu gärna väl själv säga
   här där träffa träffas läsa läser svar svara ansvar ansvarar hände händer ställe ställs sätt sätta följa följer
   kunden kunder kundens företaget företag arbetsboken boken materialet utbildningen säger står tycker menar gäller
   nämns nämner beskriver beskrivs tar ger kund räknas räknar använda använder olika
   hemma idag igår feber förkyld kommer jobba jobbar skicka dagens tillbaka semestern semester`.split(/\s+/),
);

/** Words two of the languages share: they lean both ways by half ("en" is Swedish "a" and Finnish "I don't"). */
const SHARED: Record<string, Partial<Record<Lang, number>>> = {
  en: { sv: 0.5, fi: 0.5 },
  i: { sv: 0.5, en: 0.5 },
  // "on" is Finnish "is", "me" Finnish "we": "paljonko kello on" is Finnish.
  on: { en: 0.5, fi: 0.5 },
  me: { en: 0.5, fi: 0.5 },
  // "ens" is Swedish "even" and spoken Finnish "ensi" ("ens viikol").
  ens: { sv: 0.5, fi: 0.5 },
};

const FI_ENDINGS = /(ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|ko|kö|han|hän|aan|ään|ien|iin)$/;
const SV_ENDINGS = /(erna|arna|orna|ningen|ningar|ingar|heten|ighet|ligt|skap|ande|ende)$/;
/** Letters Finnish never writes together: "kundtjänsten", "sjuk", "tack". */
const SV_CLUSTER = /tj|sj|ck/;
const CONSONANTS = '[bcdfghjklmnpqrstvwxz]';
/** A word with ä or ö is Finnish unless it is built as Finnish never is: two consonants at its start or end ("krävs", "ställs"). */
const SWEDISH_SHAPE = new RegExp(`^${CONSONANTS}{2}|${CONSONANTS}{2}$`);
/** Spoken Finnish asks with "-ks" ("pitääks", "tarviiks", "onks"): two consonants at the end, yet Finnish. */
const FINNISH_CLITIC = /[aeiouyäö]ks$/;

/** What the asker quotes or names is not their language: "(kehittämiskokeilu)", "“Uudista yhteistyötä”". */
const QUOTED = /\([^)]*\)|"[^"]*"|“[^”]*”|«[^»]*»/g;
/** A capitalised word after the first: a name or a title ("enligt arbetsboken Uudista yhteistyötä"). */
const NAME = /^\p{Lu}/u;

export function detectLanguage(text: string, fallback: Lang = 'fi'): Lang {
  const score: Record<Lang, number> = { fi: 0, en: 0, sv: 0 };
  const own = text.replace(QUOTED, ' ');
  const written = own.split(/\s+/).filter((w, i) => i === 0 || !NAME.test(w)).join(' ');
  // A text that is all names and quotes is read whole.
  for (const word of words(words(written).length > 0 ? written : text)) {
    const shared = SHARED[word];
    if (shared) {
      for (const [lang, weight] of Object.entries(shared) as [Lang, number][]) score[lang] += weight;
      continue;
    }
    const folded = foldDiacritics(word);
    if (EN_WORDS.has(word)) score.en++;
    else if (SV_WORDS.has(word) || /å/.test(word)) score.sv++;
    else if (FI_WORDS.has(folded)) score.fi++;
    // A Swedish ending is Swedish with ä or ö too ("förbipasserande", "förändringen").
    else if (/[äö]/.test(word)) score[(SWEDISH_SHAPE.test(word) || SV_ENDINGS.test(word) || SV_CLUSTER.test(word)) && !FINNISH_CLITIC.test(word) ? 'sv' : 'fi']++;
    else if (FI_ENDINGS.test(word) && word.length > 4) score.fi += 0.5;
    else if (SV_ENDINGS.test(word) && word.length > 5) score.sv += 0.5;
  }
  const best = Math.max(score.fi, score.en, score.sv);
  const tied = (['fi', 'en', 'sv'] as const).filter((lang) => score[lang] === best);
  if (tied.length === 1 && tied[0]) return tied[0];
  if (best === 0) {
    // No word shows the language: tinyld decides, but it sees Swedish in any short English or
    // Finnish word ("after", "Villen"), so Swedish only when it is sure or the reader is Swedish-speaking.
    const [top] = detectAll(text, { only: ['fi', 'en', 'sv'] });
    if (top?.lang === 'sv' && (top.accuracy >= 0.5 || fallback === 'sv')) return 'sv';
    return guessAmong(text, ['fi', 'en']) ?? fallback;
  }
  return guessAmong(text, tied) ?? (tied.includes(fallback) ? fallback : (tied[0] ?? fallback));
}

function guessAmong(text: string, langs: readonly Lang[]): Lang | undefined {
  const guess = detectAll(text, { only: [...langs] })[0]?.lang;
  return langs.find((lang) => lang === guess);
}
