// Every prompt Osaava sends, as files under prompts/ with one typed fill-in each. Loaded once, on
// first use; a file that lost or gained a placeholder throws then.
import { fileURLToPath } from 'node:url';
import type { Lang } from '../i18n/lang.ts';
import { loadTemplate, type Fill } from './prompt-template.ts';

export const PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface Prompts {
  answerSystem: Fill<'unitName' | 'language'>;
  answerUser: Fill<'question' | 'planNote' | 'quotePolicy' | 'records'>;
  intentSystem: Fill<'unitName' | 'catalog'>;
  intentUser: Fill<'question'>;
  suggestRequirementsSystem: Fill<'language' | 'candidates'>;
  suggestRequirementsUser: Fill<'text'>;
  summaryNarrativeSystem: Fill<'language' | 'studentPlaceholder'>;
  summaryNarrativeUser: Fill<'figures'>;
}

export function loadPrompts(dir: string = PROMPTS_DIR): Prompts {
  return {
    answerSystem: loadTemplate(dir, 'answer.system.md', ['unitName', 'language']),
    answerUser: loadTemplate(dir, 'answer.user.md', ['question', 'planNote', 'quotePolicy', 'records']),
    intentSystem: loadTemplate(dir, 'intent.system.md', ['unitName', 'catalog']),
    intentUser: loadTemplate(dir, 'intent.user.md', ['question']),
    suggestRequirementsSystem: loadTemplate(dir, 'suggest-requirements.system.md', ['language', 'candidates']),
    suggestRequirementsUser: loadTemplate(dir, 'suggest-requirements.user.md', ['text']),
    summaryNarrativeSystem: loadTemplate(dir, 'summary-narrative.system.md', ['language', 'studentPlaceholder']),
    summaryNarrativeUser: loadTemplate(dir, 'summary-narrative.user.md', ['figures']),
  };
}

let loaded: Prompts | undefined;

/** The prompts under prompts/, read once per process. */
export function prompts(): Prompts {
  loaded ??= loadPrompts();
  return loaded;
}

/** How prompts name the answer language. */
export function languageName(lang: Lang): string {
  return { fi: 'Finnish', en: 'English', sv: 'Swedish' }[lang];
}

/** User text goes between <question> or <text> tags; it may not close them and pose as instructions. */
export function asData(text: string): string {
  return text.replace(/<\/?\s*(?:question|text)\s*>/gi, ' ');
}
