import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlmError, type ChatRequest } from '../../src/llm/chat-model.ts';
import { createOpenAiChatModel } from '../../src/llm/openai-chat-model.ts';
import { completion, delayed, httpError, startFakeOpenAi, structured, type FakeOpenAi, type Responder } from '../support/fake-openai.ts';

const schema = z.object({ answer: z.string(), ids: z.array(z.string()) });
const request: ChatRequest<z.infer<typeof schema>> = { system: 'You are a test.', messages: [{ role: 'user', content: 'Hei, mitä kuuluu?' }], schema, schemaName: 'test_output' };

let fake: FakeOpenAi | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function modelAgainst(responder: Responder, options: { timeoutMs?: number; maxRetries?: number } = {}) {
  fake = await startFakeOpenAi(responder);
  return { fake, model: createOpenAiChatModel({ apiKey: 'sk-test', baseURL: fake.baseURL, model: 'fake-model', timeoutMs: options.timeoutMs ?? 2_000, maxRetries: options.maxRetries ?? 2 }) };
}

async function failure(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof LlmError)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

describe('the OpenAI chat model against an OpenAI-compatible server', () => {
  it('sends a Chat Completions request with a strict JSON schema and store: false', async () => {
    const { fake, model } = await modelAgainst(() => structured({ answer: 'hyvin', ids: ['AH-V1'] }, { promptTokens: 42 }));
    const result = await model.complete(request);
    expect(result).toEqual({ value: { answer: 'hyvin', ids: ['AH-V1'] }, usage: { promptTokens: 42, completionTokens: expect.any(Number) } });

    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe('Bearer sk-test');
    expect(sent?.body).toMatchObject({
      model: 'fake-model',
      store: false,
      temperature: 0.2,
      messages: [{ role: 'system', content: 'You are a test.' }, { role: 'user', content: 'Hei, mitä kuuluu?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'test_output', strict: true } },
    });
  });

  it('maps output that is not JSON to invalid-output', async () => {
    const { model } = await modelAgainst(() => completion('{"answer": "hyvin", '));
    expect(await failure(model.complete(request))).toMatchObject({ code: 'invalid-output' });
  });

  it('maps JSON of the wrong shape to invalid-output without quoting it', async () => {
    const { model } = await modelAgainst(() => structured({ answer: 'salainen teksti', ids: 'AH-V1' }));
    const error = await failure(model.complete(request));
    expect(error.code).toBe('invalid-output');
    expect(error.message).toContain('ids');
    expect(error.message).not.toContain('salainen');
  });

  it('maps a refusal, a content filter stop and a cut-off reply', async () => {
    const refusal = await modelAgainst(() => completion(null, { refusal: 'I cannot help with that.' }));
    expect(await failure(refusal.model.complete(request))).toMatchObject({ code: 'refused', retryable: false });
    await refusal.fake.close();
    const filtered = await modelAgainst(() => completion(null, { finishReason: 'content_filter' }));
    expect(await failure(filtered.model.complete(request))).toMatchObject({ code: 'refused' });
    await filtered.fake.close();
    const cut = await modelAgainst(() => completion('{"answer": "kesken', { finishReason: 'length' }));
    expect(await failure(cut.model.complete(request))).toMatchObject({ code: 'invalid-output' });
  });

  it('retries 429 (honouring Retry-After) and then reports rate-limited', async () => {
    const { fake, model } = await modelAgainst(() => httpError(429, { retryAfter: 0 }));
    expect(await failure(model.complete(request))).toMatchObject({ code: 'rate-limited', retryable: true, status: 429 });
    expect(fake.requests).toHaveLength(3);
  });

  it('succeeds when a retry after 429 succeeds', async () => {
    let calls = 0;
    const { fake, model } = await modelAgainst(() => (++calls === 1 ? httpError(429, { retryAfter: 0 }) : structured({ answer: 'ok', ids: [] })));
    expect((await model.complete(request)).value.answer).toBe('ok');
    expect(fake.requests).toHaveLength(2);
  });

  it('retries 500 and then reports unavailable', async () => {
    const { fake, model } = await modelAgainst(() => httpError(500));
    expect(await failure(model.complete(request))).toMatchObject({ code: 'unavailable', retryable: true, status: 500 });
    expect(fake.requests).toHaveLength(3);
  });

  it('times out each attempt, retries, and then reports timeout', async () => {
    const { fake, model } = await modelAgainst(() => delayed(3_000, structured({ answer: 'late', ids: [] })), { timeoutMs: 200 });
    expect(await failure(model.complete(request))).toMatchObject({ code: 'timeout', retryable: true });
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry an authentication failure or a bad request', async () => {
    const auth = await modelAgainst(() => httpError(401));
    expect(await failure(auth.model.complete(request))).toMatchObject({ code: 'auth', retryable: false, status: 401 });
    expect(auth.fake.requests).toHaveLength(1);
    await auth.fake.close();
    const bad = await modelAgainst(() => httpError(400));
    expect(await failure(bad.model.complete(request))).toMatchObject({ code: 'bad-request', retryable: false });
    expect(bad.fake.requests).toHaveLength(1);
  });

  it('reports a server that is not there as unavailable', async () => {
    const { fake: gone, model } = await modelAgainst(() => structured({}), { maxRetries: 0 });
    await gone.close();
    fake = undefined;
    expect(await failure(model.complete(request))).toMatchObject({ code: 'unavailable' });
  });
});
