// What a check-in, its reminder and the "in case you missed it" notice say. Each is one form (one
// platform message), so that a send is all-or-nothing: a reply split over two messages could be
// half delivered.
import { buildCheckinForm } from './checkin-form.ts';
import type { FormReply } from '../../conversation/reply.ts';
import { unitsFor } from '../../conversation/command-context.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { CheckinComposer, CheckinRequest } from '../../scheduling/index.ts';
import { texts } from './texts.ts';

/** The scheduler's check-in composer over this knowledge base. */
export function createCheckinComposer(kb: KnowledgeBase): CheckinComposer {
  return (request) => checkinMessage(kb, request);
}

function checkinMessage(kb: KnowledgeBase, args: CheckinRequest): FormReply {
  const t = texts.in(args.lang);
  const card = buildCheckinForm({ units: unitsFor(kb, args.unitIds), placementId: args.placementId, localDate: args.localDate, lang: args.lang, existing: null });
  // A sent check-in also takes a plain message as its answer (src/checkins/free-text-reflection.ts).
  const form: FormReply = {
    ...card,
    intro: [...card.intro, { type: 'context', text: t('answerByFormOrMessage') }],
  };
  switch (args.variant) {
    case 'checkin':
      return form;
    case 'reminder':
      return {
        ...form,
        intro: [
          { type: 'context', text: t('reminderIntro') },
          ...form.intro,
        ],
      };
    case 'notice':
      return {
        ...form,
        intro: [
          { type: 'context', text: t('noticeIntro') },
          ...form.intro,
        ],
      };
  }
}
