// A student's evidence per requirement, as a reply: coverage by section (the unit's checklist
// columns "Näytetään työpaikalla" / "Näytetään muuten"), and what is still uncovered.
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { Block, Citation, Lang, MessageReply } from '../../conversation/reply.ts';
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import type { Unit } from '../../knowledge/schema.ts';
import type { Person, Placement, RequirementCoverage } from '../../storage/index.ts';

export interface ProgressData {
  student: Person;
  placement: Placement;
  unit: Unit;
  coverage: RequirementCoverage[];
  today: string;
}

export interface SectionCoverage {
  sectionId: string;
  title: { fi: string; en: string };
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
  const say = sayIn(lang);
  const { unit, placement, coverage, student } = data;
  const byId = new Map(coverage.map((c) => [c.requirementId, c]));
  const all = kb.requirements(unit);
  const covered = all.filter(({ requirement }) => (byId.get(requirement.id)?.status ?? 'uncovered') !== 'uncovered');
  const atWork = all.filter(({ requirement }) => byId.get(requirement.id)?.status === 'workplace').length;
  const uncovered = all.filter(({ requirement }) => (byId.get(requirement.id)?.status ?? 'uncovered') === 'uncovered');
  const daysLeft = daysBetween(data.today, placement.endDate);
  const period = `${formatDate(placement.startDate, lang)}–${formatDate(placement.endDate, lang)}`;
  const left = daysLeft > 0 ? say(`${daysLeft} päivää jäljellä`, `${daysLeft} days left`) : say('jakso on päättynyt', 'the placement has ended');

  const blocks: Block[] = [
    { type: 'heading', text: self ? say('Edistymisesi', 'Your progress') : say(`Edistyminen: ${student.name}`, `Progress: ${student.name}`) },
    { type: 'context', text: `${unit.name[lang]} · ${placement.workplaceName} · ${period} · ${left}` },
    { type: 'paragraph', text: say(
      `**${covered.length}/${all.length}** ammattitaitovaatimusta on näytetty (työpaikalla ${atWork}, muuten ${covered.length - atWork}).`,
      `**${covered.length}/${all.length}** professional skill requirements have evidence (at the workplace ${atWork}, otherwise ${covered.length - atWork}).`) },
    { type: 'list', items: coverageBySection(unit, coverage).map((s) => ({ text: `${s.title[lang]}: **${s.covered}/${s.total}**` })) },
  ];
  if (uncovered.length) {
    const urgent = daysLeft > 0 && daysLeft <= 21;
    blocks.push({ type: 'heading', text: say(`Vielä ilman näyttöä (${uncovered.length})`, `Still without evidence (${uncovered.length})`) });
    if (urgent) blocks.push({ type: 'paragraph', text: say('Jakso ja näyttö lähestyvät: sovi näistä työpaikkaohjaajan kanssa.', 'The end of the placement and the skills demonstration are near: agree on these with the workplace instructor.') });
    blocks.push({ type: 'list', items: uncovered.map(({ requirement }) => (lang === 'fi'
      ? { text: requirement.text.fi, cite: requirement.id }
      : { text: requirement.text.fi, translation: requirement.text.en, cite: requirement.id })) });
  } else {
    blocks.push({ type: 'paragraph', text: say('Jokaisesta vaatimuksesta on näyttöä. Hienoa!', 'Every requirement has evidence. Well done!') });
  }
  blocks.push({ type: 'context', text: say(
    'Perustuu päivän reflektioihin ja työpaikkaohjaajan havaintoihin (tarkistuslistan sarakkeet "Näytetään työpaikalla" ja "Näytetään muuten").',
    'Based on daily reflections and the workplace instructor\'s observations (the checklist columns "Näytetään työpaikalla" and "Näytetään muuten").') });
  if (self) blocks.push({ type: 'actions', actions: [
    { label: say('Reflektoi tänään', 'Reflect today'), text: say('reflektoi', 'reflect') },
    { label: say('Havainnot minusta', 'Observations about me'), text: say('havaintoni', 'my observations') },
  ] });
  const citations: Citation[] = uncovered.flatMap(({ requirement }) => {
    const item = kb.item(requirement.id);
    return item ? [kb.cite(item, lang)] : [];
  });
  return { kind: 'message', lang, blocks, citations };
}
