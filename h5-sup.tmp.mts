import { openEvalCore } from './test/eval/corpus.ts';
import { stemIn, writtenForm } from './src/core/understanding/word-forms.ts';
const cli = await openEvalCore();
const reg = cli.core.registry;
const help = reg.command('help')!.declaration.phrasings.fi;
console.log(JSON.stringify(help));
for (const w of ['tein','jo','asiakaskyselyn','mutta','mita','muuta','pitaa','osata','osaat','tehda']) console.log(w, writtenForm(w), stemIn(writtenForm(w), 'fi'));
await cli.close();
