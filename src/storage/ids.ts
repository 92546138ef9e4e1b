import { randomUUID } from 'node:crypto';

export type IdPrefix = 'p' | 'pl' | 'r' | 'o' | 'en' | 'a' | 'cp';

/** Opaque text ids with a readable prefix (`p_…` person, `pl_…` placement, `r_…` reflection, `cp_…` check-in pause …). */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
