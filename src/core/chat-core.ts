// The platform-neutral conversation core. Every message runs the same way: understand it against the
// registry → authorise from the command's declaration → the feature's handler → replies. Text no
// phrasing matches is read by the understanding step (understanding/free-text.ts), which says what it is
// and whether the features' statement handlers read it first; what is left is answered as a question.
// Adapters (local chat, Slack, Teams) only translate to and from this.
import type { IdentityResolver } from '../access/identity.ts';
import type { Command, FeatureModule, SlotSpec, SlotSpecs, SlotValues } from '../conversation/command.ts';
import { type CommandContext, type CoreServices, message } from '../conversation/command-context.ts';
import type { FormSubmission, IncomingMessage, PlatformUser } from '../conversation/incoming.ts';
import type { Lang, Reply } from '../conversation/reply.ts';
import { formatDate } from '../i18n/format.ts';
import { isStorageError, localDateAt, type Person, type StorageError } from '../storage/index.ts';
import { detectLanguage } from '../text/language.ts';
import { authorise } from './authorise.ts';
import { createHelpCommand, enrolmentHint, helpFor } from './help.ts';
import { type CommandMatch, type CommandRegistry, createCommandRegistry } from './registry.ts';
import { smalltalkCommand } from './smalltalk.ts';
import { isConfused, phaticKind, withoutPleasantries } from './understanding/phatic.ts';
import { texts } from './texts.ts';
import type { SlotRaw } from './understanding/phrasing.ts';
import { type Action, createFreeTextReader } from './understanding/free-text.ts';
import { tokenize } from './understanding/tokens.ts';
import { namesStudentsAsGroup } from './understanding/cues.ts';

export interface ChatCore {
  /** A message or command typed by a user (a DM, a slash command's text, the local chat). */
  handle(message: IncomingMessage): Promise<Reply[]>;
  /** A submitted form (check-in card, observation form, check-in time). */
  submit(form: FormSubmission): Promise<Reply[]>;
  /** What the user's home view shows (Slack App Home, a Teams welcome card): progress or students at a glance. */
  home(user: PlatformUser): Promise<Reply[]>;
  /**
   * An observation form prefilled from a message's text (Slack shortcut, Teams message action).
   * `suggestionsBy`: once it aborts, requirement suggestions not yet made are left empty, so the form
   * comes back in time for a platform deadline (Teams' 5 s invoke) while an LLM is slow.
   */
  draftObservation(user: PlatformUser, text: string, options?: { suggestionsBy?: AbortSignal }): Promise<Reply[]>;
}

/** The core as built, with the registry it runs (help menus, the registry's tests). */
export interface RegisteredChatCore extends ChatCore {
  readonly registry: CommandRegistry;
  /** Trains the intent classifiers now rather than at the first message that needs them. */
  prepare(): Promise<void>;
}

export type QuestionAnswerer = (ctx: CommandContext, text: string) => Promise<Reply[]>;
/** Who a message picked for "Log as observation" may be about, with the observation's text. */
export type ObservationCandidates = (text: string) => { student: string; text: string }[];

/** Which way a message went: what the evaluation scores and the log records (never the text). */
export type Route =
  | { kind: 'command'; command: string }
  | { kind: 'refused'; command: string }
  | { kind: 'statement'; feature: string }
  | { kind: 'question' }
  | { kind: 'help' }
  | { kind: 'stranger'; command: string }
  /** Understood as this command, but a value it needs was missing: shown how to write it. */
  | { kind: 'clarify'; command: string };

export interface ChatCoreDeps extends CoreServices {
  /** Told the route of every message handled (the evaluation listens; nothing else needs it). */
  onRoute?: (route: Route) => void;
  identities: IdentityResolver;
  /** The features, in the order their help lines are shown. */
  features: readonly FeatureModule[];
  /** Answers what is neither a command nor a statement a feature takes (the questions feature). */
  answerQuestion: QuestionAnswerer;
  /**
   * How the knowledge base answers a text: a structured answer (grade, section, requirement) is never
   * guessed to be a command; one from passages only yields to a very sure guess.
   */
  questionCovered: (ctx: CommandContext, text: string) => 'structured' | 'search' | 'none';
  /**
   * The command that answers a personal question from the asker's own data ("kuka on mun opettaja" →
   * my-teacher, "mikä mun arvosana on" → my-grade), or null: the questions feature reads the question.
   * `answer`: the question's own answer too, after the command's ("what do I need to do to get a 5") or before it.
   */
  personalCommand: (ctx: CommandContext, text: string) => { command: string; answer: 'none' | 'after' | 'before' } | null;
  /** The message action's reading of a message as an observation (the observations feature). */
  observationCandidates: ObservationCandidates;
}

const LANGUAGE_SAMPLE = 1000;

export function createChatCore(deps: ChatCoreDeps): RegisteredChatCore {
  const log = deps.logger.child({ component: 'chat-core' });
  const services: CoreServices = { store: deps.store, kb: deps.kb, suggestRequirements: deps.suggestRequirements, clock: deps.clock, logger: deps.logger };
  const registry: CommandRegistry = createCommandRegistry([...deps.features, { name: 'core', commands: [createHelpCommand(() => registry), smalltalkCommand] }]);
  const reader = createFreeTextReader({ registry, store: deps.store, kb: deps.kb, logger: deps.logger, questionCovered: deps.questionCovered, personalCommand: deps.personalCommand });

  async function contextFor(user: PlatformUser, text: string): Promise<CommandContext> {
    const actor = await deps.identities.resolve(user);
    const preferred: Lang = user.localeHint ?? actor?.lang ?? 'fi';
    // The opening of a message tells its language; a 40,000-character paste costs no more than that.
    const lang = text.trim() ? detectLanguage(text.slice(0, LANGUAGE_SAMPLE), preferred) : preferred;
    const today = localDateAt(deps.clock.now(), actor?.timeZone ?? 'Europe/Helsinki');
    return { services, user, actor, lang, today };
  }

  /** Slot values as the handler's types say: choices defaulted, missing optional slots null. */
  function slotValues(command: Command, raw: Record<string, SlotRaw>): SlotValues<SlotSpecs> {
    const values: SlotValues<SlotSpecs> = {};
    for (const [name, spec] of Object.entries(command.slots) as [string, SlotSpec][]) {
      const value = raw[name];
      if (spec.type === 'choice') values[name] = typeof value === 'string' && spec.values.includes(value) ? value : spec.default;
      else if (spec.type === 'fields') values[name] = value && typeof value === 'object' ? value : {};
      else values[name] = typeof value === 'string' ? value : null;
    }
    return values;
  }

  const routed = (route: Route) => {
    log.debug({ route }, 'routed');
    deps.onRoute?.(route);
  };

  async function run(ctx: CommandContext, actor: Person, command: Command, raw: Record<string, SlotRaw>): Promise<Reply[]> {
    const slots = slotValues(command, raw);
    const authorisation = await authorise(ctx, actor, command, slots);
    if (!authorisation.allowed) {
      routed({ kind: 'refused', command: command.id });
      return authorisation.replies;
    }
    routed({ kind: 'command', command: command.id });
    return command.handle(ctx, { actor, slots, subject: authorisation.subject });
  }


  /** A text no phrasing matched, as the understanding step reads it (understanding/free-text.ts). */
  async function freeText(ctx: CommandContext, text: string): Promise<Reply[]> {
    const reading = await reader.read(ctx, text);
    if (reading.first) return perform(ctx, text, reading.first);
    if (ctx.actor) {
      for (const statement of registry.statements) {
        const replies = await statement.handle(ctx, ctx.actor, text);
        if (replies) {
          routed({ kind: 'statement', feature: statement.feature });
          return replies;
        }
      }
    }
    return perform(ctx, text, reading.otherwise);
  }

  async function perform(ctx: CommandContext, text: string, action: Action): Promise<Reply[]> {
    switch (action.kind) {
      case 'command':
        return runOrGreet(ctx, action.command, action.slots);
      case 'own': {
        if (!ctx.actor) return question(ctx, text);
        const answered = action.answer === 'none' ? [] : await deps.answerQuestion(ctx, text);
        const replies = await run(ctx, ctx.actor, action.command, {});
        return action.answer === 'before' ? [...answered, ...replies] : [...replies, ...answered];
      }
      case 'clarify': {
        const howTo = ctx.actor ? howToWrite(ctx, ctx.actor, action.command) : null;
        if (!howTo) return perform(ctx, text, action.otherwise);
        routed({ kind: 'clarify', command: action.command.id });
        return howTo;
      }
      case 'smalltalk':
        ctx.lang = action.phatic.lang;
        return runOrGreet(ctx, smalltalkCommand, { kind: action.phatic.kind });
      case 'question':
        return question(ctx, text);
    }
  }

  function question(ctx: CommandContext, text: string): Promise<Reply[]> {
    routed({ kind: 'question' });
    return deps.answerQuestion(ctx, text);
  }










  /** The command's own help lines for the actor ("**havainto aino: …**: log an observation"), or null when not theirs. */
  function howToWrite(ctx: CommandContext, actor: Person, command: Command): Reply[] | null {
    if (!command.roles.some((role) => actor.roles.includes(role))) return null;
    const ownAudience = actor.roles.includes('student') && command.roles.includes('student') ? command.help.student : command.help.staff;
    const lines = ownAudience ?? command.help.student ?? command.help.staff;
    if (!lines) return null;
    const items = (Array.isArray(lines) ? lines : [lines]).map((line: Record<Lang, string>) => ({ text: line[ctx.lang] }));
    return [message(ctx.lang, { type: 'list', items })];
  }


  /**
   * The best command match, or null when the message is free text. A name slot of several words
   * that names nobody at all ("summary of customer service") means the words were not a name.
   */
  async function understand(text: string, today: string, prefer: Lang, actor: Person | null): Promise<CommandMatch | null | 'empty'> {
    const tokens = tokenize(text);
    if (tokens.list.length === 0) return 'empty';
    // A student names no one but themselves: a one-word "name" nobody has ("hur går det för mig hittills") is no name either.
    const onlyStudent = actor?.roles.every((role) => role === 'student') === true;
    for (const match of registry.match(tokens, today, prefer)) {
      if (await namesSomeone(match, onlyStudent)) return match;
    }
    return null;
  }

  async function namesSomeone(match: CommandMatch, evenOneWord: boolean): Promise<boolean> {
    for (const [name, spec] of Object.entries(match.command.declaration.slots) as [string, SlotSpec][]) {
      const value = match.slots[name];
      if (spec.type !== 'student' || typeof value !== 'string') continue;
      // "miten mun opiskelijoilla menee": the word for students is nobody's name.
      if (namesStudentsAsGroup(value)) return false;
      if (!(evenOneWord || value.includes(' '))) continue;
      if (!(await deps.store.people.anyoneNamed(value))) return false;
    }
    return true;
  }

  /** A storage refusal in the user's language, never the raw validation text. */
  function storageRefusal(lang: Lang, error: StorageError): string {
    const t = texts.in(lang);
    const info = error.info;
    switch (info.code) {
      case 'text_too_long':
        return t('textTooLong', { length: info.length, limit: info.limit });
      case 'invalid_input': {
        const fields = [...new Set(info.issues.map((issue) => issue.split(':')[0]?.trim()).filter((f): f is string => Boolean(f)))];
        return fields.length ? t('invalidInput', { fields: fields.join(', ') }) : t('invalidInputGeneric');
      }
      case 'reflection_locked':
        return t('reflectionLocked', { date: formatDate(info.localDate, lang) });
      case 'reflection_in_future':
        return t('reflectionInFuture', { date: formatDate(info.localDate, lang) });
      default:
        return t('somethingWentWrong');
    }
  }

  /** Errors become one apologetic reply; the stack goes to the log, never to the user. */
  async function guarded(ctx: CommandContext, what: string, work: () => Promise<Reply[]>): Promise<Reply[]> {
    try {
      return await work();
    } catch (error) {
      if (isStorageError(error) && error.userVisible) {
        // Bad input the storage layer caught (a date outside the placement, a text over its limit).
        log.info({ what, code: error.code }, 'input refused by storage');
        return [message(ctx.lang, { type: 'paragraph', text: storageRefusal(ctx.lang, error) })];
      }
      log.error({ err: error, what, platform: ctx.user.platform }, 'core failed');
      return [message(ctx.lang, { type: 'paragraph', text: texts.in(ctx.lang)('somethingWentWrong') })];
    }
  }

  /** A recognised command: run for a known user; for an unknown one only what it offers strangers (help, small talk). */
  async function runOrGreet(ctx: CommandContext, command: Command, raw: Record<string, SlotRaw>): Promise<Reply[]> {
    if (ctx.actor) return run(ctx, ctx.actor, command, raw);
    if (command.handleStranger) {
      routed(command.id === 'help' ? { kind: 'help' } : { kind: 'command', command: command.id });
      return command.handleStranger(ctx, { slots: slotValues(command, raw) });
    }
    log.info({ platform: ctx.user.platform, command: command.id }, 'command from an unknown user');
    routed({ kind: 'stranger', command: command.id });
    return strangerNote(ctx);
  }

  const strangerNote = (ctx: CommandContext) => [message(ctx.lang, { type: 'paragraph', text: enrolmentHint(ctx) })];

  return {
    registry,
    async prepare() {
      await reader.prepare();
    },
    async handle(incoming) {
      const ctx = await contextFor(incoming, incoming.text);
      return guarded(ctx, 'message', async () => {
        // "kiitos, tosi hyvä", "ok 👍", "trevlig helg": small talk in any words, before anything else
        // (an emoji alone has no tokens and would read as an empty message).
        const phatic = phaticKind(incoming.text, ctx.lang);
        if (phatic) {
          ctx.lang = phatic.lang;
          return runOrGreet(ctx, smalltalkCommand, { kind: phatic.kind });
        }
        // "Hei! Voisitko näyttää mun edistymisen, kiitos": what is asked, without the greeting and the thanks.
        const text = withoutPleasantries(incoming.text);
        const match = await understand(text, ctx.today, ctx.lang, ctx.actor);
        // "en ymmärrä", "huh?", "jag förstår inte": lost; what the bot does and how to ask it.
        if (match === 'empty' || (!match && isConfused(text))) {
          routed({ kind: 'help' });
          return helpFor(ctx, ctx.actor, registry);
        }
        if (!match) return freeText(ctx, text.trim());
        // A command answers in the language it was written in ("mina framsteg" is Swedish, whatever a word looks like).
        ctx.lang = match.lang;
        return runOrGreet(ctx, match.command.declaration, match.slots);
      });
    },
    async submit(form) {
      const ctx = await contextFor(form, '');
      return guarded(ctx, `form:${form.formKind}`, async () => {
        if (!ctx.actor) return strangerNote(ctx);
        const declared = registry.form(form.formKind);
        if (!declared) {
          log.warn({ formKind: form.formKind }, 'form with no handler');
          return [message(ctx.lang, { type: 'paragraph', text: texts.in(ctx.lang)('unknownForm') })];
        }
        const actor = ctx.actor;
        if (!declared.roles.some((role) => actor.roles.includes(role))) {
          log.info({ actorId: actor.id, formKind: form.formKind }, 'form not allowed for role');
          return [message(ctx.lang, { type: 'paragraph', text: texts.in(ctx.lang)('notForRole') })];
        }
        return declared.handle(ctx, actor, form);
      });
    },
    async home(user) {
      const ctx = await contextFor(user, '');
      return guarded(ctx, 'home', async () => {
        const actor = ctx.actor;
        if (!actor) return helpFor(ctx, null, registry);
        const runId = async (id: string, slots: Record<string, SlotRaw> = {}) => {
          const command = registry.command(id)?.declaration;
          return command ? run(ctx, actor, command, slots) : [];
        };
        // A student: progress, then this week's check-ins and the check-in time form.
        if (actor.roles.includes('student')) return [...(await runId('progress')), ...(await runId('checkin-time'))];
        if (actor.roles.length > 0) return [...(await runId('students')), ...helpFor(ctx, actor, registry)];
        return helpFor(ctx, actor, registry);
      });
    },
    async draftObservation(user, text, options = {}) {
      const base = await contextFor(user, text);
      const by = options.suggestionsBy;
      const ctx = by ? { ...base, services: { ...services, suggestRequirements: suggestUntil(deps.suggestRequirements, by) } } : base;
      return guarded(ctx, 'draft-observation', async () => {
        const actor = ctx.actor;
        if (!actor) return strangerNote(ctx);
        const observe = registry.command('observe')?.declaration;
        const t = texts.in(ctx.lang);
        if (!observe?.roles.some((role) => actor.roles.includes(role))) return [message(ctx.lang, { type: 'paragraph', text: t('onlyStaffObserve') })];
        for (const candidate of deps.observationCandidates(text)) {
          const replies = await run(ctx, actor, observe, candidate);
          if (replies[0]?.kind === 'form') return replies;
        }
        return [message(ctx.lang, { type: 'paragraph', text: t('draftObservationWho') })];
      });
    },
  };
}

/** The suggester's answer, or none once `signal` aborts (the suggestion itself runs on, unused). */
function suggestUntil(suggest: CoreServices['suggestRequirements'], signal: AbortSignal): CoreServices['suggestRequirements'] {
  return (request) => {
    if (signal.aborted) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const stop = () => resolve([]);
      signal.addEventListener('abort', stop, { once: true });
      suggest(request).then(
        (ids) => {
          signal.removeEventListener('abort', stop);
          resolve(ids);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', stop);
          reject(err);
        },
      );
    });
  };
}
