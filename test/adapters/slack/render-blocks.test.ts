import { describe, expect, it } from 'vitest';
import { fitBlocks, packLines, renderCitations, renderMessageBlocks, splitIntoMessages } from '../../../src/adapters/slack/render-blocks.ts';
import { renderMessages } from '../../../src/adapters/slack/render-reply.ts';
import type { Citation, MessageReply } from '../../../src/conversation/reply.ts';

const citation = (i: number): Citation => ({ id: `AH-V${i}`, kind: 'requirement', title: `Vaatimus ${i}`, text_fi: 'teksti', origin: 'Asiakkuuksien hoitaminen › Vaatimukset' });

const reply = (blocks: MessageReply['blocks'], citations: Citation[] = [], lang: 'fi' | 'en' = 'fi'): MessageReply => ({ kind: 'message', lang, blocks, citations });

describe('renderMessageBlocks', () => {
  it('turns **bold** into mrkdwn *bold*, keeps _italic_, escapes &, < and >', () => {
    const [block] = renderMessageBlocks(reply([{ type: 'paragraph', text: 'Arvosanaan **Hyvä 4** vaaditaan _itsenäistä_ työtä <!channel> & muuta' }]));
    expect(block).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Arvosanaan *Hyvä 4* vaaditaan _itsenäistä_ työtä &lt;!channel&gt; &amp; muuta' } });
  });

  it('makes a heading a plain-text header, or a bold section when over 150 characters', () => {
    expect(renderMessageBlocks(reply([{ type: 'heading', text: '**Hyvä 4**: kriteerit' }]))[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Hyvä 4: kriteerit', emoji: true } });
    expect(renderMessageBlocks(reply([{ type: 'heading', text: 'x'.repeat(151) }]))[0]).toMatchObject({ type: 'section', text: { text: `*${'x'.repeat(151)}*` } });
  });

  it('writes list items as bullets with the cite tag and the translation in italics', () => {
    const [block] = renderMessageBlocks(
      reply([{ type: 'list', items: [{ text: 'suunnittelee työnsä', cite: 'AH-G5.1', translation: 'plans their work' }, { text: 'toinen' }] }]),
    );
    expect(block).toMatchObject({ type: 'section', text: { text: '•  suunnittelee työnsä [AH-G5.1]\n      _plans their work_\n•  toinen' } });
  });

  it('splits a long list over sections of at most 3,000 characters', () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ text: `vaatimus ${i} ${'sanaa '.repeat(20)}`, cite: `AH-V${i}` }));
    const blocks = renderMessageBlocks(reply([{ type: 'list', items }]));
    expect(blocks.length).toBeGreaterThan(1);
    const texts = blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(3000);
    expect(texts.join('\n')).toContain('[AH-V59]');
  });

  it('quotes line by line, then the cite tag, then the translation', () => {
    const [block] = renderMessageBlocks(reply([{ type: 'quote', text: 'rivi 1\nrivi 2', cite: 'AH-H9', translation: 'line' }]));
    expect(block).toMatchObject({ text: { text: '>rivi 1\n>rivi 2 [AH-H9]\n_line_' } });
  });

  it('renders suggested actions as buttons that carry the text to send', () => {
    const [block] = renderMessageBlocks(reply([{ type: 'actions', actions: [{ label: 'Seuraava taso', text: 'mitä arvosanaan 5 vaaditaan' }] }]));
    expect(block).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Seuraava taso', emoji: true }, action_id: 'osaava_suggest:0', value: 'mitä arvosanaan 5 vaaditaan' }],
    });
  });

  it('puts the sources last, labelled in the reply language', () => {
    const blocks = renderMessageBlocks(reply([{ type: 'paragraph', text: 'x' }], [citation(1)], 'en'));
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '*Sources:*' },
        { type: 'mrkdwn', text: '[AH-V1] Vaatimus 1 · Asiakkuuksien hoitaminen › Vaatimukset' },
      ],
    });
    expect(renderCitations([citation(1)], 'fi')[0]?.elements[0]).toEqual({ type: 'mrkdwn', text: '*Lähteet:*' });
  });

  it('keeps at most ten elements in a context block', () => {
    const blocks = renderCitations(Array.from({ length: 25 }, (_, i) => citation(i)), 'fi');
    expect(blocks.map((b) => b.elements.length)).toEqual([10, 10, 6]);
  });
});

describe('bounding blocks', () => {
  const many = Array.from({ length: 120 }, (_, i) => ({ type: 'paragraph' as const, text: `kappale ${i}` }));

  it('posts a long answer as several messages of at most 50 blocks', () => {
    const messages = renderMessages([reply(many)]);
    expect(messages.map((m) => m.blocks.length)).toEqual([50, 50, 20]);
    expect(messages[0]?.text).toContain('kappale 0');
  });

  it('shortens to what one surface holds, and says so', () => {
    const fitted = fitBlocks(renderMessageBlocks(reply(many)), 50, 'en');
    expect(fitted).toHaveLength(50);
    expect(JSON.stringify(fitted.at(-1))).toContain('shortened');
    expect(splitIntoMessages([], 50)).toEqual([]);
  });

  it('packs lines and splits (never cuts) a line that alone is too long', () => {
    expect(packLines(['a', 'b', 'c'], 3)).toEqual(['a\nb', 'c']);
    expect(packLines(['x'.repeat(10)], 5)).toEqual(['xxxxx', 'xxxxx']);
  });
});
