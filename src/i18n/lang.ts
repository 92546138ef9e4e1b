// The languages Osaava speaks. Every catalogue has each of them.
export const LANGS = ['fi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
