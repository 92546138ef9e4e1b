// Text a person wrote is shown as written on every surface: no links, no markdown, no mentions, no HTML.
// The core marks it with `userText`; each renderer keeps it literal (Slack rich text or escaped mrkdwn,
// Teams RichTextBlock TextRuns, plain text as is).
import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../src/conversation/render-text.ts';
import { type MessageReply, textRuns, userText } from '../../src/conversation/reply.ts';
import { toMrkdwn } from '../../src/adapters/slack/block-kit-text.ts';
import { renderBlock as slackBlock, renderMessageBlocks } from '../../src/adapters/slack/render-blocks.ts';
import { renderMessage } from '../../src/adapters/teams/render-card.ts';

const EVIL = ['[Avaa arviointi](https://evil.example)', '<!channel> @here', '**x** _y_ ~z~ `c`', '<script>alert(1)</script>', '- a list\n# heading'].join('\n');

const reply = (blocks: MessageReply['blocks']): MessageReply => ({ kind: 'message', lang: 'fi', blocks, citations: [] });

const observationReply = reply([
  { type: 'heading', text: `${userText('Aino **V**')} · ${userText('Kodin <Tekniikka>')}` },
  { type: 'quote', text: userText(EVIL) },
  { type: 'paragraph', text: `Apua pyydetty: _${userText(EVIL)}_ **tärkeä**` },
  { type: 'list', items: [{ text: `⚠ ${userText(EVIL)}` }] },
  { type: 'context', text: `7.12.2026 · ${userText('<!channel>')}` },
]);

describe('textRuns', () => {
  it("keeps a person's text literal and Osaava's marks as styles around it", () => {
    expect(textRuns(`**Hei** ${userText('**x** [a](b)')} _${userText('y_z')}_`)).toEqual([
      { text: 'Hei', bold: true, italic: false, literal: false },
      { text: ' ', bold: false, italic: false, literal: false },
      { text: '**x** [a](b)', bold: false, italic: false, literal: true },
      { text: ' ', bold: false, italic: false, literal: false },
      { text: 'y_z', bold: false, italic: true, literal: true },
    ]);
  });

  it('a person cannot close or open a span of their own', () => {
    expect(textRuns(userText('a\u2069**b**\u2068c'))).toEqual([{ text: 'a**b**c', bold: false, italic: false, literal: true }]);
  });
});

describe('plain text', () => {
  it('shows what a person wrote as written, without the marks', () => {
    const text = renderPlainText(observationReply);
    expect(text).toContain(EVIL);
    expect(text).toContain('Aino **V**');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });
});

describe('Slack', () => {
  const blocks = renderMessageBlocks(observationReply);
  const json = JSON.stringify(blocks);

  it('puts a person\'s text into rich text elements, as written', () => {
    const quote = slackBlock(observationReply.blocks[1]!);
    expect(quote).toEqual([{ type: 'rich_text', elements: [{ type: 'rich_text_quote', elements: [{ type: 'text', text: EVIL }] }] }]);
    const paragraph = slackBlock(observationReply.blocks[2]!);
    expect(paragraph).toEqual([
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'Apua pyydetty: ' },
              { type: 'text', text: EVIL, style: { italic: true } },
              { type: 'text', text: ' ' },
              { type: 'text', text: 'tärkeä', style: { bold: true } },
            ],
          },
        ],
      },
    ]);
  });

  it('never sends a person\'s text as mrkdwn', () => {
    for (const block of blocks) {
      for (const text of JSON.stringify(block).matchAll(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)) {
        expect(text[1]).not.toContain('evil.example');
        expect(text[1]).not.toContain('<!channel>');
      }
    }
    expect(json).not.toContain('"type":"mrkdwn","text":"&lt;!channel&gt;');
    // The header is plain_text, which Slack never formats.
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Aino **V** · Kodin <Tekniikka>', emoji: true } });
    expect(blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'plain_text', text: '7.12.2026 · <!channel>', emoji: false }] });
  });

  it('escapes a person\'s text in mrkdwn where it must be mrkdwn: no entity, no pairing, no link', () => {
    const out = toMrkdwn(`**Hei** ${userText(EVIL)}`);
    expect(out.startsWith('*Hei* ')).toBe(true);
    expect(out).not.toMatch(/<|>/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('**x**');
    expect(out).not.toContain('https://evil.example');
    expect(out).not.toContain('evil.example');
    expect(out.replace(/\u200b/g, '')).toContain('[Avaa arviointi](https://evil.example)');
  });
});

describe('Teams', () => {
  const messages = renderMessage(observationReply);
  const card = messages[0]?.kind === 'card' ? messages[0].card : undefined;

  it('sends a card (a text message is markdown all through) with the text in TextRuns, never in a markdown TextBlock', () => {
    expect(messages.map((m) => m.kind)).toEqual(['card']);
    const json = JSON.stringify(card);
    for (const tb of json.matchAll(/"type":"TextBlock","text":"((?:[^"\\]|\\.)*)"/g)) {
      expect(tb[1]).not.toContain('evil.example');
      expect(tb[1]).not.toContain('<script>');
    }
    expect(card?.body[0]).toEqual({
      type: 'RichTextBlock',
      inlines: [
        { type: 'TextRun', text: 'Aino **V**', weight: 'Bolder' },
        { type: 'TextRun', text: ' · ', weight: 'Bolder' },
        { type: 'TextRun', text: 'Kodin <Tekniikka>', weight: 'Bolder' },
      ],
    });
    expect(card?.body[1]).toEqual({
      type: 'Container',
      style: 'emphasis',
      items: [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: '“' }, { type: 'TextRun', text: EVIL }, { type: 'TextRun', text: '”' }] }],
    });
  });

  it("keeps Osaava's own markdown text as it was", () => {
    const own = renderMessage(reply([{ type: 'paragraph', text: 'Kaikki **hyvin**' }]));
    expect(own).toEqual([{ kind: 'text', text: 'Kaikki **hyvin**' }]);
  });
});
