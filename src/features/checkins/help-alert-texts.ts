// What a student's cry for help says to their instructor (or teacher) the same day, and what the
// student is told about it.
import { defineCatalogue } from '../../i18n/catalogue.ts';

export const helpAlertTexts = defineCatalogue({
  fi: {
    alertHeading: '{student} pyytää apua',
    alertIntro: '{student} ({workplace}) vastasi {date} päivän kyselyn kysymykseen "Tarvitsetko apua johonkin?":',
    alertFooter: '{role, select, instructor {Olet hänen työpaikkaohjaajansa: ota häneen yhteyttä tänään.} other {Olet hänen opettajansa, eikä jaksolla ole työpaikkaohjaajaa Osaavassa: ota häneen yhteyttä tänään.}}',
    told: '{role, select, instructor {Kerroin avunpyynnöstäsi heti ohjaajallesi ({name}).} other {Kerroin avunpyynnöstäsi heti opettajallesi ({name}).}}',
    notTold: 'En saanut avunpyyntöäsi juuri nyt perille {role, select, instructor {ohjaajallesi} other {opettajallesi}} ({name}); se näkyy hänelle viikkokoosteessa. Jos asia on kiireellinen, ota häneen yhteyttä suoraan.',
  },
  en: {
    alertHeading: '{student} is asking for help',
    alertIntro: '{student} ({workplace}) answered "Do you need help with anything?" in the check-in of {date}:',
    alertFooter: '{role, select, instructor {You are their workplace instructor: please get in touch with them today.} other {You are their teacher, and the placement has no workplace instructor in Osaava: please get in touch with them today.}}',
    told: '{role, select, instructor {I told your instructor ({name}) about your request for help right away.} other {I told your teacher ({name}) about your request for help right away.}}',
    notTold: 'I could not get your request for help to your {role, select, instructor {instructor} other {teacher}} ({name}) just now; they will see it in the weekly summary. If it is urgent, contact them directly.',
  },
  sv: {
    alertHeading: '{student} ber om hjälp',
    alertIntro: '{student} ({workplace}) svarade på frågan "Behöver du hjälp med något?" i dagens fråga {date}:',
    alertFooter: '{role, select, instructor {Du är hens arbetsplatshandledare: kontakta hen i dag.} other {Du är hens lärare, och perioden har ingen arbetsplatshandledare i Osaava: kontakta hen i dag.}}',
    told: '{role, select, instructor {Jag berättade genast för din handledare ({name}) att du behöver hjälp.} other {Jag berättade genast för din lärare ({name}) att du behöver hjälp.}}',
    notTold: 'Jag kunde inte nå din {role, select, instructor {handledare} other {lärare}} ({name}) just nu; hen ser din begäran i veckosammandraget. Om det är brådskande, kontakta hen direkt.',
  },
});
