// "viikkokooste [nimi]": the weekly summary on demand. A student gets their own recap; staff get
// their summary of all their students (each student shown audited by the summary service), or of
// the one named (access-checked and audited by the core).
import { weekStart } from '../../calendar/index.ts';
import { defineCommand } from '../../conversation/command.ts';
import { paragraph } from '../../conversation/command-context.ts';
import type { Reply } from '../../conversation/reply.ts';
import { commandTexts } from './command-texts.ts';
import type { SummaryService } from './summary-service.ts';

const say = paragraph;

export function createSummaryCommand(summaries: SummaryService) {
  return defineCommand({
    id: 'summary',
    roles: ['student', 'instructor', 'teacher', 'admin'],
    subject: { kind: 'student', slot: 'student', action: 'view_summary' },
    slots: { student: { type: 'student', optional: true } },
    phrasings: {
      fi: ['viikkokooste', 'kooste', 'yhteenveto', 'viikon yhteenveto', 'viikkoyhteenveto', 'viikkokooste {student}', 'kooste {student}', 'yhteenveto {student}', '{student} viikkokooste'],
      en: ['summary', 'weekly summary', 'my week', 'summary {student}', 'weekly summary {student}', 'summary for {student}', 'summary of {student}'],
      sv: ['veckosammanfattning', 'sammanfattning', 'min vecka', 'veckosammanfattning {student}', 'sammanfattning {student}', 'sammanfattning för {student}'],
    },
    help: { student: commandTexts.all('helpStudent'), staff: commandTexts.all('helpStaff') },
    async handle(ctx, { actor, subject }) {
      const t = commandTexts.in(ctx.lang);
      const asOf = ctx.services.clock.now();
      const week = weekStart(ctx.today);
      const staffRoles = actor.roles.filter((role) => role !== 'student');
      if (subject && (subject.relation !== 'self' || staffRoles.length > 0)) {
        const relation = subject.relation === 'self' ? 'admin' : subject.relation;
        const reply = await summaries.forStudent({ studentId: subject.student.id, viewer: { id: actor.id, relation }, lang: ctx.lang, weekStart: week, asOf });
        return reply ? [reply] : say(ctx, t('studentHasNoPlacement', { name: subject.student.name }));
      }
      if (staffRoles.length === 0) {
        const reply = await summaries.forRecipient({ recipientId: actor.id, role: 'student', lang: ctx.lang, weekStart: week, asOf });
        return reply ? [reply] : say(ctx, t('noPlacementThisWeek'));
      }
      const replies: Reply[] = [];
      // A person with two roles keeps both: a student who also instructs gets their own recap too.
      for (const role of ['student', 'instructor', 'teacher'] as const) {
        if (!actor.roles.includes(role)) continue;
        const reply = await summaries.forRecipient({ recipientId: actor.id, role, lang: ctx.lang, weekStart: week, asOf });
        if (reply) replies.push(reply);
      }
      if (replies.length > 0) return replies;
      return say(ctx, actor.roles.includes('admin') ? t('askWhose') : t('noStudentsThisWeek'));
    },
  });
}
