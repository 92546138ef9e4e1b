// One HTTP server on one port for everything: health probes, the local chat, and the Slack and
// Teams endpoints as they are mounted. Shutting down flips /readyz to 503 first, then closes; while
// the database does not answer, /readyz is 503 too (`database-unavailable`).
import { createServer, type Server } from 'node:http';
import express, { type Express, type Router } from 'express';
import type { Logger } from 'pino';
import { fromRequestBodyError } from './request-errors.ts';

export interface Mount {
  path: string;
  router: Router;
}

export interface HttpServer {
  app: Express;
  server: Server;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export interface HttpServerDeps {
  logger: Logger;
  mounts: Mount[];
  isReady?: () => boolean;
  /** Whether the database answers (a short, cached `SELECT 1`); /readyz is 503 while it does not. */
  databaseReady?: () => Promise<boolean>;
}

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const log = deps.logger.child({ component: 'http' });
  let shuttingDown = false;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (shuttingDown) return void res.status(503).json({ status: 'shutting-down' });
    if (!(deps.isReady?.() ?? true)) return void res.status(503).json({ status: 'starting' });
    if (deps.databaseReady && !(await deps.databaseReady().catch(() => false))) return void res.status(503).json({ status: 'database-unavailable' });
    res.json({ status: 'ready' });
  });
  for (const mount of deps.mounts) app.use(mount.path, mount.router);
  app.use((req, res) => {
    res.status(404).json({ error: { code: 'not_found', message: `No such endpoint: ${req.method} ${req.path}` } });
  });
  // Last-resort error handler. A body that cannot be read (malformed JSON, a fake gzip, too large, an
  // unsupported encoding or charset) is the sender's error: its 4xx, one info line. Anything else is
  // ours: logged as an error, answered 500, and the server keeps running. No stack in any answer.
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const rejected = fromRequestBodyError(err);
    if (rejected) {
      log.info({ status: rejected.status, code: rejected.code, method: req.method, path: req.path }, 'request rejected');
      if (!res.headersSent) res.status(rejected.status).json({ error: { code: rejected.code, message: rejected.message } });
      return;
    }
    log.error({ err, method: req.method, path: req.path }, 'unhandled request error');
    if (!res.headersSent) res.status(500).json({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });

  const server = createServer(app);
  server.keepAliveTimeout = 65_000;

  return {
    app,
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    async close() {
      shuttingDown = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
    },
  };
}
