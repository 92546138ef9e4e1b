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
  eroa ero vaaditaan vaatii vaatimus tarvitaan tarvitsee osata osaan osaanko tietaa
  tarvitsenko tarvitseeko tarvitsen tarvitsemme taytyy taytyisi pitaisi pitaisiko pitaa pitaako tulee tuleeko jotain jotakin
  mitaan mita kauanko kuinka montako paljonko moneltako koska kenelle kenen keneen keta kuka ketka jne esim kylla
  liittyy liittyyko liittyvat koskee koskeeko sisaltyy sisaltyyko kestaa kestaako tehda tehdaan tehdaanko teen tee tekee
  minka joita jota joissa jossa jolla niita niista naita naista nyt aina usein voinko saanko olenko onhan eiko
  tyossa toissa harjoittelussa tassa tahan tasta tata tama tuo taalla siella ne niin kuten esimerkiksi
  kannattaa kuuluu kuuluvat ehka juuri aivan ihan tosi hyvin yms plus myos lisaksi sina sinulla sinun minulla
  pitka pitkaan pitkan kauan lyhyt lyhyen usein pakollinen pakollista pakollisia pakko nayta naytatko kertoisitko
  tehty tehtiin teki tehdaanko perehtya oppia opetella hallita ymmartaa tuntea toimin toimia toimitaan
  toisistaan toisiinsa toisensa eroavat eroaa eroavatko oma omaa oman omat omia omasta omassa mukana
  arvioidaanko vaaditaanko edellytetaanko edellytetaan odotetaan odotetaanko hallinta hallintaa hallinnan
  itse itselle itseni itsensa eiko tarvitse tarvitsisi taydy selittaa selittaisitko selitatko kertoa sanoa voisitko voitko
  haluaisin haluisin haluan tietaa jonkinlainen jonkinlaista jonkinlaisen jonkun joku mitenkaan pystya pystyn pystynko
  pystyttava kyeta osaisin osattava mukaan mukainen mukaisesti katsotaan katotaan
  iso isot isoja isoissa isossa isoon suuri suuret suuria suurissa suuressa olivat olleet ollut oltiin
  pidettiin pidetaan pidetty pidettava`;

const EN = `a about above after again all am an and any are as at be been being below between both but by can could
  did do does doing down during each few for from further had has have having he her here hers him his how i if in
  into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own
  same she should so some such than that the their theirs them then there these they this those through to too under
  until up very was we were what whats when where which while who whom why will with would you your yours tell
  explain describe list show give please mean means meant need needed know get got kind sort thing things like
  part unit units module course included include includes covered required require requirement requirements
  last take takes does doing done make makes made much many long often anything something everything about also
  work job placement there's it's i'm don't doesn't isn't can't what's where's who's how's that's let's vs versus mandatory compulsory obligatory
  handle handling deal dealing cope say says said wanna gonna able expected supposed somehow sort kinds run runs running
  important importance held look looks matter matters`;

/** Swedish function and question words (folded), with the frame every question about the unit shares. */
const SV = `vad hur vilka vilken vilket varfor nar var vem vems kravs kraver krav kraven kravet for och ar jag du vi ni mig dig
  mitt ditt sitt min din sin mina dina kan kunna maste behover behovs ska skall far fa om det den de ett en att pa med av
  till fran inte ocksa eller som har hade finns gor gora goras visa visar beratta forklara lista betyder innebar
  handlar ingar hor mellan hos vid efter dessa detta dar har nagot nagon nagra alla allt sa sadan sadana sig sin sina
  examensdel examensdelen examensdelens denna delen del jobbet arbetet arbetsplatsen praktiken praktik obligatorisk obligatoriskt
  lange lang langt paga pagar vara varar upp ut in ner bara mycket sedan nu sager saga sagt materialet materialen
  stodmaterialet texten boken man menas egentligen kanna kanner kant yrkeskunskapskrav yrkeskunskapskraven yrkeskrav yrkeskraven
  behandlades behandlas behandlar behandlade forutom andra annat annan tva tre fyra fem sex sju atta nio tio
  raknas raknar bor borde brukar skulle kommer galler tas togs viktigt viktig viktiga eget egen egna over`;

const BY_LANG = {
  fi: new Set(FI.split(/\s+/).filter(Boolean).map(foldDiacritics)),
  en: new Set(EN.split(/\s+/).filter(Boolean).map(foldDiacritics)),
  sv: new Set(SV.split(/\s+/).filter(Boolean).map(foldDiacritics)),
};

/** A function word of this language ("what", "the" in English; "mitä" in Finnish). */
export function isFunctionWordOf(word: string, lang: 'fi' | 'en' | 'sv'): boolean {
  return BY_LANG[lang].has(foldDiacritics(word));
}

const STOP = new Set([...FI.split(/\s+/), ...EN.split(/\s+/), ...SV.split(/\s+/)].filter(Boolean).map(foldDiacritics));

export function isStopword(word: string): boolean {
  return STOP.has(foldDiacritics(word));
}

/** Every stopword (folded), for vocabularies that should know them. */
export function stopwords(): string[] {
  return [...STOP];
}
