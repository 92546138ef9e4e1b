// Finnish or English? Questions are short and mix languages ("what is a koulupäivä työpaikalla"),
// so function words decide first; the tinyld model only breaks ties.
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
   vitonen nelonen kolmonen kakkonen ykkonen vitoseen neloseen kolmoseen kakkoseen mita eli entä enta`.split(/\s+/),
);

export function detectLanguage(text: string, fallback: Lang = 'fi'): Lang {
  let en = 0;
  let fi = 0;
  for (const word of words(text)) {
    const folded = foldDiacritics(word);
    if (EN_WORDS.has(word)) en++;
    else if (FI_WORDS.has(folded) || /[äö]/.test(word)) fi++;
    else if (/(ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|ko|kö|han|hän|aan|ään|ien|iin)$/.test(word) && word.length > 4) fi += 0.5;
  }
  if (en !== fi) return en > fi ? 'en' : 'fi';
  const guess = detectAll(text, { only: ['fi', 'en'] })[0];
  return guess?.lang === 'en' || guess?.lang === 'fi' ? guess.lang : fallback;
}
