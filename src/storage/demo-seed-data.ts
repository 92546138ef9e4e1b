import type { ReflectionStatus } from './domain.ts';

// The demo's people and script. Reflections are written in order on the placement's working days
// up to yesterday: at least 16 days for Aino (Mon–Fri) and 13 for Ville (Mon–Thu) whatever the
// weekday of "today", so the designed coverage is reached within those first entries and the rest
// only deepen it. Requirement ids are those of the unit "Asiakkuuksien hoitaminen".
// Deliberately untouched: Aino AH-V2, AH-H5, AH-H10, AH-H12 (AH-T3 only "otherwise");
// Ville AH-V5, AH-V6, AH-H8, AH-H10, AH-T6.
export const DEMO_UNIT_ID = 'asiakkuuksien-hoitaminen';

export const DEMO_PEOPLE = [
  { id: 'aino', name: 'Aino Virtanen', email: 'aino.virtanen@opiskelija.example.fi', roles: ['student'] },
  { id: 'ville', name: 'Ville Mäkinen', email: 'ville.makinen@opiskelija.example.fi', roles: ['student'] },
  { id: 'mikko', name: 'Mikko Laine', email: 'mikko.laine@kodintekniikka.example.fi', roles: ['instructor'] },
  { id: 'sanna', name: 'Sanna Koskinen', email: 'sanna.koskinen@lahdentilitoimisto.example.fi', roles: ['instructor'] },
  { id: 'liisa', name: 'Liisa Heikkinen', email: 'liisa.heikkinen@oppilaitos.example.fi', roles: ['teacher'] },
  { id: 'admin', name: 'Osaava-ylläpitäjä', email: 'osaava@oppilaitos.example.fi', roles: ['admin'] },
] as const;

export interface ScriptedReflection {
  status: ReflectionStatus;
  text?: string;
  requirementIds?: string[];
  confidence?: number;
  hard?: string;
  helpNeeded?: string;
}

export interface ScriptedObservation {
  /** Index of the working day (0 = first) it happened on; clamped to the days that exist. */
  day: number;
  authorId: string;
  text: string;
  requirementIds: string[];
  level: number | null;
}

export interface DemoPlacementScript {
  id: string;
  studentId: string;
  instructorId: string;
  workplaceName: string;
  workplaceBusinessId: string;
  workingDays: number[];
  partTimePercentage: number;
  checkinTime: string;
  keyWorkTasks: string[];
  reflections: ScriptedReflection[];
  observations: ScriptedObservation[];
  otherwise: { requirementId: string; text: string; authorId: string }[];
}

const ainoReflections: ScriptedReflection[] = [
  {
    status: 'answered',
    text: 'Ensimmäinen päivä. Mikko esitteli, miten yritysasiakkaat on jaettu: isoimmat taloyhtiöt ovat avainasiakkaita ja niillä on oma yhteyshenkilö. Sain tunnukset asiakkuudenhallintajärjestelmään.',
    requirementIds: ['AH-V1', 'AH-T1'],
    confidence: 2,
    hard: 'Paljon uusia nimiä ja järjestelmiä kerralla.',
  },
  {
    status: 'answered',
    text: 'Kävin läpi tuotevalikoimaa: kodinkoneiden asennukset, huoltosopimukset ja lisätakuut. Tein itselleni muistilistan asioista, joita asiakkaat kysyvät useimmin.',
    requirementIds: ['AH-V4'],
    confidence: 2,
  },
  {
    status: 'answered',
    text: 'Tutustuin Asunto Oy Kuusikon tietoihin ja aiempiin tilauksiin ennen kuin Mikko soitti isännöitsijälle. Kuuntelin puhelun ja kirjoitin ylös, miten hän eteni.',
    requirementIds: ['AH-V3', 'AH-V6'],
    confidence: 3,
  },
  { status: 'skipped' },
  {
    status: 'answered',
    text: 'Selvitin Mikon pyynnöstä, mitä kilpailijat tarjoavat taloyhtiöille huoltosopimuksissa. Löysin kolme isoa toimijaa ja vertasin hinnat ja palvelut taulukkoon.',
    requirementIds: ['AH-V5'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Tein ensi viikolle oman suunnitelman: ketkä asiakkaat soitan ja mitä niiden kanssa tavoitellaan. Mikko sanoi, että tavoitteet voisivat olla konkreettisempia.',
    requirementIds: ['AH-V7'],
    confidence: 3,
    hard: 'Tavoitteiden kirjoittaminen niin, että niiden toteutumisen voi tarkistaa.',
  },
  {
    status: 'answered',
    text: 'Soitin ensimmäistä kertaa itse asiakkaalle ja sovin huoltokäynnin ajan. Jännitti, mutta meni hyvin, ja aika sopi asentajallekin.',
    requirementIds: ['AH-H3', 'AH-H6'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Päivitin kolmen asiakkaan yhteystiedot järjestelmään ja korjasin vanhentuneet sopimustiedot. Huomasin, että yhdeltä puuttui laskutusosoite.',
    requirementIds: ['AH-T4', 'AH-H11'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Asiakas oli tyytymätön myöhästyneeseen asennukseen. Selvitin syyn varastosta ja tarjosin uutta aikaa samalle viikolle. Asiakas rauhoittui, kun kerroin mitä oli tapahtunut.',
    requirementIds: ['AH-H9', 'AH-H7'],
    confidence: 3,
    hard: 'Vihaisen asiakkaan kohtaaminen puhelimessa.',
  },
  { status: 'absent' },
  {
    status: 'answered',
    text: 'Vastasin asiakkaiden sähköposteihin ja verkkosivun chatin kysymyksiin. Opin, milloin kannattaa soittaa eikä jatkaa viestittelyä.',
    requirementIds: ['AH-H4'],
    confidence: 4,
  },
  {
    status: 'answered',
    text: 'Tarjosin huoltosopimusta asiakkaalle, joka tilasi astianpesukoneen asennuksen. Hän otti sen, kun kerroin mitä se käytännössä sisältää.',
    requirementIds: ['AH-H8', 'AH-H7'],
    confidence: 4,
  },
  {
    status: 'answered',
    text: 'Kävimme Mikon kanssa läpi tietosuojaohjeen: mitä asiakkaasta saa kirjata, kenelle tietoja saa näyttää ja miten puhelimessa varmistetaan, kenen kanssa puhuu.',
    requirementIds: ['AH-H1', 'AH-T2'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Hoidin Kuusikon asiakkuutta itse: soitin isännöitsijälle sovitusti, kävin läpi tulevat huollot ja kirjasin sovitut asiat järjestelmään.',
    requirementIds: ['AH-H2', 'AH-H3', 'AH-T4'],
    confidence: 4,
  },
  {
    status: 'answered',
    text: 'Arvioin, miten taloyhtiöasiakkaille asetetut tavoitteet ovat toteutuneet tässä kuussa. Kaksi kolmesta toteutui; kolmas jäi, koska asiakas siirsi päätöstä.',
    requirementIds: ['AH-T6'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Tein tiimipalaveriin raportin viikon yhteydenotoista järjestelmän raporttityökalulla. Kaaviot piti vielä selittää suullisesti.',
    requirementIds: ['AH-T5'],
    confidence: 4,
  },
  { status: 'skipped' },
  {
    status: 'answered',
    text: 'Kaikki päivän takaisinsoitot hoidettu ennen kolmea, vaikka aamu meni yllättävän asennusmuutoksen selvittämiseen.',
    requirementIds: ['AH-H6', 'AH-H9'],
    confidence: 4,
  },
  {
    status: 'answered',
    text: 'Hiljainen päivä. Siivosin asiakasrekisteristä päällekkäisiä tietueita ja merkitsin epäselvät tapaukset Mikolle tarkistettaviksi.',
    requirementIds: ['AH-T4', 'AH-H11'],
    confidence: 4,
  },
  {
    status: 'answered',
    text: 'Valmistelin Mikon kanssa tarjouksen uudelle taloyhtiöasiakkaalle ja hain siihen tiedot aiemmista vastaavista kohteista.',
    requirementIds: ['AH-H7', 'AH-V3'],
    confidence: 4,
  },
];

const villeReflections: ScriptedReflection[] = [
  {
    status: 'answered',
    text: 'Perehdytyspäivä. Sanna kertoi, miten asiakasyritykset on jaettu vastuuhenkilöille ja mitä palveluja kullekin kuuluu.',
    requirementIds: ['AH-V1'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Kävin läpi palveluhinnaston: kirjanpito, palkanlaskenta ja tilinpäätöspaketit. Selvitin myös, mitkä asiakkaat tuovat eniten laskutusta ja miksi pienetkin asiakkaat ovat tärkeitä.',
    requirementIds: ['AH-V4', 'AH-V2'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Sain oman asiakkaan, pienen rakennusliikkeen. Luin sen asiakastiedot ja edellisen vuoden viestit ennen ensimmäistä yhteydenottoa.',
    requirementIds: ['AH-V3'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Opettelin taloushallinto-ohjelman perusteet ja päivitin asiakkaani yhteyshenkilöt asiakaskorttiin.',
    requirementIds: ['AH-T1', 'AH-T4', 'AH-H11'],
    confidence: 3,
    hard: 'Ohjelmassa on paljon valikoita, ja samat tiedot löytyvät monesta paikasta.',
  },
  {
    status: 'answered',
    text: 'Kävimme läpi vaitiolovelvollisuuden ja toimiston tietoturvaohjeen: asiakkaan asioista ei puhuta toimiston ulkopuolella, tiedostoja ei lähetetä tavallisena sähköpostina ja salasana vaihdetaan, kun järjestelmä pyytää.',
    requirementIds: ['AH-H1', 'AH-T3', 'AH-T2'],
    confidence: 4,
  },
  {
    status: 'answered',
    text: 'Lähetin asiakkaalle muistutuksen puuttuvista kuiteista ja soitin perään. Sovimme, että hän toimittaa ne perjantaihin mennessä.',
    requirementIds: ['AH-H3', 'AH-H4'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Suunnittelin asiakkaan ensi kuun työt ja kirjasin tavoitteet: kuitit viikoittain ja raportti viidenteen päivään mennessä.',
    requirementIds: ['AH-V7', 'AH-H2'],
    confidence: 3,
  },
  { status: 'skipped' },
  {
    status: 'answered',
    text: 'Kiireinen päivä: kolme asiakasta tarvitsi aineistoja samaan aikaan. En ehtinyt tehdä kaikkea sovitussa ajassa.',
    requirementIds: ['AH-H6'],
    confidence: 2,
    hard: 'Aikataulussa pysyminen, kun kaikki tulee samaan aikaan.',
    helpNeeded: 'Haluaisin käydä Sannan kanssa läpi, miten työt kannattaa priorisoida.',
  },
  {
    status: 'answered',
    text: 'Asiakas suuttui, koska arvonlisäveroilmoitus myöhästyi, vaikka tositteet tulivat häneltä myöhässä. En tiennyt mitä sanoa.',
    requirementIds: ['AH-H9'],
    confidence: 2,
    hard: 'Hankala asiakaskeskustelu.',
    helpNeeded: 'Miten toimia, kun asiakas syyttää meitä omasta viivästyksestään?',
  },
  {
    status: 'answered',
    text: 'Sanna neuvoi: ensin kuunnellaan, sitten kerrotaan tosiasiat ja sovitaan jatko. Soitin asiakkaalle uudestaan ja asia selvisi.',
    requirementIds: ['AH-H9', 'AH-H3'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Tein asiakkaalle kuukausiraportin sovitun mallin mukaan ja lähetin sen ohjelman kautta. Päivitin samalla raporttipohjan uusiin tilinumeroihin.',
    requirementIds: ['AH-T5', 'AH-H5', 'AH-H12'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Hoidin asiakkaan kysymykset sähköpostilla ja puhelimella, ja valitsin kanavan asian mukaan. Yksi kysymys vaati Sannan apua.',
    requirementIds: ['AH-H4', 'AH-H7'],
    confidence: 4,
  },
  { status: 'absent' },
  {
    status: 'answered',
    text: 'Tarkistin, että asiakkaan valtuutukset ovat voimassa, ja korjasin vanhentuneen laskutusosoitteen.',
    requirementIds: ['AH-T4', 'AH-H11'],
    confidence: 3,
  },
  {
    status: 'answered',
    text: 'Sovin asiakkaan kanssa tilinpäätöksen aikataulun ja kirjasin sen yhteiseen kalenteriin. Tällä kertaa aikataulu piti.',
    requirementIds: ['AH-H2', 'AH-H6'],
    confidence: 4,
  },
];

export const DEMO_PLACEMENTS: DemoPlacementScript[] = [
  {
    id: 'pl_demo_aino',
    studentId: 'aino',
    instructorId: 'mikko',
    workplaceName: 'Kodin Tekniikka Oy',
    workplaceBusinessId: '2468135-7',
    workingDays: [1, 2, 3, 4, 5],
    partTimePercentage: 100,
    checkinTime: '15:30',
    keyWorkTasks: ['taloyhtiöasiakkaiden yhteydenpito', 'huolto- ja asennustarjousten valmistelu', 'asiakasrekisterin ylläpito'],
    reflections: ainoReflections,
    observations: [
      {
        day: 4,
        authorId: 'mikko',
        text: 'Aino kartoitti kilpailijoiden huoltosopimukset itsenäisesti ja esitti vertailun selkeänä taulukkona. Seuraavaksi voisi pohtia, mitä vertailusta seuraa meidän omalle tarjoukselle.',
        requirementIds: ['AH-V5'],
        level: 3,
      },
      {
        day: 8,
        authorId: 'mikko',
        text: 'Hoiti tyytymättömän asiakkaan puhelun rauhallisesti ja tarjosi ratkaisun. Kirjasi tapahtuman asiakasrekisteriin ohjeen mukaan.',
        requirementIds: ['AH-H9', 'AH-T4'],
        level: 3,
      },
      {
        day: 11,
        authorId: 'mikko',
        text: 'Tarjosi oma-aloitteisesti huoltosopimusta asennuksen yhteydessä ja perusteli sen asiakkaalle hyvin.',
        requirementIds: ['AH-H8', 'AH-H7'],
        level: 4,
      },
      {
        day: 15,
        authorId: 'mikko',
        text: 'Raportti yhteydenotoista valmistui ajallaan ja oli selkeä. Kirjaukset noudattivat tietosuojaohjetta, ylimääräisiä henkilötietoja ei ollut.',
        requirementIds: ['AH-T5', 'AH-H1'],
        level: 4,
      },
      {
        day: 13,
        authorId: 'liisa',
        text: 'Työpaikkakäynti: Aino kertoi taloyhtiöasiakkaan hoitomallista ja näytti, miten asiakkaan tiedot pidetään ajan tasalla. Sovimme ohjaajan kanssa, että energiansäästö otetaan esiin seuraavissa asennustarjouksissa.',
        requirementIds: ['AH-V6', 'AH-T4'],
        level: null,
      },
    ],
    otherwise: [
      {
        requirementId: 'AH-T3',
        text: 'Suorittanut oppilaitoksen verkkokurssin "Tietoturvan perusteet" hyväksytysti.',
        authorId: 'liisa',
      },
    ],
  },
  {
    id: 'pl_demo_ville',
    studentId: 'ville',
    instructorId: 'sanna',
    workplaceName: 'Lahden Tilitoimisto Oy',
    workplaceBusinessId: '1602176-2',
    workingDays: [1, 2, 3, 4],
    partTimePercentage: 80,
    checkinTime: '15:00',
    keyWorkTasks: ['asiakasyritysten kuukausiraportointi', 'asiakaspalvelu puhelimessa ja sähköpostitse', 'asiakastietojen päivitys'],
    reflections: villeReflections,
    observations: [
      {
        day: 3,
        authorId: 'sanna',
        text: 'Ville perehtyi asiakkaan tietoihin huolellisesti ennen ensimmäistä yhteydenottoa ja kysyi tarkentavia kysymyksiä.',
        requirementIds: ['AH-V3'],
        level: 3,
      },
      {
        day: 8,
        authorId: 'sanna',
        text: 'Kiireisenä päivänä Ville tarvitsi apua töiden järjestämisessä. Kävimme tehtävälistan yhdessä läpi, minkä jälkeen työ eteni.',
        requirementIds: ['AH-H6'],
        level: 2,
      },
      {
        day: 11,
        authorId: 'sanna',
        text: 'Toinen puhelu hankalan asiakkaan kanssa sujui hyvin: Ville kuunteli, kertoi tosiasiat rauhallisesti ja sopi jatkosta.',
        requirementIds: ['AH-H9', 'AH-H3'],
        level: 3,
      },
    ],
    otherwise: [],
  },
];
