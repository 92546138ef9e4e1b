import { openEvalCore } from './test/eval/corpus.ts';
import { tokenize } from './src/core/understanding/tokens.ts';
import { createIntentClassifier } from './src/core/understanding/intent-classifier.ts';
import { noneCorpus } from './src/core/understanding/none-corpus.ts';
import { loadKnowledgeBase } from './src/knowledge/index.ts';
import { detectLanguage } from './src/text/language.ts';
const cli = await openEvalCore();
const reg = cli.core.registry;
const kb = loadKnowledgeBase('knowledge');
const clf = await createIntentClassifier(reg.commands, noneCorpus(kb));
for (const t of process.argv.slice(2)) {
  const m = reg.match(tokenize(t), '2026-11-23', 'fi').map((x) => `${x.command.declaration.id}:${x.phrasing}:${(x as any).literals}`);
  const lang = detectLanguage(t, 'fi');
  const g = await clf.classify(t, lang);
  const r = await cli.ask(t, 'aino');
  console.log(JSON.stringify(t), lang, 'match', m.slice(0, 2), 'clf', g, '→', JSON.stringify(r.routes.at(-1)));
}
await cli.close();
