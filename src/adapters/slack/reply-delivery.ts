// Putting the core's replies where the user is: a DM, a slash command's ephemeral answer, the form
// message that was just submitted, the App Home. Errors propagate; the listener decides what to tell.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Reply } from '../../conversation/reply.ts';
import type { FormTarget } from './interaction-ids.ts';
import { renderHomeView, renderMessages, renderReplacement, type SlackMessage } from './render-reply.ts';

/** A response_url takes five posts within 30 minutes. */
const RESPONSE_URL_USES = 5;

export interface NoteTarget {
  userId: string;
  responseUrl?: string;
  channel?: string;
}

export interface ReplyDelivery {
  /** Post the replies as messages in a channel (a user id posts to their DM with the bot). */
  post(channel: string, replies: Reply[]): Promise<void>;
  /** Answer through a response_url: new ephemeral messages, or replacing the message it came from. */
  respond(responseUrl: string, replies: Reply[], mode: 'ephemeral' | 'replace'): Promise<void>;
  /** Show the replies where a submitted form was. */
  replace(target: FormTarget, userId: string, replies: Reply[]): Promise<void>;
  publishHome(userId: string, replies: Reply[]): Promise<void>;
  /** A short adapter note (unknown button, failure) only this user sees. */
  note(where: NoteTarget, text: string): Promise<void>;
}

export function createReplyDelivery(deps: { client: webApi.WebClient; fetch: typeof globalThis.fetch; logger: Logger }): ReplyDelivery {
  const { client } = deps;

  async function postResponse(url: string, body: Record<string, unknown>): Promise<void> {
    const response = await deps.fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
  }

  const messageBody = (m: SlackMessage) => ({ text: m.text, blocks: m.blocks });

  const delivery: ReplyDelivery = {
    async post(channel, replies) {
      for (const message of renderMessages(replies)) {
        await client.chat.postMessage({ channel, ...messageBody(message), unfurl_links: false, unfurl_media: false });
      }
    },
    async respond(responseUrl, replies, mode) {
      if (mode === 'replace') {
        await postResponse(responseUrl, { replace_original: true, ...messageBody(renderReplacement(replies)) });
        return;
      }
      const messages = renderMessages(replies);
      if (messages.length > RESPONSE_URL_USES) deps.logger.warn({ messages: messages.length }, 'answer longer than a response_url takes; the rest is left out');
      for (const message of messages.slice(0, RESPONSE_URL_USES)) {
        await postResponse(responseUrl, { response_type: 'ephemeral', replace_original: false, ...messageBody(message) });
      }
    },
    async replace(target, userId, replies) {
      switch (target.kind) {
        case 'message':
          await client.chat.update({ channel: target.channel, ts: target.ts, ...messageBody(renderReplacement(replies)) });
          return;
        case 'ephemeral':
          await delivery.respond(target.responseUrl, replies, 'replace');
          return;
        case 'home':
          await delivery.publishHome(userId, replies);
          return;
        case 'dm':
          await delivery.post(userId, replies);
          return;
      }
    },
    async publishHome(userId, replies) {
      await client.views.publish({ user_id: userId, view: renderHomeView(replies) });
    },
    async note(where, text) {
      if (where.responseUrl) {
        await postResponse(where.responseUrl, { response_type: 'ephemeral', replace_original: false, text });
      } else if (where.channel) {
        await client.chat.postEphemeral({ channel: where.channel, user: where.userId, text });
      } else {
        await client.chat.postMessage({ channel: where.userId, text });
      }
    },
  };
  return delivery;
}
