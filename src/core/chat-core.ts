// The platform-neutral conversation core. Every message runs the same way: understand it against the
// registry → authorise from the command's declaration → the feature's handler → replies. Text that is
// no command is offered to the features' statement handlers, then answered as a question.
// Adapters (local chat, Slack, Teams) only translate to and from this.
import type { IdentityResolver } from '../access/identity.ts';
import type { Command, FeatureModule, SlotSpec, SlotSpecs, SlotValues } from '../conversation/command.ts';
import { type CommandContext, type CoreServices, message } from '../conversation/command-context.ts';
import type { FormSubmission, IncomingMessage, PlatformUser } from '../conversation/incoming.ts';
import type { Lang, Reply } from '../conversation/reply.ts';
import { formatDate } from '../i18n/format.ts';
import { currentPlacement, isStorageError, localDateAt, type Person, type StorageError } from '../storage/index.ts';
import { detectLanguage } from '../text/language.ts';
import { foldDiacritics } from '../text/normalize.ts';
import { isStopword } from '../text/stopwords.ts';
import { authorise } from './authorise.ts';
import { createHelpCommand, enrolmentHint, helpFor } from './help.ts';
import { type CommandMatch, type CommandRegistry, createCommandRegistry } from './registry.ts';
import { smalltalkCommand } from './smalltalk.ts';
import { phaticKind, thanksWithComment, withoutPleasantries } from './understanding/phatic.ts';
import { texts } from './texts.ts';
import type { SlotRaw } from './understanding/phrasing.ts';
import { createIntentClassifier, type IntentClassifier } from './understanding/intent-classifier.ts';
import { noneCorpus } from './understanding/none-corpus.ts';
import { tokenize } from './understanding/tokens.ts';
import { findEntities, type KnownPerson, nameIndex, PLACEHOLDERS } from './understanding/entities.ts';
import { COMMAND_SYNONYMS } from './understanding/command-synonyms.ts';
import { fillSlots, MISSING } from './understanding/slot-filling.ts';
import { asksAboutPrivateLife, asksAboutUse, asksForContact, asksForOwn, asksRemoval, isPlainSentence, nameBaseForms, namesStudentsAsGroup } from './understanding/cues.ts';
import { placementsInScope } from '../access/student-access.ts';
import { commandClauses, isFirstPersonAccount, opensAsQuestion, opensAsRequest, opensAsRequestForm, requestBody } from '../text/statements.ts';

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
/** How sure the classifier must be to take a text the knowledge base answers with passages. */
const SURE_GUESS = 0.97;
/** How sure, and how far ahead of the next, a guess on a message with typed values must be. */
const ENTITY_GUESS = 0.6;
const ENTITY_MARGIN = 0.25;
/** How sure a guess must be to answer a message that lacks the command's value with how to write it. */
const CLARIFY_GUESS = 0.9;
/** Words in a message short enough that each may be a name written in lower case. */
const SHORT_MESSAGE = 6;
/** Commands that only show something. */
const VIEWS: ReadonlySet<string> = new Set(['progress', 'summary', 'students', 'my-observations']);
/** Commands that show the asker's own data. */
const OWN_DATA: ReadonlySet<string> = new Set(['my-grade', 'my-teacher', 'my-instructor', 'my-observations']);
/** A message of more clauses than this is an account or a story, not a command with its reason. */
const MAX_CLAUSES = 4;
const NOT_IN_CLAUSE: ReadonlySet<string> = new Set(['help', 'smalltalk']);

export function createChatCore(deps: ChatCoreDeps): RegisteredChatCore {
  const log = deps.logger.child({ component: 'chat-core' });
  const services: CoreServices = { store: deps.store, kb: deps.kb, suggestRequirements: deps.suggestRequirements, clock: deps.clock, logger: deps.logger };
  const registry: CommandRegistry = createCommandRegistry([...deps.features, { name: 'core', commands: [createHelpCommand(() => registry), smalltalkCommand] }]);
  // The one command that takes named fields (enrolment), if exactly one does.
  const takingFields = registry.commands.filter(({ declaration }) => Object.values(declaration.slots).some((spec) => (spec as SlotSpec).type === 'fields'));
  const fieldsCommand = takingFields.length === 1 ? takingFields[0]?.declaration.id : undefined;

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

  async function freeText(ctx: CommandContext, text: string): Promise<Reply[]> {
    // Failing that, what a polite request asks, without its opening ("kan du visa …" is "visa …").
    const body = requestBody(text);
    const guess = (await guessCommand(ctx, text)) ?? (body ? await guessCommand(ctx, body, true) : null);
    // A guess whose slots took typed values from the message ("vaihda kyselyaika 15.30") is a
    // command, not a reflection or an observation to draft.
    // Not a command that records something in a student's account of the day ("olen tänään päivittänyt
    // asiakasrekisteriä" names today, as "olen poissa tänään" does): the statements read it first, unless
    // a clause asks for it ("tulin takas aiemmin, voit alkaa kysellä taas").
    const account = guess && 'slots' in guess && guess.command.records === true && isFirstPersonAccount(text) && !commandClauses(text).some(opensAsRequestForm);
    // "what grade did Ville get?": the asker's own data is no answer about someone else.
    // Nor "Var bor min handledare?": their private life is no one's to tell.
    if (guess && 'slots' in guess && OWN_DATA.has(guess.command.id) && (asksAboutPrivateLife(text) || (await namesSomeoneElse(ctx, text)))) return question(ctx, text);
    // Nor a view of a student guessed from a staff member's note about them ("ainolla vielä vähän hakemista
    // crm:n käytössä, kysyy paljon neuvoa"): a longer plain sentence is read by the statements first.
    const note = guess && 'slots' in guess && VIEWS.has(guess.command.id) && isPlainSentence(text);
    if (guess && 'slots' in guess && !note && ((guess.filled > 0 && !account) || (await leadsWith(ctx, text, guess.command.id)))) return runOrGreet(ctx, guess.command, guess.slots);
    const own = ownDataCommand(ctx, text) ?? (await namedContact(ctx, text).then((command) => (command ? { command, answer: 'none' as const } : null)));
    if (own && ctx.actor && !asksAboutPrivateLife(text) && !(await namesSomeoneElse(ctx, text))) {
      const answered = own.answer === 'none' ? [] : await deps.answerQuestion(ctx, text);
      const replies = await run(ctx, ctx.actor, own.command, {});
      return own.answer === 'before' ? [...answered, ...replies] : [...replies, ...answered];
    }
    const inClause = guess ? null : await clauseCommand(ctx, text);
    if (inClause?.first) return runOrGreet(ctx, inClause.guess.command, inClause.guess.slots);
    if (ctx.actor) {
      for (const statement of registry.statements) {
        const replies = await statement.handle(ctx, ctx.actor, text);
        if (replies) {
          routed({ kind: 'statement', feature: statement.feature });
          return replies;
        }
      }
    }
    if (guess && 'slots' in guess) return runOrGreet(ctx, guess.command, guess.slots);
    if (inClause) return runOrGreet(ctx, inClause.guess.command, inClause.guess.slots);
    const howTo = guess && ctx.actor ? howToWrite(ctx, ctx.actor, guess.clarify) : null;
    if (guess && howTo) {
      routed({ kind: 'clarify', command: guess.clarify.id });
      return howTo;
    }
    // "kiitos, tosta on apua": thanks with a comment that asks, tells and names nothing of the unit's.
    const thanked = thanksWithComment(text, ctx.lang);
    const remarks = thanked && !opensAsQuestion(thanked.comment) && !opensAsRequest(thanked.comment) && !isFirstPersonAccount(thanked.comment) && deps.questionCovered(ctx, thanked.comment) !== 'structured';
    if (thanked && remarks) {
      ctx.lang = thanked.thanks.lang;
      return runOrGreet(ctx, smalltalkCommand, { kind: thanked.thanks.kind });
    }
    return question(ctx, text);
  }

  function question(ctx: CommandContext, text: string): Promise<Reply[]> {
    routed({ kind: 'question' });
    return deps.answerQuestion(ctx, text);
  }

  /**
   * The text names a person of the school other than the asker, a student's own teacher and instructor
   * and staff's own students ("mikä Villen arvosana on", asked by Aino): capitalised words (any word of a short message), in any Finnish case.
   */
  async function namesSomeoneElse(ctx: CommandContext, text: string): Promise<boolean> {
    const actor = ctx.actor;
    if (!actor) return false;
    // Theirs: a student's own teacher and instructor; staff's own students too (their grades are staff's business).
    const own = new Set([actor.id]);
    for (const placement of await deps.store.placements.listByStudent(actor.id)) for (const id of [placement.teacherId, placement.instructorId]) if (id) own.add(id);
    if (actor.roles.some((role) => role !== 'student')) for (const placement of await placementsInScope(ctx, actor)) own.add(placement.studentId);
    // Question and function words open sentences with a capital too ("What", "Kuka"); each lookup reads the people table.
    // In a short message a name is often written in lower case ("vilket vitsord fick ville"): every word is looked at.
    const words = text.slice(0, 400).match(/[\p{L}]+(?:['’]s)?/gu) ?? [];
    const candidates = words.length <= SHORT_MESSAGE ? words.filter((w) => w.length >= 3) : words.filter((w) => /^\p{Lu}\p{Ll}{2,}/u.test(w));
    const names = [...new Set(candidates)].filter((w) => !isStopword(w.replace(/['’]s$/u, '').toLowerCase())).slice(0, SHORT_MESSAGE);
    for (const word of names) {
      const bare = word.replace(/['’]s$/u, '');
      const forms = nameBaseForms(bare);
      for (const form of forms) {
        const people = await deps.store.people.findByName(form);
        if (people.some((p) => !own.has(p.id) && p.name.split(/\s+/u).some((part) => foldDiacritics(part.toLowerCase()) === foldDiacritics(form.toLowerCase())))) return true;
      }
    }
    return false;
  }

  /**
   * The message's first clause alone is the command ("jatketaan kyselyitä taas, palasin lomalta"), or a
   * clause that asks for something done ("palasin lomalta eilen, voit taas lähettää kyselyt"): the rest
   * says why, and the command goes before the statements that would take the rest for an account.
   */
  async function leadsWith(ctx: CommandContext, text: string, command: string): Promise<boolean> {
    const clauses = commandClauses(text);
    if (clauses.length < 2) return false;
    for (const [at, clause] of clauses.entries()) {
      if ((at > 0 && !opensAsRequestForm(clause)) || clause.split(/\s+/u).length < 2) continue;
      if ((await plainModel().then((c) => c.classify(clause, ctx.lang)))?.command === command) return true;
    }
    return false;
  }

  /**
   * A command said in one clause of a longer message, the rest saying why ("kuumetta 38,5 joten jään
   * tänään kotiin", "Tulin takaisin jo tänään, voit jatkaa kyselyjä"): taken when exactly one command
   * is found among the clauses and no other clause asks a question. `first`: it goes before
   * the statements, as a clause that asks for something done ("voit …", "ota …"); otherwise only when
   * no statement takes the message ("spent the morning at the service desk, …" stays an account).
   */
  async function clauseCommand(ctx: CommandContext, text: string): Promise<{ guess: Guess; first: boolean } | null> {
    const clauses = commandClauses(text);
    if (clauses.length < 2 || clauses.length > MAX_CLAUSES) return null;
    const found: { guess: Guess; at: number }[] = [];
    for (const [at, clause] of clauses.entries()) {
      if (clause.split(/\s+/u).length < 2) continue;
      const body = requestBody(clause);
      const guess = (await guessCommand(ctx, clause)) ?? (body ? await guessCommand(ctx, body, true) : null);
      // Help and small talk are no command with a reason ("…, ei tarvi kysellä mitään" is no call for help).
      if (guess && 'slots' in guess && !NOT_IN_CLAUSE.has(guess.command.id)) found.push({ guess, at });
    }
    const ids = new Set(found.map((f) => f.guess.command.id));
    const hit = found[0];
    if (!hit || ids.size !== 1) return null;
    // "tein asiakaskyselyn, liittyykö se johonkin kriteeriin?": a question beside it, and the message is the question.
    const asks = clauses.some((clause, at) => !found.some((f) => f.at === at) && opensAsQuestion(clause));
    if (asks) return null;
    // "Villen vanha Slack-tunnus U07VILLE1 on suljettu, poista liitos": the link asked removed, in another clause.
    const unlink = hit.guess.command.id === 'link' && asksRemoval(text) ? registry.command('unlink')?.declaration : undefined;
    const guess = unlink ? { ...hit.guess, command: unlink } : hit.guess;
    // A change to what is held about people, its values placed, goes before any note ("… on suljettu" is no observation).
    const first = found.some((f) => opensAsRequestForm(clauses[f.at] ?? '')) || (guess.command.changes === true && guess.filled > 0);
    return { guess, first };
  }

  /**
   * "mikä Liisan puhelinnumero on?", "how do I reach Mikko?": a student asking how to reach their own
   * teacher or instructor by name is asking for that contact (my-teacher, my-instructor).
   */
  async function namedContact(ctx: CommandContext, text: string): Promise<Command | null> {
    const actor = ctx.actor;
    const asked = text.includes('?') || opensAsQuestion(text) || opensAsRequestForm(text);
    if (!actor?.roles.includes('student') || !asked || !asksForContact(text)) return null;
    const placement = currentPlacement(await deps.store.placements.listByStudent(actor.id), ctx.today);
    if (!placement) return null;
    const roles = new Map<string, string>();
    if (placement.teacherId) roles.set(placement.teacherId, 'my-teacher');
    if (placement.instructorId) roles.set(placement.instructorId, 'my-instructor');
    const people = await deps.store.people.findByIds([...roles.keys()]);
    const named = findEntities(tokenize(text), ctx.today, nameIndex(people.map((p) => ({ id: p.id, name: p.name, email: p.email })))).people;
    const ids = new Set(named.map((p) => roles.get(p.id)).filter((id): id is string => id !== undefined));
    const [id] = ids;
    return ids.size === 1 && id ? (registry.command(id)?.declaration ?? null) : null;
  }

  /** A personal question the asker's own command answers (a student's teacher), when the command is theirs. */
  function ownDataCommand(ctx: CommandContext, text: string): { command: Command; answer: 'none' | 'after' | 'before' } | null {
    const actor = ctx.actor;
    const asked = actor ? deps.personalCommand(ctx, text) : null;
    const command = asked ? registry.command(asked.command)?.declaration : undefined;
    return asked && command && actor && command.roles.some((role) => actor.roles.includes(role)) ? { command, answer: asked.answer } : null;
  }

  // Trained on the registry's phrasings once, at the first message that needs it or by `prepare()`: a
  // few hundred milliseconds of CPU and about 30 MB of heap that an idle server does not spend (the
  // app leaves it to the first message; see the footprint bench):
  // one model for plain messages, one taught with placeholders for messages that carry typed values.
  // The second may be less sure (0.6, leading by 0.25), as its guess must also place every value found.
  let plain: Promise<IntentClassifier> | undefined;
  let withEntities: Promise<IntentClassifier> | undefined;
  const plainModel = () => (plain ??= createIntentClassifier(registry.commands, noneCorpus(deps.kb)));
  const entityModel = () =>
    (withEntities ??= createIntentClassifier(registry.commands, noneCorpus(deps.kb), ENTITY_GUESS, COMMAND_SYNONYMS, { entities: true, margin: ENTITY_MARGIN }));
  const classify = (masked: string, lang: Lang) => {
    const model = masked.split(' ').some((word) => PLACEHOLDERS.has(word)) ? entityModel() : plainModel();
    return model.then((c) => c.classify(masked, lang, { long: true }));
  };

  /** Whom the actor may name in a command: their students, and for an admin everyone in a placement. */
  async function knownPeople(ctx: CommandContext): Promise<{ students: Set<string>; people: KnownPerson[] }> {
    const actor = ctx.actor;
    if (!actor?.roles.some((role) => role !== 'student')) return { students: new Set(), people: [] };
    const scope = await placementsInScope(ctx, actor);
    const students = new Set(scope.map((p) => p.studentId));
    const ids = new Set(students);
    if (actor.roles.includes('admin')) for (const p of scope) for (const id of [p.instructorId, p.teacherId]) if (id) ids.add(id);
    const found = await deps.store.people.findByIds([...ids]);
    return { students, people: found.map((p) => ({ id: p.id, name: p.name, email: p.email })) };
  }

  interface Guess {
    command: Command;
    slots: Record<string, SlotRaw>;
    /** Slots filled from typed values found in the message. */
    filled: number;
  }

  /**
   * A command written in words no phrasing has: entities first (dates, times, ids, the actor's
   * people, the observation's text: entities.ts), the classifier on the message with them masked,
   * and the guess taken only when its words back it and every slot it needs is filled by one found
   * value of its kind (slot-filling.ts). An admin's command (link, export, erase) needs a sure guess,
   * and a guessed erase only ever reaches its own confirmation step (its choice slot stays "no").
   */
  async function guessCommand(ctx: CommandContext, text: string, polite = false): Promise<Guess | { clarify: Command } | null> {
    // "voisitko pitää tauon 14.-18.12." asks for something to be done, whatever the knowledge base makes of its words.
    const request = opensAsRequest(text) || polite || asksForOwn(text);
    const coverage = polite ? 'none' : deps.questionCovered(ctx, text);
    if (coverage === 'structured' && !request) return null;
    const known = await knownPeople(ctx);
    const entities = findEntities(tokenize(text), ctx.today, nameIndex(known.people));
    // The words around a value decide as well without it: "can you show me Aino's progress" is the
    // plain model's "can you show me progress", with Aino for its student.
    const bare = entities.masked.split(' ').filter((word) => !PLACEHOLDERS.has(word)).join(' ');
    // Named fields ("student=ville instructor=…", "opiskelija Ville, ohjaaja Sanna, …") are the one fields command's.
    const byFields = Object.keys(entities.fields).length > 0 ? fieldsCommand : undefined;
    const first = (byFields ? { command: byFields, score: 1 } : null) ?? (await classify(entities.masked, ctx.lang)) ?? (bare !== entities.masked && bare.includes(' ') ? await plainModel().then((c) => c.classify(bare, ctx.lang)) : null);
    // The words after a name are an observation's text only for a command that takes one: read again with them.
    const takesText = (id: string) => Object.values(registry.command(id)?.declaration.slots ?? {}).some((spec) => spec.type === 'text');
    const guess = first && !byFields && entities.text !== null && !takesText(first.command) ? await classify(entities.maskedWithText, ctx.lang) : first;
    if (!guess) return null;
    if (coverage !== 'none' && guess.score < SURE_GUESS) return null;
    // Small talk is the lexicon's and the phrasings' to recognise (phatic.ts): a guess at it from other
    // words is a question about something else ("kuka voitti eilen", "mitä työpaikkaohjaukseen kuuluu").
    // Help is guessed only for a text the knowledge base has nothing on ("mitä asiakastiedoilla tehdään").
    // And only for words about the bot and its use: "voitko tehdä mun kotitehtävät" asks for something it does not do.
    if (guess.command === 'smalltalk' || (guess.command === 'help' && (coverage !== 'none' || !asksAboutUse(text)))) return null;
    // A range of days is a pause, not one day's absence ("no check-ins 7.12.–11.12. please, I'm at school");
    // a link asked removed is an unlink ("… got deactivated, please remove the link").
    const removes = guess.command === 'link' && asksRemoval(text);
    const id = guess.command === 'absent' && entities.dates.length === 2 ? 'pause' : removes ? 'unlink' : guess.command;
    const command = registry.command(id)?.declaration;
    if (!command) return null;
    // Someone known never means a command that is not theirs ("paljonko maksaa bussikortti opiskelijalle" is no "my students").
    const actor = ctx.actor;
    if (actor && !command.roles.some((role) => actor.roles.includes(role))) return null;
    const slots = fillSlots(command, entities, known.students);
    // A command that changes what is held about people must be a sure guess, unless an account id written
    // in the message has its place in it ("ta bort slack-kopplingen U02KLM9ZZ"): the id says what the words
    // hint; or a person it needs is named and the guess nearly sure ("Aino lopetti, tyhjennä hänen tietonsa":
    // a guessed erase only asks for confirmation).
    const placedAccount = entities.accounts.length > 0 && slots !== null && (slots === MISSING || slots.filled > 0);
    const placedPerson = entities.people.length > 0 && slots !== null && slots !== MISSING && slots.filled > 0 && guess.score >= CLARIFY_GUESS;
    if (command.changes && guess.score < SURE_GUESS && !placedAccount && !placedPerson) return null;
    // Longer than the command is ever said: an administrator's request with its reason ("Aino made a GDPR
    // access request, please pull her data out as JSON") stands on the value it placed; anything else is no command.
    if (guess.long && !(command.roles.every((role) => role === 'admin') && slots !== null && slots !== MISSING && slots.filled > 0)) return null;
    // "voiko harjoittelun aikana olla lomalla?" asks about absences; it records none. "voitko …?" asks for one.
    if (command.records && entities.asks && !request && !(slots && slots !== MISSING && slots.filled > 0)) return null;
    // A value missing: how to write the command, when sure (past the bar above for a text the knowledge base answers).
    if (slots === MISSING) return guess.score >= CLARIFY_GUESS || entities.accounts.length > 0 ? { clarify: command } : null;
    if (!slots) return null;
    // A request read without its polite opening stands only on a value it placed: a time, a date, a
    // student ("voisitko tehdä Ainon viikkoyhteenvedon"); "voitko tilata mulle taksin" has none.
    if (polite && slots.filled === 0 && Object.keys(slots.values).length === 0) return null;
    log.debug({ command: command.id, score: guess.score, filled: slots.filled }, 'command recognised by the classifier');
    return { command, slots: slots.values, filled: slots.filled };
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
      await plainModel();
      await entityModel();
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
        if (match === 'empty') {
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
