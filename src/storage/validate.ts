import type { z } from 'zod';
import { fromZodError } from './errors.ts';

/** Parses repository input; failures become a StorageError (`text_too_long` names the field and its limit). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw fromZodError(result.error);
  return result.data;
}
