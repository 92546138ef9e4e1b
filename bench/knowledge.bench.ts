// The knowledge base at the size of a school: 300 imported units (the ePerusteet fixture generator's
// qualification, through the real importer) next to the shipped unit, documents and glossary. Measures
// load + index time, answer latency over the question sets at that size, and the idle heap each 100
// units add.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAnswerService } from '../src/features/questions/answer-service.ts';
import { importUnits } from '../src/knowledge/eperusteet/import-units.ts';
import { loadKnowledgeBase } from '../src/knowledge/index.ts';
import { createLogger } from '../src/logging/logger.ts';
import { generateQualification } from '../test/fixtures/eperusteet/generate-qualification.ts';
import { mb, ms, percentile, type BenchSection } from './report.ts';

const UNITS = 300;
const QUESTION_FILES = ['../shared/eval/questions.dev.jsonl', 'test/fixtures/eval/questions.extra.jsonl', 'test/fixtures/eval/questions.heldout.jsonl'];
/** Questions that name the imported units or ask in Swedish, so that their texts are searched too. */
const MULTI_UNIT_QUESTIONS = [
  'mitä louhintaporaus vaatii',
  'miten louhintaporaus arvioidaan',
  'mitä arvosanaan 4 vaaditaan kaivosmittauksessa',
  'vad krävs för att få god 3 i brytningsborrning',
  'mitä tarkoittaa että huoltaa koneiden kunnon turvallisesti',
  'how is panostustyö assessed',
];

function questions(): string[] {
  return [...QUESTION_FILES.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { q: string }).q)), ...MULTI_UNIT_QUESTIONS];
}

/** A knowledge folder with the shipped files and `units` imported units. */
async function knowledgeFolder(units: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'osaava-knowledge-bench-'));
  cpSync('knowledge', dir, { recursive: true });
  const file = join(dir, 'qualification.json.src');
  writeFileSync(file, JSON.stringify(generateQualification({ units, common: false, diaarinumero: 'OPH-9000-2099' })));
  const report = await importUnits({ file, units: [] }, { outDir: join(dir, 'units') });
  if (report.written.length !== units) throw new Error(`bench: imported ${report.written.length} of ${units} units`);
  rmSync(file);
  return dir;
}

/** The collector, reachable without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

export async function benchKnowledge(): Promise<BenchSection> {
  const logger = createLogger({ level: 'silent' });
  const big = await knowledgeFolder(UNITS);
  createAnswerService({ kb: loadKnowledgeBase(big), logger }); // warm the modules and the JIT
  const loads: number[] = [];
  const loadCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    createAnswerService({ kb: loadKnowledgeBase(big), logger });
    loads.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    loadCpu.push((c.user + c.system) / 1000);
  }
  loads.sort((a, b) => a - b);
  loadCpu.sort((a, b) => a - b);
  const service = createAnswerService({ kb: loadKnowledgeBase(big), logger });
  const itemCount = loadKnowledgeBase(big).items.length;

  const qs = questions();
  for (const q of qs) await service.answer(q); // warm-up
  const times: number[] = [];
  // CPU time too: on a shared machine the wall time also holds the other processes' turns.
  const cpu: number[] = [];
  for (let round = 0; round < 10; round++)
    for (const q of qs) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await service.answer(q);
      times.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);

  // Idle heap of a loaded service with 0, 100, 200 and 300 imported units.
  const gc = collector();
  const heaps: { units: number; bytes: number }[] = [];
  for (const units of [0, 100, 200, 300]) {
    const dir = units === UNITS ? big : await knowledgeFolder(units);
    gc();
    const before = process.memoryUsage().heapUsed;
    let held: unknown = createAnswerService({ kb: loadKnowledgeBase(dir), logger });
    gc();
    heaps.push({ units, bytes: process.memoryUsage().heapUsed - before });
    held = undefined;
    if (dir !== big) rmSync(dir, { recursive: true, force: true });
    void held;
  }
  rmSync(big, { recursive: true, force: true });
  const base = heaps[0]?.bytes ?? 0;
  const perHundred = ((heaps.at(-1)?.bytes ?? 0) - base) / (UNITS / 100);
  const loadMedian = percentile(loads, 50);
  const p99 = percentile(times, 99);
  return {
    title: 'Knowledge at school size',
    description: `${UNITS} units imported by the ePerusteet importer from the fixture generator (test/fixtures/eperusteet/generate-qualification.ts: 3–4 sections of 4–7 requirements with Swedish, the five generic levels with their 26 criteria, 2 ways of demonstrating skills each), next to the shipped unit, documents and glossary: ${itemCount.toLocaleString('en')} citable items. Load + index is loadKnowledgeBase and createAnswerService (parse, validate, search index, vocabulary), median of 5 after one warm-up. Then ${qs.length} questions (the question sets of the answering bench and ${MULTI_UNIT_QUESTIONS.length} that name imported units or ask in Swedish) answered 10 times each. The idle heap is measured after a forced collection with the service loaded, for 0, 100, 200 and 300 imported units.`,
    rows: [
      { metric: `knowledge load + index, ${UNITS} units (median of 5)`, value: ms(loadMedian), target: '< 2 s', pass: loadMedian < 2000 },
      { metric: `knowledge load + index, ${UNITS} units (slowest of 5)`, value: ms(loads.at(-1) ?? 0) },
      { metric: `knowledge load + index, ${UNITS} units, CPU time (median of 5)`, value: ms(percentile(loadCpu, 50)) },
      { metric: `answer latency p50, ${UNITS} units`, value: ms(percentile(times, 50)) },
      { metric: `answer latency p99, ${UNITS} units`, value: ms(p99), target: '< 5 ms', pass: p99 < 5 },
      { metric: `answer CPU time p50 / p99, ${UNITS} units`, value: `${ms(percentile(cpu, 50))} / ${ms(percentile(cpu, 99))}` },
      { metric: 'answers measured', value: String(times.length) },
      ...heaps.map((h) => ({ metric: `idle heap of the loaded knowledge, ${h.units} imported units`, value: mb(h.bytes) })),
      { metric: 'idle heap growth per 100 units', value: mb(perHundred) },
    ],
  };
}
