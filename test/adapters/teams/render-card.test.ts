import { describe, expect, it } from 'vitest';
import type { MessageReply } from '../../../src/conversation/reply.ts';
import { cardBytes, type AdaptiveCard, type CardElement } from '../../../src/adapters/teams/adaptive-card.ts';
import { CARD_BUDGET_BYTES, italic, renderMessage, renderMessageCards, splitText } from '../../../src/adapters/teams/render-card.ts';

const gradeReply: MessageReply = {
  kind: 'message',
  lang: 'en',
  blocks: [
    { type: 'heading', text: 'Good 4' },
    { type: 'paragraph', text: 'Grade 4 needs **independent** work.' },
    { type: 'list', items: [{ text: 'suunnittelee työnsä itsenäisesti', translation: 'plans their work independently', cite: 'G4.1' }, { text: 'no source' }] },
    { type: 'quote', text: 'Opiskelija toimii rakentavasti.', translation: 'The student acts constructively.\nEven in hard situations.', cite: 'G4.2' },
    { type: 'context', text: 'Source: national criteria' },
    { type: 'actions', actions: [{ label: 'Next level', text: 'what does grade 5 require' }] },
  ],
  citations: [
    { id: 'G4.1', kind: 'criterion', title: 'Good 4: independence', text_fi: '…', origin: 'Yleiset arviointikriteerit › Hyvä 4' },
    { id: 'G4.2', kind: 'criterion', title: 'Good 4: interaction', text_fi: '…', origin: 'Yleiset arviointikriteerit › Hyvä 4' },
  ],
};

function texts(elements: CardElement[]): string[] {
  return elements.flatMap((e): string[] => {
    switch (e.type) {
      case 'TextBlock':
        return [e.text];
      case 'Container':
        return texts(e.items);
      default:
        return [];
    }
  });
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (item === undefined) throw new Error('no item');
  return item;
}

describe('renderMessage', () => {
  it('sends prose-only replies as markdown text, keeping **bold**', () => {
    const reply: MessageReply = { kind: 'message', lang: 'fi', blocks: [{ type: 'heading', text: 'Ohje' }, { type: 'paragraph', text: 'Kirjoita **help**.' }], citations: [] };
    expect(renderMessage(reply)).toEqual([{ kind: 'text', text: '**Ohje**\n\nKirjoita **help**.' }]);
  });

  it('uses an Adaptive Card 1.5 when the reply has structure', () => {
    const message = only(renderMessage(gradeReply));
    expect(message.kind).toBe('card');
    if (message.kind === 'card') expect(message.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  });
});

describe('renderMessageCards', () => {
  const card = (): AdaptiveCard => only(renderMessageCards(gradeReply));

  it('numbers cited items and resolves the numbers in a final small Sources section', () => {
    const all = texts(card().body);
    expect(all).toContain('• suunnittelee työnsä itsenäisesti [1]');
    expect(all).toContain('• no source');
    expect(all).toContain('“Opiskelija toimii rakentavasti.” [2]');
    const sources = all.indexOf('Sources');
    expect(sources).toBeGreaterThan(0);
    expect(all.slice(sources + 1)).toEqual(['[1] **Good 4: independence** — Yleiset arviointikriteerit › Hyvä 4', '[2] **Good 4: interaction** — Yleiset arviointikriteerit › Hyvä 4']);
    expect(card().body.at(-3)).toMatchObject({ type: 'TextBlock', text: 'Sources', size: 'Small', separator: true });
  });

  it('heads the sources "Lähteet" in Finnish replies', () => {
    const [fi] = renderMessageCards({ ...gradeReply, lang: 'fi' });
    expect(texts(fi?.body ?? [])).toContain('Lähteet');
  });

  it('shows translations as subtle italic text right under what they translate', () => {
    const list = card().body.find((e) => e.type === 'Container' && !e.style);
    expect(list).toMatchObject({
      items: [
        { type: 'TextBlock', text: '• suunnittelee työnsä itsenäisesti [1]' },
        { type: 'TextBlock', text: '_plans their work independently_', isSubtle: true, spacing: 'None' },
        { type: 'TextBlock', text: '• no source' },
      ],
    });
  });

  it('sets a quote apart in an emphasis container, italicising each line of its translation', () => {
    const quote = card().body.find((e) => e.type === 'Container' && e.style === 'emphasis');
    expect(quote).toMatchObject({ items: [{ text: '“Opiskelija toimii rakentavasti.” [2]' }, { text: '_The student acts constructively._\n_Even in hard situations._', isSubtle: true }] });
  });

  it('keeps **bold** for the card markdown and renders headings and context', () => {
    expect(card().body[0]).toMatchObject({ type: 'TextBlock', text: 'Good 4', weight: 'Bolder', size: 'Medium' });
    expect(texts(card().body)).toContain('Grade 4 needs **independent** work.');
    expect(card().body).toContainEqual(expect.objectContaining({ text: 'Source: national criteria', isSubtle: true, size: 'Small' }));
  });

  it('turns suggested actions into Action.Submit buttons that post the text (imBack in Teams)', () => {
    expect(card().body).toContainEqual({
      type: 'ActionSet',
      actions: [{ type: 'Action.Submit', title: 'Next level', data: { osaava: 'say', text: 'what does grade 5 require', msteams: { type: 'imBack', value: 'what does grade 5 require' } } }],
    });
  });

  it('splits a long reply into several cards, each within the budget, sources last', () => {
    const long: MessageReply = {
      ...gradeReply,
      blocks: Array.from({ length: 80 }, (_, i) => ({ type: 'paragraph' as const, text: `Kappale ${i}: ${'ä'.repeat(400)}` })),
    };
    const cards = renderMessageCards(long);
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(cardBytes(c)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const all = cards.flatMap((c) => texts(c.body));
    expect(all.filter((t) => t.startsWith('Kappale'))).toHaveLength(80);
    expect(texts(cards.at(-1)?.body ?? [])).toContain('Sources');
  });

  it('splits one paragraph that is too big on its own, losing no text', () => {
    const huge = Array.from({ length: 3000 }, (_, i) => `Lause ${i} on tässä.`).join(' ');
    const reply: MessageReply = { kind: 'message', lang: 'fi', blocks: [{ type: 'paragraph', text: huge }, { type: 'list', items: [{ text: 'x' }] }], citations: [] };
    const cards = renderMessageCards(reply, 8 * 1024);
    expect(cards.length).toBeGreaterThan(2);
    for (const c of cards) expect(cardBytes(c)).toBeLessThanOrEqual(8 * 1024);
    const joined = cards.flatMap((c) => texts(c.body)).filter((t) => t.startsWith('Lause')).join(' ');
    expect(joined.replace(/\s+/g, ' ')).toBe(huge);
  });

  it('splits a list longer than a card into several lists', () => {
    const reply: MessageReply = { kind: 'message', lang: 'fi', blocks: [{ type: 'list', items: Array.from({ length: 400 }, (_, i) => ({ text: `vaatimus ${i} ${'x'.repeat(100)}` })) }], citations: [] };
    const cards = renderMessageCards(reply);
    expect(cards.length).toBeGreaterThan(1);
    for (const c of cards) expect(cardBytes(c)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(cards.flatMap((c) => texts(c.body))).toHaveLength(400);
  });
});

describe('splitText', () => {
  it('prefers paragraph boundaries and keeps every piece within the limit', () => {
    const text = `${'a'.repeat(60)}\n\n${'b'.repeat(60)}\n\n${'c'.repeat(60)}`;
    const pieces = splitText(text, 140);
    expect(pieces).toEqual([`${'a'.repeat(60)}\n\n${'b'.repeat(60)}`, 'c'.repeat(60)]);
  });

  it('never cuts a surrogate pair', () => {
    const pieces = splitText('😀'.repeat(200), 100);
    for (const p of pieces) expect(p).not.toMatch(/[\ud800-\udbff]$/);
    expect(pieces.join('')).toBe('😀'.repeat(200));
  });
});

describe('italic', () => {
  it('wraps each non-empty line on its own', () => {
    expect(italic('one\n\ntwo ')).toBe('_one_\n\n_two_');
  });
});
