// Imports units (tutkinnon osat) from ePerusteet into the knowledge base:
//   npm run import:units -- OPH-4394-2023                       every unit of a qualification
//   npm run import:units -- tutkinnonosat_106436 [more codes]   single units (with --qualification OPH-… if needed)
//   npm run import:units -- --file peruste.json [codes]         a JSON file downloaded from ePerusteet
// Options: --out <dir> (default knowledge/units), --base-url <url> (default the public service, or
// EPERUSTEET_URL), --qualification <diaarinumero>; for a file of one unit: --size <osp> --qualification-name <name>.
// Exit codes: 0 every unit written; 1 some units could not be mapped (the rest were written); 2 nothing
// could be read (bad arguments, missing file, malformed qualification, the service failing).
import { parseArgs } from 'node:util';
import { createEperusteetClient, DEFAULT_EPERUSTEET_URL } from '../src/knowledge/eperusteet/client.ts';
import { ImportSourceError, importUnits } from '../src/knowledge/eperusteet/import-units.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

const USAGE = `Usage: npm run import:units -- [OPH-NNNN-YYYY] [tutkinnonosat_NNNNNN …] [--file <json>] [--out <dir>] [--base-url <url>]
       [--qualification <diaarinumero>] [--size <osp> --qualification-name <name>]`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    err((error as Error).message);
    err(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const units = positionals.filter((p) => /^tutkinnonosat_\d+$/.test(p));
  const diaari = positionals.filter((p) => /^[A-Z]+[-/]?\d/.test(p) && !units.includes(p));
  const unknown = positionals.filter((p) => !units.includes(p) && !diaari.includes(p));
  const size = values.size === undefined ? undefined : Number(values.size);
  if (unknown.length || diaari.length > 1 || (size !== undefined && !(size > 0))) {
    if (unknown.length) err(`Not a diaarinumero or a unit code: ${unknown.join(', ')}`);
    if (diaari.length > 1) err('One qualification at a time.');
    if (size !== undefined && !(size > 0)) err(`--size must be a positive number of competence points, not "${values.size}"`);
    err(USAGE);
    return 2;
  }
  const diaarinumero = diaari[0] ?? values.qualification;
  if (!values.file && !diaarinumero && units.length === 0) {
    err(USAGE);
    return 2;
  }
  const outDir = values.out ?? 'knowledge/units';
  const baseUrl = values['base-url'] ?? process.env.EPERUSTEET_URL ?? DEFAULT_EPERUSTEET_URL;
  try {
    const report = await importUnits(
      { diaarinumero, units, file: values.file, size, qualificationName: values['qualification-name'] },
      { client: values.file ? undefined : createEperusteetClient({ baseUrl }), outDir, progress: out },
    );
    for (const { unit, notices } of report.notices) for (const n of notices) out(`note: ${unit}: ${n.path}: ${n.reason}`);
    for (const { unit, reason } of report.skipped) out(`skipped: ${unit}: ${reason}`);
    for (const { unit, problems } of report.refused) {
      err(`not imported: ${unit}`);
      for (const p of problems) err(`  at ${p.path}: ${p.reason}`);
    }
    const counts = { new: 0, changed: 0, unchanged: 0 };
    for (const w of report.written) counts[w.status]++;
    out(`${report.written.length} unit(s) in ${outDir} (${counts.new} new, ${counts.changed} updated, ${counts.unchanged} unchanged), ${report.skipped.length} skipped, ${report.refused.length} not imported.`);
    if (report.written.length && counts.unchanged < report.written.length) out('Restart Osaava to load the new units.');
    return report.refused.length ? 1 : 0;
  } catch (error) {
    if (error instanceof ImportSourceError) {
      err(`Nothing imported: ${error.message}`);
      for (const p of error.problems) err(`  at ${p.path}: ${p.reason}`);
      return 2;
    }
    throw error;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      qualification: { type: 'string' },
      'qualification-name': { type: 'string' },
      size: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    err(`Import failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  },
);
