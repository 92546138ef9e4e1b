// The few words the Slack adapter itself says (labels of Slack's own chrome, transport failures).
// Everything a user reads about Osaava's subject comes from the core.
import { defineCatalogue } from '../../i18n/catalogue.ts';
import { LANGS } from '../../i18n/lang.ts';

export const texts = defineCatalogue({
  fi: {
    sourcesLabel: 'Lähteet',
    cancelButton: 'Peruuta',
    closeButton: 'Sulje',
    loadingForm: 'Hetki, haen lomaketta…',
    messageShortened: 'Viesti lyhennettiin Slackin rajojen vuoksi. Kysy tarkemmin, niin vastaan osissa.',
    writeAnswersButton: 'Kirjoita vastaukset',
    unknownActionNote: 'Tätä painiketta ei enää tunnisteta – se voi olla vanhasta viestistä. Kirjoita minulle suoraan tai käytä komentoa /osaava.',
    failureNote: 'Jokin meni pieleen meidän päässämme. Yritä hetken päästä uudelleen.',
    textOverLimit: 'Tekstissä on {length, number} merkkiä; tallennettavaksi mahtuu {limit, number}. Lyhennä sitä ennen lähettämistä.',
    receivedNote: 'Osaava sai vastauksesi ja käsitteli sen, mutta vahvistusta ei voitu näyttää tässä. Älä lähetä sitä uudelleen – näet tilanteen komennolla /osaava.',
    formAsMessage: 'Ikkuna ei auennut (painike oli ehtinyt vanhentua), joten lomake on tässä viestinä. Mitään kirjoittamaasi ei hävinnyt.',
  },
  en: {
    sourcesLabel: 'Sources',
    cancelButton: 'Cancel',
    closeButton: 'Close',
    loadingForm: 'One moment, fetching the form…',
    messageShortened: "The message was shortened to fit Slack's limits. Ask more narrowly and I will answer in parts.",
    writeAnswersButton: 'Write your answers',
    unknownActionNote: 'This button is no longer recognised; it may be from an old message. Write to me directly or use /osaava.',
    failureNote: 'Something went wrong on our side. Please try again in a moment.',
    textOverLimit: 'This text has {length, number} characters; at most {limit, number} can be saved. Shorten it before sending.',
    receivedNote: 'Osaava received your answer and processed it, but the confirmation could not be shown here. No need to send it again – /osaava shows where you are.',
    formAsMessage: 'The window could not open (the button had expired), so here is the form as a message. Nothing you wrote was lost.',
  },
  sv: {
    sourcesLabel: 'Källor',
    cancelButton: 'Avbryt',
    closeButton: 'Stäng',
    loadingForm: 'Ett ögonblick, jag hämtar formuläret…',
    messageShortened: 'Meddelandet förkortades för att rymmas inom Slacks gränser. Fråga mer avgränsat, så svarar jag i delar.',
    writeAnswersButton: 'Skriv dina svar',
    unknownActionNote: 'Den här knappen känns inte längre igen – den kan vara från ett gammalt meddelande. Skriv direkt till mig eller använd kommandot /osaava.',
    failureNote: 'Något gick fel hos oss. Försök igen om en stund.',
    textOverLimit: 'Texten har {length, number} tecken; högst {limit, number} kan sparas. Korta den innan du skickar.',
    receivedNote: 'Osaava tog emot och behandlade ditt svar, men bekräftelsen kunde inte visas här. Skicka det inte igen – /osaava visar läget.',
    formAsMessage: 'Fönstret kunde inte öppnas (knappen hade hunnit gå ut), så här är formuläret som ett meddelande. Inget av det du skrev gick förlorat.',
  },
});

type Key = (typeof texts.keys)[number];

/** For moments when we cannot know the user's language: every language, one a line, Finnish first. */
export function everyLanguage(key: Key, separator = '\n'): string {
  const all = texts.all(key);
  return LANGS.map((lang) => all[lang]).join(separator);
}
