// More ways to say a command, for the intent classifier only (never matched as phrasings): the
// everyday words around each command that its phrasings do not carry — "opinnot etenee", "how's it
// going with my studies", "hur ligger jag till". The classifier learns them beside the phrasings, and
// they count as the command's own words when a guess is checked (intent-support.ts). Keyed by
// command id; an id no command has is an error at start (the registry test walks them).
import type { Lang } from '../../i18n/lang.ts';

export const COMMAND_SYNONYMS: Readonly<Record<string, Partial<Record<Lang, readonly string[]>>>> = {
  progress: {
    fi: ['miten opinnot etenee', 'miten opiskelu sujuu', 'missä mennään', 'mun eteneminen', 'paljonko on jäljellä', 'mitä on vielä tekemättä', 'miten olen pärjännyt', 'mun tilanne opinnoissa', 'kuinka pitkällä olen'],
    en: ['how are my studies going', 'how is it going with my studies', 'my status', 'what is left to do', 'how far have i come', 'show how far i have got', 'how am i progressing', 'how is the student doing'],
    sv: ['hur går mina studier', 'hur ligger jag till', 'vad har jag kvar', 'hur långt jag har kommit', 'min status'],
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
    fi: ['viikon kooste', 'mitä tällä viikolla tehtiin', 'viikkoraportti', 'yhteenveto viikosta'],
    en: ['summarize my week', 'week report', 'what happened this week', 'weekly report'],
    sv: ['sammanfatta veckan', 'veckorapport', 'vad hände den här veckan'],
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
