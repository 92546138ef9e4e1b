// What the access checks say: who was not found, which of several, and why data is not shown.
import { defineCatalogue } from '../i18n/catalogue.ts';

export const texts = defineCatalogue({
  fi: {
    severalMatch: 'Nimellä "{name}" löytyy useampi opiskelija. Kenestä on kyse?',
    writeFullName: 'Kirjoita koko nimi, esim. "havainto Aino Virtanen: …".',
    writeFullNameOrEmail: 'Kirjoita koko nimi tai sähköpostiosoite, esim. "havainto aino.virtanen@koulu.fi: …".',
    notFound: 'En löydä opiskelijaa "{name}" opiskelijoistasi.',
    didYouMean: 'Tarkoititko {names}?',
    yourStudents: 'Opiskelijasi: {names}.',
    noStudents: 'Sinulla ei ole tällä hetkellä opiskelijoita.',
    outsidePeriod: 'Työpaikkaohjaaja näkee opiskelijan tiedot vain oman työpaikkajaksonsa ajan.',
    notRelated: 'Sinulla ei ole oikeutta nähdä tämän opiskelijan tietoja.',
  },
  en: {
    severalMatch: 'More than one student matches "{name}". Which one do you mean?',
    writeFullName: 'Write the full name, e.g. "observe Aino Virtanen: …".',
    writeFullNameOrEmail: 'Write the full name or the e-mail address, e.g. "observe aino.virtanen@school.fi: …".',
    notFound: 'I can\'t find a student "{name}" among your students.',
    didYouMean: 'Did you mean {names}?',
    yourStudents: 'Your students: {names}.',
    noStudents: 'You have no students at the moment.',
    outsidePeriod: "A workplace instructor sees a student's data only during their own placement period.",
    notRelated: "You are not allowed to see this student's data.",
  },
  sv: {
    severalMatch: 'Flera studerande heter "{name}". Vem menar du?',
    writeFullName: 'Skriv hela namnet, t.ex. "observation Aino Virtanen: …".',
    writeFullNameOrEmail: 'Skriv hela namnet eller e-postadressen, t.ex. "observation aino.virtanen@skolan.fi: …".',
    notFound: 'Jag hittar ingen studerande "{name}" bland dina studerande.',
    didYouMean: 'Menade du {names}?',
    yourStudents: 'Dina studerande: {names}.',
    noStudents: 'Du har inga studerande just nu.',
    outsidePeriod: 'En arbetsplatshandledare ser en studerandes uppgifter endast under sin egen arbetsplatsperiod.',
    notRelated: 'Du har inte rätt att se den här studerandes uppgifter.',
  },
});
