// The few words the Slack adapter itself says (labels of Slack's own chrome, transport failures).
// Everything a user reads about Osaava's subject comes from the core.
import type { Lang } from '../../conversation/reply.ts';

export interface AdapterTexts {
  sources: string;
  cancel: string;
  close: string;
  loading: string;
  shortened: string;
  writeAnswers: string;
}

export const adapterTexts: Record<Lang, AdapterTexts> = {
  fi: {
    sources: 'Lähteet',
    cancel: 'Peruuta',
    close: 'Sulje',
    loading: 'Hetki, haen lomaketta…',
    shortened: 'Viesti lyhennettiin Slackin rajojen vuoksi. Kysy tarkemmin, niin vastaan osissa.',
    writeAnswers: 'Kirjoita vastaukset',
  },
  en: {
    sources: 'Sources',
    cancel: 'Cancel',
    close: 'Close',
    loading: 'One moment, fetching the form…',
    shortened: "The message was shortened to fit Slack's limits. Ask more narrowly and I will answer in parts.",
    writeAnswers: 'Write your answers',
  },
};

/** Notes for moments when we cannot know the user's language: both, Finnish first. */
export const bilingualNotes = {
  unknownAction:
    'Tätä painiketta ei enää tunnisteta – se voi olla vanhasta viestistä. Kirjoita minulle suoraan tai käytä komentoa /osaava.\n' +
    'This button is no longer recognised; it may be from an old message. Write to me directly or use /osaava.',
  failure:
    'Jokin meni pieleen meidän päässämme. Yritä hetken päästä uudelleen.\n' +
    'Something went wrong on our side. Please try again in a moment.',
  expiredForm:
    'Lomaketta ei voitu avata: tämä kortti on vanhentunut. Pyydä uusi komennolla /osaava.\n' +
    'The form could not be opened: this card has expired. Ask for a new one with /osaava.',
} as const;
