import type { Response } from 'express';
import { z } from 'zod';
import type { ZodError } from 'zod';
import { MAX_BODY_BYTES, MAX_TEXT_LENGTH } from './schemas.ts';
import type { ErrorBody, ErrorCode } from './schemas.ts';
import { fromRequestBodyError } from '../../http/request-errors.ts';

export interface ApiError {
  status: number;
  code: ErrorCode;
  message: string;
}

export function sendApiError(res: Response, error: ApiError): void {
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  res.status(error.status).json(body);
}

export const notJsonError: ApiError = {
  status: 415,
  code: 'unsupported_media_type',
  message: 'Send the body as JSON with the header Content-Type: application/json.',
};

export const internalError: ApiError = {
  status: 500,
  code: 'internal',
  message: 'Something went wrong on our side. Please try again in a moment.',
};

/** Turns an express.json failure into our error shape; undefined for errors that are not the client's. */
export function fromBodyParserError(err: unknown): ApiError | undefined {
  const known = fromRequestBodyError(err);
  if (known?.code === 'payload_too_large') {
    return { ...known, message: `The request body is too large: the limit is ${MAX_BODY_BYTES / 1024} kB (and ${MAX_TEXT_LENGTH} characters of text).` };
  }
  return known;
}

export const forbiddenError = (message: string): ApiError => ({ status: 403, code: 'forbidden', message });

/** One clear message from a failed chat request parse; the text limit gets its own code. */
export function fromChatRequestError(error: ZodError, body: unknown): ApiError {
  const tooLong = error.issues.find((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (tooLong) {
    const length = textLength(body);
    const got = length === undefined ? '' : ` (got ${length})`;
    return {
      status: 400,
      code: 'text_too_long',
      message: `The message is too long${got}: the limit is ${MAX_TEXT_LENGTH} characters.`,
    };
  }
  const message = error.issues.map((issue) => issue.message).join('; ');
  return { status: 400, code: 'invalid_request', message };
}

/**
 * One clear message from a failed form request parse. Issues inside `values` name their field
 * (`"values.comment" is too long …`), and an over-long answer gets the same code as an over-long message.
 */
export function fromFormRequestError(error: ZodError): ApiError {
  const messages = error.issues.map((issue) => {
    const [first, key] = issue.path;
    const aboutOneValue = first === 'values' && key !== undefined && issue.code !== 'invalid_key';
    return aboutOneValue ? `"values.${String(key)}" ${issue.message}` : issue.message;
  });
  const tooLong = error.issues.some(
    (issue) => issue.code === 'too_big' && issue.origin === 'string' && issue.path[0] === 'values',
  );
  return { status: 400, code: tooLong ? 'text_too_long' : 'invalid_request', message: messages.join('; ') };
}

const withTextSchema = z.object({ text: z.string() });

function textLength(body: unknown): number | undefined {
  const parsed = withTextSchema.safeParse(body);
  return parsed.success ? parsed.data.text.trim().length : undefined;
}
