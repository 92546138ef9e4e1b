// The seam between Osaava's Teams handlers and the Agents SDK: what a handler may do within one turn.
// The SDK side lives in sdk-turn-io.ts; handlers never import the SDK.
import type { AdaptiveCard } from './adaptive-card.ts';
import type { TeamsMessage } from './render-card.ts';
import type { TeamsActivity } from './teams-activity.ts';

export interface TurnIO {
  /** The incoming activity, read through Osaava's own lenient schema. */
  readonly activity: TeamsActivity;
  /** Sends messages to the conversation (replies of this turn). */
  send(messages: TeamsMessage[]): Promise<void>;
  /** Replaces an earlier bot message (a submitted form card) with a new card. */
  update(activityId: string, card: AdaptiveCard): Promise<void>;
  /** The HTTP answer to an invoke activity (card action, message extension). */
  respond(body: unknown, status?: number): Promise<void>;
  /** The speaker's e-mail or UPN as Teams knows it, or undefined when Teams will not say. */
  lookupEmail(): Promise<string | undefined>;
}

/** Invoke response bodies Teams understands. */
export const invokeBodies = {
  /** `adaptiveCard/action`: the card that replaces the one the user acted on. */
  card: (card: AdaptiveCard) => ({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card }),
  /** `adaptiveCard/action`: a short message instead of a new card. */
  message: (text: string) => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text }),
  /** Message extension: a dialog (task module) showing a card. */
  taskCard: (title: string, card: AdaptiveCard) => ({
    task: { type: 'continue', value: { title, card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } } },
  }),
  /** Message extension: a dialog with one line of text. */
  taskMessage: (text: string) => ({ task: { type: 'message', value: text } }),
} as const;
