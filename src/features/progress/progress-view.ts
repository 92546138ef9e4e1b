// A student's evidence per requirement, as a reply: coverage by section (the unit's checklist
// columns "Näytetään työpaikalla" / "Näytetään muuten"), and what is still uncovered.
import { formatDate } from '../../i18n/format.ts';
import type { Block, Citation, Lang, MessageReply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { type Localized, textIn, type Unit } from '../../knowledge/schema.ts';
import type { Person, Placement, RequirementCoverage } from '../../storage/index.ts';
import { texts } from './texts.ts';

export interface ProgressData {
  student: Person;
  placement: Placement;
  unit: Unit;
  coverage: RequirementCoverage[];
  today: string;
}

export interface SectionCoverage {
  sectionId: string;
  title: Localized;
  covered: number;
  total: number;
}

export function coverageBySection(unit: Unit, coverage: readonly RequirementCoverage[]): SectionCoverage[] {
  const status = new Map(coverage.map((c) => [c.requirementId, c.status]));
  return unit.sections.map((s) => ({
    sectionId: s.id,
    title: s.title,
    covered: s.requirements.filter((r) => (status.get(r.id) ?? 'uncovered') !== 'uncovered').length,
    total: s.requirements.length,
  }));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function buildProgressReply(kb: KnowledgeBase, data: ProgressData, lang: Lang, self: boolean): MessageReply {
  const t = texts.in(lang);
  const { unit, placement, coverage, student } = data;
  const byId = new Map(coverage.map((c) => [c.requirementId, c]));
  const all = kb.requirements(unit);
  const covered = all.filter(({ requirement }) => (byId.get(requirement.id)?.status ?? 'uncovered') !== 'uncovered');
  const atWork = all.filter(({ requirement }) => byId.get(requirement.id)?.status === 'workplace').length;
  const uncovered = all.filter(({ requirement }) => (byId.get(requirement.id)?.status ?? 'uncovered') === 'uncovered');
  const daysLeft = daysBetween(data.today, placement.endDate);
  const period = `${formatDate(placement.startDate, lang)}–${formatDate(placement.endDate, lang)}`;
  const left = daysLeft > 0 ? t('daysLeft', { days: daysLeft }) : t('placementEnded');

  const blocks: Block[] = [
    { type: 'heading', text: self ? t('headingSelf') : t('headingOfStudent', { student: student.name }) },
    { type: 'context', text: `${textIn(unit.name, lang)} · ${placement.workplaceName} · ${period} · ${left}` },
    { type: 'paragraph', text: t('coverageSummary', { covered: covered.length, total: all.length, atWork, otherwise: covered.length - atWork }) },
    { type: 'list', items: coverageBySection(unit, coverage).map((s) => ({ text: `${textIn(s.title, lang)}: **${s.covered}/${s.total}**` })) },
  ];
  if (uncovered.length) {
    const urgent = daysLeft > 0 && daysLeft <= 21;
    blocks.push({ type: 'heading', text: t('uncoveredHeading', { count: uncovered.length }) });
    if (urgent) blocks.push({ type: 'paragraph', text: t('uncoveredUrgent') });
    // Quoted in the curriculum's own words; English readers also get Osaava's translation.
    blocks.push({ type: 'list', items: uncovered.map(({ requirement }) => (lang === 'en'
      ? { text: requirement.text.fi, translation: requirement.text.en, cite: requirement.id }
      : { text: textIn(requirement.text, lang), cite: requirement.id })) });
  } else {
    blocks.push({ type: 'paragraph', text: t('allCovered') });
  }
  blocks.push({ type: 'context', text: t('basedOn') });
  if (self) blocks.push({ type: 'actions', actions: [
    { label: t('reflectTodayButton'), text: t('reflectTodayCommand') },
    { label: t('myObservationsButton'), text: t('myObservationsCommand') },
  ] });
  const citations: Citation[] = uncovered.flatMap(({ requirement }) => {
    const item = kb.item(requirement.id);
    return item ? [kb.cite(item, lang)] : [];
  });
  return { kind: 'message', lang, blocks, citations };
}
