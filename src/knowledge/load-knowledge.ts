// Reads every JSON file under the knowledge folder, validates it and checks cross-file invariants.
// A broken file stops start-up with a message naming the file, the path inside it and the problem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { knowledgeFileSchema, type Glossary, type SupportingDocument, type Unit } from './schema.ts';

export class KnowledgeFileError extends Error {
  readonly file: string;
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`Knowledge file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.file = file;
    this.problems = problems;
    this.name = 'KnowledgeFileError';
  }
}

export interface KnowledgeFiles {
  units: Unit[];
  documents: SupportingDocument[];
  glossaries: Glossary[];
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listJsonFiles(path);
      return name.endsWith('.json') ? [path] : [];
    });
}

function describeIssues(issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `at ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/** Ids must be unique across all files: answers cite them. */
function idsOf(file: Unit | SupportingDocument | Glossary): string[] {
  switch (file.kind) {
    case 'unit':
      return [
        ...file.sections.flatMap((s) => s.requirements.map((r) => r.id)),
        ...file.assessment.levels.flatMap((l) => [l.id, ...l.criteria.map((c) => c.id)]),
        ...file.demonstration.methods.map((m) => m.id),
        // The unit itself: its id, and its prefix through the unit-facts item ("AH-UNIT").
        `unit:${file.id}`,
        `${file.citationPrefix}-UNIT`,
      ];
    case 'document':
      return file.records.map((r) => r.id);
    case 'glossary':
      return [];
  }
}

function duplicateMessage(id: string, other: string): string {
  if (id.startsWith('unit:')) return `duplicate unit id "${id.slice(5)}" (also in ${other})`;
  if (id.endsWith('-UNIT')) return `duplicate citation prefix "${id.slice(0, -5)}" (also in ${other})`;
  return `duplicate id "${id}" (also in ${other})`;
}

export function parseKnowledgeFile(file: string, raw: string): Unit | SupportingDocument | Glossary {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new KnowledgeFileError(file, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = knowledgeFileSchema.safeParse(json);
  if (!parsed.success) throw new KnowledgeFileError(file, describeIssues(parsed.error.issues));
  return parsed.data;
}

export function loadKnowledgeFiles(dir: string): KnowledgeFiles {
  const result: KnowledgeFiles = { units: [], documents: [], glossaries: [] };
  const seen = new Map<string, string>();
  for (const path of listJsonFiles(dir)) {
    const file = relative(process.cwd(), path);
    const data = parseKnowledgeFile(file, readFileSync(path, 'utf8'));
    for (const id of idsOf(data)) {
      const other = seen.get(id);
      if (other) throw new KnowledgeFileError(file, [duplicateMessage(id, other)]);
      seen.set(id, file);
    }
    if (data.kind === 'unit') result.units.push(data);
    else if (data.kind === 'document') result.documents.push(data);
    else result.glossaries.push(data);
  }
  if (result.units.length === 0) throw new KnowledgeFileError(dir, ['no unit file found (kind "unit")']);
  return result;
}
