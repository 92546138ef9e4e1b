// The platform-neutral conversation core: one call per incoming message, replies out. Adapters
// (local chat, Slack, Teams) only translate to and from this.
import type { Logger } from 'pino';
import type { AnswerService } from '../answering/answer-service.ts';
import type { FormSubmission, IncomingMessage } from './incoming.ts';
import type { Reply } from './reply.ts';

export interface ChatCore {
  handle(message: IncomingMessage): Promise<Reply[]>;
  submit(form: FormSubmission): Promise<Reply[]>;
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
  };
}
