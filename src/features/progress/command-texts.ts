// The progress command's texts.
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const commandTexts = defineCatalogue({
  fi: {
    noPlacementSelf: 'Sinulla ei ole työpaikkajaksoa Osaavassa. Pyydä opettajaasi lisäämään se.',
    noPlacementOther: 'Opiskelijalla {name} ei ole työpaikkajaksoa.',
    askWhose: 'Kenen edistymisen haluat nähdä? Kirjoita esim. "edistyminen Aino" tai "opiskelijani".',
    helpStudent: '**edistymiseni**: mitkä vaatimukset on jo näytetty ja mitkä puuttuvat',
    helpStaff: '**edistyminen Aino**: opiskelijan edistyminen',
  },
  en: {
    noPlacementSelf: 'You have no placement in Osaava. Ask your teacher to add it.',
    noPlacementOther: '{name} has no placement.',
    askWhose: 'Whose progress do you want to see? Write e.g. "progress Aino" or "my students".',
    helpStudent: '**my progress**: which requirements have evidence and which are missing',
    helpStaff: "**progress Aino**: a student's progress",
  },
  sv: {
    noPlacementSelf: 'Du har ingen arbetsplatsperiod i Osaava. Be din lärare lägga in den.',
    noPlacementOther: '{name} har ingen arbetsplatsperiod.',
    askWhose: 'Vems framsteg vill du se? Skriv t.ex. "framsteg Aino" eller "mina studerande".',
    helpStudent: '**mina framsteg**: vilka krav som redan har visats och vilka som saknas',
    helpStaff: '**framsteg Aino**: en studerandes framsteg',
  },
});
