// The LLM path, switched on by configuration. Without LLM_ENABLED and a key (or an OpenAI-compatible
// base URL) nothing here constructs a client, so no text can leave the server.
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { ChatModel } from './chat-model.ts';
import { createOpenAiChatModel, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './openai-chat-model.ts';

export type { ChatMessage, ChatModel, ChatRequest, ChatResult, ChatUsage, LlmErrorCode } from './chat-model.ts';
export { isLlmError, LlmError, llmErrorRetryable } from './chat-model.ts';

export interface Llm {
  model: ChatModel;
}

export type LlmConfig = Pick<Config, 'llmEnabled' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL'>;

export function createLlm(config: LlmConfig, logger: Logger, options: { timeoutMs?: number; maxRetries?: number } = {}): Llm | undefined {
  if (!config.llmEnabled) return undefined;
  const model = createOpenAiChatModel({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.OPENAI_MODEL,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
  });
  // Where text goes is worth one line at start; the key, and any credentials in the URL, never are.
  const endpoint = config.OPENAI_BASE_URL === undefined ? 'https://api.openai.com' : new URL(config.OPENAI_BASE_URL).origin;
  logger.info({ model: config.OPENAI_MODEL, endpoint }, 'LLM path enabled');
  return { model };
}
