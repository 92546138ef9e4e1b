import { z } from 'zod';
import { localDateSchema } from './domain.ts';

/** An inclusive range of local dates `YYYY-MM-DD`. */
export const dateRangeSchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  .refine((range) => range.from <= range.to, { message: '"from" is after "to"', path: ['to'] });
export type DateRange = z.infer<typeof dateRangeSchema>;
