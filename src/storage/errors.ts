import type { ZodError } from 'zod';

// The storage layer's error vocabulary. `userVisible` says whether the chat core may show the message
// (translated) to the person who caused it; the others are operator problems and go to the log.
export type StorageErrorInfo =
  | { code: 'text_too_long'; field: string; limit: number; length: number }
  | { code: 'invalid_input'; issues: string[] }
  | { code: 'not_found'; entity: string; id: string }
  | { code: 'reflection_locked'; localDate: string; today: string }
  | { code: 'reflection_in_future'; localDate: string; today: string }
  | { code: 'database_in_use'; dataDir: string; pid: number; lockFile: string };

export type StorageErrorCode = StorageErrorInfo['code'];

export class StorageError extends Error {
  readonly info: StorageErrorInfo;

  constructor(info: StorageErrorInfo, options?: { cause?: unknown }) {
    super(describe(info), options);
    this.name = 'StorageError';
    this.info = info;
  }

  get code(): StorageErrorCode {
    return this.info.code;
  }

  get userVisible(): boolean {
    return isUserVisible(this.info.code);
  }
}

export function isStorageError(error: unknown, code?: StorageErrorCode): error is StorageError {
  return error instanceof StorageError && (code === undefined || error.code === code);
}

function isUserVisible(code: StorageErrorCode): boolean {
  switch (code) {
    case 'text_too_long':
    case 'invalid_input':
    case 'reflection_locked':
    case 'reflection_in_future':
      return true;
    case 'not_found':
    case 'database_in_use':
      return false;
    default:
      return assertNever(code);
  }
}

function describe(info: StorageErrorInfo): string {
  switch (info.code) {
    case 'text_too_long':
      return `The field "${info.field}" is ${info.length} characters long; the limit is ${info.limit} characters.`;
    case 'invalid_input':
      return `Invalid input: ${info.issues.join('; ')}`;
    case 'not_found':
      return `No ${info.entity} with id "${info.id}".`;
    case 'reflection_locked':
      return `The reflection of ${info.localDate} can no longer be edited (today is ${info.today}); it is editable only on its own day.`;
    case 'reflection_in_future':
      return `A reflection cannot be written for ${info.localDate}, which is after today (${info.today}).`;
    case 'database_in_use':
      return (
        `The database directory ${info.dataDir} is in use by process ${info.pid}. ` +
        'Stop that process or set DATA_DIR (or DATABASE_URL) to use another database. ' +
        `If no such process is running, delete ${info.lockFile}.`
      );
    default:
      return assertNever(info);
  }
}

/** Turns a zod failure into the storage vocabulary: a too-long string becomes `text_too_long` with its limit. */
export function fromZodError(error: ZodError): StorageError {
  for (const issue of error.issues) {
    if (issue.code === 'too_big' && issue.origin === 'string') {
      const input = issue.input;
      return new StorageError({
        code: 'text_too_long',
        field: issue.path.map(String).join('.'),
        limit: Number(issue.maximum),
        length: typeof input === 'string' ? input.length : Number.NaN,
      });
    }
  }
  return new StorageError({
    code: 'invalid_input',
    issues: error.issues.map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`),
  });
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
