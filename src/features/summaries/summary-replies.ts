// The weekly messages: one per recipient. An instructor or a teacher gets a section per student
// of theirs; a student gets a recap built from their own week only (nothing of another student
// can reach it: it takes exactly one StudentWeek).
import { sayIn } from '../../i18n/say.ts';
import type { Block, Citation, Lang, MessageReply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { SummaryRole } from '../../storage/schema.ts';
import { type Audience, criticalPointFor } from './critical-point.ts';
import type { StudentWeek } from './student-week.ts';
import { evidenceBlocks, figuresLine, flagBlocks, uncoveredBlocks, weekLabel } from './week-blocks.ts';

/** An optional LLM paragraph per student, keyed by placement id. */
export type Narratives = ReadonlyMap<string, string>;

function promptBlock(kb: KnowledgeBase, week: StudentWeek, audience: Audience, lang: Lang, citations: Map<string, Citation>): Block {
  const prompt = criticalPointFor(week, audience, lang);
  const item = kb.item(prompt.id);
  if (item && !citations.has(prompt.id)) citations.set(prompt.id, kb.cite(item, lang));
  return item ? { type: 'quote', text: prompt.text, cite: prompt.id } : { type: 'paragraph', text: prompt.text };
}

export function staffSummary(args: { kb: KnowledgeBase; role: Exclude<SummaryRole, 'student'> | 'admin'; lang: Lang; weeks: readonly StudentWeek[]; narratives: Narratives }): MessageReply {
  const { kb, lang, weeks } = args;
  const say = sayIn(lang);
  const first = weeks[0];
  const citations = new Map<string, Citation>();
  const blocks: Block[] = [
    { type: 'heading', text: first ? say(`Viikkokooste ${weekLabel(first.weekStart, first.weekEnd, lang)}`, `Weekly summary ${weekLabel(first.weekStart, first.weekEnd, lang)}`) : say('Viikkokooste', 'Weekly summary') },
    { type: 'context', text: roleLine(args.role, weeks.length, lang) },
  ];
  for (const week of weeks) {
    blocks.push({ type: 'heading', text: `${week.student.name} · ${week.workplaceName}` });
    blocks.push(figuresLine(week, lang));
    blocks.push(...flagBlocks(week, lang));
    const narrative = args.narratives.get(week.placementId);
    if (narrative) blocks.push({ type: 'paragraph', text: narrative });
    blocks.push(...evidenceBlocks(week, lang));
    blocks.push(...uncoveredBlocks(week, lang));
    blocks.push(promptBlock(kb, week, 'staff', lang, citations));
  }
  blocks.push({ type: 'context', text: say('Päivän reflektioista ja havainnoista koottu. Opiskelijan tiedot: kirjoita "edistyminen Nimi".', 'Compiled from daily reflections and observations. For a student\'s details write "progress Name".') });
  return { kind: 'message', lang, blocks, citations: [...citations.values()] };
}

function roleLine(role: Exclude<SummaryRole, 'student'> | 'admin', students: number, lang: Lang): string {
  const say = sayIn(lang);
  const fi = `${students} opiskelija${students === 1 ? '' : 'a'}`;
  const en = `${students} student${students === 1 ? '' : 's'}`;
  switch (role) {
    case 'instructor':
      return say(`Työpaikkaohjaajana: ${fi}`, `As workplace instructor: ${en}`);
    case 'teacher':
      return say(`Opettajana: ${fi}`, `As teacher: ${en}`);
    case 'admin':
      return say(`Ylläpitäjänä: ${fi}`, `As administrator: ${en}`);
  }
}

export function studentRecap(args: { kb: KnowledgeBase; lang: Lang; week: StudentWeek; narrative: string | null }): MessageReply {
  const { kb, lang, week } = args;
  const say = sayIn(lang);
  const citations = new Map<string, Citation>();
  const missed = week.flags.find((f) => f.kind === 'missed-in-a-row');
  const blocks: Block[] = [
    { type: 'heading', text: say(`Viikkosi ${weekLabel(week.weekStart, week.weekEnd, lang)}`, `Your week ${weekLabel(week.weekStart, week.weekEnd, lang)}`) },
    { type: 'context', text: `${week.unit.name[lang]} · ${week.workplaceName}` },
    figuresLine(week, lang),
    ...(missed ? [{ type: 'paragraph' as const, text: say('Viime päivien kyselyt ovat jääneet vastaamatta. Voit vastata myöhässäkin seuraavaan kyselyyn asti.', 'The last few check-ins are unanswered. You can still answer late, until the next check-in.') }] : []),
    ...(args.narrative ? [{ type: 'paragraph' as const, text: args.narrative }] : []),
    ...evidenceBlocks(week, lang),
    ...uncoveredBlocks(week, lang),
    promptBlock(kb, week, 'student', lang, citations),
    { type: 'actions', actions: [
      { label: say('Reflektoi tänään', 'Reflect today'), text: say('reflektoi', 'reflect') },
      { label: say('Edistymiseni', 'My progress'), text: say('edistymiseni', 'my progress') },
    ] },
  ];
  return { kind: 'message', lang, blocks, citations: [...citations.values()] };
}
