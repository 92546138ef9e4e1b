// /readyz follows the database: 503 `database-unavailable` while it does not answer, 200 again when
// it does; the answer never waits longer than the check's own timeout.
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../src/http/http-server.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(databaseReady: () => Promise<boolean>): Promise<string> {
  server = createHttpServer({ logger: pino({ level: 'silent' }), mounts: [], databaseReady });
  return `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
}

async function readyz(base: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}/readyz`);
  return { status: response.status, body: await response.json() };
}

describe('/readyz and the database', () => {
  it('is 503 database-unavailable while the database is away and 200 when it is back', async () => {
    let up = true;
    const base = await start(async () => up);
    expect(await readyz(base)).toEqual({ status: 200, body: { status: 'ready' } });
    up = false;
    expect(await readyz(base)).toEqual({ status: 503, body: { status: 'database-unavailable' } });
    up = true;
    expect(await readyz(base)).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('counts a failing check as unavailable, and /healthz stays 200 meanwhile', async () => {
    const base = await start(() => Promise.reject(new Error('connect ECONNREFUSED')));
    expect(await readyz(base)).toEqual({ status: 503, body: { status: 'database-unavailable' } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
