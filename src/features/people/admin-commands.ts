// Admin commands: link a platform identity to a person; export everything held on a student; erase a student.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eraseStudent, exportStudent, type Person } from '../../storage/index.ts';
import { sayIn } from '../../i18n/say.ts';
import type { Reply } from '../../conversation/reply.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';

async function findPerson(ctx: CommandContext, ref: string): Promise<Person | null> {
  const { people } = ctx.services.store;
  return ref.includes('@') ? people.findByEmail(ref) : people.findById(ref);
}

export async function handleLink(ctx: CommandContext, actor: Person, c: { platform: 'local' | 'slack' | 'teams'; externalId: string; tenantId: string; person: string }): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const person = await findPerson(ctx, c.person);
  if (!person) return [message(ctx.lang, { type: 'paragraph', text: say(`Henkilöä "${c.person}" ei löydy (anna id tai sähköposti).`, `No person "${c.person}" (give an id or an e-mail).`) })];
  await ctx.services.store.people.linkIdentity({ platform: c.platform, tenantId: c.tenantId, externalId: c.externalId, personId: person.id });
  await ctx.services.store.audit.record({ actorId: actor.id, action: 'link_identity', subjectPersonId: person.id, details: { platform: c.platform } });
  return [message(ctx.lang, { type: 'paragraph', text: say(`Yhdistetty: ${c.platform} ${c.externalId} → ${person.name}.`, `Linked: ${c.platform} ${c.externalId} → ${person.name}.`) })];
}

export async function handleExport(ctx: CommandContext, actor: Person, ref: string): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const person = await findPerson(ctx, ref);
  if (!person) return [message(ctx.lang, { type: 'paragraph', text: say(`Henkilöä "${ref}" ei löydy.`, `No person "${ref}".`) })];
  const data = await exportStudent(ctx.services.store.db, person.id);
  mkdirSync(ctx.services.exportDir, { recursive: true, mode: 0o700 });
  const file = join(ctx.services.exportDir, `${person.id}-${ctx.today}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
  await ctx.services.store.audit.record({ actorId: actor.id, action: 'export_student', subjectPersonId: person.id, details: {} });
  return [message(ctx.lang, { type: 'paragraph', text: say(`Kaikki opiskelijasta ${person.name} tallennettu tieto on viety tiedostoon **${file}** (JSON).`, `Everything held on ${person.name} was exported to **${file}** (JSON).`) })];
}

export async function handleErase(ctx: CommandContext, actor: Person, ref: string, confirmed: boolean): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const person = await findPerson(ctx, ref);
  if (!person) return [message(ctx.lang, { type: 'paragraph', text: say(`Henkilöä "${ref}" ei löydy.`, `No person "${ref}".`) })];
  if (!confirmed) return [message(ctx.lang, { type: 'paragraph', text: say(
    `Tämä poistaa pysyvästi kaiken opiskelijasta ${person.name} tallennetun tiedon. Vahvista kirjoittamalla: **poista opiskelija ${ref} vahvista**`,
    `This permanently erases everything held on ${person.name}. Confirm by writing: **erase ${ref} confirm**`) })];
  const report = await eraseStudent(ctx.services.store.db, person.id, { actorId: actor.id, clock: ctx.services.clock });
  ctx.services.logger.info({ actorId: actor.id, report }, 'student erased');
  return [message(ctx.lang, { type: 'paragraph', text: say(`Opiskelijan ${person.name} tiedot on poistettu.`, `${person.name}'s data has been erased.`) })];
}
