import { readFileSync } from 'node:fs';
import { openEvalCore } from './test/eval/corpus.ts';
import { tokenize } from './src/core/understanding/tokens.ts';
const cli = await openEvalCore();
const reg = cli.core.registry;
const texts = readFileSync('test/fixtures/eval/corpus.dev.jsonl','utf8').trim().split('\n').map((l) => JSON.parse(l).text as string);
for (let r = 0; r < 2; r++) for (const t of texts) reg.match(tokenize(t), '2026-11-23', 'fi');
const times: number[] = [];
for (let r = 0; r < 5; r++) for (const t of texts) { const t0 = performance.now(); reg.match(tokenize(t), '2026-11-23', 'fi'); times.push(performance.now() - t0); }
times.sort((a, b) => a - b);
console.log('match p50', times[Math.floor(times.length*0.5)].toFixed(3), 'p99', times[Math.floor(times.length*0.99)].toFixed(3), 'max', times.at(-1)!.toFixed(3));
const huge = `${'asiakaspalvelu '.repeat(2600)}?`.slice(0, 40_000);
const t0 = performance.now(); reg.match(tokenize(huge), '2026-11-23', 'fi'); console.log('huge', (performance.now()-t0).toFixed(2));
const words = `${'mä oon tänään hoitanut asiakkaita ja '.repeat(1200)}`.slice(0, 40_000);
const t1 = performance.now(); reg.match(tokenize(words), '2026-11-23', 'fi'); console.log('huge words', (performance.now()-t1).toFixed(2));
await cli.close();
