// Why Osaava could not start, in one line for the person at the terminal: the known causes named with
// what to do, anything else by its type and (value-free) message. Never a stack, never data.
import { ConfigError } from './config/config.ts';
import { KnowledgeFileError } from './knowledge/index.ts';
import { serializeError } from './logging/logger.ts';
import { isStorageError } from './storage/index.ts';

export function startupProblem(error: unknown, where: { dataDir: string; knowledgeDir: string }): string {
  if (error instanceof ConfigError || error instanceof KnowledgeFileError) return error.message;
  if (isStorageError(error, 'database_in_use') && error.info.code === 'database_in_use') {
    return `the data folder ${error.info.dataDir} is in use by another Osaava (process ${error.info.pid}); stop it, or point DATA_DIR elsewhere`;
  }
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EAI_AGAIN') {
    return `the PostgreSQL server in DATABASE_URL cannot be reached (${code}); check that it runs and the address is right`;
  }
  if (code === '28P01' || code === '28000' || code === '3D000') {
    return `PostgreSQL refused the connection in DATABASE_URL (${code}: the user, password or database is wrong)`;
  }
  if (code === 'ENOENT' && message.includes(where.knowledgeDir)) {
    return `the knowledge folder ${where.knowledgeDir} does not exist; set KNOWLEDGE_DIR to the folder with units/ and documents/`;
  }
  // PGlite's WebAssembly aborts on a data folder it cannot read.
  if (/^Aborted\(|PGlite failed to initiali[sz]e/.test(message) || (error instanceof Error && error.name === 'RuntimeError')) {
    return `the embedded database in ${where.dataDir}/pglite could not be opened (it may be damaged or from another version); move that folder aside to start afresh, or restore it from a copy`;
  }
  const safe = serializeError(error as Error) as { type?: string; message?: string };
  const first = (safe.message ?? message).split('\n')[0]?.trim() ?? '';
  return `${safe.type ?? 'Error'}: ${first} (LOG_LEVEL=debug shows more)`;
}
