// `npm run ask -- "question"` prints a readable answer; `npm run --silent ask -- --json` reads one
// question per line on stdin and writes one JSON object per line (the contract in shared/eval), its
// `lang` the language the question was detected in: "fi", "en" or "sv".
import { createInterface } from 'node:readline';
import { buildAnswerService } from '../language-services.ts';
import { loadConfig } from '../config/config.ts';
import { renderPlainText } from '../conversation/render-text.ts';
import { KnowledgeFileError, loadKnowledgeBase } from '../knowledge/index.ts';
import { createLogger } from '../logging/logger.ts';
import pino from 'pino';

const USAGE = `Usage:
  npm run ask -- "what does grade 4 require"     print a readable answer
  npm run --silent ask -- --json < questions.txt  one question per line in, one JSON object per line out`;

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: pino.destination({ fd: 2, sync: true }) });
  const kb = loadKnowledgeBase(process.env.KNOWLEDGE_DIR ?? 'knowledge');
  const service = buildAnswerService(loadConfig(process.env), kb, logger);

  if (argv.includes('--json')) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const question = line.trim();
      if (!question) continue;
      const { plan, reply, composer } = await service.answer(question);
      const json = {
        question,
        lang: plan.lang,
        intent: plan.intent.kind,
        outcome: plan.outcome,
        composer,
        answer: renderPlainText(reply),
        sources: reply.citations,
      };
      process.stdout.write(`${JSON.stringify(json)}\n`);
    }
    return 0;
  }

  const question = argv.filter((a) => !a.startsWith('--')).join(' ').trim();
  if (!question) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { reply } = await service.answer(question);
  process.stdout.write(`${renderPlainText(reply)}\n`);
  if (reply.citations.length) {
    process.stdout.write(`\nSources:\n${reply.citations.map((c) => `  [${c.id}] ${c.origin}`).join('\n')}\n`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof KnowledgeFileError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
