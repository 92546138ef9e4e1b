// Fails on an import cycle between folders of src/ (`npm run deps` runs it after dependency-cruiser,
// whose no-circular rule sees cycles between modules only). Each module counts as its folder:
// src/features/<name>/ for a feature, src/<top>/ otherwise, and the files directly in src/ as `src`.
// Type-only imports count, as in the layer rules. `tsx scripts/check-folder-cycles.ts [--config FILE]`
import { isAbsolute } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

/** What the check needs of a cruise result's modules. */
export interface ModuleImports {
  source: string;
  dependencies: readonly { resolved: string }[];
}

/** folder → imported folder → the module imports behind that edge (`a.ts → b.ts`). */
export type FolderGraph = Map<string, Map<string, string[]>>;

/** The folder a module of src/ counts as, or undefined for anything outside src/. */
export function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  if (parts.length === 2) return 'src';
  if (parts[1] === 'features' && parts.length > 3) return `src/features/${parts[2]}`;
  return `src/${parts[1]}`;
}

/** The modules' imports collapsed to imports between folders (imports within a folder left out). */
export function folderGraph(modules: readonly ModuleImports[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const module of modules) {
    const from = folderOf(module.source);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      const imports = edges.get(to) ?? [];
      edges.set(to, imports);
      imports.push(`${module.source} → ${dependency.resolved}`);
    }
  }
  return graph;
}

/** The strongly connected components of more than one folder (Tarjan), each sorted, in sorted order. */
export function tangledFolders(graph: FolderGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;

  const visit = (folder: string): void => {
    index.set(folder, next);
    lowLink.set(folder, next);
    next += 1;
    stack.push(folder);
    onStack.add(folder);
    for (const to of graph.get(folder)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        lowLink.set(folder, Math.min(lowLink.get(folder) ?? 0, lowLink.get(to) ?? 0));
      } else if (onStack.has(to)) {
        lowLink.set(folder, Math.min(lowLink.get(folder) ?? 0, index.get(to) ?? 0));
      }
    }
    if (lowLink.get(folder) === index.get(folder)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== folder);
      if (component.length > 1) components.push(component.sort());
    }
  };

  const folders = new Set([...graph.keys(), ...[...graph.values()].flatMap((edges) => [...edges.keys()])]);
  for (const folder of [...folders].sort()) if (!index.has(folder)) visit(folder);
  return components.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** A shortest cycle through `start` inside one tangle, as folders from `start` back to `start`. */
export function cycleThrough(graph: FolderGraph, tangle: readonly string[], start: string): string[] {
  const inside = new Set(tangle);
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const folder = queue[i] as string;
    for (const to of [...(graph.get(folder)?.keys() ?? [])].sort()) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const between: string[] = [];
        for (let at: string | undefined = folder; at !== undefined && at !== start; at = cameFrom.get(at)) between.unshift(at);
        return [start, ...between, start];
      }
      if (!cameFrom.has(to)) {
        cameFrom.set(to, folder);
        queue.push(to);
      }
    }
  }
  return [];
}

/** The report of every tangle: one cycle through it, and the module imports behind each step. */
export function describeFolderCycles(graph: FolderGraph, examplesPerEdge = 3): string[] {
  const lines: string[] = [];
  for (const tangle of tangledFolders(graph)) {
    const start = tangle[0] as string;
    const cycle = cycleThrough(graph, tangle, start);
    lines.push(`cycle between folders: ${cycle.join(' → ')}${tangle.length > cycle.length - 1 ? ` (tangled with them: ${tangle.filter((f) => !cycle.includes(f)).join(', ')})` : ''}`);
    for (let i = 0; i + 1 < cycle.length; i++) {
      const imports = graph.get(cycle[i] as string)?.get(cycle[i + 1] as string) ?? [];
      for (const line of imports.slice(0, examplesPerEdge)) lines.push(`    ${line}`);
      if (imports.length > examplesPerEdge) lines.push(`    … and ${imports.length - examplesPerEdge} more ${cycle[i]} → ${cycle[i + 1]}`);
    }
  }
  return lines;
}

async function main(argv: string[]): Promise<number> {
  const configIndex = argv.indexOf('--config');
  const config = configIndex >= 0 ? argv[configIndex + 1] : './.dependency-cruiser.cjs';
  if (!config) {
    process.stderr.write('usage: tsx scripts/check-folder-cycles.ts [--config .dependency-cruiser.cjs]\n');
    return 2;
  }
  // dependency-cruiser resolves the name like an import: a bare name would be looked for in node_modules.
  const options = await extractDepcruiseOptions(isAbsolute(config) || config.startsWith('.') ? config : `./${config}`);
  // Only the graph is needed here: the rules are dependency-cruiser's own run.
  const result = await cruise(['src'], { ...options, ruleSet: {}, validate: false, outputType: 'json' });
  const cruised: ICruiseResult = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  const graph = folderGraph(cruised.modules);
  const report = describeFolderCycles(graph);
  if (report.length > 0) {
    process.stderr.write(`${report.join('\n')}\n\nx ${tangledFolders(graph).length} cycle(s) between folders of src/\n`);
    return 1;
  }
  const edges = [...graph.values()].reduce((n, e) => n + e.size, 0);
  process.stdout.write(`✔ no cycles between folders of src/ (${graph.size} folders, ${edges} folder imports)\n`);
  return 0;
}

if (process.argv[1] === import.meta.filename) {
  process.exitCode = await main(process.argv.slice(2));
}
