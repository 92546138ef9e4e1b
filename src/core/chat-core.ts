// The platform-neutral conversation core: one call per incoming message or form, replies out.
// Adapters (local chat, Slack, Teams) only translate to and from this.
import type { Logger } from 'pino';
import type { IdentityResolver } from '../access/identity.ts';
import { mayUse, type RoleCommand } from '../access/policy.ts';
import { isStorageError, localDateAt, type Person } from '../storage/index.ts';
import { detectLanguage } from '../text/language.ts';
import { sayIn } from '../i18n/say.ts';
import type { FormSubmission, IncomingMessage, PlatformUser } from '../conversation/incoming.ts';
import type { Lang, Reply } from '../conversation/reply.ts';
import { handleErase, handleExport, handleLink } from '../features/people/admin-commands.ts';
import type { CommandContext, CoreServices } from '../conversation/command-context.ts';
import { message } from '../conversation/command-context.ts';
import { handleEnrol } from '../features/enrolment/enrol-command.ts';
import { enrolmentHint, roleHelp } from './help.ts';
import { handleListStudents } from '../features/people/list-students.ts';
import { handleMyObservations } from '../features/observations/my-observations.ts';
import { handleObserve, submitObservation } from '../features/observations/observe-command.ts';
import { type Command, parseCommand } from './parse-command.ts';
import { handleProgress } from '../features/progress/progress-command.ts';
import { handleReflect, submitCheckin } from '../features/checkins/reflect-command.ts';

export interface ChatCore {
  /** A message or command typed by a user (a DM, a slash command's text, the local chat). */
  handle(message: IncomingMessage): Promise<Reply[]>;
  /** A submitted form (check-in card, observation form, check-in time). */
  submit(form: FormSubmission): Promise<Reply[]>;
  /** What the user's home view shows (Slack App Home, a Teams welcome card): progress or students at a glance. */
  home(user: PlatformUser): Promise<Reply[]>;
  /** An observation form prefilled from a message's text (Slack shortcut, Teams message action). */
  draftObservation(user: PlatformUser, text: string): Promise<Reply[]>;
}

/** Extra commands a later slice registers (check-in scheduling: absent, pause, summary …). */
export type CommandExtension = (ctx: CommandContext, actor: Person, command: Command) => Promise<Reply[] | undefined>;

export interface ChatCoreDeps extends CoreServices {
  identities: IdentityResolver;
  extensions?: CommandExtension[];
}

const COMMAND_ROLES: Partial<Record<Command['kind'], RoleCommand>> = {
  progress: 'progress',
  reflect: 'reflect',
  'my-observations': 'my-observations',
  observe: 'observe',
  students: 'students',
  absent: 'absent',
  pause: 'pause',
  resume: 'resume',
  summary: 'summary',
  'checkin-time': 'checkin-time',
  enrol: 'enrol',
  link: 'link',
  export: 'export',
  erase: 'erase',
};

export function createChatCore(deps: ChatCoreDeps): ChatCore {
  const log = deps.logger.child({ component: 'chat-core' });

  async function contextFor(user: PlatformUser, text: string): Promise<CommandContext> {
    const actor = await deps.identities.resolve(user);
    const preferred: Lang = user.localeHint ?? actor?.lang ?? 'fi';
    const lang = text.trim() ? detectLanguage(text, preferred) : preferred;
    const today = localDateAt(deps.clock.now(), actor?.timeZone ?? 'Europe/Helsinki');
    return { services: deps, user, actor, lang, today };
  }

  async function answerQuestion(ctx: CommandContext, text: string): Promise<Reply[]> {
    const placements = ctx.actor ? await deps.store.placements.listByStudent(ctx.actor.id) : [];
    const unitId = placements.find((p) => p.startDate <= ctx.today && ctx.today <= p.endDate)?.unitIds[0];
    // The asker's own name is redacted too should any text leave for an LLM.
    const people = ctx.actor ? [{ name: ctx.actor.name, kind: ctx.actor.roles.includes('student') ? ('student' as const) : ('person' as const) }] : [];
    const { reply, plan } = await deps.answers.answer(text, { preferredLang: ctx.lang, people, ...(unitId ? { unitId } : {}) });
    log.info({ platform: ctx.user.platform, intent: plan.intent.kind, outcome: plan.outcome, citations: reply.citations.length }, 'question answered');
    return [reply];
  }

  async function dispatch(ctx: CommandContext, actor: Person, command: Command): Promise<Reply[]> {
    const needed = COMMAND_ROLES[command.kind];
    if (needed && !mayUse(actor, needed)) {
      log.info({ actorId: actor.id, command: command.kind }, 'command not allowed for role');
      const say = sayIn(ctx.lang);
      return [message(ctx.lang, { type: 'paragraph', text: say('Tämä toiminto ei kuulu roolillesi. Kirjoita "apua" nähdäksesi, mitä voit tehdä.', 'That is not available for your role. Write "help" to see what you can do.') })];
    }
    for (const extension of deps.extensions ?? []) {
      const replies = await extension(ctx, actor, command);
      if (replies) return replies;
    }
    switch (command.kind) {
      case 'help':
        return roleHelp(ctx, actor);
      case 'progress':
        return handleProgress(ctx, actor, command.student);
      case 'reflect':
        return handleReflect(ctx, actor);
      case 'my-observations':
        return handleMyObservations(ctx, actor);
      case 'observe':
        return handleObserve(ctx, actor, command.student, command.text);
      case 'students':
        return handleListStudents(ctx, actor);
      case 'enrol':
        return handleEnrol(ctx, actor, command.fields);
      case 'link':
        return handleLink(ctx, actor, command);
      case 'export':
        return handleExport(ctx, actor, command.student);
      case 'erase':
        return handleErase(ctx, actor, command.student, command.confirmed);
      case 'absent':
      case 'pause':
      case 'resume':
      case 'summary':
      case 'checkin-time': {
        // Served by the check-in extension (src/checkins/checkin-commands.ts); a core built without it says so.
        const say = sayIn(ctx.lang);
        return [message(ctx.lang, { type: 'paragraph', text: say('Tämä toiminto ei ole vielä käytössä.', 'This is not available yet.') })];
      }
      case 'question':
        return answerQuestion(ctx, command.text);
    }
  }

  /** Errors become one apologetic reply; the stack goes to the log, never to the user. */
  async function guarded(ctx: CommandContext, what: string, run: () => Promise<Reply[]>): Promise<Reply[]> {
    try {
      return await run();
    } catch (error) {
      if (isStorageError(error) && error.userVisible) {
        // Bad input the storage layer caught (a date outside the placement, a text over its limit).
        log.info({ what, code: error.code }, 'input refused by storage');
        const say = sayIn(ctx.lang);
        return [message(ctx.lang, { type: 'paragraph', text: say(`Tietoja ei tallennettu: ${error.message}`, `Nothing was saved: ${error.message}`) })];
      }
      log.error({ err: error, what, platform: ctx.user.platform }, 'core failed');
      const say = sayIn(ctx.lang);
      return [message(ctx.lang, { type: 'paragraph', text: say('Jokin meni vikaan, eikä mitään tallennettu. Yritä hetken päästä uudelleen.', 'Something went wrong and nothing was saved. Please try again in a moment.') })];
    }
  }

  return {
    async handle(incoming) {
      const ctx = await contextFor(incoming, incoming.text);
      return guarded(ctx, 'message', async () => {
        const command = parseCommand(incoming.text);
        if (!ctx.actor) {
          if (command.kind === 'question') return answerQuestion(ctx, command.text);
          if (command.kind === 'help') return roleHelp(ctx, null);
          log.info({ platform: incoming.platform, command: command.kind }, 'command from an unknown user');
          return [message(ctx.lang, { type: 'paragraph', text: enrolmentHint(ctx) })];
        }
        return dispatch(ctx, ctx.actor, command);
      });
    },
    async submit(form) {
      const ctx = await contextFor(form, '');
      return guarded(ctx, `form:${form.formKind}`, async () => {
        if (!ctx.actor) return [message(ctx.lang, { type: 'paragraph', text: enrolmentHint(ctx) })];
        switch (form.formKind) {
          case 'checkin':
            return submitCheckin(ctx, ctx.actor, form);
          case 'observation':
            return submitObservation(ctx, ctx.actor, form);
          case 'checkin-time': {
            // The form only picks a time; whose placements change is the actor's own, never the form's.
            const time = typeof form.values['time'] === 'string' ? form.values['time'] : '';
            return dispatch(ctx, ctx.actor, { kind: 'checkin-time', time });
          }
        }
      });
    },
    async home(user) {
      const ctx = await contextFor(user, '');
      return guarded(ctx, 'home', async () => {
        if (!ctx.actor) return roleHelp(ctx, null);
        if (ctx.actor.roles.includes('student')) {
          // Progress, then this week's check-ins and the check-in time form.
          return [...(await dispatch(ctx, ctx.actor, { kind: 'progress', student: null })), ...(await dispatch(ctx, ctx.actor, { kind: 'checkin-time', time: null }))];
        }
        if (ctx.actor.roles.some((r) => r !== 'student')) return [...(await dispatch(ctx, ctx.actor, { kind: 'students' })), ...roleHelp(ctx, ctx.actor)];
        return roleHelp(ctx, ctx.actor);
      });
    },
    async draftObservation(user, text) {
      const ctx = await contextFor(user, text);
      return guarded(ctx, 'draft-observation', async () => {
        const say = sayIn(ctx.lang);
        if (!ctx.actor) return [message(ctx.lang, { type: 'paragraph', text: enrolmentHint(ctx) })];
        if (!mayUse(ctx.actor, 'observe')) return [message(ctx.lang, { type: 'paragraph', text: say('Vain työpaikkaohjaajat ja opettajat voivat kirjata havaintoja.', 'Only workplace instructors and teachers can log observations.') })];
        // The message may start with the student's name ("Aino hoiti…"); otherwise ask for it.
        const named = /^\s*([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)\s*[:,-]\s*([\s\S]+)$/u.exec(text);
        if (named?.[1] && named[2]) return handleObserve(ctx, ctx.actor, named[1], named[2]);
        const first = text.trim().split(/\s+/)[0] ?? '';
        const result = first ? await handleObserve(ctx, ctx.actor, first, text.trim()) : [];
        if (result[0]?.kind === 'form') return result;
        return [message(ctx.lang, { type: 'paragraph', text: say('Kenestä havainto on? Kirjoita "havainto Nimi: teksti".', 'Who is the observation about? Write "observe Name: text".') })];
      });
    },
  };
}
