// Words people put around a command that carry no part of it: "näytä mun edistyminen", "pls
// reflektoi", "could you show me my progress", "visa mina framsteg tack". The matcher may pass over
// a few of them (at a cost, so that an exact phrasing always wins), and a name slot never takes one.
const FILLER_WORDS = `
  pls plz please kiitos kiitti voisitko voitko voisiko voiko voisinko haluan haluun haluaisin haluisin nayta naytappa naytas
  kerro ma mina mun minun mulle minulle mulla minulla vaihda muuta aseta laita pida tee jooko nyt viela heti taas sit sitten
  no eli ihan vaan kiva ok okei saisinko saanko tarviin tarvitsen paljonko nahda katsoa tarkistaa aina talla hetkella pliis
  can you could would show me tell set change i want to my now just the a hey ok okay so also again need id i'd i like see let let's lets
  snalla kan du visa mig andra vill jag nu bara garna tack se
`;

export const FILLERS: ReadonlySet<string> = new Set(FILLER_WORDS.split(/\s+/).filter(Boolean));

/** At most this many filler words are passed over in one message. */
export const MAX_SKIPPED = 4;
