// The core's replies per Slack surface: messages to post (split to fit), one message to replace,
// a Home tab. Pure.
import type { types } from '@slack/bolt';
import type { FileReply, Lang, Reply } from '../../conversation/reply.ts';
import { LIMITS, toMrkdwn, truncate } from './block-kit-text.ts';
import { context, fallbackText, fitBlocks, renderMessageBlocks, sectionsOf, splitIntoMessages, withoutEmptyTexts } from './render-blocks.ts';
import { renderFormBlocks } from './render-form.ts';

type KnownBlock = types.KnownBlock;

export interface SlackMessage {
  /** Notification and accessibility text. */
  text: string;
  blocks: KnownBlock[];
}

export function renderReplyBlocks(reply: Reply): KnownBlock[] {
  switch (reply.kind) {
    case 'message':
      return renderMessageBlocks(reply);
    case 'form':
      return renderFormBlocks(reply);
    case 'file':
      return renderFileNote(reply);
  }
}

/**
 * Where a file cannot go (a replaced form, the Home tab, a response_url without a user), its comment and
 * name are shown; the delivery uploads the file itself wherever it can (`fileUpload`).
 */
export function renderFileNote(reply: FileReply): KnownBlock[] {
  return withoutEmptyTexts([...sectionsOf(toMrkdwn(reply.comment)), context([`📎 ${reply.name}`])]);
}

/** What `files.uploadV2` gets for a file reply: the file, and the comment as the message introducing it. */
export function fileUpload(reply: FileReply): { filename: string; title: string; content: string; initial_comment: string } {
  return { filename: reply.name, title: reply.name, content: reply.content, initial_comment: truncate(toMrkdwn(reply.comment), LIMITS.fallbackText) };
}

/** Messages to post for the replies: one per reply, a long one split over several. */
export function renderMessages(replies: Reply[]): SlackMessage[] {
  return replies.flatMap((reply) => {
    const text = fallbackText(reply);
    // A form fits one message by construction (its inputs and submit button must stay together).
    if (reply.kind === 'form') return [{ text, blocks: renderFormBlocks(reply) }];
    if (reply.kind === 'file') return [{ text, blocks: renderFileNote(reply) }];
    return splitIntoMessages(withoutEmptyTexts(renderMessageBlocks(reply))).map((chunk) => ({ text, blocks: chunk }));
  });
}

const divider: KnownBlock = { type: 'divider' };

function joined(replies: Reply[]): KnownBlock[] {
  return replies.flatMap((reply, i) => (i === 0 ? renderReplyBlocks(reply) : [divider, ...renderReplyBlocks(reply)]));
}

const langOf = (replies: Reply[]): Lang => replies[0]?.lang ?? 'fi';

/** All replies as the one message that replaces a form after it was submitted. */
export function renderReplacement(replies: Reply[]): SlackMessage {
  return {
    text: replies.map(fallbackText).join('\n').slice(0, LIMITS.fallbackText) || ' ',
    blocks: fitBlocks(withoutEmptyTexts(joined(replies)), LIMITS.blocksPerMessage, langOf(replies)),
  };
}

/**
 * All replies for where a submitted form message was: the first message replaces the form, the rest (an
 * answer longer than one message's 50 blocks) follow as new messages, so nothing is left out.
 */
export function renderReplacementParts(replies: Reply[]): SlackMessage[] {
  const text = replies.map(fallbackText).join('\n').slice(0, LIMITS.fallbackText) || ' ';
  const chunks = splitIntoMessages(withoutEmptyTexts(joined(replies)));
  return chunks.length ? chunks.map((blocks) => ({ text, blocks })) : [{ text, blocks: [] }];
}

/** The App Home tab. */
export function renderHomeView(replies: Reply[]): types.HomeView {
  return { type: 'home', blocks: fitBlocks(withoutEmptyTexts(joined(replies)), LIMITS.blocksPerView, langOf(replies)) };
}
