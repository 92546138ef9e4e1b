// The conversation in the log: adding entries, rendering them, sending a message, replacing a sent form.
import { ChatError, describe, postForReplies } from './api.ts';
import { autosize, updateComposer } from './composer.ts';
import { el } from './dom.ts';
import { renderForm } from './forms.ts';
import type { FormHooks } from './forms.ts';
import { renderError, renderInboxLabel, renderReply } from './render.ts';
import { entriesOf, state, withSeq } from './state.ts';
import type { Entry, FormEntry, NewEntry } from './state.ts';
import { ui } from './ui.ts';
import type { Reply } from './wire.ts';

const sendText = (text: string): void => void send(text);

const formHooks: FormHooks = { send: sendText, submitted: replaceForm };

/** Adds an entry to a user's conversation and shows it if that user is selected. follow: false leaves the scroll position alone. */
export function addEntry(userId: string, entry: NewEntry, { follow = true }: { follow?: boolean } = {}): void {
  const withId = withSeq(entry);
  entriesOf(userId).push(withId);
  if (userId === state.currentUserId) {
    ui.empty.hidden = true;
    const node = renderEntry(withId);
    ui.log.append(node);
    ui.clear.hidden = false;
    if (follow) scrollToEntry(node, withId.kind);
  }
}

/** Shows the selected user's conversation (or the empty state). */
export function renderConversation(): void {
  const entries = state.currentUserId ? entriesOf(state.currentUserId) : [];
  ui.log.replaceChildren(...entries.map(renderEntry));
  ui.empty.hidden = entries.length > 0 || !state.currentUserId;
  ui.clear.hidden = entries.length === 0;
  ui.typing.hidden = !(state.currentUserId && state.pending.has(state.currentUserId));
  ui.scroller.scrollTop = ui.scroller.scrollHeight;
}

/** Empties the selected user's conversation (the Clear button). */
export function clearConversation(): void {
  if (!state.currentUserId) return;
  state.conversations.set(state.currentUserId, []);
  renderConversation();
  ui.input.focus();
}

function scrollToEntry(node: HTMLElement, kind: Entry['kind']): void {
  // A long answer is read from its top; the user's own message just scrolls to the end.
  requestAnimationFrame(() => {
    const fits = node.offsetHeight < ui.scroller.clientHeight - 40;
    if ((kind === 'bot' || kind === 'form') && !fits) ui.scroller.scrollTop = node.offsetTop - 16;
    else ui.scroller.scrollTop = ui.scroller.scrollHeight;
  });
}

function renderEntry(entry: Entry): HTMLElement {
  switch (entry.kind) {
    case 'user':
      return el('article', { class: 'msg msg-user', attrs: { 'aria-label': 'Sinä / You' } }, [
        el('div', { class: 'bubble', text: entry.text }),
      ]);
    case 'bot':
      return renderReply(entry.reply, entry.seq, sendText);
    case 'form':
      // The node lives as long as the entry: what was ticked and typed survives switching users.
      if (!entry.node) entry.node = renderForm(entry, formHooks);
      return entry.node;
    case 'notice':
      return el('p', { class: 'msg-divider', text: entry.text, lang: entry.lang });
    case 'inbox':
      return renderInboxLabel(entry.at, entry.lang);
    case 'error':
      return renderError(entry.message, entry.retryText, sendText);
  }
}

/** Conversation entries for the core's replies. */
export function replyEntries(userId: string, replies: Reply[]): NewEntry[] {
  return replies.map((reply): NewEntry =>
    reply.kind === 'message' || reply.kind === 'file'
      ? { kind: 'bot', reply }
      : { kind: 'form', reply, userId, status: 'open', node: null });
}

/** Like Slack's chat.update: the submitted form gives its place in the conversation to the replies. */
function replaceForm(entry: FormEntry, replies: Reply[], sentNotice: NewEntry): void {
  const fresh = replyEntries(entry.userId, replies).map(withSeq);
  if (fresh.length === 0) fresh.push(withSeq(sentNotice));
  const entries = entriesOf(entry.userId);
  const at = entries.indexOf(entry);
  const node = entry.node;
  entry.node = null;
  if (at === -1) {
    // The conversation was cleared while the form was on its way: the replies still arrive.
    for (const e of fresh) addEntry(entry.userId, e);
    return;
  }
  entries.splice(at, 1, ...fresh);
  if (entry.userId !== state.currentUserId || !node || !node.isConnected) return;
  const nodes = fresh.map(renderEntry);
  node.replaceWith(...nodes);
  // Focus was on the form's button, which is gone: keep the keyboard where the reader is.
  const first = nodes[0];
  if (first) {
    first.setAttribute('tabindex', '-1');
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: 'nearest' });
  }
}

/** Sends a message as the selected user and shows the answer (or the error, with Retry when it may help). */
export async function send(rawText: string): Promise<void> {
  const text = rawText.trim();
  const userId = state.currentUserId;
  if (!text || !userId || state.pending.has(userId)) return;
  addEntry(userId, { kind: 'user', text });
  state.pending.add(userId);
  updateComposer();
  try {
    const replies = await postForReplies('chat', { user: userId, text });
    for (const entry of replyEntries(userId, replies)) addEntry(userId, entry);
  } catch (err) {
    const retryable = err instanceof ChatError && err.retryable;
    addEntry(userId, { kind: 'error', message: describe(err), retryText: retryable ? text : null });
    // A rejected message goes back into the box (if it is free) so it can be fixed and resent.
    if (!retryable && userId === state.currentUserId && !ui.input.value) {
      ui.input.value = text;
      autosize();
    }
  } finally {
    state.pending.delete(userId);
    updateComposer();
  }
}
