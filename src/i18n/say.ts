// Two-language strings inline: `t(lang)('Suomeksi', 'In English')`. Short and next to their use.
import type { Lang } from './lang.ts';

export type Say = (fi: string, en: string) => string;

export const sayIn =
  (lang: Lang): Say =>
  (fi, en) =>
    lang === 'fi' ? fi : en;

/** 2026-11-23 → 23.11.2026 (fi) or 23 Nov 2026 (en). */
export function formatDate(localDate: string, lang: Lang): string {
  const [y, m, d] = localDate.split('-').map(Number);
  if (!y || !m || !d) return localDate;
  if (lang === 'fi') return `${d}.${m}.${y}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}
