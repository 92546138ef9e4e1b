// `npx tsx test/features/questions/eval-report.ts FILE.jsonl …`: the answering measured beyond
// qa-check: wrong declines (an answerable question answered "I don't know") and how unanswerable
// questions are declined (no quote of any kind, at most four lines). Runs answers.answer() directly.
import { readFileSync } from 'node:fs';
import { renderPlainText } from '../../../src/conversation/render-text.ts';
import { realKnowledge } from '../../support/knowledge.ts';

interface Question {
  id: string;
  q: string;
  lang?: string;
  expect: { unknown?: boolean };
}

const { answers } = realKnowledge();
let answerable = 0;
let wrongDeclines = 0;
let unknowns = 0;
let declinedWell = 0;
for (const file of process.argv.slice(2)) {
  const questions = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Question);
  for (const q of questions) {
    const { plan, reply } = await answers.answer(q.q);
    const text = renderPlainText(reply);
    const lines = text.split('\n').filter((l) => l.trim()).length;
    if (q.expect.unknown) {
      unknowns++;
      const ok = plan.outcome !== 'answered' || plan.items.length === 0;
      const well = ok && reply.citations.length === 0 && lines <= 4;
      if (well) declinedWell++;
      else console.log(`DECLINE ${q.id} "${q.q}": outcome ${plan.outcome}, ${reply.citations.length} citations, ${lines} lines`);
    } else {
      answerable++;
      if (plan.outcome !== 'answered') {
        wrongDeclines++;
        console.log(`WRONG DECLINE ${q.id} "${q.q}" (${plan.intent.kind})`);
      }
    }
  }
}
const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : '–'} %`;
console.log(`wrong declines: ${wrongDeclines}/${answerable} (${pct(wrongDeclines, answerable)})`);
console.log(`unanswerable declined in ≤ 4 lines without quotes: ${declinedWell}/${unknowns} (${pct(declinedWell, unknowns)})`);
