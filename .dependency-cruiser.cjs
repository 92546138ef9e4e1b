// Import rules for src/ (`npm run deps`; the folder-cycle check is scripts/check-folder-cycles.ts).
//
// Layers, top to bottom; a module imports its own layer or a lower one, never a higher one:
//   L1 app         src/main.ts, app.ts, compose-core.ts, language-services.ts, scheduled-messages.ts, cli/, simulation/
//   L2 edge        adapters/, http/
//   L3 core        core/
//   L4 features    features/<name>/ (a feature never imports another feature)
//   L5 services    scheduling/, access/, llm/, messaging/, requirement-suggestions/
//   L6 foundation  conversation/, storage/, knowledge/, calendar/, text/, privacy/, i18n/, config/,
//                  logging/, types/
// Type-only imports count too: a type from a higher layer is still a dependency on it.

/** One path pattern per layer, L1 first. */
const LAYERS = [
  '^src/(main|app|compose-core|language-services|scheduled-messages|startup-problem)\\.ts$|^src/(cli|simulation)/',
  '^src/(adapters|http)/',
  '^src/core/',
  '^src/features/',
  '^src/(scheduling|access|llm|messaging|requirement-suggestions)/',
  '^src/(conversation|storage|knowledge|calendar|text|privacy|i18n|config|logging|types)/',
];
const LAYER_NAMES = ['app', 'edge', 'core', 'features', 'services', 'foundation'];

/** For each layer below the top: it must not import any layer above it. */
const layerRules = LAYERS.slice(1).map((path, i) => ({
  name: `layer-${LAYER_NAMES[i + 1]}-imports-up`,
  comment: `L${i + 2} ${LAYER_NAMES[i + 1]} imports from a higher layer (${LAYER_NAMES.slice(0, i + 1).join(', ')}): move the code down or pass it in as a port.`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(0, i + 1) },
}));

/**
 * Packages (a path pattern under node_modules) that only the given folders of src/ may import; with
 * typesAllowed, a type-only import (`import type`) is fine anywhere.
 */
const packageOnlyIn = ({ name, packages, folders, comment, typesAllowed = false }) => ({
  name,
  comment,
  severity: 'error',
  from: { path: '^src/', pathNot: folders },
  to: { path: `(^|/)node_modules/(${packages})/`, ...(typesAllowed ? { dependencyTypesNot: ['type-only'] } : {}) },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'layer-unassigned',
      comment: 'A module under src/ that belongs to no layer: add its folder to a layer here (and in README.md).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/', pathNot: LAYERS },
    },
    {
      name: 'feature-imports-feature',
      comment: 'A feature never imports another feature: share through core/, services or foundation.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'adapter-imports-adapter',
      comment: 'An adapter never imports another adapter.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/', pathNot: '^src/adapters/$1/' },
    },
    packageOnlyIn({
      name: 'slack-sdk-outside-slack-adapter',
      comment: 'Only the Slack adapter (src/adapters/slack/) imports @slack/*.',
      packages: '@slack',
      folders: '^src/adapters/slack/',
    }),
    packageOnlyIn({
      name: 'teams-sdk-outside-teams-adapter',
      comment: 'Only the Teams adapter (src/adapters/teams/) imports @microsoft/agents-* (or botbuilder*).',
      packages: '@microsoft/agents-[^/]+|botbuilder[^/]*',
      folders: '^src/adapters/teams/',
    }),
    packageOnlyIn({
      name: 'openai-outside-llm',
      comment: 'Only src/llm/ imports openai.',
      packages: 'openai',
      folders: '^src/llm/',
    }),
    packageOnlyIn({
      name: 'database-outside-storage',
      comment: 'pg, pg-boss, PGlite and Kysely run only in src/storage/ and src/scheduling/; elsewhere import their types only (import type).',
      packages: 'pg|pg-boss|@electric-sql/pglite|kysely',
      // features/ are left to the two rules below, which say what belongs where.
      folders: '^src/(storage|scheduling|features)/',
      typesAllowed: true,
    }),
    {
      ...packageOnlyIn({
        name: 'kysely-in-features',
        comment: 'A feature builds a query with Kysely itself; the query belongs in a repository in src/storage/ (the store).',
        packages: 'kysely',
        folders: '^src/(storage|scheduling)/',
        typesAllowed: true,
      }),
      from: { path: '^src/features/' },
    },
    {
      ...packageOnlyIn({
        name: 'driver-in-features',
        comment: 'pg, pg-boss and PGlite run only in src/storage/ and src/scheduling/.',
        packages: 'pg|pg-boss|@electric-sql/pglite',
        folders: '^src/(storage|scheduling)/',
        typesAllowed: true,
      }),
      from: { path: '^src/features/' },
    },
    {
      name: 'src-imports-test-or-bench',
      comment: 'Production code never imports tests, test support or benchmarks.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'src-imports-dev-dependency',
      comment: 'src/ runs in production, where devDependencies are not installed (type-only imports are fine).',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A module-level import cycle.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      comment: 'A package imported without being in package.json (it only works because something else pulls it in).',
      severity: 'error',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
  ],
  options: {
    // TypeScript 7 has no compiler API for dependency-cruiser yet; swc parses the sources and keeps
    // type-only imports, marked 'type-only'.
    parser: 'swc',
    doNotFollow: { path: ['node_modules'] },
    moduleSystems: ['es6', 'cjs'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
