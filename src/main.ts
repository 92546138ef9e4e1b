// Entry point: configuration, logger, the app, and a graceful stop on SIGTERM/SIGINT.
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

// The app's modules, TypeScript stripped and compiled, are kept in Node's on-disk compile cache (under the
// system's temporary folder): a later start loads them in half the CPU time. So they are imported only
// after the cache is on.
enableCompileCache();

if (existsSync('.env')) process.loadEnvFile('.env');

async function main(): Promise<void> {
  const [{ createOsaava }, { loadConfig }, { createLogger }] = await Promise.all([import('./app.ts'), import('./config/config.ts'), import('./logging/logger.ts')]);
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const app = await createOsaava(config, logger);
  await app.listen();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    app.stop().then(
      () => {
        clearTimeout(force);
        logger.info('stopped');
        logger.flush();
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch(async (error: unknown) => {
  // Start-up failures are for a person at a terminal: one line that says what is wrong, no stack.
  const { startupProblem } = await import('./startup-problem.ts');
  const where = { dataDir: process.env.DATA_DIR ?? './data', knowledgeDir: process.env.KNOWLEDGE_DIR ?? 'knowledge' };
  process.stderr.write(`Osaava could not start: ${startupProblem(error, where)}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
