// A local stand-in for an OpenAI-compatible server: it speaks the Chat Completions wire format,
// records every request exactly as it arrived, and answers with whatever the test's responder says.
// The real SDK talks to it over HTTP (baseURL http://127.0.0.1:PORT/v1).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';

export const chatRequestBodySchema = z.looseObject({
  model: z.string(),
  messages: z.array(z.looseObject({ role: z.string(), content: z.string() })),
  response_format: z.looseObject({ type: z.string(), json_schema: z.looseObject({ name: z.string() }).optional() }).optional(),
  store: z.boolean().optional(),
  temperature: z.number().optional(),
  max_tokens: z.number().optional(),
});
export type ChatRequestBody = z.infer<typeof chatRequestBodySchema>;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body as sent, byte for byte (decoded as UTF-8). */
  rawBody: string;
  /** The parsed Chat Completions body, when it is one. */
  body: ChatRequestBody | undefined;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
  /** Wait this long before answering (longer than the client's timeout to make it time out). */
  delayMs?: number;
}

export type Responder = (request: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeOpenAi {
  /** For the SDK's `baseURL`. */
  readonly baseURL: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

// --- Request helpers -----------------------------------------------------------------------------

export const systemPromptOf = (r: RecordedRequest): string => r.body?.messages.find((m) => m.role === 'system')?.content ?? '';
export const userPromptOf = (r: RecordedRequest): string => r.body?.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n') ?? '';
export const schemaNameOf = (r: RecordedRequest): string => r.body?.response_format?.json_schema?.name ?? '';

/** The record ids an answer prompt offers: the `[ID] kind` lines after the "Records" heading. */
export function offeredIds(r: RecordedRequest): string[] {
  const user = userPromptOf(r);
  const records = user.slice(Math.max(0, user.indexOf('\nRecords')));
  return [...records.matchAll(/^\[([^\]\s]+)\] /gm)].map((m) => m[1] ?? '');
}

export function answerLanguageOf(r: RecordedRequest): 'fi' | 'en' {
  return /Answer language: English/.test(systemPromptOf(r)) ? 'en' : 'fi';
}

// --- Response builders ---------------------------------------------------------------------------

let sequence = 0;

/** A chat.completion whose message content is `content` (a string of JSON, or anything else). */
export function completion(content: string | null, options: { finishReason?: string; refusal?: string; promptTokens?: number } = {}): FakeResponse {
  sequence += 1;
  return {
    status: 200,
    body: {
      id: `chatcmpl-fake-${sequence}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: 'fake-model',
      choices: [{
        index: 0,
        message: { role: 'assistant', content, refusal: options.refusal ?? null },
        logprobs: null,
        finish_reason: options.finishReason ?? 'stop',
      }],
      usage: { prompt_tokens: options.promptTokens ?? 0, completion_tokens: Math.ceil((content ?? '').length / 4), total_tokens: 0 },
    },
  };
}

/** Valid structured output: `value` serialised as the message content. */
export function structured(value: unknown, options: { promptTokens?: number } = {}): FakeResponse {
  return completion(JSON.stringify(value), options);
}

/** An OpenAI-style error body with `status`; `retryAfter` in seconds sets the Retry-After header. */
export function httpError(status: number, options: { retryAfter?: number; message?: string } = {}): FakeResponse {
  return {
    status,
    headers: options.retryAfter === undefined ? {} : { 'retry-after': String(options.retryAfter) },
    body: { error: { message: options.message ?? `fake error ${status}`, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null, param: null } },
  };
}

export function delayed(delayMs: number, response: FakeResponse): FakeResponse {
  return { ...response, delayMs };
}

// --- A responder that answers sensibly -----------------------------------------------------------

/**
 * Answers every Osaava prompt plausibly: an answer quotes every record it was given, in the
 * prompt's language; intent resolution says "none"; suggestions and narratives stay minimal.
 */
export function echoResponder(request: RecordedRequest): FakeResponse {
  const promptTokens = Math.ceil((request.body?.messages ?? []).reduce((n, m) => n + m.content.length, 0) / 4);
  const lang = answerLanguageOf(request);
  switch (schemaNameOf(request)) {
    case 'osaava_answer':
      return structured({
        intro: lang === 'en' ? 'Here is what the knowledge base says about this.' : 'Tässä on, mitä tietopohjassa sanotaan tästä.',
        points: [],
        quotes: offeredIds(request).map((id) => ({ id })),
        outro: null,
      }, { promptTokens });
    case 'osaava_intent':
      return structured({ intent: { kind: 'none' } }, { promptTokens });
    case 'osaava_requirement_suggestion':
      return structured({ ids: [] }, { promptTokens });
    case 'osaava_summary_narrative':
      return structured({ paragraph: /Write in English/.test(systemPromptOf(request)) ? 'This week the check-ins and observations were recorded.' : 'Tällä viikolla kirjattiin pohdintoja ja havaintoja.' }, { promptTokens });
    default:
      return httpError(400, { message: 'unknown response format' });
  }
}

// --- The server ----------------------------------------------------------------------------------

function parseBody(raw: string): ChatRequestBody | undefined {
  try {
    const parsed = chatRequestBodySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, response: FakeResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
  res.writeHead(response.status, { 'content-type': 'application/json', ...response.headers });
  res.end(body);
}

export async function startFakeOpenAi(responder: Responder = echoResponder): Promise<FakeOpenAi> {
  let respond = responder;
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, rawBody, body: parseBody(rawBody) };
      requests.push(recorded);
      if (recorded.method !== 'POST' || !recorded.path.startsWith('/v1/chat/completions')) {
        send(res, httpError(404, { message: `no route ${recorded.method} ${recorded.path}` }));
        return;
      }
      void Promise.resolve(respond(recorded))
        .then(async (response) => {
          if (response.delayMs) await sleep(response.delayMs);
          send(res, response);
        })
        .catch((error: unknown) => send(res, httpError(500, { message: String(error) })));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the fake OpenAI server has no TCP port');
  const { port } = address;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    respondWith(next) {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
