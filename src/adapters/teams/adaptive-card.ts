// The small part of the Adaptive Card 1.5 schema Osaava emits. Teams renders up to 1.5 on desktop
// and mobile; nothing newer is used, and no `filtered` choice sets (they misbehave on iOS).

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

/** Data every Osaava card action carries, so a submission can be told apart from other cards' data. */
export type SayData = { osaava: 'say'; text: string; msteams?: { type: 'imBack'; value: string } };
export type SubmitData = { osaava: 'submit'; formKind: string; formId: string };

export type CardAction =
  | { type: 'Action.Submit'; title: string; data: SayData | SubmitData }
  /** Shows a card inside this one (collapsed until clicked). */
  | { type: 'Action.ShowCard'; title: string; card: AdaptiveCard }
  | { type: 'Action.Execute'; title: string; verb: string; data: SubmitData; fallback?: CardAction };

export interface Choice {
  title: string;
  value: string;
}

export type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
  separator?: boolean;
  style?: 'heading';
};

/** A run of a RichTextBlock: its text is never read as markdown (Adaptive Cards: TextRun). */
export type TextRun = {
  type: 'TextRun';
  text: string;
  weight?: 'Bolder';
  italic?: true;
  size?: 'Small';
  isSubtle?: true;
  fontType?: 'Monospace';
};

/** Text shown as written: for text a person wrote (and a file's contents). */
export type RichTextBlock = {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
  separator?: boolean;
};

export type CardElement =
  | TextBlock
  | RichTextBlock
  | {
      type: 'Container';
      items: CardElement[];
      style?: 'default' | 'emphasis';
      spacing?: 'None' | 'Small' | 'Default' | 'Medium';
      separator?: boolean;
    }
  | { type: 'ActionSet'; actions: CardAction[] }
  | {
      type: 'Input.ChoiceSet';
      id: string;
      label: string;
      choices: Choice[];
      isMultiSelect?: boolean;
      style: 'compact' | 'expanded';
      value?: string;
      isRequired?: boolean;
      errorMessage?: string;
      wrap: true;
    }
  | {
      type: 'Input.Text';
      id: string;
      label: string;
      isMultiline: boolean;
      maxLength: number;
      placeholder?: string;
      value?: string;
      isRequired?: boolean;
      errorMessage?: string;
    };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  /** Teams: use the chat's full width, so lists and forms are not squeezed. */
  msteams: { width: 'Full' };
}

export function createCard(body: CardElement[], actions?: CardAction[]): AdaptiveCard {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    msteams: { width: 'Full' },
  };
  if (actions && actions.length > 0) card.actions = actions;
  return card;
}

export function textBlock(text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** The UTF-8 size of a card as it travels inside an activity. */
export function cardBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
