// The chat-model port the core owns. One implementation talks to OpenAI-compatible servers
// (openai-chat-model.ts); tests put the real one in front of a local fake server.
import type { ZodType } from 'zod';

export type ChatRole = 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ChatRequest<T> {
  system: string;
  messages: readonly ChatMessage[];
  /** The structured output the model must return; it is validated with this schema. */
  schema: ZodType<T>;
  /** Model-visible name of the output schema, e.g. "osaava_answer". */
  schemaName: string;
  maxTokens?: number;
}

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface ChatResult<T> {
  value: T;
  usage: ChatUsage;
}

export interface ChatModel {
  /** A name for logs (the model id), never shown to users. */
  readonly name: string;
  complete<T>(request: ChatRequest<T>): Promise<ChatResult<T>>;
}

/** Whether trying the same request again can succeed. Users never see these: the caller falls back. */
export const llmErrorRetryable = {
  timeout: true,
  'rate-limited': true,
  unavailable: true,
  // Sampling may give a valid answer next time; callers here fall back instead of paying for it.
  'invalid-output': true,
  refused: false,
  auth: false,
  'bad-request': false,
} as const satisfies Record<string, boolean>;

export type LlmErrorCode = keyof typeof llmErrorRetryable;

/** Every failure of a chat model, in one vocabulary. Messages never hold prompt or output text. */
export class LlmError extends Error {
  override name = 'LlmError';
  readonly code: LlmErrorCode;
  readonly retryable: boolean;
  /** The HTTP status when the server answered. */
  readonly status: number | undefined;

  // No `cause`: an SDK error's message can quote the server's reply, which may quote the prompt.
  constructor(code: LlmErrorCode, message: string, options: { status?: number } = {}) {
    super(message);
    this.code = code;
    this.retryable = llmErrorRetryable[code];
    this.status = options.status;
  }
}

export function isLlmError(error: unknown): error is LlmError {
  return error instanceof LlmError;
}
