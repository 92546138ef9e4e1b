// Loaded with `--import` into a child process (test/app/lazy-sdks.test.ts): appends the URL of every
// module the process loads, ES module or CommonJS, to the file named by OSAAVA_MODULE_LOG.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const file = process.env.OSAAVA_MODULE_LOG;
if (file) {
  registerHooks({
    load(url, context, nextLoad) {
      appendFileSync(file, `${url}\n`);
      return nextLoad(url, context);
    },
  });
}
