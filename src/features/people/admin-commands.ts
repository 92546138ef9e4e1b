// Admin commands: link a platform identity to a person; export everything held on a student; erase a student.
import { defineCommand } from '../../conversation/command.ts';
import { type CommandContext, paragraph } from '../../conversation/command-context.ts';
import { userText } from '../../conversation/reply.ts';
import { platformSchema } from '../../storage/domain.ts';
import type { Person } from '../../storage/index.ts';
import { removeStudentExports } from '../../storage/maintenance-exports.ts';
import { commandTexts } from './command-texts.ts';

async function findPerson(ctx: CommandContext, ref: string): Promise<Person | null> {
  const { people } = ctx.services.store;
  return ref.includes('@') ? people.findByEmail(ref) : people.findById(ref);
}

const say = paragraph;

export const linkCommand = defineCommand({
  id: 'link',
  roles: ['admin'],
  changes: true,
  subject: { kind: 'admin' },
  slots: { platform: { type: 'word', entity: 'platform' }, externalId: { type: 'word', entity: 'account' }, person: { type: 'word', entity: 'person' }, tenant: { type: 'word', optional: true } },
  phrasings: {
    fi: ['yhdistä {platform} {externalId} {person}', 'yhdistä {platform} {externalId} {person} (tenant|team|tiimi) {tenant}'],
    en: ['link {platform} {externalId} [to] {person}', 'link {platform} {externalId} [to] {person} (tenant|team) {tenant}'],
    sv: ['koppla {platform} {externalId} [till] {person}', 'koppla {platform} {externalId} [till] {person} (tenant|team) {tenant}'],
  },
  help: { staff: commandTexts.all('helpLink') },
  async handle(ctx, { actor, slots }) {
    const t = commandTexts.in(ctx.lang);
    const platform = platformSchema.safeParse(slots.platform.toLowerCase());
    if (!platform.success) return say(ctx, t('helpLink'));
    const person = await findPerson(ctx, slots.person);
    if (!person) return say(ctx, t('personNotFoundLink', { ref: slots.person }));
    // Without "team T…", a Slack or Teams account is in the admin's own workspace or tenant.
    const tenantId = slots.tenant ?? (platform.data !== 'local' && ctx.user.platform === platform.data ? ctx.user.tenantId : '');
    await ctx.services.store.people.linkIdentity({ platform: platform.data, tenantId, externalId: slots.externalId, personId: person.id });
    await ctx.services.store.audit.record({ actorId: actor.id, action: 'link_identity', subjectPersonId: person.id, details: { platform: platform.data } });
    return say(ctx, t('linked', { platform: platform.data, externalId: slots.externalId, name: person.name }));
  },
});

/**
 * The export is a file in the admin's chat (Slack upload, Teams card, local download), made for this reply
 * only: nothing is written on the server. Files under `exports/` from older versions are removed on erase.
 */
export const unlinkCommand = defineCommand({
  id: 'unlink',
  roles: ['admin'],
  changes: true,
  subject: { kind: 'admin' },
  slots: { platform: { type: 'word', entity: 'platform' }, externalId: { type: 'word', entity: 'account' }, tenant: { type: 'word', optional: true } },
  phrasings: {
    fi: ['irrota {platform} {externalId}', 'irrota {platform} {externalId} (tenant|team|tiimi) {tenant}', 'poista yhdistäminen {platform} {externalId}'],
    en: ['unlink {platform} {externalId}', 'unlink {platform} {externalId} (tenant|team) {tenant}'],
    sv: ['koppla bort {platform} {externalId}', 'koppla bort {platform} {externalId} (tenant|team) {tenant}'],
  },
  help: { staff: commandTexts.all('helpUnlink') },
  async handle(ctx, { actor, slots }) {
    const t = commandTexts.in(ctx.lang);
    const platform = platformSchema.safeParse(slots.platform.toLowerCase());
    if (!platform.success) return say(ctx, t('helpUnlink'));
    const tenantId = slots.tenant ?? (platform.data !== 'local' && ctx.user.platform === platform.data ? ctx.user.tenantId : '');
    const personId = await ctx.services.store.people.unlinkIdentity({ platform: platform.data, tenantId, externalId: slots.externalId });
    if (!personId) return say(ctx, t('notLinked', { platform: platform.data, externalId: slots.externalId }));
    await ctx.services.store.audit.record({ actorId: actor.id, action: 'unlink_identity', subjectPersonId: personId, details: { platform: platform.data } });
    return say(ctx, t('unlinked', { platform: platform.data, externalId: slots.externalId }));
  },
});

export function createExportCommand() {
  return defineCommand({
    id: 'export',
    roles: ['admin'],
    subject: { kind: 'admin' },
    slots: { person: { type: 'person' } },
    phrasings: { fi: ['vie tiedot {person}', 'vie {person} tiedot'], en: ['export {person}', 'export data of {person}'], sv: ['exportera {person}', 'exportera uppgifter om {person}'] },
    help: { staff: commandTexts.all('helpDataRequests') },
    async handle(ctx, { actor, slots }) {
      const t = commandTexts.in(ctx.lang);
      const person = await findPerson(ctx, slots.person);
      if (!person) return say(ctx, t('personNotFound', { ref: slots.person }));
      const data = await ctx.services.store.dataRights.exportStudent(person.id);
      const name = `${person.id}-${ctx.today}.json`;
      await ctx.services.store.audit.record({ actorId: actor.id, action: 'export_student', subjectPersonId: person.id, details: {} });
      return [
        {
          kind: 'file' as const,
          lang: ctx.lang,
          name,
          mimeType: 'application/json',
          content: `${JSON.stringify(data, null, 2)}\n`,
          comment: t('exported', { name: userText(person.name), file: name }),
        },
      ];
    },
  });
}

export function createEraseCommand(exportDir: string) {
  return defineCommand({
    id: 'erase',
    roles: ['admin'],
    changes: true,
    subject: { kind: 'admin' },
    slots: { person: { type: 'person' }, confirmed: { type: 'choice', values: ['yes', 'no'], default: 'no' } },
    phrasings: {
      fi: ['poista opiskelija {person}', { text: 'poista opiskelija {person} vahvista', with: { confirmed: 'yes' } }],
      en: ['erase {person}', { text: 'erase {person} confirm', with: { confirmed: 'yes' } }],
      sv: ['radera {person}', { text: 'radera {person} bekräfta', with: { confirmed: 'yes' } }],
    },
    help: { staff: commandTexts.all('helpErase') },
    async handle(ctx, { actor, slots }) {
      const t = commandTexts.in(ctx.lang);
      const person = await findPerson(ctx, slots.person);
      if (!person) return say(ctx, t('personNotFound', { ref: slots.person }));
      if (slots.confirmed !== 'yes') return say(ctx, t('confirmErase', { name: person.name, ref: slots.person }));
      const report = await ctx.services.store.dataRights.eraseStudent(person.id, { actorId: actor.id });
      // Earlier exports are copies of what was just erased.
      const exportsRemoved = (await removeStudentExports(exportDir, person.id)).length;
      ctx.services.logger.info({ actorId: actor.id, report, exportsRemoved }, 'student erased');
      return say(ctx, t('erased', { name: person.name }));
    },
  });
}
