// Message catalogues: each feature declares its user-facing texts once per language, as ICU
// messages (plurals, selects, numbers) compiled by intl-messageformat. The Finnish catalogue
// defines the keys; the compiler holds English and Swedish to exactly the same keys.
import { IntlMessageFormat } from 'intl-messageformat';
import { type Lang, LANGS, LOCALES } from './lang.ts';

export type MessageValues = Record<string, string | number>;
export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

export interface Catalogue<K extends string> {
  /** The texts of one language. */
  in(lang: Lang): Translate<K>;
  /** The same text in every language (help texts, phrasings shown side by side). */
  all(key: K, values?: MessageValues): Record<Lang, string>;
  readonly keys: readonly K[];
}

export function defineCatalogue<const K extends string>(texts: { fi: Record<K, string>; en: Record<NoInfer<K>, string>; sv: Record<NoInfer<K>, string> }): Catalogue<K> {
  const keys = Object.keys(texts.fi) as K[];
  const compiled = new Map<string, IntlMessageFormat>();
  const format = (lang: Lang, key: K, values?: MessageValues): string => {
    const id = `${lang}\u0000${key}`;
    let message = compiled.get(id);
    if (!message) {
      // A malformed message is a programming error: fail at first use with the key named.
      try {
        message = new IntlMessageFormat(texts[lang][key], LOCALES[lang], undefined, { ignoreTag: true });
      } catch (error) {
        throw new Error(`message ${lang}.${key} is not valid ICU: ${(error as Error).message}`);
      }
      compiled.set(id, message);
    }
    const out = message.format(values);
    return typeof out === 'string' ? out : String(out);
  };
  const byLang = new Map<Lang, Translate<K>>(LANGS.map((lang) => [lang, (key: K, values?: MessageValues) => format(lang, key, values)]));
  return {
    in: (lang) => byLang.get(lang) ?? ((key, values) => format('fi', key, values)),
    all: (key, values) => ({ fi: format('fi', key, values), en: format('en', key, values), sv: format('sv', key, values) }),
    keys,
  };
}
