// More ways to say a command, for the intent classifier only (never matched as phrasings): the
// everyday words around each command that its phrasings do not carry — "opinnot etenee", "how's it
// going with my studies", "hur ligger jag till". The classifier learns them beside the phrasings, and
// they count as the command's own words when a guess is checked (intent-support.ts). Keyed by
// command id; an id no command has is an error at start (the registry test walks them). A value the
// command needs is written as its placeholder (xdate, xtime, xname, xplatform, xaccount, xtext:
// entities.ts), as the classifier reads a message.
import type { Lang } from '../../i18n/lang.ts';

export const COMMAND_SYNONYMS: Readonly<Record<string, Partial<Record<Lang, readonly string[]>>>> = {
  progress: {
    fi: ['xname tilanne', 'miten xname on pärjännyt', 'paljonko xname on tekemättä', 'miten opinnot etenee', 'miten opiskelu sujuu', 'missä mennään', 'mun eteneminen', 'paljonko on jäljellä', 'mitä on vielä tekemättä', 'miten olen pärjännyt', 'mun tilanne opinnoissa', 'kuinka pitkällä olen'],
    en: ["xname status", 'how far along is xname', 'how is xname progressing', 'how is it going with my studies', 'how are my studies going', 'my status', 'what is left to do', 'how far have i come', 'show how far i have got', 'how am i progressing', 'how is the student doing'],
    sv: ['hur ligger xname till', 'hur går det för xname', 'hur går mina studier', 'hur ligger jag till', 'vad har jag kvar', 'hur långt jag har kommit', 'min status'],
  },
  reflect: {
    fi: ['kirjaan päivän', 'täytän päivän lomakkeen', 'päiväkirja', 'päivän merkintä', 'haluan kertoa päivästä', 'päivän kysely auki'],
    en: ['fill in the daily form', 'write about my day', 'daily log', 'log today', "let's do today's check-in"],
    sv: ['fylla i dagens formulär', 'skriva om min dag', 'dagbok', 'logga dagen'],
  },
  absent: {
    fi: ['olen sairaslomalla', 'olen kuumeessa', 'en tule töihin', 'jään kotiin sairaana', 'olen flunssassa'],
    en: ['i am not feeling well', 'i have a fever', 'i will not come to work', 'staying home sick', 'i have the flu'],
    sv: ['jag har feber', 'jag stannar hemma', 'jag kommer inte till jobbet', 'jag mår inte bra'],
  },
  resume: {
    fi: ['kyselyt uudestaan päälle', 'aloita kyselyt uudelleen', 'tauko on ohi'],
    en: ['start asking me again', 'the pause is over', 'turn the questions back on'],
    sv: ['börja fråga igen', 'pausen är slut', 'slå på frågorna igen'],
  },
  summary: {
    fi: ['xname viikon yhteenveto', 'mitä xname on tehnyt tällä viikolla', 'xname viikko', 'viikon kooste', 'mitä tällä viikolla tehtiin', 'viikkoraportti', 'yhteenveto viikosta'],
    en: ['xname week summary', 'weekly report for xname', 'what did xname do this week', 'summarize my week', 'week report', 'what happened this week', 'weekly report'],
    sv: ['veckorapport för xname', 'vad gjorde xname den här veckan', 'sammanfatta veckan', 'veckorapport', 'vad hände den här veckan'],
  },
  'my-observations': {
    fi: ['mitä ohjaaja on kirjannut', 'ohjaajan palaute minusta', 'mitä työpaikkaohjaaja on kirjannut minusta', 'palaute minusta'],
    en: ['feedback about me', 'what has my instructor written about me', 'instructor feedback'],
    sv: ['feedback om mig', 'vad har handledaren skrivit om mig'],
  },
  students: {
    fi: ['keitä opiskelijoita minulla on', 'ketä ohjaan', 'lista opiskelijoista', 'opiskelijalista'],
    en: ['which students do i have', 'student list', 'who am i supervising'],
    sv: ['vilka studerande har jag', 'lista över studerande', 'elevlista'],
  },
  'checkin-time': {
    fi: ['vaihda kyselyaika xtime', 'kyselyn aika xtime', 'kysely tulee klo xtime', 'siirrä kysely xtime', 'haluan kyselyn kello xtime', 'muuta kysymysaika xtime', 'kyselyaika xtime'],
    en: ['change my check-in time to xtime', 'check in time xtime', 'send the daily question at xtime', 'i want my check-in at xtime', 'move the check in to xtime'],
    sv: ['ändra tiden till xtime', 'skicka frågan kl xtime', 'byt tid för frågan till xtime', 'incheckningstid xtime', 'jag vill ha frågan kl xtime'],
  },
  pause: {
    fi: ['tauota kyselyt xdate xdate', 'kyselyt tauolle xdate - xdate', 'en halua kyselyitä xdate xdate', 'ei kyselyitä xdate - xdate', 'tauko kyselyihin xdate xdate', 'pidä taukoa kyselyistä xdate - xdate', 'lopeta kyselyt väliaikaisesti xdate xdate'],
    en: ['pause my check-ins xdate xdate', 'no check-ins from xdate to xdate', 'stop the daily questions xdate - xdate', 'take a break from check-ins xdate xdate', 'hold the check-ins between xdate and xdate'],
    sv: ['pausa frågorna xdate - xdate', 'inga frågor xdate xdate', 'pausa incheckningarna från xdate till xdate', 'uppehåll i frågorna xdate xdate'],
  },
  observe: {
    fi: ['havainto xname xtext', 'kirjaa havainto xname xtext', 'tee havainto xname xtext', 'kirjaa xname havainto xtext', 'havainto xname : xtext'],
    en: ['log an observation for xname xtext', 'observation for xname xtext', 'note about xname xtext', 'write an observation about xname xtext', 'record an observation on xname xtext'],
    sv: ['observation om xname xtext', 'skriv en observation för xname xtext', 'observation för xname xtext', 'anteckna om xname xtext'],
  },
  link: {
    fi: ['linkitä xplatform käyttäjä xaccount xname', 'yhdistä xname xplatform tunnus xaccount', 'liitä xplatform xaccount xname', 'yhdistä xplatform tili xaccount xname'],
    en: ['link xplatform user xaccount to xname', 'connect xplatform account xaccount with xname', 'link xplatform id xaccount to xname', 'attach xplatform xaccount to xname'],
    sv: ['koppla xplatform användaren xaccount till xname', 'koppla xplatform kontot xaccount till xname', 'länka xplatform xaccount till xname'],
  },
  erase: {
    fi: ['poista xname kaikki tiedot', 'poista xname tiedot pysyvästi', 'poista opiskelijan xname tiedot', 'hävitä xname tiedot'],
    en: ['delete all of xname data', 'erase everything about xname', 'delete xname data permanently', 'remove all data of xname'],
    sv: ['radera alla uppgifter om xname', 'ta bort xname uppgifter', 'radera allt om xname'],
  },
  export: {
    fi: ['vie xname tiedot tiedostoon', 'lataa xname tiedot', 'xname tiedot ladattavaksi', 'tietopyyntö xname'],
    en: ['export all data for xname', 'download xname data', 'export the data of xname', 'data request for xname'],
    sv: ['exportera xname uppgifter', 'ladda ner uppgifter om xname', 'exportera all data om xname'],
  },
  help: {
    fi: ['mitä tämä botti osaa', 'miten tätä käytetään', 'mitä voin kysyä', 'en ymmärrä miten tämä toimii'],
    en: ['what does this bot do', 'what can i ask', 'i do not understand how this works', 'show me the commands'],
    sv: ['vad gör den här boten', 'hur använder jag det här', 'vad kan jag fråga'],
  },
  'my-teacher': {
    fi: ['kuka on vastuuopettajani', 'kuka on ope', 'kenelle soitan koulusta'],
    en: ['who is my teacher at school', 'my tutor teacher'],
    sv: ['vem är läraren', 'min lärare i skolan'],
  },
  'my-instructor': {
    fi: ['kuka ohjaa minua töissä', 'kuka on työpaikan ohjaaja', 'kuka on mun pomo'],
    en: ['who supervises me at work', 'my supervisor at work', 'who is my boss'],
    sv: ['vem handleder mig på jobbet', 'min chef'],
  },
};
