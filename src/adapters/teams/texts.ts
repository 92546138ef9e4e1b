// The few things the Teams adapter itself says (everything else comes from the core), in both languages.
import type { Lang } from '../../conversation/reply.ts';

const texts = {
  sources: { fi: 'Lähteet', en: 'Sources' },
  unknownUser: {
    fi: 'En tunnistanut, kuka olet: Teams ei lähettänyt käyttäjätunnustasi. Yritä uudelleen, tai ota yhteyttä opettajaasi, jos tämä toistuu.',
    en: "I couldn't tell who you are: Teams didn't send your user id. Please try again, and contact your teacher if this keeps happening.",
  },
  unreadableCard: {
    fi: 'En saanut luettua kortin tietoja – kortti voi olla vanhentunut. Kirjoita viestisi, tai pyydä uusi kortti (esim. "reflect").',
    en: "I couldn't read that card's data – it may be out of date. Type your message instead, or ask for a new card (e.g. \"reflect\").",
  },
  textOnly: {
    fi: 'Ymmärrän vain tekstiviestejä. Kirjoita kysymyksesi, tai kirjoita "help".',
    en: 'I can only read text messages. Type your question, or type "help".',
  },
  received: { fi: 'Vastaus vastaanotettu.', en: 'Received.' },
  internalError: {
    fi: 'Jotain meni vikaan meidän päässämme. Yritä hetken päästä uudelleen.',
    en: 'Something went wrong on our side. Please try again in a moment.',
  },
  noDraft: {
    fi: 'Tästä viestistä ei voi kirjata havaintoa.',
    en: "This message can't be logged as an observation.",
  },
  unknownCommand: {
    fi: 'Tätä toimintoa ei tunneta. Päivitä Osaava-sovellus.',
    en: 'This action is not known. Please update the Osaava app.',
  },
  observationTitle: { fi: 'Kirjaa havainto', en: 'Log as observation' },
} satisfies Record<string, Record<Lang, string>>;

export type TextKey = keyof typeof texts;

export function say(key: TextKey, lang: Lang): string {
  return texts[key][lang];
}
