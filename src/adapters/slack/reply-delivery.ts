// Putting the core's replies where the user is: a DM, a slash command's ephemeral answer, the form
// message that was just submitted, the App Home. Errors propagate; the listener decides what to tell.
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { FileReply, Reply } from '../../conversation/reply.ts';
import type { FormTarget } from './interaction-ids.ts';
import { fileUpload, renderHomeView, renderMessages, renderReplacement, renderReplacementParts, type SlackMessage } from './render-reply.ts';

/** A response_url takes five posts within 30 minutes. */
const RESPONSE_URL_USES = 5;

export interface NoteTarget {
  userId: string;
  responseUrl?: string;
  channel?: string;
}

export interface ReplyDelivery {
  /** Post the replies as messages in a channel (a user id posts to their DM with the bot); in a thread when `threadTs` is given. */
  post(channel: string, replies: Reply[], threadTs?: string): Promise<void>;
  /**
   * Answer through a response_url: new ephemeral messages, or replacing the message it came from. A file
   * cannot travel through a response_url: with `userId` it is uploaded into the user's DM instead.
   */
  respond(responseUrl: string, replies: Reply[], mode: 'ephemeral' | 'replace', userId?: string): Promise<void>;
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

  /** A DM's channel id for a user id (files.completeUploadExternal shares into a channel, not to a user). */
  async function channelFor(channel: string): Promise<string> {
    if (!/^[UW]/.test(channel)) return channel;
    const opened = await client.conversations.open({ users: channel });
    const id = opened.channel?.id;
    if (!id) throw new Error('conversations.open answered without a channel');
    return id;
  }

  /** The file goes to Slack and into the channel (files.getUploadURLExternal, the upload, files.completeUploadExternal); nothing is kept here. */
  async function upload(channel: string, reply: FileReply, threadTs?: string): Promise<void> {
    const where = { channel_id: await channelFor(channel), ...fileUpload(reply) };
    await client.filesUploadV2(threadTs ? { ...where, thread_ts: threadTs } : where);
  }

  const isFile = (reply: Reply): reply is FileReply => reply.kind === 'file';

  const delivery: ReplyDelivery = {
    async post(channel, replies, threadTs) {
      // In order: messages as messages, each file as an upload where it stands.
      let pending: Reply[] = [];
      const flush = async () => {
        for (const message of renderMessages(pending)) {
          await client.chat.postMessage({ channel, ...messageBody(message), unfurl_links: false, unfurl_media: false, ...(threadTs ? { thread_ts: threadTs } : {}) });
        }
        pending = [];
      };
      for (const reply of replies) {
        if (!isFile(reply)) {
          pending.push(reply);
          continue;
        }
        await flush();
        await upload(channel, reply, threadTs);
      }
      await flush();
    },
    async respond(responseUrl, replies, mode, userId) {
      const files = userId ? replies.filter(isFile) : [];
      const shown = userId ? replies.filter((r) => !isFile(r)) : replies;
      for (const file of files) await upload(userId ?? '', file);
      if (mode === 'replace') {
        await postResponse(responseUrl, { replace_original: true, ...messageBody(renderReplacement(shown)) });
        return;
      }
      const messages = renderMessages(shown);
      for (const message of messages.slice(0, RESPONSE_URL_USES)) {
        await postResponse(responseUrl, { response_type: 'ephemeral', replace_original: false, ...messageBody(message) });
      }
      const rest = messages.slice(RESPONSE_URL_USES);
      if (rest.length === 0) return;
      // A response_url takes five posts: the rest of a longer answer goes to the user's DM, not nowhere.
      deps.logger.warn({ messages: messages.length }, 'answer longer than a response_url takes; the rest goes to the DM');
      if (!userId) throw new Error(`answer of ${messages.length} messages longer than a response_url takes, and no user to send the rest to`);
      for (const message of rest) await client.chat.postMessage({ channel: userId, ...messageBody(message), unfurl_links: false, unfurl_media: false });
    },
    async replace(target, userId, replies) {
      switch (target.kind) {
        case 'message': {
          const [first, ...rest] = renderReplacementParts(replies);
          await client.chat.update({ channel: target.channel, ts: target.ts, ...messageBody(first ?? renderReplacement(replies)) });
          for (const message of rest) await client.chat.postMessage({ channel: target.channel, ...messageBody(message), unfurl_links: false, unfurl_media: false });
          return;
        }
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
