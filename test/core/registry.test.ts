// The command registry as the app composes it: every command is fully declared (roles, slots,
// phrasings in fi/en/sv, help lines), each of its phrasings is understood as that command, and the
// help each role gets in each language is exactly what the registry declares for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command, Phrasing, SlotSpec } from '../../src/conversation/command.ts';
import { renderPlainText } from '../../src/conversation/render-text.ts';
import type { RegisteredChatCore } from '../../src/core/chat-core.ts';
import type { CommandRegistry } from '../../src/core/registry.ts';
import { createCommandRegistry } from '../../src/core/registry.ts';
import { tokenize } from '../../src/core/understanding/tokens.ts';
import { LANGS, type Lang } from '../../src/i18n/lang.ts';
import { seedDemo } from '../../src/storage/index.ts';
import { createTestClock, openTestDatabase, type TestDatabase } from '../storage/backends.ts';
import { buildRealCore, DEMO_NOW } from '../support/core.ts';

const TODAY = DEMO_NOW.slice(0, 10);

/** A sample value a person might write for each kind of slot. */
function sample(name: string, spec: SlotSpec): string {
  switch (spec.type) {
    case 'student':
      return 'Aino';
    case 'person':
      return 'aino';
    case 'date':
      return name === 'to' ? '5.12.2026' : '1.12.2026';
    case 'time':
      return '14:30';
    case 'word':
      return { platform: 'slack', externalId: 'U123ABC', person: 'aino', tenant: 'T0001' }[name] ?? 'x';
    case 'text':
      return 'hoiti asiakkaan reklamaation rauhallisesti';
    case 'fields':
      return 'opiskelija=aino@koulu.fi työpaikka="Testi Oy"';
    case 'choice':
      return spec.default;
  }
}

/** A phrasing written out as a person would: first option of each group, optional words kept, slots filled. */
function writeOut(phrasing: Phrasing, command: Command): string {
  const source = typeof phrasing === 'string' ? phrasing : phrasing.text;
  return source
    .replace(/\{(\w+)\}/g, (_, name: string) => {
      const spec = command.slots[name];
      if (!spec) throw new Error(`${command.id}: phrasing names {${name}}`);
      return sample(name, spec);
    })
    .replace(/[[(]([^\])]+)[\])]/g, (_, body: string) => body.split('|')[0] ?? '');
}

describe('the command registry', () => {
  let database: TestDatabase;
  let core: RegisteredChatCore;
  let registry: CommandRegistry;

  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    await seedDemo(database.db, { today: TODAY });
    core = buildRealCore(database.db, createTestClock(DEMO_NOW)).core;
    registry = core.registry;
  }, 60_000);
  afterAll(() => database?.close());

  it('holds every command of every feature, each id once', () => {
    const ids = registry.commands.map((c) => c.declaration.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['help', 'progress', 'reflect', 'absent', 'pause', 'resume', 'checkin-time', 'summary', 'observe', 'my-observations', 'students', 'link', 'export', 'erase', 'enrol']));
  });

  it('declares roles, a subject rule, slots that phrasings use, phrasings in fi, en and sv, and help lines in each language', () => {
    for (const { declaration: command } of registry.commands) {
      expect(command.roles.length, command.id).toBeGreaterThan(0);
      expect(['self', 'student', 'admin', 'none'], command.id).toContain(command.subject.kind);
      if (command.subject.kind === 'student') expect(command.slots[command.subject.slot]?.type, command.id).toBe('student');
      const phrasings = LANGS.flatMap((lang) => command.phrasings[lang].map((p) => (typeof p === 'string' ? p : p.text)));
      for (const lang of LANGS) expect(command.phrasings[lang].length, `${command.id} ${lang}`).toBeGreaterThan(0);
      for (const [name, spec] of Object.entries(command.slots)) {
        const named = spec.type === 'choice'
          ? LANGS.some((lang) => command.phrasings[lang].some((p) => typeof p !== 'string' && name in p.with))
          : phrasings.some((p) => p.includes(`{${name}}`));
        expect(named, `${command.id}: slot ${name} is in no phrasing`).toBe(true);
      }
      const audiences = Object.values(command.help);
      expect(audiences.length, `${command.id} has no help line`).toBeGreaterThan(0);
      for (const lines of audiences) {
        for (const line of Array.isArray(lines) ? lines : [lines]) {
          for (const lang of LANGS) expect(line[lang]?.trim(), `${command.id} help ${lang}`).toBeTruthy();
        }
      }
    }
  });

  it('understands each phrasing of each command, written out, as that command', () => {
    const misread: string[] = [];
    for (const { declaration: command } of registry.commands) {
      for (const lang of LANGS) {
        for (const phrasing of command.phrasings[lang]) {
          const text = writeOut(phrasing, command);
          const best = registry.match(tokenize(text), TODAY)[0];
          if (best?.command.declaration.id !== command.id) misread.push(`${command.id} (${lang}) "${text}" → ${best?.command.declaration.id ?? 'no command'}`);
        }
      }
    }
    expect(misread).toEqual([]);
  });

  it('refuses a registry with a duplicate id or a missing language', () => {
    const one = registry.command('resume')?.declaration;
    if (!one) throw new Error('no resume command');
    expect(() => createCommandRegistry([{ name: 'a', commands: [one] }, { name: 'b', commands: [one] }])).toThrow(/declared twice/);
    const noSwedish: Command = { ...one, id: 'x', phrasings: { ...one.phrasings, sv: [] } };
    expect(() => createCommandRegistry([{ name: 'a', commands: [noSwedish] }])).toThrow(/no sv phrasing/);
    const badSlot: Command = { ...one, id: 'y', phrasings: { ...one.phrasings, fi: ['jatka {nothing}'] } };
    expect(() => createCommandRegistry([{ name: 'a', commands: [badSlot] }])).toThrow(/undeclared slot/);
  });

  const helpWords: Record<Lang, string> = { fi: 'apua', en: 'help', sv: 'hjälp' };
  const personas = [
    { user: 'aino', roles: ['student'] },
    { user: 'mikko', roles: ['instructor'] },
    { user: 'liisa', roles: ['teacher'] },
    { user: 'admin', roles: ['admin'] },
  ] as const;

  for (const persona of personas) {
    for (const lang of LANGS) {
      it(`gives ${persona.user} (${persona.roles.join(', ')}) exactly the help lines the registry declares for them, in ${lang}`, async () => {
        const replies = await core.handle({ platform: 'local', userId: persona.user, tenantId: '', text: helpWords[lang] });
        const text = replies.map(renderPlainText).join('\n');
        expect(replies[0]?.lang).toBe(lang);
        for (const { declaration: command } of registry.commands) {
          if (command.id === 'help') continue;
          const usable = command.roles.some((role) => (persona.roles as readonly string[]).includes(role));
          const audience = persona.roles.includes('student' as never) ? 'student' : 'staff';
          const lines = command.help[audience];
          for (const line of lines ? (Array.isArray(lines) ? lines : [lines]) : []) {
            const plain = renderPlainText({ kind: 'message', lang, citations: [], blocks: [{ type: 'paragraph', text: line[lang] }] }).trim();
            if (usable) expect(text, `${command.id} for ${persona.user}`).toContain(plain);
            else expect(text, `${command.id} for ${persona.user}`).not.toContain(plain);
          }
        }
      });
    }
  }
});
