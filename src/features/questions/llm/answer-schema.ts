// What the model returns for an answer. It writes only connecting text; requirements and criteria it
// names by id, and the composer prints the knowledge base's own wording for them.
import { z } from 'zod';

export const llmAnswerPointSchema = z.object({
  text: z.string(),
  /** Ids of the given records this point rests on. */
  cite: z.array(z.string()),
});

export const llmAnswerSchema = z.object({
  intro: z.string(),
  points: z.array(llmAnswerPointSchema),
  /** Records to print verbatim under the text. */
  quotes: z.array(z.object({ id: z.string() })),
  // Structured outputs need every field present: optional means nullable.
  outro: z.string().nullable(),
});
export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

export const LLM_ANSWER_SCHEMA_NAME = 'osaava_answer';
