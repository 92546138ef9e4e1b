// Texts of the on-demand weekly summary command.
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const commandTexts = defineCatalogue({
  fi: {
    noPlacementThisWeek: 'Sinulla ei ole tällä viikolla työpaikkajaksoa.',
    studentHasNoPlacement: 'Opiskelijalla {name} ei ole tällä viikolla jaksoa.',
    askWhose: 'Kenen viikkokoosteen haluat nähdä? Kirjoita esim. "viikkokooste Aino".',
    noStudentsThisWeek: 'Sinulla ei ole tällä viikolla opiskelijoita työpaikkajaksolla.',
    helpStudent: '**viikkokooste**: oma viikkosi nyt',
    helpStaff: '**viikkokooste Aino**: viikon yhteenveto nyt',
  },
  en: {
    noPlacementThisWeek: 'You have no placement this week.',
    studentHasNoPlacement: '{name} has no placement this week.',
    askWhose: 'Whose weekly summary do you want? Write e.g. "summary Aino".',
    noStudentsThisWeek: 'You have no students on a placement this week.',
    helpStudent: '**summary**: your week so far',
    helpStaff: '**summary Aino**: the weekly summary now',
  },
  sv: {
    noPlacementThisWeek: 'Du har ingen arbetsplatsperiod den här veckan.',
    studentHasNoPlacement: '{name} har ingen arbetsplatsperiod den här veckan.',
    askWhose: 'Vems veckosammanfattning vill du se? Skriv t.ex. "veckosammanfattning Aino".',
    noStudentsThisWeek: 'Du har inga studerande på arbetsplatsperiod den här veckan.',
    helpStudent: '**veckosammanfattning**: din vecka hittills',
    helpStaff: '**veckosammanfattning Aino**: veckans sammanfattning nu',
  },
});
