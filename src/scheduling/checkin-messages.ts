// What a check-in, its reminder and the "in case you missed it" notice say. Each is one form (one
// platform message), so that a send is all-or-nothing: a reply split over two messages could be
// half delivered.
import { buildCheckinForm } from '../checkins/checkin-form.ts';
import { sayIn } from '../chat/i18n.ts';
import type { FormReply, Lang } from '../chat/reply.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { Unit } from '../knowledge/schema.ts';

export type CheckinVariant = 'checkin' | 'reminder' | 'notice';

export function unitFor(kb: KnowledgeBase, unitIds: readonly string[]): Unit {
  for (const id of unitIds) {
    const unit = kb.unit(id);
    if (unit) return unit;
  }
  return kb.defaultUnit();
}

export function checkinMessage(args: { kb: KnowledgeBase; unitIds: readonly string[]; placementId: string; localDate: string; lang: Lang; variant: CheckinVariant }): FormReply {
  const say = sayIn(args.lang);
  const card = buildCheckinForm({ unit: unitFor(args.kb, args.unitIds), placementId: args.placementId, localDate: args.localDate, lang: args.lang, existing: null });
  // A sent check-in also takes a plain message as its answer (src/checkins/free-text-reflection.ts).
  const form: FormReply = {
    ...card,
    intro: [...card.intro, { type: 'context', text: say('Voit vastata lomakkeella tai kirjoittaa vastauksesi tavallisena viestinä.', 'Answer with the form, or just write your answer as a message.') }],
  };
  switch (args.variant) {
    case 'checkin':
      return form;
    case 'reminder':
      return {
        ...form,
        intro: [
          { type: 'context', text: say('Muistutus: päivän reflektio odottaa vielä vastaustasi. Voit vastata myöhemminkin, seuraavaan kyselyyn asti.', 'A reminder: today\'s reflection is still waiting for your answer. You can answer later too, until the next check-in.') },
          ...form.intro,
        ],
      };
    case 'notice':
      return {
        ...form,
        intro: [
          { type: 'context', text: say('Jos sait jo tämän päivän kyselyn, voit ohittaa tämän viestin.', 'If you already got today\'s check-in, you can ignore this message.') },
          ...form.intro,
        ],
      };
  }
}

/** The key a messenger can attach to the message and later look for (`confirm`). */
export function deliveryKey(kind: 'checkin' | 'reminder' | 'summary', parts: readonly string[]): string {
  return [kind, ...parts].join(':');
}
