// Knowledge load + index time, and per-question answer latency over the question sets.
import { readFileSync } from 'node:fs';
import { createAnswerService } from '../src/features/questions/answer-service.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { createLogger } from '../src/logging/logger.ts';
import { ms, percentile, type BenchSection } from './report.ts';

function questions(): string[] {
  const files = ['../shared/eval/questions.dev.jsonl', 'test/fixtures/eval/questions.extra.jsonl'];
  return files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { q: string }).q));
}

export async function benchAnswering(): Promise<BenchSection> {
  const logger = createLogger({ level: 'silent' });
  // Load once to warm the module and JIT, then measure fresh loads.
  createAnswerService({ kb: loadKnowledgeBase('knowledge'), logger });
  const loads: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    createAnswerService({ kb: loadKnowledgeBase('knowledge'), logger });
    loads.push(performance.now() - t0);
  }
  const coldStart = performance.now();
  const service = createAnswerService({ kb: loadKnowledgeBase('knowledge'), logger });
  const lastLoad = performance.now() - coldStart;

  const qs = questions();
  for (const q of qs) await service.answer(q); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 20; round++)
    for (const q of qs) {
      const t0 = performance.now();
      await service.answer(q);
      times.push(performance.now() - t0);
    }
  times.sort((a, b) => a - b);
  loads.sort((a, b) => a - b);
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  const loadMedian = percentile(loads, 50);
  return {
    title: 'Answering',
    description: `Knowledge files parsed and validated, search index built; then ${qs.length} questions (the shared development set and test/fixtures/eval/questions.extra.jsonl) answered 20 times each with the deterministic composer.`,
    rows: [
      { metric: 'knowledge load + index (median of 10)', value: ms(loadMedian), target: '< 200 ms', pass: loadMedian < 200 },
      { metric: 'knowledge load + index (last run)', value: ms(lastLoad) },
      { metric: 'answer latency p50', value: ms(p50) },
      { metric: 'answer latency p99', value: ms(p99), target: '< 5 ms', pass: p99 < 5 },
      { metric: 'answers measured', value: String(times.length) },
    ],
  };
}
