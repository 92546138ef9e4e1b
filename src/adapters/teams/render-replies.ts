// The core's replies as Teams messages, and the one card that replaces a submitted form.
import type { Lang, Reply } from '../../conversation/reply.ts';
import { createCard, textBlock, type AdaptiveCard } from './adaptive-card.ts';
import { renderFileCards, renderMessage, renderMessageCards, type TeamsMessage } from './render-card.ts';
import { renderForm } from './render-form.ts';
import { texts } from './texts.ts';

export function renderReplies(replies: Reply[]): TeamsMessage[] {
  return replies.flatMap((reply): TeamsMessage[] => {
    switch (reply.kind) {
      case 'message':
        return renderMessage(reply);
      case 'form':
        return [{ kind: 'card', card: renderForm(reply, 'chat') }];
      case 'file':
        return renderFileCards(reply).map((card): TeamsMessage => ({ kind: 'card', card }));
    }
  });
}

/**
 * What a submitted form's card turns into: the first reply as a card (what was recorded, or the form
 * again when the core wants corrections), with anything further sent as ordinary messages.
 */
export function replacementCard(replies: Reply[], lang: Lang): { card: AdaptiveCard; rest: TeamsMessage[] } {
  const [first, ...others] = replies;
  if (!first) return { card: createCard([textBlock(texts.in(lang)('received'))]), rest: [] };
  switch (first.kind) {
    case 'form':
      return { card: renderForm(first, 'chat'), rest: renderReplies(others) };
    case 'message':
    case 'file': {
      const [card, ...overflow] = first.kind === 'message' ? renderMessageCards(first) : renderFileCards(first);
      return {
        card: card ?? createCard([textBlock(texts.in(lang)('received'))]),
        rest: [...overflow.map((c): TeamsMessage => ({ kind: 'card', card: c })), ...renderReplies(others)],
      };
    }
  }
}
