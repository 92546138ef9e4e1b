// A student's evidence per requirement, as a reply: for each of the placement's units, coverage by
// section (the unit's checklist columns "Näytetään työpaikalla" / "Näytetään muuten"), and what is
// still uncovered before that unit's skills demonstration.
import { formatDate } from '../../i18n/format.ts';
import type { Block, Citation, Lang, MessageReply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { type Localized, type Requirement, textIn, type Unit } from '../../knowledge/schema.ts';
import type { Person, Placement, RequirementCoverage } from '../../storage/index.ts';
import { texts } from './texts.ts';
import { type PlacementUnits, unitsIn } from '../../conversation/placement-units.ts';


export type ProgressData = PlacementUnits & {
  student: Person;
  placement: Placement;
  /** Coverage of the requirements of every unit (one query for all of them). */
  coverage: RequirementCoverage[];
  today: string;
};

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

/** Where one unit stands before its skills demonstration: evidence so far and what is still missing. */
export interface UnitReadiness {
  unit: Unit;
  covered: number;
  total: number;
  atWork: number;
  uncovered: Requirement[];
  sections: SectionCoverage[];
}

export function unitReadiness(kb: KnowledgeBase, unit: Unit, coverage: readonly RequirementCoverage[]): UnitReadiness {
  const status = new Map(coverage.map((c) => [c.requirementId, c.status]));
  const all = kb.requirements(unit).map(({ requirement }) => requirement);
  const statusOf = (r: Requirement) => status.get(r.id) ?? 'uncovered';
  const uncovered = all.filter((r) => statusOf(r) === 'uncovered');
  return {
    unit,
    covered: all.length - uncovered.length,
    total: all.length,
    atWork: all.filter((r) => statusOf(r) === 'workplace').length,
    uncovered,
    sections: coverageBySection(unit, coverage),
  };
}

/** A unit's evidence by section and the requirements still without evidence, quoted and cited. */
function unitBlocks(r: UnitReadiness, lang: Lang, urgent: boolean): Block[] {
  const t = texts.in(lang);
  const blocks: Block[] = [
    { type: 'paragraph', text: t('coverageSummary', { covered: r.covered, total: r.total, atWork: r.atWork, otherwise: r.covered - r.atWork }) },
    { type: 'list', items: r.sections.map((s) => ({ text: `${textIn(s.title, lang)}: **${s.covered}/${s.total}**` })) },
  ];
  if (r.uncovered.length === 0) return [...blocks, { type: 'paragraph', text: t('allCovered') }];
  blocks.push({ type: 'heading', text: t('uncoveredHeading', { count: r.uncovered.length }) });
  if (urgent) blocks.push({ type: 'paragraph', text: t('uncoveredUrgent') });
  // Quoted in the curriculum's own words; English readers also get Osaava's translation where there is one.
  blocks.push({ type: 'list', items: r.uncovered.map((requirement) => (lang === 'en' && requirement.text.en
    ? { text: requirement.text.fi, translation: requirement.text.en, cite: requirement.id }
    : { text: textIn(requirement.text, lang), cite: requirement.id })) });
  return blocks;
}

export function buildProgressReply(kb: KnowledgeBase, data: ProgressData, lang: Lang, self: boolean): MessageReply {
  const t = texts.in(lang);
  const { placement, coverage, student } = data;
  const units = unitsIn(data);
  const readiness = units.map((unit) => unitReadiness(kb, unit, coverage));
  const daysLeft = daysBetween(data.today, placement.endDate);
  const urgent = daysLeft > 0 && daysLeft <= 21;
  const period = `${formatDate(placement.startDate, lang)}–${formatDate(placement.endDate, lang)}`;
  const left = daysLeft > 0 ? t('daysLeft', { days: daysLeft }) : t('placementEnded');
  const [only] = readiness;

  const blocks: Block[] = [{ type: 'heading', text: self ? t('headingSelf') : t('headingOfStudent', { student: student.name }) }];
  if (readiness.length === 1 && only) {
    blocks.push({ type: 'context', text: `${textIn(only.unit.name, lang)} · ${placement.workplaceName} · ${period} · ${left}` });
    blocks.push(...unitBlocks(only, lang, urgent));
  } else {
    // Several units: how ready each is for its skills demonstration first, then each one in full.
    blocks.push({ type: 'context', text: `${placement.workplaceName} · ${period} · ${left}` });
    blocks.push({ type: 'paragraph', text: t('readinessHeading', { count: readiness.length }) });
    blocks.push({ type: 'list', items: readiness.map((r) => ({ text: t('unitReadiness', { unit: textIn(r.unit.name, lang), covered: r.covered, total: r.total, missing: r.uncovered.length }) })) });
    for (const r of readiness) blocks.push({ type: 'heading', text: textIn(r.unit.name, lang) }, ...unitBlocks(r, lang, urgent));
  }
  blocks.push({ type: 'context', text: t('basedOn') });
  if (self) blocks.push({ type: 'actions', actions: [
    { label: t('reflectTodayButton'), text: t('reflectTodayCommand') },
    { label: t('myObservationsButton'), text: t('myObservationsCommand') },
  ] });
  const citations: Citation[] = readiness.flatMap((r) => r.uncovered).flatMap((requirement) => {
    const item = kb.item(requirement.id);
    return item ? [kb.cite(item, lang)] : [];
  });
  return { kind: 'message', lang, blocks, citations };
}
