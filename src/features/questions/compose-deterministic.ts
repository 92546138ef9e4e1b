// Builds answers from templates: every requirement and criterion shown is the knowledge base's own
// Finnish text, quoted verbatim and cited; English answers add Osaava's translation beneath, Swedish
// answers frame the Finnish quotes in Swedish (texts.ts).
import type { Block, Citation, Lang, ListItem, MessageReply, SuggestedAction } from '../../conversation/reply.ts';
import { formatList } from '../../i18n/format.ts';
import type { KnowledgeBase, KnowledgeItem } from '../../knowledge/knowledge-base.ts';
import { textOf } from '../../knowledge/knowledge-base.ts';
import { type Criterion, type GradeLevel, textIn, type Unit } from '../../knowledge/schema.ts';
import type { AnswerComposer } from './composer.ts';
import { resolveGrades, scaleOf } from './grading-shape.ts';
import { levelName, ownLevelName, titleIn } from './labels.ts';
import { excerpt, type Focus } from './excerpt.ts';
import type { GradeMismatch } from './grades.ts';
import type { AnswerPlan } from './plan.ts';
import { texts } from './texts.ts';

/** An unknown unit's answer lists at most this many of the units the base knows (a school's base may hold hundreds). */
const KNOWN_UNITS_LISTED = 12;

/** About this much of a passage is shown by default; the citation carries all of it. */
const PASSAGE_EXCERPT_CHARS = 500;

/** A quoted item: the Finnish original (Swedish where the base has it), with the English translation for English readers. */
export function quoteItem(item: KnowledgeItem, lang: Lang): ListItem {
  const text = textOf(item);
  return lang === 'en' ? { text: text.fi, translation: text.en, cite: item.id } : { text: textIn(text, lang), cite: item.id };
}

/**
 * Under quoted requirements and criteria: the English lines are a translation; a Swedish reader reads the
 * curriculum's own Swedish where every quoted text has it, else the Finnish original.
 */
export function quoteNote(lang: Lang, quoted: readonly KnowledgeItem[] = []): Block[] {
  if (lang === 'fi') return [];
  const t = texts.in(lang);
  if (lang === 'sv') return [{ type: 'context', text: t(quoted.length > 0 && quoted.every((i) => textOf(i).sv !== undefined) ? 'quotedInSwedish' : 'quotedInFinnish') }];
  // English: Osaava's own translation, the curriculum's own English (an imported unit), or none at all.
  if (quoted.length > 0 && quoted.every((i) => textOf(i).en === undefined)) return [{ type: 'context', text: t('quotedWithoutEnglish') }];
  const curriculumsOwn = quoted.length > 0 && quoted.every((i) => i.kind !== 'passage' && i.unit.translations?.en === 'eperusteet');
  return [{ type: 'context', text: t(curriculumsOwn ? 'quotedWithCurriculumEnglish' : 'quotedInFinnish') }];
}

function unitValues(unit: Unit, lang: Lang) {
  return {
    unitFi: unit.name.fi,
    unitEn: textIn(unit.name, 'en'),
    unitName: textIn(unit.name, lang),
    unitTitle: titleIn(unit.name, lang),
    points: String(unit.competencePoints),
    qualification: textIn(unit.qualification.name, lang),
    qualificationFi: unit.qualification.name.fi,
    qualificationEn: textIn(unit.qualification.name, 'en'),
    diaari: unit.qualification.diaarinumero,
  };
}

/** "Tyydyttävä 1, Tyydyttävä 2, Hyvä 3, Hyvä 4 ja Kiitettävä 5": the unit's own levels, from the knowledge base. */
function levelList(unit: Unit, lang: Lang): string {
  return formatList(unit.assessment.levels.map((l) => ownLevelName(l, lang)), lang);
}

/** A level's name without its number: "Hyvä", "Good", "God". */
function levelWord(unit: Unit, grade: number, lang: Lang): string {
  const level = unit.assessment.levels.find((l) => l.grade === grade);
  return level ? ownLevelName(level, lang).replace(/\s*\d+$/, '') : String(grade);
}

/** "Hyvä on arvosanat 3 ja 4; kiitettävä on 5. Näytän arvosanan 5 kriteerit." */
function mismatchBlocks(unit: Unit, mismatches: readonly GradeMismatch[] | undefined, lang: Lang): Block[] {
  const t = texts.in(lang);
  return (mismatches ?? []).map((m) => {
    const [first = m.grade] = m.named;
    return {
      type: 'paragraph',
      text: t('gradeMismatch', {
        named: levelWord(unit, first, lang),
        namedCount: m.named.length,
        namedGrades: formatList(m.named.map(String), lang),
        actual: levelWord(unit, m.grade, lang).toLowerCase(),
        grade: m.grade,
      }),
    };
  });
}

/** Under quotes that hold an editorial insertion ("suunnittelee [ja] toteuttaa"): the bracketed word is ours. */
function insertionNote(texts_: readonly string[], lang: Lang): Block[] {
  const inserted = [...new Set(texts_.flatMap((x) => x.match(/\[[^\]\n]{1,40}\]/g) ?? []))];
  if (inserted.length === 0) return [];
  return [{ type: 'context', text: texts.in(lang)('insertionNote', { words: formatList(inserted, lang) }) }];
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

function greetingBlocks(unit: Unit, lang: Lang): Block[] {
  const t = texts.in(lang);
  return [
    { type: 'paragraph', text: t('greeting', unitValues(unit, lang)) },
    actions([
      [t('actionGradeCriteria', { grade: 4 }), t('actionGradeCriteriaText', { grade: 4 })],
      [t('actionAllRequirements'), t('actionAllRequirementsText')],
      [t('actionHelp'), t('actionHelpText')],
    ]),
  ];
}

/** A level's criteria as quotes, under the targets they are grouped by in the curriculum (older units) when they have them. */
function criteriaBlocks(unit: Unit, level: GradeLevel, lang: Lang, kb: KnowledgeBase): Block[] {
  const quote = (c: Criterion): ListItem[] => {
    const item = kb.item(c.id);
    return item ? [quoteItem(item, lang)] : [];
  };
  if (!level.criteria.some((c) => c.target)) return [{ type: 'list', items: level.criteria.flatMap(quote) }];
  const groups = new Map<string, { title: string; criteria: Criterion[] }>();
  for (const c of level.criteria) {
    const title = c.target ? titleIn(c.target, lang) : textIn(unit.assessment.subject, lang);
    const group = groups.get(title) ?? { title, criteria: [] };
    group.criteria.push(c);
    groups.set(title, group);
  }
  return [...groups.values()].flatMap((g): Block[] => [{ type: 'context', text: g.title }, { type: 'list', items: g.criteria.flatMap(quote) }]);
}

/**
 * What the curriculum gives instead of the grades asked for: a pass/fail unit has no grades 1–5; an older
 * unit may give criteria for some grades only. Never a made-up criterion: the levels shown are the unit's own.
 */
function scaleNote(unit: Unit, grades: readonly number[], lang: Lang): Block[] {
  const t = texts.in(lang);
  const resolved = resolveGrades(unit, grades);
  if (resolved.scale === 'pass-fail') return [{ type: 'paragraph', text: t('passFailScale', unitValues(unit, lang)) }];
  if (resolved.missing.length === 0) return [];
  const given = unit.assessment.levels.filter((l) => l.criteria.length > 0).map((l) => String(l.grade));
  return [{
    type: 'paragraph',
    text: t('noOwnCriteria', {
      ...unitValues(unit, lang),
      missing: formatList(resolved.missing.map(String), lang),
      missingCount: resolved.missing.length,
      given: formatList(given, lang),
      shown: formatList(resolved.levels.map((l) => String(l.grade)), lang),
      shownCount: resolved.levels.length,
    }),
  }];
}

function gradeBlocks(plan: AnswerPlan, grades: number[], kb: KnowledgeBase): Block[] {
  const { unit, lang } = plan;
  const t = texts.in(lang);
  const blocks: Block[] = [];
  for (const level of resolveGrades(unit, grades).levels) {
    blocks.push({ type: 'heading', text: t('criteriaHeading', { level: levelName(level, lang) }) });
    const subject = unit.assessment.subject.fi.toLowerCase();
    blocks.push({ type: 'paragraph', text: scaleOf(unit) === 'pass-fail' ? t('passSubject', { subject }) : t('gradeSubject', { level: ownLevelName(level, lang), subject }) });
    blocks.push(...criteriaBlocks(unit, level, lang, kb));
  }
  return blocks;
}

function compareBlocks(plan: AnswerPlan, grades: number[], kb: KnowledgeBase): Block[] {
  const { unit, lang } = plan;
  const t = texts.in(lang);
  const levels = resolveGrades(unit, grades).levels;
  const blocks: Block[] = [
    { type: 'heading', text: t('differencesHeading', { levels: formatList(levels.map((l) => levelName(l, lang)), lang) }) },
  ];
  const step = (level: GradeLevel, c: Criterion): ListItem => {
    const item = quoteItem(kb.item(c.id) ?? { kind: 'criterion', id: c.id, unit, level, criterion: c }, lang);
    return { ...item, text: `**${level.name.fi}:** ${item.text}` };
  };
  // The generic criteria climb along threads; an older unit's own criteria are grouped by their targets.
  const groups: { title: string; has: (c: Criterion) => boolean }[] = [
    ...unit.assessment.threads.map((thread) => ({ title: textIn(thread.name, lang), has: (c: Criterion) => c.thread === thread.id })),
    ...[...new Map(levels.flatMap((l) => l.criteria).flatMap((c) => (!c.thread && c.target ? [[c.target.fi, c.target] as const] : []))).values()]
      .map((target) => ({ title: titleIn(target, lang), has: (c: Criterion) => !c.thread && c.target?.fi === target.fi })),
  ];
  const ungrouped = (c: Criterion) => !c.thread && !c.target;
  if (levels.some((l) => l.criteria.some(ungrouped))) groups.push({ title: textIn(unit.assessment.subject, lang), has: ungrouped });
  if (unit.assessment.threads.length > 0) blocks.push({ type: 'paragraph', text: t('compareIntro') });
  for (const group of groups) {
    const steps = levels.flatMap((level) => level.criteria.filter(group.has).map((c) => step(level, c)));
    if (steps.length === 0) continue;
    blocks.push({ type: 'heading', text: group.title }, { type: 'list', items: steps });
    const missing = levels.filter((l) => !l.criteria.some(group.has));
    if (missing.length) blocks.push({ type: 'context', text: t('noOwnCriterion', { levels: missing.map((l) => ownLevelName(l, lang)).join(', ') }) });
  }
  return blocks;
}

/**
 * A supporting-material passage: its title, its source, and the part of its (Finnish) text that
 * answers the question; a list in it is never cut. `full` shows all of it with its reflection questions.
 */
export function passageBlocks(
  item: Extract<KnowledgeItem, { kind: 'passage' }>,
  lang: Lang,
  options: { questions?: boolean; focus?: Focus; full?: boolean } = {},
): Block[] {
  const t = texts.in(lang);
  const shown = options.full ? { text: item.record.text, whole: true } : excerpt(item.record.text, options.focus, PASSAGE_EXCERPT_CHARS);
  const blocks: Block[] = [
    { type: 'heading', text: titleIn(item.record.title, lang) },
    { type: 'context', text: t('passageSource', { documentFi: item.document.title.fi, documentEn: textIn(item.document.title, 'en'), documentName: titleIn(item.document.title, lang) }) },
    { type: 'quote', text: shown.text, cite: item.id },
  ];
  const questions = options.full || options.questions || options.focus?.facet === 'questions';
  if (questions && item.record.questions.length) {
    blocks.push({ type: 'paragraph', text: t('reflectQuestions') });
    blocks.push({ type: 'list', items: item.record.questions.map((q) => ({ text: q })) });
  }
  if (!shown.whole) blocks.push({ type: 'actions', actions: [{ label: t('actionFullText'), text: `${t('sourceCommand')} ${item.id}` }] });
  return blocks;
}

/** Follow-ups to the nearest things the base knows: a passage's title, a requirement's text. */
function nearestActions(items: readonly KnowledgeItem[] | undefined, lang: Lang, intro: 'nearestIntro' | 'moreIntro' = 'nearestIntro'): Block[] {
  const t = texts.in(lang);
  const list = (items ?? []).flatMap((i): SuggestedAction[] => {
    const label = i.kind === 'passage' ? titleIn(i.record.title, lang) : i.kind === 'requirement' ? textIn(i.requirement.text, lang) : '';
    return label ? [{ label: label.length > 60 ? `${label.slice(0, 57).replace(/\s+\S*$/, '')} …` : label, text: `${t('sourceCommand')} ${i.id}` }] : [];
  });
  return list.length ? [{ type: 'context', text: t(intro) }, { type: 'actions', actions: list }] : [];
}

/** "Tutkinnon osat A ja B" for the units that share an answer word for word. */
function sharedBlocks(plan: AnswerPlan): Block[] {
  const shared = plan.sharedWith ?? [];
  if (shared.length === 0) return [];
  const t = texts.in(plan.lang);
  return [{ type: 'paragraph', text: t('sharedAnswer', { units: formatList(shared.map((u) => `**${textIn(u.name, plan.lang)}**`), plan.lang), count: shared.length }) }];
}

/**
 * One answer for each of the asker's current units, each under its unit's heading. Answering every unit at
 * once (rather than asking which with buttons) saves the student a round trip: a placement covers a few
 * units, their criteria are short, and the student usually needs each unit's anyway. Follow-ups are
 * offered once, at the end.
 */
function composeAll(plan: AnswerPlan, kb: KnowledgeBase): Block[] {
  const parts = [plan, ...(plan.more ?? [])];
  if (parts.length === 1) return compose(plan, kb);
  const t = texts.in(plan.lang);
  const units = parts.map((p) => `**${textIn(p.unit.name, plan.lang)}**`);
  const blocks: Block[] = [{ type: 'paragraph', text: t('severalUnits', { count: parts.length, units: formatList(units, plan.lang) }) }];
  parts.forEach((part, i) => {
    const own = compose(part, kb);
    blocks.push({ type: 'heading', text: t('unitHeading', unitValues(part.unit, plan.lang)) });
    blocks.push(...(i === parts.length - 1 ? own : own.filter((b) => b.type !== 'actions')));
  });
  return blocks;
}

/** The items an answer cites: its own and those of the other units it answers for. */
function allItems(plan: AnswerPlan): KnowledgeItem[] {
  return [...plan.items, ...(plan.more ?? []).flatMap(allItems)];
}

function compose(plan: AnswerPlan, kb: KnowledgeBase): Block[] {
  const { unit, lang, intent, items } = plan;
  const t = texts.in(lang);
  const quoted = (list: KnowledgeItem[]): Block => ({ type: 'list', items: list.map((i) => quoteItem(i, lang)) });
  switch (intent.kind) {
    case 'greeting':
      return greetingBlocks(unit, lang);
    case 'thanks':
      return [{ type: 'paragraph', text: t('thanks') }];
    case 'help':
      return helpBlocks(unit, lang);
    case 'grade-criteria': {
      const passFail = scaleOf(unit) === 'pass-fail';
      const next = (intent.grades.at(-1) ?? 1) + 1;
      return [
        ...(passFail ? [] : mismatchBlocks(unit, intent.mismatches, lang)),
        { type: 'paragraph', text: unitLine(unit, lang) },
        ...sharedBlocks(plan),
        ...scaleNote(unit, intent.grades, lang),
        ...gradeBlocks(plan, intent.grades, kb),
        ...quoteNote(lang, items),
        ...(passFail ? [] : [actions(intent.grades[0] === 5
          ? [[t('actionCompareFourAndFive'), t('actionCompareFourAndFiveText')]]
          : [[t('actionNextLevel'), t('actionGradeCriteriaText', { grade: next })]])]),
      ];
    }
    case 'grade-compare':
      if (scaleOf(unit) === 'pass-fail') return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        ...sharedBlocks(plan),
        ...scaleNote(unit, intent.grades, lang),
        ...gradeBlocks(plan, intent.grades, kb),
        ...quoteNote(lang, items),
      ];
      return [
        ...mismatchBlocks(unit, intent.mismatches, lang),
        { type: 'paragraph', text: unitLine(unit, lang) },
        ...sharedBlocks(plan),
        ...scaleNote(unit, intent.grades, lang),
        ...compareBlocks(plan, intent.grades, kb),
        ...quoteNote(lang, items),
      ];
    case 'grading-overview':
      if (scaleOf(unit) === 'pass-fail') return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        ...sharedBlocks(plan),
        { type: 'paragraph', text: t('passFailScale', unitValues(unit, lang)) },
        ...gradeBlocks(plan, [1], kb),
        ...quoteNote(lang, items),
      ];
      return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        ...sharedBlocks(plan),
        { type: 'paragraph', text: t('gradingOverview', { levels: levelList(unit, lang) }) },
        ...(unit.assessment.threads.length > 0
          ? [{ type: 'paragraph', text: t('gradingThreads', { threads: formatList(unit.assessment.threads.map((th) => textIn(th.name, lang).toLowerCase()), lang) }) } as Block]
          : []),
        actions(unit.assessment.levels.filter((l) => l.criteria.length > 0).map((l): [string, string] => [ownLevelName(l, lang), t('actionGradeCriteriaText', { grade: l.grade })])),
      ];
    case 'grade-invalid':
      return [
        { type: 'paragraph', text: t('gradeInvalid', { grades: intent.requested.join(', '), levels: levelList(unit, lang), ...unitValues(unit, lang) }) },
        actions([[t('actionGradeCriteria', { grade: 5 }), t('actionGradeCriteriaText', { grade: 5 })]]),
      ];
    case 'unknown-unit':
      return [
        { type: 'paragraph', text: t('unknownUnit', {
          name: intent.name,
          count: kb.units.length,
          units: kb.units.slice(0, KNOWN_UNITS_LISTED).map((u) => t('unitWithQualification', unitValues(u, lang))).join(', '),
          more: Math.max(0, kb.units.length - KNOWN_UNITS_LISTED),
        }) },
        actions([[t('actionAllRequirements'), t('actionAllRequirementsText')], [t('actionHelp'), t('actionHelpText')]]),
      ];
    case 'section-requirements': {
      const section = unit.sections.find((s) => s.id === intent.sectionId);
      return [
        { type: 'paragraph', text: unitLine(unit, lang) },
        { type: 'heading', text: section ? titleIn(section.title, lang) : '' },
        { type: 'paragraph', text: t('sectionRequirementsIntro', { count: items.length }) },
        quoted(items),
        ...quoteNote(lang, items),
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
        ...quoteNote(lang, items),
      ];
    case 'demonstration':
      return [
        { type: 'heading', text: titleIn(unit.demonstration.title, lang) },
        { type: 'paragraph', text: unitLine(unit, lang) },
        quoted(items),
        ...quoteNote(lang, items),
      ];
    case 'unit-facts':
      return [
        { type: 'paragraph', text: t('unitFacts', { ...unitValues(unit, lang), sectionCount: unit.sections.length, sections: unit.sections.map((s) => textIn(s.title, lang)).join(', ') }) },
      ];
    case 'requirement-check':
      if (plan.outcome !== 'answered') return notFound(plan);
      if (items[0]?.kind !== 'requirement') return [
        { type: 'paragraph', text: t('notARequirement') },
        ...items.flatMap((i) => (i.kind === 'passage' ? passageBlocks(i, lang, focusOf(plan)) : [quoted([i])])),
      ];
      return [
        { type: 'paragraph', text: t(plan.support === 'partial' ? 'requiredPartly' : 'requiredYes', unitValues(unit, lang)) },
        ...requirementsBySection(items, lang),
        ...quoteNote(lang, items),
      ];
    case 'compare-topics':
      return [
        { type: 'paragraph', text: t('compareTopicsIntro') },
        ...items.flatMap((i) => (i.kind === 'passage' ? passageBlocks(i, lang, focusOf(plan)) : [{ type: 'context', text: i.kind === 'requirement' ? titleIn(i.section.title, lang) : '' } as Block, quoted([i])])),
        ...(items.some((i) => i.kind !== 'passage') ? quoteNote(lang, items.filter((i) => i.kind !== 'passage')) : []),
      ];
    case 'source':
      return items.flatMap((i) => (i.kind === 'passage' ? passageBlocks(i, lang, { full: true }) : [quoted([i]), ...quoteNote(lang, [i])]));
    case 'personal':
      return personalBlocks(plan);
    case 'search':
      if (plan.outcome !== 'answered') return notFound(plan);
      if (items[0]?.kind === 'requirement') return [
        { type: 'paragraph', text: t('relatedRequirements', unitValues(unit, lang)) },
        ...requirementsBySection(items, lang),
        ...quoteNote(lang, items),
      ];
      return [
        ...items.flatMap((i): Block[] => {
          switch (i.kind) {
            case 'passage':
              return passageBlocks(i, lang, focusOf(plan));
            case 'method':
            case 'unit':
            case 'requirement':
            case 'criterion':
              return [quoted([i])];
          }
        }),
        ...nearestActions(plan.nearest, lang, 'moreIntro'),
      ];
  }
}

function focusOf(plan: AnswerPlan): { focus?: Focus } {
  return plan.focus ? { focus: plan.focus } : {};
}

/** A personal question: what Osaava cannot see, who can tell, and what it can tell instead. */
function personalBlocks(plan: AnswerPlan): Block[] {
  const t = texts.in(plan.lang);
  if (plan.intent.kind !== 'personal') return [];
  switch (plan.intent.topic) {
    case 'grade':
      return [
        { type: 'paragraph', text: t('personalGrade') },
        actions([[t('actionGradeCriteria', { grade: 3 }), t('actionGradeCriteriaText', { grade: 3 })], [t('actionGradeCriteria', { grade: 5 }), t('actionGradeCriteriaText', { grade: 5 })]]),
      ];
    case 'people':
      return [{ type: 'paragraph', text: t('personalPeople') }, actions([[t('actionAllRequirements'), t('actionAllRequirementsText')]])];
    case 'schedule':
      return [{ type: 'paragraph', text: t('personalSchedule') }, actions([[t('actionDemonstration'), t('actionDemonstrationText')]])];
    case 'progress':
      return [{ type: 'paragraph', text: t('personalOther') }, actions([[t('actionAllRequirements'), t('actionAllRequirementsText')]])];
    case 'other':
      return [{ type: 'paragraph', text: t('personalOther') }, actions([[t('actionHelp'), t('actionHelpText')]])];
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
  const nearest = nearestActions(plan.nearest, plan.lang);
  return [
    { type: 'paragraph', text: t('notFound', unitValues(plan.unit, plan.lang)) },
    ...(nearest.length
      ? nearest
      : [actions([
          [t('actionAllRequirements'), t('actionAllRequirementsText')],
          [t('actionGradeCriteria', { grade: 3 }), t('actionGradeCriteriaText', { grade: 3 })],
          [t('actionHelp'), t('actionHelpText')],
        ])]),
  ];
}

export function createDeterministicComposer(kb: KnowledgeBase): AnswerComposer {
  return {
    name: 'deterministic',
    async compose(plan) {
      const citations: Citation[] = allItems(plan).map((i) => kb.cite(i, plan.lang));
      const composed = composeAll(plan, kb).filter((b) => !(b.type === 'context' && b.text === ''));
      // A note under quotes that hold an editorial insertion, before the closing follow-ups.
      const quotedTexts = composed.flatMap((b) => (b.type === 'list' ? b.items.filter((i) => i.cite).map((i) => i.text) : b.type === 'quote' ? [b.text] : []));
      const note = insertionNote(quotedTexts, plan.lang);
      const tail = composed.findLastIndex((b) => b.type !== 'actions') + 1;
      const blocks = [...composed.slice(0, tail), ...note, ...composed.slice(tail)];
      const reply: MessageReply = { kind: 'message', lang: plan.lang, blocks, citations };
      return reply;
    },
  };
}
