// `npm run eval`: the development question set scored by shared/eval/qa-check.mjs twice, through the
// same `npm run ask -- --json` path: once deterministic (LLM_ENABLED=off) and once with the LLM path
// against a local OpenAI-compatible stand-in started here, so CI needs no key. Then the prompt tokens
// per answer against a baseline that sends the whole knowledge base. Then the labelled routing corpora
// (test/fixtures/eval/corpus.*.jsonl: dev, dev2 and the held-out parts) through the chat core on the
// demo school, accuracy per route and per language for each, with every miss listed except the two
// newest held-out parts' (heldout3 to heldout7: only counted, so that nobody tunes on them; the older
// held-out parts have been tuned on since they were scored); the
// corpus part only reports (it never changes the exit code). `npm run eval -- --corpus` runs only it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { createAnswerService } from '../src/features/questions/answer-service.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { canResolveWithLlm } from '../src/features/questions/llm/intent-resolver.ts';
import { answerPromptBudget, intentPromptTokens } from '../src/features/questions/llm/prompt-budget.ts';
import { createLogger } from '../src/logging/logger.ts';
import { echoResponder, schemaNameOf, startFakeOpenAi } from '../test/support/fake-openai.ts';
import { CORPORA, formatScore, readCorpus, runCorpus, score } from '../test/eval/corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const EVAL_DIR = fileURLToPath(new URL('../../shared/eval/', import.meta.url));
const QUESTIONS = `${EVAL_DIR}questions.dev.jsonl`;
const TRUTH = `${EVAL_DIR}curriculum-truth.json`;
const BAR = '0.95';
/** The parts nobody tunes on: their misses are only counted. The earlier held-out parts have been tuned on since. */
const HELD_OUT: ReadonlySet<string> = new Set(['heldout3', 'heldout4', 'heldout5', 'heldout6', 'heldout7']);

interface QaRun {
  exitCode: number;
  summary: string;
  failures: string[];
}

/** Runs qa-check without blocking this process: the stand-in server must keep answering meanwhile. */
function runQaCheck(env: Record<string, string>): Promise<QaRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${EVAL_DIR}qa-check.mjs`, QUESTIONS, TRUTH, BAR], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.trim().split('\n');
      resolve({ exitCode: code ?? 1, summary: lines.find((l) => l.startsWith('qa:')) ?? lines.at(-1) ?? '(no output)', failures: lines.filter((l) => l.startsWith('FAIL')) });
    });
  });
}

function report(label: string, run: QaRun): void {
  process.stdout.write(`${label.padEnd(34)}${run.summary}\n`);
  for (const failure of run.failures) process.stdout.write(`    ${failure}\n`);
}

const mean = (values: readonly number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

function promptTokenReport(): string[] {
  const kb = loadKnowledgeBase(`${ROOT}knowledge`);
  const service = createAnswerService({ kb, logger: createLogger({ level: 'silent' }) });
  const questionSchema = z.object({ q: z.string() });
  const plans = readFileSync(QUESTIONS, 'utf8').trim().split('\n').map((line) => service.plan(questionSchema.parse(JSON.parse(line)).q));
  const budgets = plans.flatMap((plan) => answerPromptBudget(plan, kb) ?? []);
  const intents = plans.filter(canResolveWithLlm).map((plan) => intentPromptTokens(plan, kb));
  const ratio = mean(budgets.map((b) => b.prompt / b.baseline));
  return [
    `Prompt tokens (characters / 4), ${budgets.length} of ${plans.length} questions answered with the LLM:`,
    `  answer prompt      avg ${Math.round(mean(budgets.map((b) => b.prompt)))}, max ${Math.max(...budgets.map((b) => b.prompt))}`,
    `  whole-KB baseline  avg ${Math.round(mean(budgets.map((b) => b.baseline)))}`,
    `  ratio              avg ${ratio.toFixed(3)} (target ≤ 0.200) ${ratio <= 0.2 ? 'ok' : 'OVER'}`,
    `  intent prompt      avg ${Math.round(mean(intents))} over the ${intents.length} questions the rules could not place (titles only)`,
  ];
}

/** The routing corpus through ChatCore: reports only. */
async function corpusReport(): Promise<void> {
  process.stdout.write('\nRouting through the chat core (demo school, Monday 23 November 2026 12:00, no LLM):\n');
  for (const [label, file] of Object.entries(CORPORA)) {
    const started = performance.now();
    const outcomes = await runCorpus(readCorpus(file));
    for (const line of formatScore(label, score(outcomes), !HELD_OUT.has(label))) process.stdout.write(`${line}\n`);
    process.stdout.write(`  (${outcomes.length} messages in ${Math.round(performance.now() - started)} ms, with the database start)\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--corpus')) {
    await corpusReport();
    return 0;
  }
  process.stdout.write(`Question set: ${QUESTIONS}\n`);
  const deterministic = await runQaCheck({ LLM_ENABLED: 'off' });
  report('deterministic', deterministic);

  const fake = await startFakeOpenAi(echoResponder);
  let llm: QaRun;
  try {
    llm = await runQaCheck({ LLM_ENABLED: 'on', OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'eval-stand-in-key', OPENAI_MODEL: 'stand-in' });
  } finally {
    await fake.close();
  }
  report('LLM path (local stand-in)', llm);
  const bySchema = new Map<string, number>();
  for (const request of fake.requests) bySchema.set(schemaNameOf(request), (bySchema.get(schemaNameOf(request)) ?? 0) + 1);
  const reached = [...bySchema].map(([name, n]) => `${n} ${name}`).join(', ');
  process.stdout.write(`    requests that reached the stand-in: ${reached || 'none'}\n`);

  for (const line of promptTokenReport()) process.stdout.write(`${line}\n`);

  await corpusReport();

  if (fake.requests.length === 0) {
    process.stdout.write('\nThe LLM run sent no request: src/cli/ask.ts does not use createLlm() yet, so its score is the deterministic one again.\n');
    return 1;
  }
  return Math.max(deterministic.exitCode, llm.exitCode);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
