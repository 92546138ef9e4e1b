// The platform-neutral conversation core: one call per incoming message, replies out. Adapters
// (local chat, Slack, Teams) only translate to and from this.
import type { Logger } from 'pino';
import type { AnswerService } from '../answering/answer-service.ts';
import type { FormSubmission, IncomingMessage, PlatformUser } from './incoming.ts';
import type { Reply } from './reply.ts';

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

export function createChatCore(deps: { answers: AnswerService; logger: Logger }): ChatCore {
  return {
    async handle(message) {
      const { reply, plan } = await deps.answers.answer(message.text, message.localeHint ? { preferredLang: message.localeHint } : {});
      deps.logger.info({ platform: message.platform, intent: plan.intent.kind, outcome: plan.outcome, citations: reply.citations.length }, 'question answered');
      return [reply];
    },
    async submit(form) {
      deps.logger.warn({ platform: form.platform, formKind: form.formKind }, 'form submitted but no handler is registered');
      return [];
    },
    async home(user) {
      return [(await deps.answers.answer('help', user.localeHint ? { preferredLang: user.localeHint } : {})).reply];
    },
    async draftObservation() {
      return [];
    },
  };
}
