// Shared wiring for the LLM tests: the real knowledge base, the real OpenAI SDK pointed at the local
// fake server, and a logger whose lines the test can read.
import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { createAnswerService, type AnswerService } from '../../src/features/questions/answer-service.ts';
import type { ChatModel } from '../../src/llm/chat-model.ts';
import { createLlmComposer, type LlmComposer } from '../../src/features/questions/llm/llm-composer.ts';
import { createOpenAiChatModel } from '../../src/llm/openai-chat-model.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createRedactor } from '../../src/privacy/index.ts';
import { echoResponder, startFakeOpenAi, type FakeOpenAi, type Responder } from '../support/fake-openai.ts';
import { realKnowledge } from '../support/knowledge.ts';

const logLineSchema = z.looseObject({ level: z.number(), msg: z.string() });
export type LogLine = z.infer<typeof logLineSchema>;

export function capturingLogger() {
  const lines: string[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(line) };
  const logger = createLogger({ level: 'debug', destination });
  const parsed = (): LogLine[] => lines.map((l) => logLineSchema.parse(JSON.parse(l)));
  return { logger, lines, parsed, warnings: () => parsed().filter((l) => l.level === 40) };
}

export interface LlmHarness {
  fake: FakeOpenAi;
  model: ChatModel;
  composer: LlmComposer;
  service: AnswerService;
  log: ReturnType<typeof capturingLogger>;
  close(): Promise<void>;
}

/** Short timeouts so the retry tests run in seconds; the production defaults are 15 s and 2 retries. */
export async function startHarness(options: { responder?: Responder; timeoutMs?: number; maxRetries?: number } = {}): Promise<LlmHarness> {
  const fake = await startFakeOpenAi(options.responder ?? echoResponder);
  const { kb } = realKnowledge();
  const log = capturingLogger();
  const model = createOpenAiChatModel({
    apiKey: 'test-key',
    baseURL: fake.baseURL,
    model: 'fake-model',
    timeoutMs: options.timeoutMs ?? 2_000,
    maxRetries: options.maxRetries ?? 2,
  });
  const composer = createLlmComposer({ model, kb, logger: log.logger, redactor: createRedactor() });
  const service = createAnswerService({ kb, logger: log.logger, composer });
  return { fake, model, composer, service, log, close: () => fake.close() };
}
