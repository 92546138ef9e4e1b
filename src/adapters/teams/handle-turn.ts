// One Teams turn: classify the activity, make the one core call it asks for, and render the replies.
// No business logic here; the core decides what a message, a submission or a draft means.
import type { Logger } from 'pino';
import type { ChatCore } from '../../core/chat-core.ts';
import type { PlatformUser } from '../../conversation/incoming.ts';
import type { Lang, Reply } from '../../conversation/reply.ts';
import { renderPlainText } from '../../conversation/render-text.ts';
import type { ConversationReferenceStore } from './conversation-references.ts';
import { parseSubmission } from './form-inputs.ts';
import { referenceFromActivity } from './reference-from-activity.ts';
import { renderMessageCards } from './render-card.ts';
import { renderForm } from './render-form.ts';
import { renderReplies, replacementCard } from './render-replies.ts';
import { classifyActivity, isPersonalConversation, localeHint, speakerOf, type TeamsTurn } from './teams-activity.ts';
import { texts } from './texts.ts';
import { invokeBodies, type TurnIO } from './turn-io.ts';

/** The message extension command of the manifest ("Log as observation"). */
export const LOG_OBSERVATION_COMMAND = 'logObservation';

export interface TurnDeps {
  core: ChatCore;
  references: ConversationReferenceStore;
  logger: Logger;
  now: () => Date;
  /** How long an invoke waits for (the LLM's) requirement suggestions; INVOKE_SUGGESTION_BUDGET_MS unless set. */
  suggestionBudgetMs?: number;
}

/**
 * Teams shows "Unable to reach app" after 5 s, and an invoke answer is to come within 1 s (p99) even
 * with a slow LLM: past this the form comes without suggestions, for the person to pick.
 */
export const INVOKE_SUGGESTION_BUDGET_MS = 300;

export async function handleTurn(io: TurnIO, deps: TurnDeps): Promise<void> {
  const turn = classifyActivity(io.activity);
  const lang: Lang = localeHint(io.activity.locale) ?? 'fi';
  const log = deps.logger.child({ turn: turn.kind, activityId: io.activity.id });
  try {
    await dispatch(turn, io, deps, lang, log);
  } catch (err) {
    log.error({ err }, 'teams turn failed');
    await answerFailure(turn, io, lang, log);
  }
}

/** What may show someone's progress, reflections or summaries: only in the user's 1:1 chat with the bot. */
const PERSONAL_ONLY: ReadonlySet<TeamsTurn['kind']> = new Set(['message', 'observe-prompt', 'card-submit', 'card-action']);

async function dispatch(turn: TeamsTurn, io: TurnIO, deps: TurnDeps, lang: Lang, log: Logger): Promise<void> {
  const t = texts.in(lang);
  if (PERSONAL_ONLY.has(turn.kind) && !isPersonalConversation(io.activity)) {
    // A group chat, a meeting or a channel: everyone there would see the answer.
    log.info({ conversationType: io.activity.conversation?.conversationType ?? '(none)' }, 'teams message outside the personal chat: not answered there');
    if (turn.kind === 'card-action') return io.respond(invokeBodies.message(t('personalOnly')));
    return io.send([{ kind: 'text', text: t('personalOnly') }]);
  }
  switch (turn.kind) {
    case 'message': {
      const user = await identify(io, deps, log);
      if (!user) return io.send([{ kind: 'text', text: t('unknownUser') }]);
      // Message text is personal data: only its length is logged.
      log.info({ chars: turn.text.length }, 'teams message');
      return io.send(renderReplies(await deps.core.handle({ ...user, text: turn.text })));
    }
    case 'card-submit': {
      const user = await identify(io, deps, log);
      if (!user) return io.send([{ kind: 'text', text: t('unknownUser') }]);
      const parsed = parseSubmission(turn.data);
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'teams card submission unreadable');
        return io.send([{ kind: 'text', text: t('unreadableCard') }]);
      }
      const replies = await deps.core.submit({ ...user, ...parsed.submission });
      log.info({ formKind: parsed.submission.formKind, replies: replies.length }, 'teams form submitted (Action.Submit)');
      return replaceOrSend(io, turn.cardActivityId, replies, lang, log);
    }
    case 'card-action': {
      const user = await identify(io, deps, log);
      if (!user) return io.respond(invokeBodies.message(t('unknownUser')));
      const parsed = parseSubmission(turn.data);
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'teams card action unreadable');
        return io.respond(invokeBodies.message(t('unreadableCard')));
      }
      const replies = await deps.core.submit({ ...user, ...parsed.submission });
      log.info({ formKind: parsed.submission.formKind, replies: replies.length }, 'teams form submitted (Action.Execute)');
      const { card, rest } = replacementCard(replies, lang);
      await io.respond(invokeBodies.card(card));
      return io.send(rest);
    }
    case 'fetch-task': {
      if (turn.commandId !== LOG_OBSERVATION_COMMAND) return io.respond(invokeBodies.taskMessage(t('unknownAction')));
      const user = await identify(io, deps, log);
      if (!user) return io.respond(invokeBodies.taskMessage(t('unknownUser')));
      // An invoke is answered at once: past the budget the form comes without the (LLM's) suggestions.
      const suggestionsBy = AbortSignal.timeout(deps.suggestionBudgetMs ?? INVOKE_SUGGESTION_BUDGET_MS);
      let replies = await deps.core.draftObservation(user, turn.messageText, { suggestionsBy });
      // Not about anyone the text names: on someone else's message (a student's own), it is about its author.
      const byAuthor = replies.some((r) => r.kind === 'form') ? undefined : aboutAuthor(turn, user);
      if (byAuthor !== undefined) replies = await deps.core.draftObservation(user, byAuthor, { suggestionsBy });
      return io.respond(draftDialog(replies, lang));
    }
    case 'observe-prompt': {
      const user = await identify(io, deps, log);
      if (!user) return io.send([{ kind: 'text', text: t('unknownUser') }]);
      // No text: the core answers with the form or asks whom the observation is about.
      return io.send(renderReplies(await deps.core.draftObservation(user, '')));
    }
    case 'submit-action': {
      if (turn.commandId !== LOG_OBSERVATION_COMMAND) return io.respond(invokeBodies.taskMessage(t('unknownAction')));
      const user = await identify(io, deps, log);
      if (!user) return io.respond(invokeBodies.taskMessage(t('unknownUser')));
      const parsed = parseSubmission(turn.data);
      if (!parsed.ok) {
        log.warn({ reason: parsed.reason }, 'teams message action submission unreadable');
        return io.respond(invokeBodies.taskMessage(t('unreadableCard')));
      }
      const replies = await deps.core.submit({ ...user, ...parsed.submission });
      log.info({ formKind: parsed.submission.formKind, replies: replies.length }, 'teams observation submitted');
      return io.respond(confirmationDialog(replies, lang));
    }
    case 'installed': {
      const user = await identify(io, deps, log);
      log.info({ known: user !== undefined }, 'teams app installed');
      if (user) await io.send(renderReplies(await deps.core.home(user)));
      return;
    }
    case 'reinstalled': {
      // The app is back in the user's personal chat: a fresh reference clears an earlier unreachable mark.
      const reference = referenceFromActivity(io.activity, deps.now());
      if (reference) await deps.references.save(reference);
      log.info({ saved: reference !== undefined }, 'teams app added');
      return;
    }
    case 'uninstalled': {
      const user = speakerOf(io.activity);
      if (user) await deps.references.markStale(user.tenantId, user.userId, 'uninstalled', deps.now());
      log.info({ known: user !== undefined }, 'teams app uninstalled');
      return;
    }
    case 'unreadable-card':
      log.warn('teams message with unknown card data');
      return io.send([{ kind: 'text', text: t('unreadableCard') }]);
    case 'unreadable-card-action':
      log.warn({ reason: turn.reason }, 'teams card action with unknown data');
      return io.respond(invokeBodies.message(t('unreadableCard')));
    case 'non-text-message':
      return io.send([{ kind: 'text', text: t('textOnly') }]);
    case 'malformed-invoke':
      log.warn({ name: turn.name, reason: turn.reason }, 'teams invoke malformed');
      return io.respond(invokeBodies.taskMessage(t('unknownAction')));
    case 'unknown-invoke':
      log.info({ name: turn.name }, 'teams invoke not handled');
      return io.respond({});
    case 'ignored':
      log.debug({ type: turn.type }, 'teams activity ignored');
      return;
    default:
      return assertNever(turn);
  }
}

/** The speaker, with their e-mail when Teams tells it; their conversation reference is refreshed on the way. */
async function identify(io: TurnIO, deps: TurnDeps, log: Logger): Promise<PlatformUser | undefined> {
  const user = speakerOf(io.activity);
  if (!user) {
    log.warn({ hasFrom: io.activity.from !== undefined, type: io.activity.type }, 'teams activity without a user or tenant');
    return undefined;
  }
  const reference = referenceFromActivity(io.activity, deps.now());
  if (reference) {
    try {
      await deps.references.save(reference);
    } catch (err) {
      // A failed save costs a later proactive message, not this reply.
      log.error({ err }, 'saving teams conversation reference failed');
    }
  }
  const email = await io.lookupEmail();
  return email ? { ...user, email } : user;
}

/**
 * The text to draft from when the message names no one: on someone else's message ("Log as
 * observation" on a student's own message) its author is who it is about, named first as the core
 * reads "Name: text". Undefined on one's own message or without the author's name.
 */
function aboutAuthor(turn: Extract<TeamsTurn, { kind: 'fetch-task' }>, user: PlatformUser): string | undefined {
  const author = turn.author;
  if (!author?.name || author.aadObjectId.toLowerCase() === user.userId.toLowerCase() || !turn.messageText.trim()) return undefined;
  const name = author.name.trim().split(/\s+/u).slice(0, 2).join(' ');
  return `${name}: ${turn.messageText}`;
}

async function replaceOrSend(io: TurnIO, cardActivityId: string | undefined, replies: Reply[], lang: Lang, log: Logger): Promise<void> {
  const { card, rest } = replacementCard(replies, lang);
  if (cardActivityId) {
    try {
      await io.update(cardActivityId, card);
      return io.send(rest);
    } catch (err) {
      log.warn({ err }, 'replacing the submitted card failed; sending the replies instead');
    }
  }
  return io.send(renderReplies(replies));
}

function draftDialog(replies: Reply[], lang: Lang): unknown {
  const form = replies.find((r) => r.kind === 'form');
  if (form) return invokeBodies.taskCard(form.title, renderForm(form, 'dialog'));
  const message = replies.find((r) => r.kind === 'message');
  const card = message ? renderMessageCards(message)[0] : undefined;
  return card ? invokeBodies.taskCard(texts.in(lang)('logObservationTitle'), card) : invokeBodies.taskMessage(texts.in(lang)('cannotLogObservation'));
}

function confirmationDialog(replies: Reply[], lang: Lang): unknown {
  const form = replies.find((r) => r.kind === 'form');
  // The core asking for corrections: the form again, in the same dialog.
  if (form) return invokeBodies.taskCard(form.title, renderForm(form, 'dialog'));
  const text = replies.map(renderPlainText).filter(Boolean).join('\n\n');
  return invokeBodies.taskMessage(text || texts.in(lang)('received'));
}

async function answerFailure(turn: TeamsTurn, io: TurnIO, lang: Lang, log: Logger): Promise<void> {
  const t = texts.in(lang);
  try {
    switch (turn.kind) {
      case 'card-action':
      case 'unreadable-card-action':
        return await io.respond(invokeBodies.message(t('internalError')));
      case 'fetch-task':
      case 'submit-action':
      case 'malformed-invoke':
        return await io.respond(invokeBodies.taskMessage(t('internalError')));
      case 'unknown-invoke':
        return await io.respond({});
      case 'installed':
      case 'reinstalled':
      case 'uninstalled':
      case 'ignored':
        return;
      case 'message':
      case 'observe-prompt':
      case 'card-submit':
      case 'unreadable-card':
      case 'non-text-message':
        return await io.send([{ kind: 'text', text: t('internalError') }]);
      default:
        return assertNever(turn);
    }
  } catch (err) {
    log.error({ err }, 'telling the user about a failed turn failed too');
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled teams turn: ${JSON.stringify(value)}`);
}
