// The few things the Teams adapter itself says (everything else comes from the core).
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const texts = defineCatalogue({
  fi: {
    sourcesLabel: 'Lähteet',
    unknownUser: 'En tunnistanut, kuka olet: Teams ei lähettänyt käyttäjätunnustasi. Yritä uudelleen, tai ota yhteyttä opettajaasi, jos tämä toistuu.',
    unreadableCard: 'En saanut luettua kortin tietoja – kortti voi olla vanhentunut. Kirjoita viestisi, tai pyydä uusi kortti (esim. "reflect").',
    textOnly: 'Ymmärrän vain tekstiviestejä. Kirjoita kysymyksesi, tai kirjoita "help".',
    received: 'Vastaus vastaanotettu.',
    internalError: 'Jotain meni vikaan meidän päässämme. Yritä hetken päästä uudelleen.',
    cannotLogObservation: 'Tästä viestistä ei voi kirjata havaintoa.',
    unknownAction: 'Tätä toimintoa ei tunneta. Päivitä Osaava-sovellus.',
    logObservationTitle: 'Kirjaa havainto',
    showFile: 'Näytä tiedoston sisältö',
    personalOnly: 'En näytä täällä kenenkään edistymistä, reflektioita tai yhteenvetoja. Kirjoita minulle suoraan omaan chattiimme.',
  },
  en: {
    sourcesLabel: 'Sources',
    unknownUser: "I couldn't tell who you are: Teams didn't send your user id. Please try again, and contact your teacher if this keeps happening.",
    unreadableCard: "I couldn't read that card's data – it may be out of date. Type your message instead, or ask for a new card (e.g. \"reflect\").",
    textOnly: 'I can only read text messages. Type your question, or type "help".',
    received: 'Received.',
    internalError: 'Something went wrong on our side. Please try again in a moment.',
    cannotLogObservation: "This message can't be logged as an observation.",
    unknownAction: 'This action is not known. Please update the Osaava app.',
    logObservationTitle: 'Log as observation',
    showFile: "Show the file's contents",
    personalOnly: "I don't show anyone's progress, reflections or summaries here. Write to me directly in our own chat.",
  },
  sv: {
    sourcesLabel: 'Källor',
    unknownUser: 'Jag kunde inte avgöra vem du är: Teams skickade inte ditt användar-id. Försök igen, och kontakta din lärare om det här upprepas.',
    unreadableCard: 'Jag kunde inte läsa kortets uppgifter – kortet kan vara föråldrat. Skriv ditt meddelande i stället, eller be om ett nytt kort (t.ex. "reflect").',
    textOnly: 'Jag kan bara läsa textmeddelanden. Skriv din fråga, eller skriv "help".',
    received: 'Svaret har tagits emot.',
    internalError: 'Något gick fel hos oss. Försök igen om en stund.',
    cannotLogObservation: 'Det här meddelandet kan inte sparas som en observation.',
    unknownAction: 'Den här funktionen är okänd. Uppdatera appen Osaava.',
    logObservationTitle: 'Spara som observation',
    showFile: 'Visa filens innehåll',
    personalOnly: 'Jag visar inte någons framsteg, reflektioner eller sammanfattningar här. Skriv direkt till mig i vår egen chatt.',
  },
});
