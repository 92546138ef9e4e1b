import { z } from 'zod';
import type { FormKind } from '../../conversation/reply.ts';
import { LANGS } from '../../i18n/lang.ts';

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

// Ids go to the database and the logs: control characters (a NUL byte above all, which PostgreSQL
// refuses in text) are the sender's error, 400, never a failed query.
const CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;
const hasNoNul = (value: string) => !value.includes('\u0000');

/** A required id (a user id, a form id): trimmed, 1…max characters, no control characters. */
const idString = (field: string, max: number) =>
  requiredString(field)
    .trim()
    .min(1, `"${field}" must not be empty`)
    .max(max, `"${field}" is too long`)
    .regex(CONTROL_CHARACTERS, `"${field}" must not contain control characters`);

/** Body of `POST /api/chat`. Unknown user ids pass: the core decides what they may do. */
export const chatRequestSchema = z.object(
  {
    user: idString('user', 200),
    text: requiredString('text')
      .trim()
      .min(1, '"text" must not be empty')
      .max(MAX_TEXT_LENGTH, `"text" is too long: the limit is ${MAX_TEXT_LENGTH} characters`)
      .refine(hasNoNul, '"text" must not contain NUL characters'),
  },
  { error: 'The request body must be a JSON object like {"user": "…", "text": "…"}' },
);
export type ChatRequest = z.infer<typeof chatRequestSchema>;

/** The most items one multi-select value may carry (a unit has a few dozen requirements at most). */
export const MAX_FORM_LIST_ITEMS = 100;

// An enum object typed against FormKind: the build fails if the core adds or drops a form kind.
const formKinds = {
  checkin: 'checkin',
  observation: 'observation',
  'checkin-time': 'checkin-time',
} as const satisfies { [K in FormKind]: K };

const formValueString = z
  .string()
  .max(MAX_TEXT_LENGTH, `is too long: the limit is ${MAX_TEXT_LENGTH} characters`)
  .refine(hasNoNul, 'must not contain NUL characters');

/** One submitted field: text or a select's value, a multi-select's values, or a rating. */
export const formValueSchema = z.union(
  [
    formValueString,
    // A refine, not .max(): zod's union reports a failed length check only as "invalid input".
    z.array(formValueString).refine((list) => list.length <= MAX_FORM_LIST_ITEMS, {
      message: `has too many items: the limit is ${MAX_FORM_LIST_ITEMS}`,
    }),
    z.number(),
  ],
  { error: 'must be a string, a list of strings or a number' },
);

/** Body of `POST /api/form`: a submitted form, checked for shape only; the core checks the content. */
export const formRequestSchema = z.object(
  {
    user: idString('user', 200),
    formKind: z.enum(formKinds, {
      error: (issue) =>
        issue.input === undefined
          ? '"formKind" is required'
          : `"formKind" must be one of ${Object.values(formKinds).join(', ')}`,
    }),
    formId: idString('formId', 500),
    /** The language the form was shown in; the core answers in it. */
    lang: z.enum(LANGS).optional(),
    values: z.record(z.string().min(1).max(200).regex(CONTROL_CHARACTERS), formValueSchema, {
      error: (issue) => {
        if (issue.code === 'invalid_key') return 'field ids in "values" must be 1 to 200 characters long, without control characters';
        return issue.input === undefined ? '"values" is required' : '"values" must be an object of field ids to values';
      },
    }),
  },
  { error: 'The request body must be a JSON object like {"user": "…", "formKind": "…", "formId": "…", "values": {}}' },
);
export type FormRequest = z.infer<typeof formRequestSchema>;

/**
 * Query of `GET /api/inbox`: whose messages, and the last seq the page has already shown (0 for all).
 * Query values arrive as strings (or lists of them when repeated), so `after` is parsed from digits only.
 */
export const inboxQuerySchema = z.object(
  {
    user: idString('user', 200),
    after: z
      .string({ error: '"after" must be a single number' })
      .regex(/^\d{1,16}$/, '"after" must be a whole number of at most 16 digits, like 0')
      .transform(Number)
      .refine(Number.isSafeInteger, '"after" is too large')
      .default(0),
  },
  { error: 'The query must look like ?user=…&after=0' },
);
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const errorCodeSchema = z.enum([
  'invalid_request',
  'invalid_json',
  'invalid_encoding',
  'text_too_long',
  'payload_too_large',
  'unsupported_media_type',
  'forbidden',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The one error shape every failing API call answers with. */
export const errorBodySchema = z.object({
  error: z.object({ code: errorCodeSchema, message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
