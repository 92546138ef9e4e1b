// Texts of the observation commands.
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const commandTexts = defineCatalogue({
  fi: {
    tooLong: 'Havainto on liian pitkä: {length} merkkiä, enintään {limit}.',
    placementGone: 'Työpaikkajaksoa ei löydy enää; havaintoa ei tallennettu.',
    textMissing: 'Havainnon teksti puuttuu tai on yli {limit} merkkiä.',
    noneYet: 'Työpaikkaohjaajasi ei ole vielä kirjannut havaintoja sinusta.',
    heading: 'Havainnot sinusta ({count})',
    level: 'taso {level}',
    older: '…ja {count} vanhempaa.',
    helpMine: '**havaintoni**: työpaikkaohjaajan havainnot sinusta',
    helpObserve: '**havainto Aino: hoiti reklamaation rauhallisesti**: kirjaa havainto, ehdotan vaatimukset',
  },
  en: {
    tooLong: 'The observation is too long: {length} characters, at most {limit}.',
    placementGone: 'The placement no longer exists; the observation was not saved.',
    textMissing: 'The observation text is missing or longer than {limit} characters.',
    noneYet: 'Your workplace instructor has not logged any observations about you yet.',
    heading: 'Observations about you ({count})',
    level: 'level {level}',
    older: '…and {count} older ones.',
    helpMine: "**my observations**: your instructor's observations about you",
    helpObserve: '**observe Aino: handled a complaint calmly**: log an observation; I suggest the requirements',
  },
  sv: {
    tooLong: 'Observationen är för lång: {length} tecken, högst {limit}.',
    placementGone: 'Arbetsplatsperioden finns inte längre; observationen sparades inte.',
    textMissing: 'Observationens text saknas eller är längre än {limit} tecken.',
    noneYet: 'Din arbetsplatshandledare har ännu inte fört in några observationer om dig.',
    heading: 'Observationer om dig ({count})',
    level: 'nivå {level}',
    older: '…och {count} äldre.',
    helpMine: '**mina observationer**: arbetsplatshandledarens observationer om dig',
    helpObserve: '**observation Aino: skötte en reklamation lugnt**: för in en observation; jag föreslår kraven',
  },
});
