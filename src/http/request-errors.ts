// What a request body that could not be read becomes: a 4xx with a clear JSON error, never a 500.
// express.json (body-parser) and raw-body reject with http-errors objects tagged by `type`; a body
// that claims Content-Encoding gzip/deflate/br but is not arrives as zlib's own error (Z_DATA_ERROR,
// ERR__ERROR_FORMAT_…) wrapped to status 400 without a type.
import { z } from 'zod';

export type RequestErrorCode =
  | 'invalid_json'
  | 'invalid_encoding'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_request';

export interface RequestError {
  status: number;
  code: RequestErrorCode;
  message: string;
}

const httpErrorSchema = z.object({
  status: z.number().int(),
  type: z.string().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  limit: z.number().optional(),
});

/** zlib's error codes for data that is not what its Content-Encoding says (gzip, deflate, brotli, zstd). */
function isDecompressionError(code: string | number | undefined): boolean {
  return typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__ERROR_') || code.startsWith('ERR_ZSTD') || code === 'ERR_BROTLI_DECOMPRESSION_FAILED');
}

function sizeLimit(limit: number | undefined): string {
  return limit === undefined ? '' : `: the limit is ${Math.round(limit / 1024)} kB`;
}

/**
 * A request body error as our answer; undefined for an error that is not the client's (a 5xx or an
 * error without an HTTP status), which stays a 500.
 */
export function fromRequestBodyError(err: unknown): RequestError | undefined {
  const parsed = httpErrorSchema.safeParse(err);
  if (!parsed.success) return undefined;
  const { status, type, code, limit } = parsed.data;
  switch (type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'payload_too_large', message: `The request body is too large${sizeLimit(limit)}.` };
    case 'encoding.unsupported':
      return { status: 415, code: 'unsupported_media_type', message: 'Unsupported Content-Encoding: send the body uncompressed, or as gzip, deflate or br.' };
    case 'charset.unsupported':
      return { status: 415, code: 'unsupported_media_type', message: 'Unsupported charset: send the body as UTF-8.' };
    case 'request.aborted':
      return { status: 400, code: 'invalid_request', message: 'The request was aborted before its body arrived.' };
    case 'request.size.invalid':
      return { status: 400, code: 'invalid_request', message: 'The request body does not match its Content-Length.' };
    default:
      break;
  }
  if (status < 400 || status >= 500) return undefined;
  if (isDecompressionError(code)) {
    return { status: 400, code: 'invalid_encoding', message: 'The request body is not valid data for its Content-Encoding (gzip, deflate or br).' };
  }
  if (status === 413) return { status, code: 'payload_too_large', message: 'The request body is too large.' };
  if (status === 415) return { status, code: 'unsupported_media_type', message: 'The request body is not in a supported format.' };
  return { status, code: 'invalid_request', message: 'The request could not be read.' };
}
