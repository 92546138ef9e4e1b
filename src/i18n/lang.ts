// The languages Osaava speaks. Every message catalogue has each of them.
export const LANGS = ['fi', 'en', 'sv'] as const;
export type Lang = (typeof LANGS)[number];

/** The locale each language is formatted in: Finnish and Swedish as written in Finland. */
export const LOCALES: Record<Lang, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };
