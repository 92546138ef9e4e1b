// The weekly messages: one per recipient. An instructor or a teacher gets a section per student
// of theirs; a student gets a recap built from their own week only (nothing of another student
// can reach it: it takes exactly one StudentWeek).
import { type Block, type Citation, type Lang, type MessageReply, userText } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { textIn } from '../../knowledge/schema.ts';
import type { SummaryRole } from '../../storage/schema.ts';
import { type Audience, criticalPointFor } from './critical-point.ts';
import type { StudentWeek } from './student-week.ts';
import { texts } from './texts.ts';
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
  const t = texts.in(lang);
  const first = weeks[0];
  const citations = new Map<string, Citation>();
  const blocks: Block[] = [
    { type: 'heading', text: first ? t('weeklySummaryOf', { week: weekLabel(first.weekStart, first.weekEnd, lang) }) : t('weeklySummary') },
    { type: 'context', text: roleLine(args.role, weeks.length, lang) },
  ];
  for (const week of weeks) {
    blocks.push({ type: 'heading', text: `${userText(week.student.name)} · ${userText(week.workplaceName)}` });
    blocks.push(figuresLine(week, lang));
    blocks.push(...flagBlocks(week, lang));
    const narrative = args.narratives.get(week.placementId);
    if (narrative) blocks.push({ type: 'paragraph', text: userText(narrative) });
    blocks.push(...evidenceBlocks(week, lang));
    blocks.push(...uncoveredBlocks(week, lang));
    blocks.push(promptBlock(kb, week, 'staff', lang, citations));
  }
  blocks.push({ type: 'context', text: t('staffFooter') });
  return { kind: 'message', lang, blocks, citations: [...citations.values()] };
}

function roleLine(role: Exclude<SummaryRole, 'student'> | 'admin', students: number, lang: Lang): string {
  const t = texts.in(lang);
  switch (role) {
    case 'instructor':
      return t('asInstructor', { count: students });
    case 'teacher':
      return t('asTeacher', { count: students });
    case 'admin':
      return t('asAdmin', { count: students });
  }
}

export function studentRecap(args: { kb: KnowledgeBase; lang: Lang; week: StudentWeek; narrative: string | null }): MessageReply {
  const { kb, lang, week } = args;
  const t = texts.in(lang);
  const citations = new Map<string, Citation>();
  const missed = week.flags.find((f) => f.kind === 'missed-in-a-row');
  const blocks: Block[] = [
    { type: 'heading', text: t('yourWeek', { week: weekLabel(week.weekStart, week.weekEnd, lang) }) },
    { type: 'context', text: `${week.units.map((u) => textIn(u.unit.name, lang)).join(' · ')} · ${userText(week.workplaceName)}` },
    figuresLine(week, lang),
    ...(missed ? [{ type: 'paragraph' as const, text: t('checkinsMissed') }] : []),
    ...(args.narrative ? [{ type: 'paragraph' as const, text: userText(args.narrative) }] : []),
    ...evidenceBlocks(week, lang),
    ...uncoveredBlocks(week, lang),
    promptBlock(kb, week, 'student', lang, citations),
    { type: 'actions', actions: [
      { label: t('reflectTodayButton'), text: t('reflectTodayCommand') },
      { label: t('myProgressButton'), text: t('myProgressCommand') },
    ] },
  ];
  return { kind: 'message', lang, blocks, citations: [...citations.values()] };
}
