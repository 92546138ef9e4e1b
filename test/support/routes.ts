// The chat core as the evaluation runs it (demo school, a fixed Monday, no LLM), opened for a describe
// block: `routeOf` says which way a message went ("command:absent", "statement:checkins", "question").
import { afterAll, beforeAll } from 'vitest';
import type { Asked, CliCore } from '../../src/cli/cli-core.ts';
import { describeRoute, openEvalCore } from '../eval/corpus.ts';

export interface EvalCoreRoutes {
  routeOf(text: string, as: string | null): Promise<string>;
  ask(text: string, as: string | null): Promise<Asked>;
}

/** Call inside a `describe`: the core opens before its tests and closes after them. */
export function useEvalCoreRoutes(): EvalCoreRoutes {
  let cli: CliCore | undefined;
  beforeAll(async () => {
    cli = await openEvalCore();
  });
  afterAll(async () => cli?.close());
  const ask = (text: string, as: string | null) => {
    if (!cli) throw new Error('the evaluation core is not open');
    return cli.ask(text, as);
  };
  return { ask, routeOf: async (text, as) => describeRoute((await ask(text, as)).routes.at(-1)) };
}
