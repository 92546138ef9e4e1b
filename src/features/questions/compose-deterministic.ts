// Builds answers from templates: every requirement and criterion shown is the knowledge base's own
// Finnish text, quoted verbatim and cited; English answers add Osaava's translation beneath, Swedish
// answers frame the Finnish quotes in Swedish (texts.ts).
import type { Block, Citation, Lang, ListItem, MessageReply, SuggestedAction } from '../../conversation/reply.ts';
import { formatList } from '../../i18n/format.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../knowledge/knowledge-base.ts';
import { textOf } from '../../knowledge/knowledge-base.ts';
import { textIn, type Unit } from '../../knowledge/schema.ts';
import type { AnswerComposer } from './composer.ts';
import { levelName, ownLevelName, titleIn } from './labels.ts';
import type { AnswerPlan } from './plan.ts';
import { texts } from './texts.ts';

const PASSAGE_DISPLAY_LIMIT = 1200;

/** A quoted item: the Finnish original (Swedish where the base has it), with the English translation for English readers. */
export function quoteItem(item: KnowledgeItem, lang: Lang): ListItem {
  const text = textOf(item);
  return lang === 'en' ? { text: text.fi, translation: text.en, cite: item.id } : { text: textIn(text, lang), cite: item.id };
}

/** Under quoted requirements and criteria: the English lines are a translation; a Swedish reader reads Finnish. */
export function quoteNote(lang: Lang): Block[] {
  return lang === 'fi' ? [] : [{ type: 'context', text: texts.in(lang)('quotedInFinnish') }];
}

function unitValues(unit: Unit, lang: Lang) {
  return {
    unitFi: unit.name.fi,
    unitEn: unit.name.en,
    unitName: textIn(unit.name, lang),
    points: String(unit.competencePoints),
    qualification: textIn(unit.qualification.name, lang),
    qualificationFi: unit.qualification.name.fi,
    qualificationEn: unit.qualification.name.en,
    diaari: unit.qualification.diaarinumero,
  };
}

function unitLine(unit: Unit, lang: Lang): string {
  return texts.in(lang)('unitLine', unitValues(unit, lang));
}

function actions(pairs: [string, string][]): Block {
  const list: SuggestedAction[] = pairs.map(([label, text]) => ({ label, text }));
  return { type: 'actions', actions: list };
}

function helpBlocks(unit: Unit, lang: Lang): Block[] {
  const t = texts.in(lang);
  return [
    { type: 'paragraph', text: t('helpIntro', unitValues(unit, lang)) },
    { type: 'list', items: [
      { text: t('helpGradeCriteria') },
      { text: t('helpDifferences') },
      { text: t('helpRequirements') },
      { text: t('helpIsRequired') },
      { text: t('helpDemonstration') },
      { text: t('helpSupportingMaterial') },
    ] },
  ];
}

function gradeBlocks(plan: AnswerPlan, grades: number[], kb: KnowledgeBase): Block[] {
  const { unit, lang } = plan;
  const t = texts.in(lang);
  const blocks: Block[] = [];
  for (const grade of grades) {
    const level = kb.level(unit, grade);
    if (!level) continue;
    blocks.push({ type: 'heading', text: t('criteriaHeading', { level: levelName(level, lang) }) });
    blocks.push({ type: 'paragraph', text: t('gradeSubject', { level: ownLevelName(level, lang), subject: unit.assessment.subject.fi.toLowerCase() }) });
    blocks.push({ type: 'list', items: level.criteria.flatMap((c) => { const item = kb.item(c.id); return item ? [quoteItem(item, lang)] : []; }) });
  }
  return blocks;
}

function compareBlocks(plan: AnswerPlan, grades: number[], kb: KnowledgeBase): Block[] {
  const { unit, lang } = plan;
  const t = texts.in(lang);
  const levels = grades.flatMap((g) => kb.level(unit, g) ?? []);
  const blocks: Block[] = [
    { type: 'heading', text: t('differencesHeading', { levels: formatList(levels.map((l) => levelName(l, lang)), lang) }) },
    { type: 'paragraph', text: t('compareIntro') },
  ];
  for (const thread of unit.assessment.threads) {
    const steps = levels.flatMap((level) => level.criteria.filter((c) => c.thread === thread.id).map((c) => ({ level, c })));
    if (steps.length === 0) continue;
    blocks.push({ type: 'heading', text: textIn(thread.name, lang) });
    blocks.push({ type: 'list', items: steps.map(({ level, c }) => {
      const item = quoteItem(kb.item(c.id) ?? { kind: 'criterion', id: c.id, unit, level, criterion: c }, lang);
      return { ...item, text: `**${level.name.fi}:** ${item.text}` };
    }) });
    const missing = levels.filter((l) => !l.criteria.some((c) => c.thread === thread.id));
    if (missing.length) blocks.push({ type: 'context', text: t('noOwnCriterion', { levels: missing.map((l) => ownLevelName(l, lang)).join(', ') }) });
  }
  return blocks;
}

/** A supporting-material passage: its title, its source, the quoted (Finnish) text and its reflection questions. */
export function passageBlocks(item: Extract<KnowledgeItem, { kind: 'passage' }>, lang: Lang, options: { questions: boolean } = { questions: true }): Block[] {
  const t = texts.in(lang);
  const text = item.record.text.length > PASSAGE_DISPLAY_LIMIT ? `${item.record.text.slice(0, PASSAGE_DISPLAY_LIMIT).replace(/\s+\S*$/, '')} …` : item.record.text;
  const blocks: Block[] = [
    { type: 'heading', text: titleIn(item.record.title, lang) },
    { type: 'context', text: t('passageSource', { documentFi: item.document.title.fi, documentEn: item.document.title.en, documentName: titleIn(item.document.title, lang) }) },
    { type: 'quote', text, cite: item.id },
  ];
  if (options.questions && item.record.questions.length) {
    blocks.push({ type: 'paragraph', text: t('reflectQuestions') });
    blocks.push({ type: 'list', items: item.record.questions.map((q) => ({ text: q })) });
  }
  return blocks;
}

function compose(plan: AnswerPlan, kb: KnowledgeBase): Block[] {
  const { unit, lang, intent, items } = plan;
  const t = texts.in(lang);
  const quoted = (list: KnowledgeItem[]): Block => ({ type: 'list', items: list.map((i) => quoteItem(i, lang)) });
  switch (intent.kind) {
    case 'greeting':
      return [{ type: 'paragraph', text: t('greeting') }, ...helpBlocks(unit, lang)];
    case 'thanks':
      return [{ type: 'paragraph', text: t('thanks') }];
    case 'help':
      return helpBlocks(unit, lang);
    case 'grade-criteria': {
      const next = (intent.grades.at(-1) ?? 1) + 1;
      return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        ...gradeBlocks(plan, intent.grades, kb),
        ...quoteNote(lang),
        actions(intent.grades[0] === 5
          ? [[t('actionCompareFourAndFive'), t('actionCompareFourAndFiveText')]]
          : [[t('actionNextLevel'), t('actionGradeCriteriaText', { grade: next })]]),
      ];
    }
    case 'grade-compare':
      return [{ type: 'paragraph', text: unitLine(unit, lang) }, ...compareBlocks(plan, intent.grades, kb), ...quoteNote(lang)];
    case 'grading-overview':
      return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        { type: 'paragraph', text: t('gradingOverview') },
        ...gradeBlocks(plan, [1, 2, 3, 4, 5], kb),
        ...quoteNote(lang),
      ];
    case 'grade-invalid':
      return [
        { type: 'paragraph', text: t('gradeInvalid', { grades: intent.requested.join(', ') }) },
        actions([[t('actionGradeCriteria', { grade: 5 }), t('actionGradeCriteriaText', { grade: 5 })]]),
      ];
    case 'unknown-unit':
      return [
        { type: 'paragraph', text: t('unknownUnit', {
          name: intent.name,
          units: kb.units.map((u) => t('unitWithQualification', unitValues(u, lang))).join(', '),
        }) },
      ];
    case 'section-requirements': {
      const section = unit.sections.find((s) => s.id === intent.sectionId);
      return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        { type: 'heading', text: section ? titleIn(section.title, lang) : '' },
        { type: 'paragraph', text: t('sectionRequirementsIntro', { count: items.length }) },
        quoted(items),
        ...quoteNote(lang),
      ];
    }
    case 'all-requirements':
      return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        { type: 'paragraph', text: t('allRequirementsIntro', { count: items.length, sectionCount: unit.sections.length }) },
        ...unit.sections.flatMap((section): Block[] => [
          { type: 'heading', text: titleIn(section.title, lang) },
          quoted(items.filter((i) => i.kind === 'requirement' && i.section.id === section.id)),
        ]),
        ...quoteNote(lang),
      ];
    case 'demonstration':
      return [
        { type: 'heading', text: titleIn(unit.demonstration.title, lang) },
        { type: 'paragraph', text: unitLine(unit, lang) },
        quoted(items),
        { type: 'context', text: t('demonstrationAssessors') },
        ...quoteNote(lang),
      ];
    case 'unit-facts':
      return [
        { type: 'paragraph', text: t('unitFacts', { ...unitValues(unit, lang), sectionCount: unit.sections.length, sections: unit.sections.map((s) => textIn(s.title, lang)).join(', ') }) },
      ];
    case 'requirement-check':
      if (plan.outcome === 'not-found') return notFound(plan);
      if (items[0]?.kind !== 'requirement') return [
        { type: 'paragraph', text: t('notARequirement') },
        ...items.flatMap((i) => (i.kind === 'passage' ? passageBlocks(i, lang) : [quoted([i])])),
      ];
      return [
        { type: 'paragraph', text: t('requiredYes', unitValues(unit, lang)) },
        ...requirementsBySection(items, lang),
        ...quoteNote(lang),
      ];
    case 'search':
      if (plan.outcome !== 'answered') return notFound(plan);
      if (items[0]?.kind === 'requirement') return [
        { type: 'paragraph', text: t('relatedRequirements', unitValues(unit, lang)) },
        ...requirementsBySection(items, lang),
        ...quoteNote(lang),
      ];
      return items.flatMap((i): Block[] => {
        switch (i.kind) {
          case 'passage':
            return passageBlocks(i, lang);
          case 'method':
          case 'unit':
          case 'requirement':
          case 'criterion':
            return [quoted([i])];
        }
      });
  }
}

function requirementsBySection(items: KnowledgeItem[], lang: Lang): Block[] {
  const groups = new Map<string, { title: string; items: ListItem[] }>();
  for (const i of items) {
    if (i.kind !== 'requirement') continue;
    const group = groups.get(i.section.id) ?? { title: titleIn(i.section.title, lang), items: [] };
    group.items.push(quoteItem(i, lang));
    groups.set(i.section.id, group);
  }
  return [...groups.values()].flatMap((g): Block[] => [{ type: 'context', text: g.title }, { type: 'list', items: g.items }]);
}

function notFound(plan: AnswerPlan): Block[] {
  const t = texts.in(plan.lang);
  return [
    { type: 'paragraph', text: t('notFound', unitValues(plan.unit, plan.lang)) },
    actions([
      [t('actionAllRequirements'), t('actionAllRequirementsText')],
      [t('actionGradeCriteria', { grade: 3 }), t('actionGradeCriteriaText', { grade: 3 })],
      [t('actionHelp'), t('actionHelpText')],
    ]),
  ];
}

export function createDeterministicComposer(kb: KnowledgeBase): AnswerComposer {
  return {
    name: 'deterministic',
    async compose(plan) {
      const citations: Citation[] = plan.items.map((i) => kb.cite(i, plan.lang));
      const blocks = compose(plan, kb).filter((b) => !(b.type === 'context' && b.text === ''));
      const reply: MessageReply = { kind: 'message', lang: plan.lang, blocks, citations };
      return reply;
    },
  };
}
