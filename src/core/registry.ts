// The one command registry: every feature's commands, forms and statement handlers, checked once
// at start (unique ids, phrasings in every language, help lines, slots the phrasings name), with
// the phrasings compiled for the understanding step.
import type { Command, FeatureModule, FormDeclaration, StatementHandler } from '../conversation/command.ts';
import type { FormKind } from '../conversation/reply.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { type CompiledPhrasing, compilePhrasing, matchPhrasing, type SlotRaw, withDateFirst } from './understanding/phrasing.ts';
import type { Tokens } from './understanding/tokens.ts';

export interface RegisteredCommand {
  declaration: Command;
  feature: string;
  phrasings: { lang: Lang; compiled: CompiledPhrasing }[];
}

export interface CommandMatch {
  command: RegisteredCommand;
  slots: Record<string, SlotRaw>;
  lang: Lang;
  phrasing: string;
}

export interface CommandRegistry {
  readonly commands: readonly RegisteredCommand[];
  command(id: string): RegisteredCommand | undefined;
  /**
   * Every command whose phrasing fits the whole message, best first (most literal words, then
   * registry order). Of equally good phrasings of one command, the one in `prefer` wins: the match's
   * language is the language the command was written in.
   */
  match(tokens: Tokens, today: string, prefer?: Lang): CommandMatch[];
  form(kind: FormKind): FormDeclaration | undefined;
  readonly statements: readonly { feature: string; handle: StatementHandler }[];
}

export function createCommandRegistry(features: readonly FeatureModule[]): CommandRegistry {
  const commands: RegisteredCommand[] = [];
  const byId = new Map<string, RegisteredCommand>();
  const forms = new Map<FormKind, FormDeclaration>();
  for (const feature of features) {
    for (const declaration of feature.commands) {
      if (byId.has(declaration.id)) throw new Error(`command "${declaration.id}" is declared twice (${feature.name} and ${byId.get(declaration.id)?.feature})`);
      for (const lang of LANGS) {
        if (!declaration.phrasings[lang]?.length) throw new Error(`command "${declaration.id}" has no ${lang} phrasing`);
      }
      if (declaration.roles.length === 0) throw new Error(`command "${declaration.id}" names no role`);
      const phrasings = LANGS.flatMap((lang) =>
        declaration.phrasings[lang].flatMap((p) => {
          const compiled = compilePhrasing(p, declaration.slots, lang);
          const dateFirst = withDateFirst(compiled);
          return dateFirst ? [{ lang, compiled }, { lang, compiled: dateFirst }] : [{ lang, compiled }];
        }),
      );
      const registered = { declaration, feature: feature.name, phrasings };
      commands.push(registered);
      byId.set(declaration.id, registered);
    }
    for (const [kind, form] of Object.entries(feature.forms ?? {}) as [FormKind, FormDeclaration][]) {
      if (forms.has(kind)) throw new Error(`form "${kind}" is handled twice`);
      forms.set(kind, form);
    }
  }
  const statements = features.flatMap((f) => (f.statements ? [{ feature: f.name, handle: f.statements }] : []));
  return {
    commands,
    command: (id) => byId.get(id),
    match(tokens, today, prefer) {
      const found: (CommandMatch & { literals: number; order: number })[] = [];
      commands.forEach((command, order) => {
        // The command's best-fitting phrasing: the one that explains most of the message in words.
        let best: (CommandMatch & { literals: number; order: number }) | null = null;
        for (const { lang, compiled } of command.phrasings) {
          const match = matchPhrasing(compiled, tokens, today);
          const better = match && (!best || match.literals > best.literals || (match.literals === best.literals && lang === prefer && best.lang !== prefer));
          if (match && better) best = { command, slots: match.slots, lang, phrasing: compiled.source, literals: match.literals, order };
        }
        if (best) found.push(best);
      });
      return found.sort((a, b) => b.literals - a.literals || a.order - b.order);
    },
    form: (kind) => forms.get(kind),
    statements,
  };
}
