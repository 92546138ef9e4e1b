// A cry for help reaches the instructor the same day: when a saved check-in holds a new answer to
// "Tarvitsetko apua?", the placement's workplace instructor (its teacher when it has none) gets a
// short message at once, in their own language, and the student is told who was told. Saving the
// same help text again sends nothing.
import type { CommandContext } from '../../conversation/command-context.ts';
import { type MessageReply, userText } from '../../conversation/reply.ts';
import { formatDate } from '../../i18n/format.ts';
import type { PersonMessenger } from '../../messaging/person-messenger.ts';
import type { Person, Placement, Reflection } from '../../storage/index.ts';
import { helpAlertTexts } from './help-alert-texts.ts';

const clean = (text: string | null | undefined) => (text ?? '').trim();

/** The part of the help text that is new since the previous save, or null when nothing is. */
export function newHelpText(previous: string | null | undefined, saved: string | null | undefined): string | null {
  const now = clean(saved);
  const before = clean(previous);
  if (!now || now === before) return null;
  // A stale card merged into the day's save appends to it: only the appended part is news.
  if (before && now.startsWith(before)) return clean(now.slice(before.length)) || null;
  return now;
}

function alertMessage(recipient: Person, role: 'instructor' | 'teacher', student: Person, placement: Placement, reflection: Reflection, help: string): MessageReply {
  const lang = recipient.lang;
  const t = helpAlertTexts.in(lang);
  return {
    kind: 'message',
    lang,
    blocks: [
      { type: 'heading', text: t('alertHeading', { student: userText(student.name) }) },
      { type: 'paragraph', text: t('alertIntro', { student: userText(student.name), workplace: userText(placement.workplaceName), date: formatDate(reflection.localDate, lang) }) },
      { type: 'quote', text: userText(help) },
      { type: 'context', text: t('alertFooter', { role }) },
    ],
    citations: [],
  };
}

/**
 * Sends the alert for a just-saved reflection when its help text is new, and returns the line for
 * the student's reply (null when there was nothing to send or nobody to send it to).
 */
export async function alertHelpNeeded(
  ctx: CommandContext,
  messenger: PersonMessenger | undefined,
  args: { student: Person; placement: Placement; reflection: Reflection; previousHelp: string | null | undefined },
): Promise<string | null> {
  const help = newHelpText(args.previousHelp, args.reflection.helpNeeded);
  if (!help || !messenger) return null;
  const { placement, student, reflection } = args;
  const role = placement.instructorId ? 'instructor' : 'teacher';
  const recipientId = placement.instructorId ?? placement.teacherId;
  if (!recipientId) return null;
  const recipient = await ctx.services.store.people.findById(recipientId);
  if (!recipient) return null;
  const log = ctx.services.logger;
  const t = helpAlertTexts.in(ctx.lang);
  const result = await messenger.send(recipient.id, [alertMessage(recipient, role, student, placement, reflection, help)], {
    deliveryKey: `help:${placement.id}:${reflection.localDate}:${reflection.updatedAt.getTime()}`,
  });
  if (result.ok) {
    log.info({ placementId: placement.id, recipientId: recipient.id, role, platform: result.platform }, 'help request forwarded');
    return t('told', { role, name: userText(recipient.name) });
  }
  log.warn({ placementId: placement.id, recipientId: recipient.id, role, reason: result.reason, ...('detail' in result ? { detail: result.detail } : {}) }, 'help request could not be forwarded');
  return t('notTold', { role, name: userText(recipient.name) });
}
