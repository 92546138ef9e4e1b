// "my observations": what the instructor has observed about the student (assessment is transparent).
import type { Person } from '../../storage/index.ts';
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { Block, Reply } from '../../conversation/reply.ts';
import { type CommandContext, message } from '../../conversation/command-context.ts';

export async function handleMyObservations(ctx: CommandContext, actor: Person): Promise<Reply[]> {
  const say = sayIn(ctx.lang);
  const { store, kb } = ctx.services;
  const placements = await store.placements.listByStudent(actor.id);
  const lists = await Promise.all(placements.map((p) => store.observations.listForPlacement(p.id, { from: p.startDate, to: p.endDate }, { visibleToStudentOnly: true })));
  const observations = lists.flat().sort((a, b) => b.observedAt.getTime() - a.observedAt.getTime());
  if (observations.length === 0) return [message(ctx.lang, { type: 'paragraph', text: say('Työpaikkaohjaajasi ei ole vielä kirjannut havaintoja sinusta.', 'Your workplace instructor has not logged any observations about you yet.') })];
  const authors = new Map<string, string>();
  for (const id of new Set(observations.map((o) => o.authorId))) authors.set(id, (await store.people.findById(id))?.name ?? '?');
  const blocks: Block[] = [{ type: 'heading', text: say(`Havainnot sinusta (${observations.length})`, `Observations about you (${observations.length})`) }];
  for (const o of observations.slice(0, 15)) {
    const date = formatDate(o.observedAt.toISOString().slice(0, 10), ctx.lang);
    const level = o.level ? ` · ${say('taso', 'level')} ${o.level}` : '';
    blocks.push({ type: 'context', text: `${date} · ${authors.get(o.authorId)}${level}` });
    blocks.push({ type: 'quote', text: o.text });
    const reqs = o.requirementIds.flatMap((id) => { const item = kb.item(id); return item?.kind === 'requirement' ? [{ text: item.requirement.text[ctx.lang], cite: id }] : []; });
    if (reqs.length) blocks.push({ type: 'list', items: reqs });
  }
  if (observations.length > 15) blocks.push({ type: 'context', text: say(`…ja ${observations.length - 15} vanhempaa.`, `…and ${observations.length - 15} older ones.`) });
  return [message(ctx.lang, ...blocks)];
}
