// The chat-model port over the official OpenAI SDK: the only file that imports `openai`.
// Chat Completions with a strict JSON-schema response format is what OpenAI, Azure OpenAI, vLLM and
// Ollama all speak; the Responses API is not needed for one structured reply.
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import type { ChatModel, ChatRequest, ChatResult } from './chat-model.ts';
import { LlmError } from './chat-model.ts';

export interface OpenAiChatModelOptions {
  /** Local OpenAI-compatible servers (Ollama, vLLM without auth) accept any key. */
  apiKey: string | undefined;
  /** e.g. https://my-resource.openai.azure.com/openai/v1 or http://localhost:11434/v1; default OpenAI. */
  baseURL: string | undefined;
  model: string;
  /** Per attempt. The SDK default is 10 minutes, far too long for a chat reply. */
  timeoutMs?: number;
  /** Retries of connection errors, timeouts, 408/409/429 and 5xx, honouring Retry-After. */
  maxRetries?: number;
  /** Reasoning models accept only their default; pass null to leave it out. */
  temperature?: number | null;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_MAX_TOKENS = 1_000;

/** Maps the SDK's errors (checked most specific first) onto the core's vocabulary. */
export function toLlmError(error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof APIConnectionTimeoutError) return new LlmError('timeout', 'the model server did not answer in time');
  if (error instanceof APIUserAbortError) return new LlmError('timeout', 'the request was aborted');
  if (error instanceof APIConnectionError) return new LlmError('unavailable', 'could not connect to the model server');
  if (error instanceof APIError) {
    const status = error.status;
    const message = `the model server answered ${status ?? 'an error'}`;
    if (status === 429) return new LlmError('rate-limited', message, { status });
    if (status === 401 || status === 403) return new LlmError('auth', message, { status });
    if (status === 408 || status === 409 || (status !== undefined && status >= 500)) return new LlmError('unavailable', message, { status });
    return new LlmError('bad-request', message, { status });
  }
  return new LlmError('unavailable', `unexpected failure calling the model: ${error instanceof Error ? error.name : typeof error}`);
}

function parseOutput<T>(completion: ChatCompletion, request: ChatRequest<T>): T {
  const choice = completion.choices[0];
  if (!choice) throw new LlmError('invalid-output', 'the reply had no choices');
  if (choice.message.refusal) throw new LlmError('refused', 'the model refused to answer');
  if (choice.finish_reason === 'content_filter') throw new LlmError('refused', 'the reply was stopped by a content filter');
  if (choice.finish_reason === 'length') throw new LlmError('invalid-output', 'the reply was cut at the token limit');
  const content = choice.message.content;
  if (content === null || content.trim() === '') throw new LlmError('invalid-output', 'the reply was empty');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new LlmError('invalid-output', 'the reply was not JSON');
  }
  const parsed = request.schema.safeParse(json);
  if (!parsed.success) {
    // Paths and codes only: the values are model output and may echo the prompt.
    const where = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
    throw new LlmError('invalid-output', `the reply did not match ${request.schemaName} (${where})`);
  }
  return parsed.data;
}

export function createOpenAiChatModel(options: OpenAiChatModelOptions): ChatModel {
  const client = new OpenAI({
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
  });
  const temperature = options.temperature === undefined ? 0.2 : options.temperature;

  return {
    name: options.model,
    async complete<T>(request: ChatRequest<T>): Promise<ChatResult<T>> {
      let completion: ChatCompletion;
      try {
        completion = await client.chat.completions.create({
          model: options.model,
          messages: [{ role: 'system', content: request.system }, ...request.messages.map((m) => ({ role: m.role, content: m.content }))],
          response_format: zodResponseFormat(request.schema, request.schemaName),
          // Never keep the conversation on the provider's side (stored completions, evals).
          store: false,
          ...(temperature === null ? {} : { temperature }),
          // max_tokens rather than max_completion_tokens: every compatible server knows it.
          max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
        });
      } catch (error) {
        throw toLlmError(error);
      }
      return {
        value: parseOutput(completion, request),
        usage: { promptTokens: completion.usage?.prompt_tokens ?? 0, completionTokens: completion.usage?.completion_tokens ?? 0 },
      };
    },
  };
}
