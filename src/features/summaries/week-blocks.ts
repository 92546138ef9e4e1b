// The blocks that describe one student's week, shared by the staff summary and the student's own
// recap. Deterministic text in the reader's language; requirement texts quote the knowledge base.
import { type Block, type Lang, type ListItem, userText } from '../../conversation/reply.ts';
import { formatDate } from '../../i18n/format.ts';
import { type Localized, textIn } from '../../knowledge/schema.ts';
import { DEMONSTRATION_NEAR_DAYS } from './critical-point.ts';
import type { Flag, StudentWeek } from './student-week.ts';
import { texts } from './texts.ts';

/** Uncovered requirements listed in full only when the end is near; otherwise the first few. */
const UNCOVERED_PREVIEW = 5;

/** One decimal: 3,5 in Finnish and Swedish, 3.5 in English. */
export function decimal(value: number, lang: Lang): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return lang === 'en' ? text : text.replace('.', ',');
}

export function weekLabel(weekStart: string, weekEnd: string, lang: Lang): string {
  return `${formatDate(weekStart, lang)}–${formatDate(weekEnd, lang)}`;
}

function trend(week: StudentWeek, lang: Lang): string {
  const t = texts.in(lang);
  if (week.confidenceAvg === null) return t('noConfidence');
  const now = decimal(week.confidenceAvg, lang);
  if (week.confidenceAvgPrevious === null) return t('confidence', { now });
  const diff = week.confidenceAvg - week.confidenceAvgPrevious;
  const arrow = diff >= 0.25 ? '↑' : diff <= -0.25 ? '↓' : '→';
  return t('confidenceTrend', { now, arrow, previous: decimal(week.confidenceAvgPrevious, lang) });
}

export function figuresLine(week: StudentWeek, lang: Lang): Block {
  const { scheduled, answered } = week.checkins;
  return { type: 'paragraph', text: texts.in(lang)('figures', { answered, scheduled, observations: week.observations, trend: trend(week, lang) }) };
}

/** A requirement quoted from the knowledge base: Finnish (Swedish where the base has it), with the English translation, where there is one, for English readers. */
function requirementItem(r: { id: string; text: Localized }, lang: Lang): ListItem {
  return lang === 'en' && r.text.en ? { text: r.text.fi, translation: r.text.en, cite: r.id } : { text: textIn(r.text, lang), cite: r.id };
}

export function evidenceBlocks(week: StudentWeek, lang: Lang): Block[] {
  const t = texts.in(lang);
  const several = week.units.length > 1;
  const blocks: Block[] = [];
  if (week.touched.length > 0) {
    blocks.push({ type: 'paragraph', text: t('newEvidence', { count: week.touched.length }) });
    for (const u of week.units.filter((x) => x.touched.length > 0)) {
      // With several units each list says whose requirements it holds.
      if (several) blocks.push({ type: 'context', text: textIn(u.unit.name, lang) });
      blocks.push({ type: 'list', items: u.touched.map((r) => requirementItem(r, lang)) });
    }
  } else {
    blocks.push({ type: 'paragraph', text: t('noNewEvidence') });
  }
  for (const u of week.units) {
    const figures = { covered: u.covered, total: u.total };
    blocks.push({ type: 'paragraph', text: several ? t('unitEvidenceSoFar', { unit: textIn(u.unit.name, lang), ...figures }) : t('evidenceSoFar', figures) });
    blocks.push({ type: 'list', items: u.sections.map((s) => ({ text: `${textIn(s.title, lang)}: **${s.covered}/${s.total}**` })) });
  }
  return blocks;
}

/** What is still uncovered before each unit's skills demonstration: in full when the end is near, else the first few. */
export function uncoveredBlocks(week: StudentWeek, lang: Lang): Block[] {
  const t = texts.in(lang);
  const near = week.daysToEnd >= 0 && week.daysToEnd <= DEMONSTRATION_NEAR_DAYS;
  const several = week.units.length > 1;
  return week.units.flatMap((u): Block[] => {
    const unit = textIn(u.unit.name, lang);
    const count = u.uncovered.length;
    if (count === 0) return [{ type: 'paragraph', text: several ? t('unitAllCovered', { unit }) : t('allCovered') }];
    const shown = near ? u.uncovered : u.uncovered.slice(0, UNCOVERED_PREVIEW);
    const endDate = formatDate(week.endDate, lang);
    const heading = several
      ? near ? t('unitUncoveredNearEnd', { unit, count, endDate }) : t('unitUncovered', { unit, count })
      : near ? t('uncoveredNearEnd', { count, endDate }) : t('uncovered', { count });
    const blocks: Block[] = [
      { type: 'paragraph', text: heading },
      { type: 'list', items: shown.map((r) => requirementItem(r, lang)) },
    ];
    if (shown.length < count) blocks.push({ type: 'context', text: t('andMore', { count: count - shown.length }) });
    return blocks;
  });
}

export function flagText(flag: Flag, lang: Lang): string {
  const t = texts.in(lang);
  switch (flag.kind) {
    case 'missed-in-a-row':
      return t('flagMissedInARow', { count: flag.count });
    case 'confidence-falling':
      return t('flagConfidenceFalling', { from: decimal(flag.from, lang), to: decimal(flag.to, lang) });
    case 'help-asked':
      return t('flagHelpAsked', { texts: flag.texts.map((text) => `_${userText(text)}_`).join('; ') });
    case 'unreachable':
      return t('flagUnreachable', { detail: flag.detail });
    case 'delivery-uncertain':
      return t('flagDeliveryUncertain', { count: flag.count });
  }
}

export function flagBlocks(week: StudentWeek, lang: Lang): Block[] {
  if (week.flags.length === 0) return [];
  return [
    { type: 'paragraph', text: texts.in(lang)('flagsHeading') },
    { type: 'list', items: week.flags.map((f) => ({ text: `⚠ ${flagText(f, lang)}` })) },
  ];
}
