import { readFileSync } from 'node:fs';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { buildTeamsPackage, fillPlaceholders, type PackageEnv } from '../../../../src/adapters/teams/app-package/build-package.ts';
import { drawColorIcon, drawOutlineIcon } from '../../../../src/adapters/teams/app-package/icons.ts';
import { teamsManifestSchema } from '../../../../src/adapters/teams/app-package/manifest-schema.ts';
import { encodePng, readPngInfo } from '../../../../src/adapters/teams/app-package/png.ts';

const template = readFileSync('manifest/teams/manifest.json', 'utf8');
const committedIcons = { color: readFileSync('manifest/teams/color.png'), outline: readFileSync('manifest/teams/outline.png') };

const env: PackageEnv = {
  TEAMS_APP_ID: '8d3e4f5a-1b2c-4d6e-9f01-23456789abcd',
  clientId: 'b3a1e9d2-4c5f-4e7a-8b9c-0d1e2f3a4b5c',
  BOT_DOMAIN: 'osaava.koulu.example',
  PRIVACY_URL: 'https://koulu.example/tietosuoja',
  TERMS_URL: 'https://koulu.example/kayttoehdot',
};

/** Reads a zip the way an unzipper does: from the end-of-directory record through the central directory. */
function readZip(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(localOffset)).toBe(0x04034b50);
    const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    entries.push({ name, data });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Decodes the RGBA pixels of a PNG written without row filters (as encodePng writes). */
function pixels(png: Buffer): Uint8Array {
  const info = readPngInfo(png);
  if (!info) throw new Error('not a PNG');
  const idat: Buffer[] = [];
  for (let off = 8; off < png.length; ) {
    const length = png.readUInt32BE(off);
    if (png.toString('ascii', off + 4, off + 8) === 'IDAT') idat.push(png.subarray(off + 8, off + 8 + length));
    off += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(info.width * info.height * 4);
  for (let y = 0; y < info.height; y++) {
    expect(raw[y * (info.width * 4 + 1)]).toBe(0);
    out.set(raw.subarray(y * (info.width * 4 + 1) + 1, (y + 1) * (info.width * 4 + 1)), y * info.width * 4);
  }
  return out;
}

describe('PNG writer', () => {
  it('writes a PNG whose header and pixels read back', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 255, 255, 255, 255]);
    const png = encodePng(2, 2, rgba);
    expect(readPngInfo(png)).toEqual({ width: 2, height: 2, colorType: 6 });
    expect([...pixels(png)]).toEqual([...rgba]);
  });

  it('refuses pixel data of the wrong length and does not take other bytes for a PNG', () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow();
    expect(readPngInfo(Buffer.from('GIF89a not a png at all, really not'))).toBeUndefined();
  });
});

describe('icons', () => {
  it.each([
    ['committed', committedIcons.color, committedIcons.outline],
    ['drawn', drawColorIcon(), drawOutlineIcon()],
  ])('%s: color is 192×192 and opaque; outline is 32×32, white on transparent', (_label, color, outline) => {
    expect(readPngInfo(color)).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(outline)).toEqual({ width: 32, height: 32, colorType: 6 });
    const c = pixels(color);
    for (let i = 3; i < c.length; i += 4) expect(c[i]).toBe(255);
    const o = pixels(outline);
    let transparent = 0;
    let drawn = 0;
    for (let i = 0; i < o.length; i += 4) {
      expect([o[i], o[i + 1], o[i + 2]]).toEqual([255, 255, 255]);
      if (o[i + 3] === 0) transparent++;
      else drawn++;
    }
    expect(transparent).toBeGreaterThan(200);
    expect(drawn).toBeGreaterThan(100);
  });

  it('the committed icons are the drawn ones (regenerate with --write-icons)', () => {
    expect(committedIcons.color.equals(drawColorIcon())).toBe(true);
    expect(committedIcons.outline.equals(drawOutlineIcon())).toBe(true);
  });
});

describe('buildTeamsPackage', () => {
  it('builds a zip with manifest.json, color.png and outline.png at its root', () => {
    const result = buildTeamsPackage({ manifestTemplate: template, icons: committedIcons, env });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const files = readZip(result.zip);
    expect(files.map((f) => f.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(files[1]?.data.equals(committedIcons.color)).toBe(true);
    const manifest = teamsManifestSchema.parse(JSON.parse(files[0]?.data.toString('utf8') ?? ''));
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.bots[0]?.botId).toBe(env.clientId);
    expect(manifest.validDomains).toEqual(['osaava.koulu.example']);
    expect(manifest.developer.websiteUrl).toBe('https://osaava.koulu.example/');
  });

  it('compresses the files and gives the same zip byte for byte for the same inputs', () => {
    const build = () => {
      const result = buildTeamsPackage({ manifestTemplate: template, icons: committedIcons, env });
      if (!result.ok) throw new Error(result.problems.join('\n'));
      return result.zip;
    };
    vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z') });
    try {
      const zip = build();
      vi.setSystemTime(new Date('2026-09-15T18:31:07Z'));
      expect(zip.equals(build())).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    const zip = build();
    const rawSize = readZip(zip).reduce((sum, f) => sum + f.data.length, 0);
    expect(zip.length).toBeLessThan(rawSize);
  });

  it('declares a personal bot with the commands, and the "Log as observation" message action', () => {
    const result = buildTeamsPackage({ manifestTemplate: template, icons: committedIcons, env });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const bot = result.manifest.bots[0];
    expect(bot?.scopes).toEqual(['personal']);
    expect(bot?.commandLists?.[0]?.commands.map((c) => c.title)).toEqual(['help', 'progress', 'reflect', 'observe', 'students', 'summary']);
    expect(result.manifest.composeExtensions?.[0]?.commands).toEqual([expect.objectContaining({ id: 'logObservation', type: 'action', context: ['message'], fetchTask: true })]);
    expect(result.manifest.manifestVersion).toBe('1.25');
  });

  it('says which settings are missing, and what they are', () => {
    const result = buildTeamsPackage({ manifestTemplate: template, icons: committedIcons, env: { clientId: env.clientId } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.split(' ')[0])).toEqual(['TEAMS_APP_ID', 'PRIVACY_URL', 'TERMS_URL', 'BOT_DOMAIN']);
    expect(result.problems[0]).toContain('GUID');
  });

  it('rejects ids that are not GUIDs, a URL as domain, and http links', () => {
    const result = buildTeamsPackage({
      manifestTemplate: template,
      icons: committedIcons,
      env: { ...env, TEAMS_APP_ID: 'osaava', BOT_DOMAIN: 'https://osaava.koulu.example/api/messages', PRIVACY_URL: 'http://koulu.example/tietosuoja' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const joined = result.problems.join('\n');
    expect(joined).toMatch(/manifest\.json id: must be a GUID/);
    expect(joined).toMatch(/validDomains\.0: must be a host name/);
    expect(joined).toMatch(/developer\.privacyUrl: must be an https:\/\/ URL/);
  });

  it('rejects icons of the wrong size or without transparency, and missing icons', () => {
    const wrongSize = buildTeamsPackage({ manifestTemplate: template, icons: { color: committedIcons.outline, outline: committedIcons.color }, env });
    expect(wrongSize.ok ? [] : wrongSize.problems).toEqual(['color.png is 32×32; Teams needs 192×192', 'outline.png is 192×192; Teams needs 32×32']);
    const rgb = Buffer.from(committedIcons.outline);
    rgb[25] = 2;
    const opaque = buildTeamsPackage({ manifestTemplate: template, icons: { ...committedIcons, outline: rgb }, env });
    expect(opaque.ok ? [] : opaque.problems).toEqual(['outline.png needs a transparent background (a PNG with alpha)']);
    const missing = buildTeamsPackage({ manifestTemplate: template, icons: { color: undefined, outline: committedIcons.outline }, env });
    expect(missing.ok ? [] : missing.problems).toEqual(['color.png is missing (192×192 PNG)']);
  });

  it('rejects more than 12 commands in a list', () => {
    const manifest = JSON.parse(template);
    const list = manifest.bots[0].commandLists[0];
    list.commands = Array.from({ length: 13 }, (_, i) => ({ title: `c${i}`, description: 'd' }));
    const result = buildTeamsPackage({ manifestTemplate: JSON.stringify(manifest), icons: committedIcons, env });
    expect(result.ok ? [] : result.problems.join('\n')).toMatch(/at most 12 commands/);
  });
});

describe('fillPlaceholders', () => {
  it('escapes values for JSON and reports unknown placeholders', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest template's own ${{NAME}} placeholders, not a JS template
    expect(fillPlaceholders('{"a":"${{A}}","b":"${{ B }}"}', { A: 'say "hi"' })).toEqual({ text: '{"a":"say \\"hi\\"","b":"${{ B }}"}', missing: ['B'] });
  });
});
