// Statements: a student's account of their day (→ the check-in form) and an instructor's sentence
// about a named student (→ the observation form). Never a question, a request or a notice of absence.
import { describe, expect, it } from 'vitest';
import { isFirstPersonAccount, nameFollowedByPastVerb, opensAsQuestion, opensWithName } from '../../src/text/statements.ts';

describe('a first-person account of work done', () => {
  it.each([
    // The day's work listed without a verb.
    'mostly filing and phone calls today, nothing special',
    'tänään kassalla ja hyllytystä koko päivä',
    // Spoken "yks" (one) is no "-ks" question, spoken "mut" (but) starts a clause.
    'olin kassalla koko päivän ja yks asiakas suuttu kun kortti ei toiminu mut hoidin sen',
    'yks asiakas oli tosi vihanen mut sain sen rauhottumaan',
    // Finnish, written and spoken, the verb at the start of any clause
    'tänään oli hiljanen päivä, järjestin asiakasarkistoa ja poistin vanhentuneita tietoja',
    'tänään tein asiakaskyselyn ja kokosin vastaukset exceliin',
    'aamulla oli palaveri ja sitten kirjoitin muistion',
    'kahvitauon jälkeen myös siivosin varaston hyllyt',
    'ensin luin ohjeet, lisäksi kokeilin uutta kassajärjestelmää',
    'mä tein tarjouksen yhdelle asiakkaalle',
    'me tehtiin mikon kanssa hyllytystä',
    'oon tehny koko päivän inventaariota',
    'olen ollut koko päivän asiakaspalvelussa',
    'tein tänää kolme myyntiä',
    'hoidin tänään reklamaation',
    'vastasin puhelimeen koko aamupäivän',
    'tanaan tein tarjouksen',
    'mä hoidin asiakkaan reklamaation',
    'kavin lapi varaston saldot',
    'ollaan käyty läpi kassan sulkeminen',
    'tänään harjoiteltiin kassan sulkemista',
    'tänään oli kiireinen päivä kassalla',
    'päivä meni nopeasti tarjousten parissa',
    'työpäivä sujui hyvin',
    'asiakkaalle lähetin tarjouksen ja soitin perään',
    'sitten opastin uutta harjoittelijaa',
    'kysyin asiakkaalta palautetta palvelusta',
    // English
    'aino forgot to log the customer call in the crm today, we talked it through',
    'I forgot to log the call, Mikko showed me how',
    'I brought the samples to the client',
    'we kept the shop open late',
    'I understood the invoicing at last',
    'today I wrote three offers',
    'we went through the price list',
    'I have done the inventory',
    "I've written the monthly report",
    'Mikko and I prepared the campaign',
    'I quickly fixed the price tags',
    'I was at the trade fair all day',
    'Helped a customer choose a vacuum cleaner',
    'Spent the morning answering emails',
    'Forgot to close the till, fixed it afterwards',
    'this morning sold two dishwashers',
    'Today was a busy day at the till',
    'it was a quiet day, mostly sorted the stockroom',
    'I put the new prices on the shelves',
    'eilen tein inventaariota, huomenna jatkan sitä',
    'kiitos, tänään tein raportin ja soitin kolmelle asiakkaalle',
    // Swedish
    'idag har jag jobbat i kassan',
    'jag svarade på kundernas mejl',
    'hjälpte en kund att hitta rätt modell',
    'Ringde tre kunder idag',
    'Jobbade i lagret hela dagen',
    'vi har gått igenom kundregistret',
    'sedan ringde jag några kunder',
    'på eftermiddagen hjälpte jag till i butiken',
    'jag har också skrivit en offert',
    'dagen gick fort i kassan',
    'idag var det mycket kunder',
    'jag gjorde en offert och skickade den',
    'i morse packade jag beställningar',
    'i eftermiddags Svarade på mejl',
  ])('"%s"', (text) => {
    expect(isFirstPersonAccount(text)).toBe(true);
  });

  it.each([
    'I need help with the report today',
    // questions and requests
    'mitä pitää tehdä',
    'voinko tehdä raportin huomenna',
    'pitääkö raportti palauttaa perjantaina',
    'tein jo asiakaskyselyn mutta mitä muuta pitää osata?',
    'tein jo asiakaskyselyn mutta mitä muuta pitää osata',
    'tein raportin, pitääkö se lähettää opettajalle',
    'I need help with the report',
    'I wanted to ask about grade 3',
    'I was wondering what grade 4 needs',
    'I did the survey, what should I do next',
    'I had a question about the criteria',
    'en tiedä mitä tehdä',
    'tarvitsen apua raportin kanssa',
    'raportin palautus on perjantaina',
    'halusin kysyä arvosanasta',
    'haluaisin nähdä mun edistymisen',
    'näytä mun edistyminen',
    'kuka on mun opettaja',
    'jag undrade vad som krävs för betyget',
    'vad behöver jag göra',
    'kan jag ta ledigt på fredag',
    'upgrade the form please',
    'Grade 3 criteria for customer service',
    'thanks a lot',
    // commands and notices of absence
    'pause 14.12.-18.12.',
    'olen sairas tänään',
    'olen sairaana',
    'oon kipee',
    'en pääse töihin',
    'I am sick today',
    "I'm off tomorrow",
    'I was sick yesterday',
    'olin eilen sairaana',
    'jag är sjuk idag',
    'olen väsynyt',
    // a reply to the bot
    'kiitos, sain vastauksen',
    'thanks, that helped',
    'tack, jag förstod',
    // plain words
    'moi',
    'login does not work',
    'puhelin ei toimi',
    'asiakaspalvelun kriteerit',
  ])('not "%s"', (text) => {
    expect(isFirstPersonAccount(text)).toBe(false);
  });
});

describe('an instructor about a named student', () => {
  it.each([
    'aino opasti asiakasta rauhallisesti puhelimessa',
    'Aino kuvasti tuotteen ominaisuudet selkeästi',
    'Aino paljasti tarjouksesta virheen ennen lähetystä',
    'Aino osti kahvit koko tiimille',
    'Aino huolellisesti tarkisti kaikki laskut',
    'Aino ratkaisi asiakkaan ongelman',
    'tänään Aino hoiti kassan yksin',
    'Tänään hoiti Aino kassan yksin',
    'Ainolla meni hyvin asiakaspalvelussa',
    'Ainolla on ollut hyvä viikko',
    'Ainon raportti oli tosi selkeä',
    'Ainon kanssa kävimme läpi kassan',
    '@Aino hoiti reklamaation hienosti',
    'aino on tehny kaikki tehtävät',
    'Aino Virtanen hoiti kassan',
    'Aino was great with customers today',
    'Aino did a good job on the campaign',
    'Aino forgot to log the customer call in the crm today, we talked it through',
    'aino kept calm with an angry customer',
    'Aino brought good ideas to the meeting',
    'Aino has shown real progress',
    "Aino's presentation went really well",
    'Aino really impressed the customer',
    'Aino answers the phone confidently',
    'idag hjälpte Aino en kund',
    'Aino var jättebra med kunderna idag',
    'Aino har gjort ett bra jobb',
    'efter lunch städade Aino lagret',
  ])('"%s"', (text) => {
    expect(nameFollowedByPastVerb(text, 'Aino Virtanen')).toBe(true);
  });

  it.each([
    'näytä Ainon edistyminen',
    'kuka on Ainon opettaja',
    'Aino progress',
    'Aino grades this week',
    'Ainon edistyminen',
    'Aino ei tullut',
    'miten Aino on pärjännyt',
    'onks Aino ollut paikalla',
    'Aino on tosi hyvä',
    'Aino is great',
    "Aino's progress",
    'hur mår Aino idag',
    'Aino oli sairaana tänään',
    'Aino is sick today',
    'Aino hoiti kassan hyvin?',
    'Aino has a doctor appointment',
    'Ainolle pitää antaa palautetta',
    'Aino voisi harjoitella kassaa enemmän',
    'Ainon raportti ja arvosana',
    'observe Niko ja Mikko',
    'Aino tulee huomenna myöhemmin',
    'Aino starts at the warehouse next week',
  ])('not "%s"', (text) => {
    expect(nameFollowedByPastVerb(text, 'Aino Virtanen')).toBe(false);
  });

  it('reads the surname as no verb, and works with the first name alone', () => {
    expect(nameFollowedByPastVerb('Aino Virtanen', 'Aino Virtanen')).toBe(false);
    expect(nameFollowedByPastVerb('Ville prepared the customer survey', 'Ville')).toBe(true);
  });

  it('reads a Finnish name inflected in its weak grade', () => {
    expect(nameFollowedByPastVerb('Mikolla meni tänään hyvin kassalla', 'Mikko Mäkinen')).toBe(true);
    expect(nameFollowedByPastVerb('Antin kanssa kävimme läpi tarjoukset', 'Antti')).toBe(true);
    expect(nameFollowedByPastVerb('Villellä oli hyvä päivä', 'Ville')).toBe(true);
    expect(nameFollowedByPastVerb('Mikon edistyminen', 'Mikko')).toBe(false);
  });
});

describe('a question opening', () => {
  it.each(['onko', 'voinko tehdä', 'pitääkö', 'onks aino ollut', 'what is', 'hur gör jag', 'näytä'])('"%s" opens a question', (text) => {
    expect(opensAsQuestion(text)).toBe(true);
  });
  it.each(['Mikko neuvoi minua', 'Marko hoiti kassan', 'taulukko valmistui', 'tein raportin'])('"%s" does not', (text) => {
    expect(opensAsQuestion(text)).toBe(false);
  });
});

describe('a note that opens with a student name', () => {
  it.each(['aino taas myöhässä tänää 15min', '@Aino super asiakaspalvelu tänään'])('"%s" is a note about Aino', (text) => {
    expect(opensWithName(text, 'Aino Virtanen')).toBe(true);
  });

  it.each(['Aino progress please', 'aino sairaana tänään kotona', 'Aino, mitä kuuluu?', 'Ville hoiti kassan hyvin tänään'])('"%s" is not', (text) => {
    expect(opensWithName(text, 'Aino Virtanen')).toBe(false);
  });
});
