import { randomUUID } from 'node:crypto';

/** Opaque ids of the scheduler's rows: `ci_…` check-in, `sd_…` summary delivery, `cp_…` pause. */
export function newRowId(prefix: 'ci' | 'sd' | 'cp'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}
