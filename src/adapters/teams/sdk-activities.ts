// Osaava's outgoing Teams messages as Agents SDK activities.
import { Activity } from '@microsoft/agents-activity';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './adaptive-card.ts';
import type { TeamsMessage } from './render-card.ts';

export function toActivity(message: TeamsMessage): Activity {
  switch (message.kind) {
    case 'text':
      return Activity.fromObject({ type: 'message', text: message.text, textFormat: 'markdown' });
    case 'card':
      return cardActivity(message.card);
  }
}

export function cardActivity(card: AdaptiveCard, id?: string): Activity {
  return Activity.fromObject({
    type: 'message',
    ...(id ? { id } : {}),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  });
}

export function invokeResponseActivity(status: number, body: unknown): Activity {
  return Activity.fromObject({ type: 'invokeResponse', value: { status, body } });
}
