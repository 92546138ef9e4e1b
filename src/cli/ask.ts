// `npm run ask -- "question"` prints a readable answer; `npm run --silent ask -- --json` reads one
// message per line on stdin and writes one JSON object per line (the contract in shared/eval). Every
// line goes through the chat core as in the chat (understand → authorise → handler), asked by someone
// the school does not know or, with `--as aino`, by a user of the demo school (seeded in memory).
// `lang` is the reply's language ("fi", "en" or "sv"); `intent` the route: the command's id, the
// statement's feature, or the question's intent; `route` the core's route as it reported it.
import { createInterface } from 'node:readline';
import pino from 'pino';
import { loadConfig } from '../config/config.ts';
import { renderPlainText } from '../conversation/render-text.ts';
import { KnowledgeFileError, loadKnowledgeBase } from '../knowledge/index.ts';
import { createLogger } from '../logging/logger.ts';
import { type Asked, citationsOf, DEMO_USERS, intentOf, openCliCore } from './cli-core.ts';

const USAGE = `Usage:
  npm run ask -- "what does grade 4 require"       print a readable answer
  npm run ask -- --as aino "edistymiseni"          as a user of the demo school (${DEMO_USERS.join(', ')})
  npm run --silent ask -- --json [--as aino] < questions.txt
                                                   one message per line in, one JSON object per line out
  TIMING=1 npm run ask -- …                        also print the start-up time on stderr`;

interface Args {
  json: boolean;
  as: string | null;
  text: string;
}

function parseArgs(argv: string[]): Args | string {
  const words: string[] = [];
  let json = false;
  let as: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--as' || arg.startsWith('--as=')) {
      const value = arg === '--as' ? argv[++i] : arg.slice('--as='.length);
      if (!value) return '--as needs a local user id';
      as = value;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else words.push(arg);
  }
  return { json, as, text: words.join(' ').trim() };
}

function toJson(question: string, asked: Asked) {
  const first = asked.replies[0];
  const answer = asked.answers.at(-1);
  const route = asked.routes.at(-1);
  return {
    question,
    lang: first?.lang ?? answer?.plan.lang ?? 'fi',
    intent: intentOf(asked),
    ...(route ? { route } : {}),
    ...(answer && route?.kind === 'question' ? { outcome: answer.plan.outcome, composer: answer.composer } : {}),
    answer: asked.replies.map(renderPlainText).filter(Boolean).join('\n\n'),
    sources: citationsOf(asked.replies),
  };
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n${USAGE}\n`);
    return 2;
  }
  if (!args.json && !args.text) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (args.as !== null && !(DEMO_USERS as readonly string[]).includes(args.as)) {
    process.stderr.write(`--as ${args.as}: no such user in the demo school (${DEMO_USERS.join(', ')})\n`);
    return 2;
  }
  const started = performance.now();
  const config = loadConfig(process.env);
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn', destination: pino.destination({ fd: 2, sync: true }) });
  const kb = loadKnowledgeBase(config.KNOWLEDGE_DIR);
  const cli = await openCliCore({ config, kb, logger });
  try {
    if (process.env.TIMING) {
      const { databaseMs, seedMs } = cli.startup;
      process.stderr.write(`start-up ${Math.round(performance.now() - started)} ms (database ${Math.round(databaseMs)} ms, demo seed ${Math.round(seedMs)} ms)\n`);
    }

    if (args.json) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) {
        const question = line.trim();
        if (!question) continue;
        process.stdout.write(`${JSON.stringify(toJson(question, await cli.ask(question, args.as)))}\n`);
      }
      return 0;
    }

    const { replies } = await cli.ask(args.text, args.as);
    process.stdout.write(`${replies.map(renderPlainText).filter(Boolean).join('\n\n')}\n`);
    const citations = citationsOf(replies);
    if (citations.length) {
      process.stdout.write(`\nSources:\n${citations.map((c) => `  [${c.id}] ${c.origin}`).join('\n')}\n`);
    }
    return 0;
  } finally {
    await cli.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof KnowledgeFileError ? error.message : String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
