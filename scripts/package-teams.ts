// Builds dist/osaava-teams.zip, the Teams app package a school admin uploads: manifest.json with its
// placeholders filled from the environment, color.png and outline.png, all at the zip's root.
//
//   TEAMS_APP_ID=… BOT_ID=… BOT_DOMAIN=osaava.koulu.fi PRIVACY_URL=https://… TERMS_URL=https://… npm run package:teams
//   npm run package:teams -- --write-icons   (re)draws manifest/teams/color.png and outline.png first
//
// Exits 1 and lists what is missing or wrong instead of writing a package Teams would reject.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildTeamsPackage } from '../src/adapters/teams/app-package/build-package.ts';
import { drawColorIcon, drawOutlineIcon } from '../src/adapters/teams/app-package/icons.ts';

const root = resolve(import.meta.dirname, '..');
const manifestDir = join(root, 'manifest', 'teams');
const output = join(root, 'dist', 'osaava-teams.zip');

function readIfPresent(path: string): Buffer | undefined {
  return existsSync(path) ? readFileSync(path) : undefined;
}

if (process.argv.includes('--write-icons')) {
  writeFileSync(join(manifestDir, 'color.png'), drawColorIcon());
  writeFileSync(join(manifestDir, 'outline.png'), drawOutlineIcon());
  process.stdout.write(`Icons written to ${manifestDir}\n`);
}

const result = buildTeamsPackage({
  manifestTemplate: readFileSync(join(manifestDir, 'manifest.json'), 'utf8'),
  icons: { color: readIfPresent(join(manifestDir, 'color.png')), outline: readIfPresent(join(manifestDir, 'outline.png')) },
  env: process.env,
});

if (!result.ok) {
  process.stderr.write(`The Teams app package was not built:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\nSee docs/teams.md.\n`);
  process.exit(1);
}

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, result.zip);
process.stdout.write(
  `Wrote ${output} (${result.zip.length} bytes): manifest.json, color.png, outline.png for app ${result.manifest.id}, bot ${result.manifest.bots[0]?.botId ?? '?'}.\n` +
    'Upload it in the Teams admin center (Teams apps → Manage apps → Upload new app).\n',
);
