// "my observations": what the instructor has observed about the student (assessment is transparent).
import { defineCommand } from '../../conversation/command.ts';
import { message } from '../../conversation/command-context.ts';
import { type Block, userText } from '../../conversation/reply.ts';
import { formatDate } from '../../i18n/format.ts';
import { textIn } from '../../knowledge/schema.ts';
import { commandTexts } from './command-texts.ts';

const SHOWN = 15;

export const myObservationsCommand = defineCommand({
  id: 'my-observations',
  roles: ['student'],
  subject: { kind: 'self' },
  slots: {},
  phrasings: {
    fi: ['havaintoni', 'havainnot minusta', 'omat havainnot', 'minun havaintoni', 'mun havainnot', 'näytä havaintoni', '[ohjaajan] (havainnot|havaintoja) (minusta|musta)', 'mitä havaintoja (minusta|musta) on [kirjattu|tehty|tehnyt]', 'mitä ohjaaja on (kirjannut|havainnut) (minusta|musta)', 'mitä havaintoja [ohjaaja|ohjaajani] on (kirjannut|tehnyt)'],
    en: ['my observations', 'observations about me', 'show my observations', '(what|which) observations [has] [my] [instructor] [made|logged] about me', "[my] instructor's observations [about me]"],
    sv: ['mina observationer', 'observationer om mig', 'visa mina observationer', '[visa] observationerna om mig', 'vad har handledaren observerat om mig'],
  },
  help: { student: commandTexts.all('helpMine') },
  async handle(ctx, { actor }) {
    const t = commandTexts.in(ctx.lang);
    const { store, kb } = ctx.services;
    const placements = await store.placements.listByStudent(actor.id);
    const lists = await Promise.all(placements.map((p) => store.observations.listForPlacement(p.id, { from: p.startDate, to: p.endDate }, { visibleToStudentOnly: true })));
    const observations = lists.flat().sort((a, b) => b.observedAt.getTime() - a.observedAt.getTime());
    if (observations.length === 0) return [message(ctx.lang, { type: 'paragraph', text: t('noneYet') })];
    const authors = new Map<string, string>();
    for (const id of new Set(observations.map((o) => o.authorId))) authors.set(id, (await store.people.findById(id))?.name ?? '?');
    const blocks: Block[] = [{ type: 'heading', text: t('heading', { count: observations.length }) }];
    for (const o of observations.slice(0, SHOWN)) {
      const date = formatDate(o.observedAt.toISOString().slice(0, 10), ctx.lang);
      const level = o.level ? ` · ${t('level', { level: o.level })}` : '';
      blocks.push({ type: 'context', text: `${date} · ${userText(authors.get(o.authorId) ?? '?')}${level}` });
      blocks.push({ type: 'quote', text: userText(o.text) });
      const reqs = o.requirementIds.flatMap((id) => {
        const item = kb.item(id);
        return item?.kind === 'requirement' ? [{ text: textIn(item.requirement.text, ctx.lang), cite: id }] : [];
      });
      if (reqs.length) blocks.push({ type: 'list', items: reqs });
    }
    if (observations.length > SHOWN) blocks.push({ type: 'context', text: t('older', { count: observations.length - SHOWN }) });
    return [message(ctx.lang, ...blocks)];
  },
});
