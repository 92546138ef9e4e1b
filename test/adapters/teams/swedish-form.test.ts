// A Swedish reader on Teams: the check-in form as an Adaptive Card, a progress reply with its sources
// and buttons, and the adapter's own words; the curriculum is still quoted in Finnish.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/adapters/teams/render-card.ts';
import { renderForm } from '../../../src/adapters/teams/render-form.ts';
import { replacementCard } from '../../../src/adapters/teams/render-replies.ts';
import { localeHint } from '../../../src/adapters/teams/teams-activity.ts';
import { texts } from '../../../src/adapters/teams/texts.ts';
import { buildCheckinForm } from '../../../src/features/checkins/checkin-form.ts';
import { buildProgressReply } from '../../../src/features/progress/progress-view.ts';
import type { Person, Placement } from '../../../src/storage/index.ts';
import { realKnowledge } from '../../support/knowledge.ts';

const { kb } = realKnowledge();
const unit = kb.defaultUnit();
const json = (value: unknown) => JSON.stringify(value);

describe('a Swedish check-in form on Teams', () => {
  const form = buildCheckinForm({ unit, placementId: 'pl_1', localDate: '2026-12-04', lang: 'sv', existing: null });
  const card = renderForm(form);

  it('has the Swedish title, labels and button, and the requirements in Finnish', () => {
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Dagens reflektion 4.12.2026' });
    const text = json(card.body);
    for (const label of ['Vad gjorde du i dag?', 'Vilka yrkeskunnighetskrav berörde ditt arbete?', 'Hur säker kände du dig?', 'Vad var svårt?', 'Behöver du hjälp med något?']) {
      expect(text).toContain(label);
    }
    const firstSection = unit.sections[0];
    expect(text).toContain(json(firstSection?.title.fi));
    expect(text).toContain(json(firstSection?.requirements[0]?.text.fi));
    expect(text).not.toContain(json(firstSection?.requirements[0]?.text.en));
    expect(card.actions?.[0]).toMatchObject({ title: 'Spara' });
  });
});

describe('a Swedish progress reply on Teams', () => {
  const student = { id: 'p1', name: 'Aino', roles: ['student'] } as unknown as Person;
  const placement = { id: 'pl_1', startDate: '2026-11-02', endDate: '2026-12-18', workplaceName: 'Kodin Tekniikka Oy' } as unknown as Placement;
  const reply = buildProgressReply(kb, { student, placement, unit, coverage: [], today: '2026-12-04' }, 'sv', true);
  const text = json(renderMessage(reply));

  it('speaks Swedish around Finnish quotes, with Swedish sources and buttons', () => {
    expect(text).toContain('Dina framsteg');
    expect(text).toContain('14 dagar kvar');
    expect(text).toContain('Arbetsplatsperioden och yrkesprovet närmar sig');
    expect(text).toContain('Källor');
    expect(text).toContain('Reflektera i dag');
    const requirement = unit.sections[0]?.requirements[0]?.text;
    expect(text).toContain(json(requirement?.fi).slice(1, -1));
    expect(text).not.toContain(json(requirement?.en).slice(1, -1));
  });
});

describe('the Teams adapter’s own words in Swedish', () => {
  it('takes Swedish from a Swedish Teams locale', () => {
    expect(localeHint('sv-FI')).toBe('sv');
    expect(texts.in('sv')('unknownUser')).toMatch(/^Jag kunde inte avgöra vem du är/);
  });

  it('replaces a submitted card with a Swedish receipt when the core says nothing', () => {
    expect(json(replacementCard([], 'sv').card)).toContain('Svaret har tagits emot.');
  });
});
