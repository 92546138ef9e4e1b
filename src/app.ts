// Composition root: builds Osaava's parts from the configuration. main.ts only starts and stops it.
import type { Logger } from 'pino';
import { createLocalChatRouter } from './adapters/local/local-chat-router.ts';
import { createAnswerService } from './answering/answer-service.ts';
import { createChatCore } from './chat/chat-core.ts';
import type { Config } from './config/config.ts';
import { createHttpServer, type Mount } from './http/http-server.ts';
import { loadKnowledgeBase } from './knowledge/index.ts';

export interface Osaava {
  listen(): Promise<number>;
  stop(): Promise<void>;
}

export async function createOsaava(config: Config, logger: Logger): Promise<Osaava> {
  const started = performance.now();
  const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
  const answers = createAnswerService({ kb, logger });
  logger.info({ units: kb.units.map((u) => u.id), documents: kb.documents.length, items: kb.items.length, ms: Math.round(performance.now() - started) }, 'knowledge loaded');
  const core = createChatCore({ answers, logger });

  const mounts: Mount[] = [];
  if (config.localChatEnabled) {
    mounts.push({
      path: '/',
      router: createLocalChatRouter({
        logger,
        handle: ({ userId, text }) => core.handle({ platform: 'local', userId, tenantId: '', text }),
        listUsers: async () => [],
        notice: config.slackEnabled || config.teamsEnabled ? 'LOCAL_CHAT=on: the local chat is open although a real platform is configured.' : undefined,
      }),
    });
  }
  const http = createHttpServer({ logger, mounts });

  return {
    async listen() {
      const port = await http.listen(config.PORT, config.HOST);
      logger.info({ port, localChat: config.localChatEnabled, slack: config.slackEnabled, teams: config.teamsEnabled, llm: config.llmEnabled }, `Osaava is listening on http://localhost:${port}`);
      return port;
    },
    async stop() {
      await http.close();
    },
  };
}
