// The shared HTTP server's last-resort error handler: a body that cannot be read on a platform route
// (Teams' express.json, anything mounted without its own handler) is a clear 4xx, never a 500.
import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import express, { Router } from 'express';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/http/http-server.ts';
import { fromRequestBodyError } from '../../src/http/request-errors.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function captureLogs() {
  const raw: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void raw.push(line) });
  return { logger, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** A platform-like route: express.json with a 1 kB limit and no error handler of its own. */
async function start(logger = pino({ level: 'silent' })): Promise<string> {
  const router = Router();
  router.post('/api/thing', express.json({ limit: 1024 }), (req, res) => {
    res.json({ got: req.body as unknown });
  });
  router.get('/api/boom', () => {
    throw new Error('secret internal detail');
  });
  server = createHttpServer({ logger, mounts: [{ path: '/', router }] });
  const port = await server.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${port}`;
}

function post(base: string, body: Buffer | string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL('/api/thing', base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function errorOf(response: { status: number; body: string }): { status: number; code: string; message: string } {
  const parsed = JSON.parse(response.body) as { error: { code: string; message: string } };
  expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
  return { status: response.status, ...parsed.error };
}

describe('the shared error handler', () => {
  it('answers a readable body normally', async () => {
    const base = await start();
    expect(await post(base, JSON.stringify({ a: 1 }))).toEqual({ status: 200, body: '{"got":{"a":1}}' });
    expect((await post(base, gzipSync(JSON.stringify({ a: 1 })), { 'Content-Encoding': 'gzip' })).status).toBe(200);
  });

  const cases: Array<[string, Buffer | string, Record<string, string>, number, string]> = [
    ['malformed JSON', '{"a": ', {}, 400, 'invalid_json'],
    ['a body that claims gzip but is not', '{"a": 1}', { 'Content-Encoding': 'gzip' }, 400, 'invalid_encoding'],
    ['a body that claims deflate but is not', '{"a": 1}', { 'Content-Encoding': 'deflate' }, 400, 'invalid_encoding'],
    ['a body that claims br but is not', '{"a": 1}', { 'Content-Encoding': 'br' }, 400, 'invalid_encoding'],
    ['an unknown Content-Encoding', '{"a": 1}', { 'Content-Encoding': 'x-pack' }, 415, 'unsupported_media_type'],
    ['an unknown charset', '{"a": 1}', { 'Content-Type': 'application/json; charset=klingon' }, 415, 'unsupported_media_type'],
    ['a body over the limit', JSON.stringify({ a: 'x'.repeat(2048) }), {}, 413, 'payload_too_large'],
  ];
  for (const [name, body, headers, status, code] of cases) {
    it(`answers ${status} ${code} for ${name}, with an info line and no stack`, async () => {
      const logs = captureLogs();
      const base = await start(logs.logger);
      const error = errorOf(await post(base, body, headers));
      expect(error).toMatchObject({ status, code });
      expect(error.message.length).toBeGreaterThan(10);
      const lines = logs.lines();
      expect(lines.filter((line) => line.msg === 'request rejected')).toMatchObject([{ level: 30, status, code, path: '/api/thing' }]);
      expect(lines.filter((line) => (line.level as number) >= 40)).toEqual([]);
    });
  }

  it('answers 500 without the detail for an error of ours, and keeps serving', async () => {
    const logs = captureLogs();
    const base = await start(logs.logger);
    const response = await fetch(`${base}/api/boom`);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret');
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    expect(logs.lines().filter((line) => line.level === 50)).toHaveLength(1);
    expect((await post(base, '{}')).status).toBe(200);
  });
});

describe('fromRequestBodyError', () => {
  it('leaves errors that are not the client’s to the 500', () => {
    expect(fromRequestBodyError(new Error('boom'))).toBeUndefined();
    expect(fromRequestBodyError(Object.assign(new Error('x'), { status: 500 }))).toBeUndefined();
    expect(fromRequestBodyError(Object.assign(new Error('x'), { status: 500, type: 'stream.not.readable' }))).toBeUndefined();
    expect(fromRequestBodyError('a string')).toBeUndefined();
  });

  it('maps body-parser’s types and zlib’s codes', () => {
    const tagged = (type: string, status: number, extra: object = {}) => Object.assign(new Error(type), { type, status, ...extra });
    expect(fromRequestBodyError(tagged('entity.parse.failed', 400))).toMatchObject({ status: 400, code: 'invalid_json' });
    expect(fromRequestBodyError(tagged('entity.too.large', 413, { limit: 65536 }))).toMatchObject({ status: 413, code: 'payload_too_large', message: expect.stringMatching(/64 kB/) });
    expect(fromRequestBodyError(tagged('encoding.unsupported', 415))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(fromRequestBodyError(tagged('charset.unsupported', 415))).toMatchObject({ status: 415, code: 'unsupported_media_type' });
    expect(fromRequestBodyError(tagged('request.aborted', 400))).toMatchObject({ status: 400, code: 'invalid_request' });
    expect(fromRequestBodyError(tagged('request.size.invalid', 400))).toMatchObject({ status: 400, code: 'invalid_request' });
    for (const code of ['Z_DATA_ERROR', 'Z_BUF_ERROR', 'ERR__ERROR_FORMAT_PADDING_2']) {
      expect(fromRequestBodyError(Object.assign(new Error(code), { code, status: 400 }))).toMatchObject({ status: 400, code: 'invalid_encoding' });
    }
  });
});
