// Builds the Teams app package an admin uploads: manifest.json (placeholders filled from the
// environment), color.png and outline.png, all at the zip's root. Says what is missing instead of
// producing a package Teams would reject.
import { zipSync } from 'fflate';
import { teamsManifestSchema, type TeamsManifest } from './manifest-schema.ts';
import { readPngInfo } from './png.ts';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons.ts';

/** What each placeholder of manifest/teams/manifest.json is, for the "missing" message. */
export const PLACEHOLDERS = {
  TEAMS_APP_ID: 'a GUID of your own for the Teams app (generate one once and keep it: `node -e "console.log(crypto.randomUUID())"`)',
  BOT_ID: "the Azure Bot's Microsoft App ID (the same value as clientId)",
  BOT_DOMAIN: 'the host name of the messaging endpoint, e.g. osaava.koulu.fi (no https://)',
  PRIVACY_URL: "the school's privacy notice (the school is the controller of the students' data), https://…",
  TERMS_URL: 'the terms of use of the service, https://…',
  DEVELOPER_NAME: 'the publisher shown in Teams, e.g. the school’s name (at most 32 characters)',
  WEBSITE_URL: 'a web page about the service, https://…',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

function isPlaceholder(name: string): name is Placeholder {
  return Object.hasOwn(PLACEHOLDERS, name);
}

export type PackageEnv = Partial<Record<string, string>>;

/** The values for the placeholders; BOT_ID falls back to clientId, which is the same app id. */
export function placeholderValues(env: PackageEnv): Partial<Record<Placeholder, string>> {
  const pick = (...names: string[]) => names.map((n) => env[n]?.trim()).find((v) => v);
  const domain = pick('BOT_DOMAIN');
  return {
    TEAMS_APP_ID: pick('TEAMS_APP_ID'),
    BOT_ID: pick('BOT_ID', 'clientId'),
    BOT_DOMAIN: domain,
    PRIVACY_URL: pick('PRIVACY_URL'),
    TERMS_URL: pick('TERMS_URL'),
    DEVELOPER_NAME: pick('DEVELOPER_NAME') ?? 'Osaava',
    WEBSITE_URL: pick('WEBSITE_URL') ?? (domain ? `https://${domain}/` : undefined),
  };
}

export function fillPlaceholders(template: string, values: Partial<Record<string, string>>): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      missing.add(name);
      return match;
    }
    // The value lands inside a JSON string.
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

export interface PackageInput {
  manifestTemplate: string;
  icons: { color: Buffer | undefined; outline: Buffer | undefined };
  env: PackageEnv;
}

const PACKAGE_MTIME = new Date(2025, 0, 1);

export type PackageResult = { ok: true; zip: Buffer; manifest: TeamsManifest } | { ok: false; problems: string[] };

export function buildTeamsPackage(input: PackageInput): PackageResult {
  const problems: string[] = [];
  const { text, missing } = fillPlaceholders(input.manifestTemplate, placeholderValues(input.env));
  for (const name of missing) {
    // The website defaults to the bot's domain: one message about the domain is enough.
    if (name === 'WEBSITE_URL' && missing.includes('BOT_DOMAIN')) continue;
    const what = isPlaceholder(name) ? PLACEHOLDERS[name] : 'a value for this placeholder';
    problems.push(`${name} is not set: ${what}`);
  }
  problems.push(...iconProblems(input.icons));
  if (missing.length > 0) return { ok: false, problems };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [...problems, `manifest.json is not valid JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const parsed = teamsManifestSchema.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `manifest.json ${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  if (!parsed.success || problems.length > 0 || !input.icons.color || !input.icons.outline) return { ok: false, problems };
  const manifest = parsed.data;
  const zip = Buffer.from(
    zipSync(
      {
        'manifest.json': Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8'),
        'color.png': input.icons.color,
        'outline.png': input.icons.outline,
      },
      // A fixed date (fflate reads it in local time, so any time zone gives the same bytes): the same
      // inputs give the same archive byte for byte.
      { level: 9, mtime: PACKAGE_MTIME },
    ),
  );
  return { ok: true, zip, manifest };
}

function iconProblems(icons: PackageInput['icons']): string[] {
  const problems: string[] = [];
  const check = (label: string, bytes: Buffer | undefined, size: number, needsAlpha: boolean) => {
    if (!bytes) return problems.push(`${label} is missing (${size}×${size} PNG)`);
    const info = readPngInfo(bytes);
    if (!info) return problems.push(`${label} is not a PNG`);
    if (info.width !== size || info.height !== size) problems.push(`${label} is ${info.width}×${info.height}; Teams needs ${size}×${size}`);
    if (needsAlpha && info.colorType !== 6 && info.colorType !== 4) problems.push(`${label} needs a transparent background (a PNG with alpha)`);
    return undefined;
  };
  check('color.png', icons.color, COLOR_ICON_SIZE, false);
  check('outline.png', icons.outline, OUTLINE_ICON_SIZE, true);
  return problems;
}
