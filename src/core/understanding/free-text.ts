// What a free text (no phrasing matched it) is: a command with its slots, the asker's own data, a
// command that lacked a value, small talk, or a question; and whether the features' statements (a
// reflection, an observation) read it first. One reading for every surface, decided here from the
// classifiers' guesses (intent-classifier.ts), the entities (entities.ts) and the word cues (cues.ts);
// the chat core acts on it (chat-core.ts).
import { placementsInScope } from '../../access/student-access.ts';
import type { Command, SlotSpec } from '../../conversation/command.ts';
import type { CommandContext, CoreServices } from '../../conversation/command-context.ts';
import type { Lang } from '../../i18n/lang.ts';
import { currentPlacement } from '../../storage/index.ts';
import { foldDiacritics } from '../../text/normalize.ts';
import { commandClauses, isFirstPersonAccount, opensAsQuestion, opensAsRequest, opensAsRequestForm, requestBody } from '../../text/statements.ts';
import { isStopword } from '../../text/stopwords.ts';
import type { CommandRegistry } from '../registry.ts';
import { COMMAND_SYNONYMS } from './command-synonyms.ts';
import { asksAboutPrivateLife, asksAboutUse, asksForContact, asksHowBotWorks, asksForOwn, asksRemoval, isPlainSentence, nameBaseForms } from './cues.ts';
import { findEntities, type KnownPerson, nameIndex, PLACEHOLDERS } from './entities.ts';
import { createIntentClassifier, guessOf, type IntentClassifier, type IntentExplanation, type IntentGuess, NONE } from './intent-classifier.ts';
import { noneCorpus } from './none-corpus.ts';
import { type Phatic, thanksWithComment } from './phatic.ts';
import type { SlotRaw } from './phrasing.ts';
import { fillSlots, MISSING } from './slot-filling.ts';
import { tokenize } from './tokens.ts';

/** What to do with a free text. */
export type Action =
  | { kind: 'command'; command: Command; slots: Record<string, SlotRaw> }
  /** The asker's own data ("kuka on mun opettaja"), with the question's own answer before or after it, or none. */
  | { kind: 'own'; command: Command; answer: 'none' | 'after' | 'before' }
  /** Understood as this command, but a value it needs is missing: show how to write it, else `otherwise`. */
  | { kind: 'clarify'; command: Command; otherwise: Action }
  | { kind: 'smalltalk'; phatic: Phatic }
  | { kind: 'question' };

export interface Reading {
  /** Done before the features' statements read the message; null: the statements first. */
  first: Action | null;
  /** Done when no statement takes the message. */
  otherwise: Action;
}

export interface FreeTextReaderDeps extends Pick<CoreServices, 'store' | 'kb' | 'logger'> {
  registry: CommandRegistry;
  /** How the knowledge base answers a text (ChatCoreDeps.questionCovered). */
  questionCovered: (ctx: CommandContext, text: string) => 'structured' | 'search' | 'none';
  /** The command that answers a personal question from the asker's own data (ChatCoreDeps.personalCommand). */
  personalCommand: (ctx: CommandContext, text: string) => { command: string; answer: 'none' | 'after' | 'before' } | null;
}

export interface FreeTextReader {
  read(ctx: CommandContext, text: string): Promise<Reading>;
  /** Trains the intent classifiers now rather than at the first message that needs them. */
  prepare(): Promise<void>;
}

/** How sure the classifier must be to take a text the knowledge base answers with passages. */
const SURE_GUESS = 0.97;
/** How sure, and how far ahead of the next, a guess on a message with typed values must be. */
const ENTITY_GUESS = 0.6;
const ENTITY_MARGIN = 0.25;
/** How sure a guess must be to answer a message that lacks the command's value with how to write it. */
const CLARIFY_GUESS = 0.9;
/** How far the plain model must lean, and how sure the placeholder model must be, for their agreement to count. */
const LEANING = 0.6;
const AGREED = 0.9;
/** Words in a message short enough that each may be a name written in lower case. */
const SHORT_MESSAGE = 6;
/** Commands that only show something. */
const VIEWS: ReadonlySet<string> = new Set(['progress', 'summary', 'students', 'my-observations']);
/** Commands that show the asker's own data. */
const OWN_DATA: ReadonlySet<string> = new Set(['my-grade', 'my-teacher', 'my-instructor', 'my-observations']);
/** A message of more clauses than this is an account or a story, not a command with its reason. */
const MAX_CLAUSES = 4;
const NOT_IN_CLAUSE: ReadonlySet<string> = new Set(['help', 'smalltalk']);

export function createFreeTextReader(deps: FreeTextReaderDeps): FreeTextReader {
  const { registry } = deps;
  const log = deps.logger.child({ component: 'understanding' });
  // The one command that takes named fields (enrolment), if exactly one does.
  const takingFields = registry.commands.filter(({ declaration }) => Object.values(declaration.slots).some((spec) => (spec as SlotSpec).type === 'fields'));
  const fieldsCommand = takingFields.length === 1 ? takingFields[0]?.declaration.id : undefined;

  async function read(ctx: CommandContext, text: string): Promise<Reading> {
    // Failing a phrasing, what a polite request asks, without its opening ("kan du visa …" is "visa …").
    const body = requestBody(text);
    const guess = (await guessCommand(ctx, text)) ?? (body ? await guessCommand(ctx, body, true) : null);
    const guessed = guess && 'slots' in guess ? guess : null;
    // Not a command that records something in a student's account of the day ("olen tänään päivittänyt
    // asiakasrekisteriä" names today, as "olen poissa tänään" does): the statements read it first, unless
    // a clause asks for it ("tulin takas aiemmin, voit alkaa kysellä taas").
    const account = guessed?.command.records === true && isFirstPersonAccount(text) && !commandClauses(text).some(opensAsRequestForm);
    // "what grade did Ville get?": the asker's own data is no answer about someone else.
    // Nor "Var bor min handledare?": their private life is no one's to tell.
    // And staff have no grade or teacher of their own here: "mitä mun pitää arvioida näytössä?" asks about the unit.
    const student = ctx.actor?.roles.includes('student') === true;
    if (guessed && OWN_DATA.has(guessed.command.id) && (!student || asksAboutPrivateLife(text) || (await namesSomeoneElse(ctx, text)))) return now({ kind: 'question' });
    // Nor a view of a student guessed from a staff member's note about them ("ainolla vielä vähän hakemista
    // crm:n käytössä, kysyy paljon neuvoa"): a longer plain sentence is read by the statements first.
    const note = guessed !== null && VIEWS.has(guessed.command.id) && isPlainSentence(text);
    // A guess whose slots took typed values from the message ("vaihda kyselyaika 15.30") is a
    // command, not a reflection or an observation to draft.
    if (guessed && !note && ((guessed.filled > 0 && !account) || (await leadsWith(ctx, text, guessed.command.id)))) return now(commandOf(guessed));
    const own = ownDataCommand(ctx, text) ?? (await namedContact(ctx, text).then((command) => (command ? { command, answer: 'none' as const } : null)));
    if (own && student && !asksAboutPrivateLife(text) && !(await namesSomeoneElse(ctx, text))) return now({ kind: 'own', ...own });
    const inClause = guess ? null : await clauseCommand(ctx, text);
    if (inClause?.first) return now(commandOf(inClause.guess));
    const otherwise = (): Action => {
      if (guessed) return commandOf(guessed);
      if (inClause) return commandOf(inClause.guess);
      const last = remark(ctx, text);
      return guess && 'clarify' in guess && ctx.actor ? { kind: 'clarify', command: guess.clarify, otherwise: last } : last;
    };
    return { first: null, otherwise: otherwise() };
  }

  const now = (action: Action): Reading => ({ first: action, otherwise: action });
  const commandOf = (guess: Guess): Action => ({ kind: 'command', command: guess.command, slots: guess.slots });

  /** "kiitos, tosta on apua": thanks with a comment that asks, tells and names nothing of the unit's; else a question. */
  function remark(ctx: CommandContext, text: string): Action {
    const thanked = thanksWithComment(text, ctx.lang);
    const remarks = thanked && !opensAsQuestion(thanked.comment) && !opensAsRequest(thanked.comment) && !isFirstPersonAccount(thanked.comment) && deps.questionCovered(ctx, thanked.comment) !== 'structured';
    return thanked && remarks ? { kind: 'smalltalk', phatic: thanked.thanks } : { kind: 'question' };
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
  const classify = async (masked: string, lang: Lang): Promise<IntentGuess | null> => {
    if (masked.split(' ').some((word) => PLACEHOLDERS.has(word))) return (await entityModel()).classify(masked, lang, { long: true });
    const plain = await (await plainModel()).explain(masked, lang);
    return guessOf(plain, { long: true }) ?? agreed(plain, masked, lang);
  };
  /**
   * The plain model leaning to a command it is not sure of, and the model taught with placeholders sure
   * of the same one ("send me my weekly summary", "what did Mikko write about me"): two readings agree,
   * when the plain model's doubt is between commands ("what happens if i miss a day" leans to none as well).
   * The plain model's score stands, so the guess is no surer than it was for anything that asks more.
   */
  async function agreed(plain: IntentExplanation, text: string, lang: Lang): Promise<IntentGuess | null> {
    if (plain.verdict !== 'unsure') return null;
    const typed = await (await entityModel()).explain(text, lang);
    // The plain model doubting which command, not whether any: its runner-up is a command too.
    const agree = plain.verdict === 'unsure' && typed.verdict === 'taken' && plain.best?.command === typed.best?.command && plain.second?.command !== NONE;
    return agree && plain.best && typed.best && plain.best.score >= LEANING && typed.best.score >= AGREED ? plain.best : null;
  }

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
    // "apua, miten tämä toimii?": how the bot works is help, whatever passages share its words.
    const aboutTheBot = coverage === 'none' || (coverage === 'search' && asksHowBotWorks(text));
    if (guess.command === 'smalltalk' || (guess.command === 'help' && (!aboutTheBot || !asksAboutUse(text)))) return null;
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

  return {
    read,
    async prepare() {
      await plainModel();
      await entityModel();
    },
  };
}
