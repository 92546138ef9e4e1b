// How a feature declares a chat command, once: its id, who may use it, its slots, example phrasings
// in every language, its help line and its handler. The core understands a message against these
// declarations, authorises it from them and only then calls the handler.
import type { Lang } from '../i18n/lang.ts';
import type { Person, Placement, Relation, Role } from '../storage/index.ts';
import type { CommandContext } from './command-context.ts';
import type { FormKind, Reply } from './reply.ts';
import type { FormSubmission } from './incoming.ts';

/**
 * What a slot holds:
 * - `student`: a student's name as written (1–3 words), resolved by the core when the command has a subject;
 * - `person`: a person's id, e-mail or name as written, resolved by the handler;
 * - `date`: a local date (YYYY-MM-DD) from 2026-12-14, 14.12.2026, 14.12., today/tänään/idag …;
 * - `time`: HH:MM from 14:30, 14.30, 9;
 * - `word`: one token as written (an id, a platform name); `entity` says which kind, so that the
 *   understanding step can find it anywhere in a message ("linkitä slack-käyttäjä U04ABCD12 villeen");
 * - `text`: the rest of the message as written;
 * - `fields`: `key=value` pairs (the rest of the message);
 * - `choice`: one of fixed values, set by the phrasing that matched.
 */
export type SlotSpec =
  | { type: 'student' | 'person' | 'date' | 'time' | 'text'; optional?: boolean }
  | { type: 'word'; optional?: boolean; entity?: 'platform' | 'account' | 'person' }
  | { type: 'fields'; optional?: boolean }
  | { type: 'choice'; values: readonly string[]; default: string };

export type SlotSpecs = Readonly<Record<string, SlotSpec>>;

type SlotValue<S extends SlotSpec> = S extends { type: 'fields' }
  ? Record<string, string>
  : S extends { type: 'choice'; values: readonly (infer V)[] }
    ? V
    : S extends { optional: true }
      ? string | null
      : 'optional' extends keyof S
        ? string | null
        : string;

export type SlotValues<S extends SlotSpecs> = { -readonly [K in keyof S]: SlotValue<S[K]> };

/**
 * An example of how people write the command; the understanding step matches messages against
 * these. Words match whatever their case and ä/ö; `{slot}` stands for a slot; `[word]` or
 * `[a|b]` is an optional word; `(a|b)` is one of several words. `with` sets `choice` slots.
 */
export type Phrasing = string | { text: string; with: Readonly<Record<string, string>> };

/** The student a command is about, found and access-checked by the core before the handler runs. */
export interface Subject {
  student: Person;
  /** The placements the actor may see (all of a student's own). */
  placements: Placement[];
  relation: Relation;
}

/**
 * Whose data the command touches:
 * - `self`: only the actor's own (the handler uses the actor);
 * - `student`: the student named in `slot`, resolved among the actor's own students and
 *   access-checked (an instructor only during the placement), audited as `action`. When the slot
 *   is empty, `subject` is null and the handler decides (a student's own data, or it asks whom);
 * - `admin`: anyone's, for admins only (the handler finds the person);
 * - `none`: no personal data.
 */
export type SubjectRule<S extends SlotSpecs> =
  | { kind: 'self' }
  | { kind: 'student'; slot: Extract<keyof S, string>; action: string }
  | { kind: 'admin' }
  | { kind: 'none' };

/** The help lines per audience the command serves (`student` or `staff`), each in every language. */
export type HelpLines = Partial<Record<'student' | 'staff', Record<Lang, string> | readonly Record<Lang, string>[]>>;

export interface CommandInput<S extends SlotSpecs> {
  actor: Person;
  slots: SlotValues<S>;
  subject: Subject | null;
}

export interface CommandDeclaration<S extends SlotSpecs = SlotSpecs> {
  id: string;
  /** Who may use the command; everyone else gets the core's "not for your role". */
  roles: readonly Role[];
  subject: SubjectRule<S>;
  slots: S;
  phrasings: Readonly<Record<Lang, readonly Phrasing[]>>;
  help: HelpLines;
  /**
   * The command records something at once (an absence, a pause, a time): a question in other words
   * ("voiko harjoittelun aikana olla lomalla?") is never guessed to be it, a request is.
   */
  records?: true;
  /**
   * The command changes or erases what is held about people (link, unlink, erase): guessed from
   * words no phrasing has, the guess must be sure, or stand on an account id or a person it needs.
   */
  changes?: true;
  handle(ctx: CommandContext, input: CommandInput<S>): Promise<Reply[]>;
  /** For a command that also serves people Osaava does not know (help, small talk); without it they are told how to get enrolled. */
  handleStranger?(ctx: CommandContext, input: { slots: SlotValues<S> }): Promise<Reply[]>;
}

/** A declared command as the registry holds it: its slots typed only as the declaration says. */
export type Command = CommandDeclaration<SlotSpecs>;

/**
 * Declares a command with its slot types carried into the handler. The core fills the slots from
 * these very specs (a choice slot with one of its values, an optional one with null), which is what
 * makes the one narrowing below sound.
 */
export function defineCommand<const S extends SlotSpecs>(declaration: CommandDeclaration<S>): Command {
  const stranger = declaration.handleStranger;
  return {
    ...declaration,
    handle: (ctx, input) => declaration.handle(ctx, input as CommandInput<S>),
    ...(stranger ? { handleStranger: (ctx: CommandContext, input: { slots: SlotValues<SlotSpecs> }) => stranger(ctx, input as { slots: SlotValues<S> }) } : {}),
  };
}

export type FormHandler = (ctx: CommandContext, actor: Person, form: FormSubmission) => Promise<Reply[]>;

/** A form a feature receives, with who may submit it (checked by the core like a command's roles). */
export interface FormDeclaration {
  roles: readonly Role[];
  handle: FormHandler;
}

/**
 * A plain statement (not a command, not a question) that a feature takes, e.g. a student writing
 * what they did while a check-in waits. Undefined leaves it to the next feature or to answering.
 */
export type StatementHandler = (ctx: CommandContext, actor: Person, text: string) => Promise<Reply[] | undefined>;

/** A feature's contribution to the chat: its commands, the forms it receives, the statements it takes. */
export interface FeatureModule {
  name: string;
  commands: readonly Command[];
  forms?: Partial<Record<FormKind, FormDeclaration>>;
  statements?: StatementHandler;
}
