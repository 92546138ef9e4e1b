// The import itself: read a qualification or units from ePerusteet (API or a downloaded file), map them,
// and write each unit that maps whole as a validated knowledge file. A unit that does not map whole is
// reported and not written; a file is replaced atomically (written aside, then renamed).
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Unit, unitSchema } from '../schema.ts';
import { EperusteetError, type EperusteetClient } from './client.ts';
import { looksLikePeruste, type MappedQualification, mapPeruste } from './map-peruste.ts';
import { type MappingIssue, mapTutkinnonOsa } from './map-unit.ts';

/** The source could not be read at all (file, JSON, service): nothing is imported. */
export class ImportSourceError extends Error {
  readonly problems: MappingIssue[];

  constructor(message: string, problems: MappingIssue[] = []) {
    super(message);
    this.problems = problems;
    this.name = 'ImportSourceError';
  }
}

export interface ImportRequest {
  /** A qualification's diaarinumero (OPH-4394-2023): all its units, or those of `units`. */
  diaarinumero?: string;
  /** Unit codes (tutkinnonosat_NNNNNN). */
  units: readonly string[];
  /** A JSON file downloaded from ePerusteet: a whole qualification, or one unit. */
  file?: string;
  /** For a file of one unit: its size and qualification, which a unit's own JSON does not carry. */
  size?: number;
  qualificationName?: string;
}

export interface WrittenUnit {
  file: string;
  unit: Unit;
  status: 'new' | 'changed' | 'unchanged';
}

export interface ImportReport {
  written: WrittenUnit[];
  /** Units not written, with every reason. */
  refused: { unit: string; problems: MappingIssue[] }[];
  /** Units left out on purpose (common units), with the reason. */
  skipped: { unit: string; reason: string }[];
  /** What was left out of units that were written (e.g. a translation that does not align). */
  notices: { unit: string; notices: MappingIssue[] }[];
}

export interface ImportOptions {
  client?: EperusteetClient;
  outDir: string;
  /** A progress line for the admin. */
  progress?: (line: string) => void;
}

type Mapped = { label: string; unit?: Unit; problems: MappingIssue[]; notices: MappingIssue[]; skipped?: string };

function readJson(path: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImportSourceError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new ImportSourceError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

function fromQualification(mapped: MappedQualification): Mapped[] {
  if (mapped.units.length === 0 && mapped.problems.length) throw new ImportSourceError('the qualification could not be read', mapped.problems);
  const out: Mapped[] = mapped.units.map((u) => ({ ...u, label: u.unit ? `${u.unit.id} ${u.unit.name.fi}` : (u.code ?? u.root) }));
  for (const problem of mapped.problems) out.push({ label: problem.reason.split(' ').pop() ?? '(unit)', problems: [problem], notices: [] });
  return out;
}

/** A unit (tutkinnon osa) JSON as ePerusteet publishes it: a name and its code or requirements. */
function looksLikeUnit(json: unknown): boolean {
  if (!json || typeof json !== 'object' || !('nimi' in json)) return false;
  return 'koodiUri' in json || 'koodi' in json || Object.keys(json).some((key) => key.startsWith('ammattitaitovaatimukset'));
}

function fromFile(request: ImportRequest): Mapped[] {
  const path = request.file ?? '';
  const json = readJson(path);
  if (looksLikePeruste(json)) {
    const mapped = mapPeruste(json, path, request.units.length ? request.units : undefined);
    if (request.diaarinumero && mapped.diaarinumero && mapped.diaarinumero !== request.diaarinumero)
      throw new ImportSourceError(`${path} is the qualification ${mapped.diaarinumero}, not ${request.diaarinumero}`);
    return fromQualification(mapped);
  }
  if (!looksLikeUnit(json))
    throw new ImportSourceError(`${path} is neither an ePerusteet qualification (diaarinumero, tutkinnonOsat) nor a unit (nimi with koodiUri or ammattitaitovaatimukset)`);
  if (!request.diaarinumero || !request.qualificationName || !request.size)
    throw new ImportSourceError(`${path} holds one unit: give its qualification (--qualification OPH-…, --qualification-name) and its size (--size)`);
  const mapped = mapTutkinnonOsa(json, { qualification: { name: { fi: request.qualificationName }, diaarinumero: request.diaarinumero }, competencePoints: request.size, source: path });
  return [{ label: mapped.unit ? `${mapped.unit.id} ${mapped.unit.name.fi}` : path, ...mapped }];
}

async function fromApi(request: ImportRequest, client: EperusteetClient, progress: (line: string) => void): Promise<Mapped[]> {
  const perusteet = new Map<string, { url: string; json: unknown }>();
  const load = async (id: string) => {
    let got = perusteet.get(id);
    if (!got) {
      progress(`fetching qualification ${id} from ${client.baseUrl}`);
      got = await client.qualification(id);
      perusteet.set(id, got);
    }
    return got;
  };
  if (request.diaarinumero) {
    const wanted = request.diaarinumero;
    progress(`looking up ${wanted}`);
    const hits = await client.findQualifications(wanted);
    const exact = hits.filter((h) => !h.diaarinumero || h.diaarinumero === wanted);
    const [hit] = exact;
    if (!hit) throw new ImportSourceError(`ePerusteet has no published qualification ${wanted}`);
    const { url, json } = await load(hit.id);
    return fromQualification(mapPeruste(json, url, request.units.length ? request.units : undefined));
  }
  const out: Mapped[] = [];
  for (const code of request.units) {
    progress(`looking up ${code}`);
    const [hit] = await client.findQualificationsWithUnit(code);
    if (hit) {
      const { url, json } = await load(hit.id);
      out.push(...fromQualification(mapPeruste(json, url, [code])));
      continue;
    }
    const unit = await client.unit(code);
    out.push({
      label: code,
      problems: [{ path: code, reason: unit ? 'the unit is published but no qualification with it was found: give its qualification (--qualification OPH-…)' : 'ePerusteet has no unit with this code' }],
      notices: [],
    });
  }
  return out;
}

/** The files already in the folder that hold each unit id and citation prefix. */
function existingUnits(dir: string): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  const own = (key: string, file: string) => owners.set(key, [...(owners.get(key) ?? []), file]);
  if (!existsSync(dir)) return owners;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    try {
      const parsed = unitSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      if (!parsed.success) continue;
      own(`id:${parsed.data.id}`, name);
      own(`prefix:${parsed.data.citationPrefix}`, name);
    } catch {
      // Not a unit file, or not JSON: the knowledge loader reports it at start-up.
    }
  }
  return owners;
}

function writeAtomically(path: string, content: string): void {
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, content);
  renameSync(aside, path);
}

export async function importUnits(request: ImportRequest, options: ImportOptions): Promise<ImportReport> {
  const progress = options.progress ?? (() => {});
  if (!request.file && !request.diaarinumero && request.units.length === 0) throw new ImportSourceError('nothing to import: give a diaarinumero, unit codes or a file');
  let mapped: Mapped[];
  if (request.file) mapped = fromFile(request);
  else {
    if (!options.client) throw new ImportSourceError('no ePerusteet client');
    try {
      mapped = await fromApi(request, options.client, progress);
    } catch (error) {
      if (error instanceof EperusteetError) throw new ImportSourceError(`${error.message} (${error.url})`);
      throw error;
    }
  }
  const report: ImportReport = { written: [], refused: [], skipped: [], notices: [] };
  const owners = existingUnits(options.outDir);
  mkdirSync(options.outDir, { recursive: true });
  for (const entry of mapped) {
    if (entry.notices.length) report.notices.push({ unit: entry.label, notices: entry.notices });
    if (entry.skipped) {
      report.skipped.push({ unit: entry.label, reason: entry.skipped });
      continue;
    }
    if (!entry.unit || entry.problems.length) {
      report.refused.push({ unit: entry.label, problems: entry.problems });
      continue;
    }
    const unit = entry.unit;
    const name = `${unit.id}.json`;
    const clash = [...(owners.get(`id:${unit.id}`) ?? []), ...(owners.get(`prefix:${unit.citationPrefix}`) ?? [])].find((owner) => owner !== name);
    if (clash) {
      report.refused.push({ unit: entry.label, problems: [{ path: unit.id, reason: `${clash} already holds this unit (its id or citation prefix); remove it or import into another folder` }] });
      continue;
    }
    const file = join(options.outDir, name);
    const content = `${JSON.stringify(unit, null, 2)}\n`;
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    const status = before === undefined ? 'new' : before === content ? 'unchanged' : 'changed';
    if (status !== 'unchanged') writeAtomically(file, content);
    report.written.push({ file, unit, status });
    progress(`${status === 'new' ? 'wrote' : status === 'changed' ? 'updated' : 'unchanged'} ${file} (${unit.name.fi})`);
  }
  return report;
}
