// Words that carry no topic: question words, function words, and the words every question about the
// unit shares ("what does the unit require"). Kept out of the index and of relevance checks.
import { foldDiacritics } from './normalize.ts';

const FI = `mita mika mitka miten mihin miksi milloin kuka ketka kenen onko ovatko pitaako taytyyko tarvitseeko
  kuuluuko voiko saako olla on ovat oli ole en et ei emme ette eivat ja tai seka etta kun jos niin kuin vai mutta
  se ne sen niiden tama tassa taman nama naiden tuo tuon siita siihen sita jo viela myos vain kaikki kaikkia
  minun minua minulle minulla mina ma mun sina sa sinun hanen he me te meidan teidan heidan jotka joka jonka
  mutta eli noin voi voisi pitaa pitais kerro kerrotko selita selitä anna listaa luettele kuvaile tarkoittaa
  tarkoitetaan mitas entas enta no niin hei moi kiitos ole olen oletko olisi siis sitten kanssa ilman ennen jalkeen
  tutkinnon osa osan osassa osaan osasta vaatimuksiin vaatimuksissa paljonko montako moneen monta kuinka mista mihin miksi missa mille milla millainen millaisia millaista
  eroa ero vaaditaan vaatii vaatimus tarvitaan tarvitsee osata osaan osaanko tietaa`;

const EN = `a about above after again all am an and any are as at be been being below between both but by can could
  did do does doing down during each few for from further had has have having he her here hers him his how i if in
  into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own
  same she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what whats when where which while who whom why will with would you your yours tell
  explain describe list show give please mean means meant need needed know get got kind sort thing things like
  part unit units module course included include includes covered required require requirement requirements`;

const STOP = new Set([...FI.split(/\s+/), ...EN.split(/\s+/)].filter(Boolean).map(foldDiacritics));

export function isStopword(word: string): boolean {
  return STOP.has(foldDiacritics(word));
}
