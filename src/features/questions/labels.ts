// Curriculum names (sections, grade levels, documents) in the reader's language with the Finnish
// original beside them: "Good 4 (Hyvä 4)", "God 4 (Hyvä 4)"; Finnish readers get the original alone,
// and where the knowledge base has no Swedish the Finnish original stands by itself.
import type { Lang } from '../../i18n/lang.ts';
import { type GradeLevel, type Localized, textIn } from '../../knowledge/schema.ts';
import { texts } from './texts.ts';

/** A name with its Finnish original in brackets when the reader's version differs from it. */
export function withFinnish(own: string, fi: string, lang: Lang): string {
  if (lang === 'fi') return fi;
  // "Customer guidance (asiakasohjaus)" already carries its Finnish name.
  if (own.toLowerCase().includes(fi.toLowerCase())) return own;
  if (lang === 'en' || own !== fi) return `${own} (${fi})`;
  return fi;
}

/** A knowledge-base title for the reader: "Reporting (Raportointi)" in English, the Finnish title in Swedish until the base has Swedish. */
export function titleIn(title: Localized, lang: Lang): string {
  return withFinnish(textIn(title, lang), title.fi, lang);
}

const ONE_TO_FIVE = /^(tyydyttävä|hyvä|kiitettävä)(\s|$)/i;

/** The level's own name in the reader's language: "Hyvä 4", "Good 4", "God 4". */
export function ownLevelName(level: GradeLevel, lang: Lang): string {
  // The scale's Swedish names stand in only for the 1–5 levels ("Hyvä H3" is God 3); "Hyväksytty" of a pass/fail unit stays Finnish.
  if (lang === 'sv') return level.name.sv ?? (ONE_TO_FIVE.test(level.name.fi) ? texts.in('sv')('gradeLevelName', { grade: String(level.grade) }) : level.name.fi);
  return textIn(level.name, lang);
}

/** "Hyvä 4", "Good 4 (Hyvä 4)", "God 4 (Hyvä 4)". */
export function levelName(level: GradeLevel, lang: Lang): string {
  return withFinnish(ownLevelName(level, lang), level.name.fi, lang);
}
