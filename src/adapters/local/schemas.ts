import { z } from 'zod';

/** The longest message the local chat accepts, in UTF-16 code units (what `String#length` and the browser count). */
export const MAX_TEXT_LENGTH = 4000;

/** The largest request body the chat API parses; larger ones get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** A demo identity the person at the keyboard can act as. */
export const localUserSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  roles: z.array(z.string()),
  description: z.string().optional(),
});
export type LocalUser = z.infer<typeof localUserSchema>;

const requiredString = (field: string) =>
  z.string({
    error: (issue) =>
      issue.input === undefined ? `"${field}" is required` : `"${field}" must be a string`,
  });

/** Body of `POST /api/chat`. Unknown user ids pass: the core decides what they may do. */
export const chatRequestSchema = z.object(
  {
    user: requiredString('user').trim().min(1, '"user" must not be empty').max(200, '"user" is too long'),
    text: requiredString('text')
      .trim()
      .min(1, '"text" must not be empty')
      .max(MAX_TEXT_LENGTH, `"text" is too long: the limit is ${MAX_TEXT_LENGTH} characters`),
  },
  { error: 'The request body must be a JSON object like {"user": "…", "text": "…"}' },
);
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const errorCodeSchema = z.enum([
  'invalid_request',
  'invalid_json',
  'text_too_long',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error shape every failing API call answers with. */
export const errorBodySchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
