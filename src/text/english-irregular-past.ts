// English irregular verbs for telling an account of work done ("I forgot to log the call", "Aino
// kept calm", "Spent the day on emails"). Regular verbs end in -ed and need no list.

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/u));

/** Simple past forms that differ from the verb's base form. */
export const IRREGULAR_PAST = words(`
  arose ate awoke became began bent bit bled blew bore broke bred brought built burnt bought caught chose clung
  came crept dealt did dove drew dreamt drank drove dug dwelt fed felt fell fled flew flung forbade forgave forgot
  foresaw froze fought found got gave grew ground had heard held hid hung kept knelt knew laid lay led leant
  leapt learnt left lent lit lost made meant met mistook overcame overheard overtook oversaw paid rang ran rode rose
  said sang sank sat saw sent shook shone shot shrank slept slid slung smelt sold sought spat sped spelt spent spilt
  spoilt spoke sprang spun stood stole stuck stung stank strode struck strove swam swept swore swung taught
  thought threw told took tore understood undertook undid upheld was went were withdrew woke won wore wound wove
  wept wrote
`);

/** Past forms that are also the base form ("I put", "we read"): past only after a subject, an imperative alone. */
export const PAST_SAME_AS_BASE = words(`
  bet bid broadcast burst cast cost cut fit forecast hit hurt let put quit read rid set shed shut slit split spread
  thrust upset
`);

/** Past participles that differ from the simple past ("I have done", "Aino has shown"). */
export const IRREGULAR_PARTICIPLE = words(`
  arisen awoken been beaten become begun bitten blown borne broken chosen come done drawn driven drunk eaten fallen
  flown forbidden forgiven forgotten frozen given gone gotten grown hidden known lain mistaken overcome overseen
  overtaken proven ridden risen run seen sewn shaken shown shrunk spoken sprung stolen striven sung sunk sworn swum
  taken thrown torn undertaken undone woken worn woven withdrawn written
`);

/** Past forms too often another word at the start of a sentence ("Rose said…", "ground floor") to read alone. */
export const NOT_ALONE = words('bore ground lay rose wound was were');
