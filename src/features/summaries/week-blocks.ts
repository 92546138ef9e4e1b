// The blocks that describe one student's week, shared by the staff summary and the student's own
// recap. Deterministic text in the reader's language; requirement texts quote the knowledge base.
import { formatDate, sayIn } from '../../i18n/say.ts';
import type { Block, Lang, ListItem } from '../../conversation/reply.ts';
import { DEMONSTRATION_NEAR_DAYS } from './critical-point.ts';
import type { Flag, StudentWeek } from './student-week.ts';

/** Uncovered requirements listed in full only when the end is near; otherwise the first few. */
const UNCOVERED_PREVIEW = 5;

export function decimal(value: number, lang: Lang): string {
  const text = (Math.round(value * 10) / 10).toFixed(1);
  return lang === 'fi' ? text.replace('.', ',') : text;
}

export function weekLabel(weekStart: string, weekEnd: string, lang: Lang): string {
  return `${formatDate(weekStart, lang)}–${formatDate(weekEnd, lang)}`;
}

function trend(week: StudentWeek, lang: Lang): string {
  const say = sayIn(lang);
  if (week.confidenceAvg === null) return say('varmuutta ei arvioitu', 'no confidence ratings');
  const now = decimal(week.confidenceAvg, lang);
  if (week.confidenceAvgPrevious === null) return say(`varmuus ${now}/5`, `confidence ${now}/5`);
  const diff = week.confidenceAvg - week.confidenceAvgPrevious;
  const arrow = diff >= 0.25 ? '↑' : diff <= -0.25 ? '↓' : '→';
  return say(`varmuus ${now}/5 ${arrow} (edellinen viikko ${decimal(week.confidenceAvgPrevious, lang)})`, `confidence ${now}/5 ${arrow} (week before ${decimal(week.confidenceAvgPrevious, lang)})`);
}

export function figuresLine(week: StudentWeek, lang: Lang): Block {
  const say = sayIn(lang);
  const { scheduled, answered } = week.checkins;
  return {
    type: 'paragraph',
    text: say(
      `Päivän kyselyihin vastattu **${answered}/${scheduled}** · havaintoja ${week.observations} · ${trend(week, lang)}`,
      `Daily check-ins answered **${answered}/${scheduled}** · observations ${week.observations} · ${trend(week, lang)}`,
    ),
  };
}

function requirementItem(r: { id: string; text: { fi: string; en: string } }, lang: Lang): ListItem {
  return lang === 'fi' ? { text: r.text.fi, cite: r.id } : { text: r.text.fi, translation: r.text.en, cite: r.id };
}

export function evidenceBlocks(week: StudentWeek, lang: Lang): Block[] {
  const say = sayIn(lang);
  const blocks: Block[] = [];
  if (week.touched.length > 0) {
    blocks.push({ type: 'paragraph', text: say(`Uutta näyttöä tällä viikolla (${week.touched.length}):`, `New evidence this week (${week.touched.length}):`) });
    blocks.push({ type: 'list', items: week.touched.map((r) => requirementItem(r, lang)) });
  } else {
    blocks.push({ type: 'paragraph', text: say('Tällä viikolla ei uutta näyttöä.', 'No new evidence this week.') });
  }
  blocks.push({ type: 'paragraph', text: say(`Näyttöä kertynyt yhteensä **${week.covered}/${week.total}**:`, `Evidence so far **${week.covered}/${week.total}**:`) });
  blocks.push({ type: 'list', items: week.sections.map((s) => ({ text: `${s.title[lang]}: **${s.covered}/${s.total}**` })) });
  return blocks;
}

export function uncoveredBlocks(week: StudentWeek, lang: Lang): Block[] {
  const say = sayIn(lang);
  if (week.uncovered.length === 0) return [{ type: 'paragraph', text: say('Jokaisesta vaatimuksesta on näyttöä.', 'Every requirement has evidence.') }];
  const near = week.daysToEnd >= 0 && week.daysToEnd <= DEMONSTRATION_NEAR_DAYS;
  const shown = near ? week.uncovered : week.uncovered.slice(0, UNCOVERED_PREVIEW);
  const blocks: Block[] = [
    {
      type: 'paragraph',
      text: near
        ? say(`**Vielä ilman näyttöä (${week.uncovered.length})** – jakso päättyy ${formatDate(week.endDate, lang)}:`, `**Still without evidence (${week.uncovered.length})** – the placement ends on ${formatDate(week.endDate, lang)}:`)
        : say(`Vielä ilman näyttöä (${week.uncovered.length}):`, `Still without evidence (${week.uncovered.length}):`),
    },
    { type: 'list', items: shown.map((r) => requirementItem(r, lang)) },
  ];
  if (shown.length < week.uncovered.length) {
    blocks.push({ type: 'context', text: say(`… ja ${week.uncovered.length - shown.length} muuta.`, `… and ${week.uncovered.length - shown.length} more.`) });
  }
  return blocks;
}

export function flagText(flag: Flag, lang: Lang): string {
  const say = sayIn(lang);
  switch (flag.kind) {
    case 'missed-in-a-row':
      return say(`${flag.count} päivän kyselyä peräkkäin vastaamatta`, `${flag.count} daily check-ins in a row unanswered`);
    case 'confidence-falling':
      return say(`varmuus laskussa: ${decimal(flag.from, lang)} → ${decimal(flag.to, lang)}`, `confidence falling: ${decimal(flag.from, lang)} → ${decimal(flag.to, lang)}`);
    case 'help-asked':
      return say(`pyysi apua: ${flag.texts.map((t) => `_${t}_`).join('; ')}`, `asked for help: ${flag.texts.map((t) => `_${t}_`).join('; ')}`);
    case 'unreachable':
      return say(`ei tavoitettavissa viestialustalla (${flag.detail})`, `not reachable on the chat platform (${flag.detail})`);
    case 'delivery-uncertain':
      return say(`${flag.count} kyselyn perillemeno epävarma (ei lähetetty uudelleen)`, `${flag.count} check-in deliveries uncertain (not sent again)`);
  }
}

export function flagBlocks(week: StudentWeek, lang: Lang): Block[] {
  if (week.flags.length === 0) return [];
  const say = sayIn(lang);
  return [
    { type: 'paragraph', text: say('**Huomioitavaa:**', '**Worth a look:**') },
    { type: 'list', items: week.flags.map((f) => ({ text: `⚠ ${flagText(f, lang)}` })) },
  ];
}
