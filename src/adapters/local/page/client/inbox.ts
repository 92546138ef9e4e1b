// Check-ins, reminders and summaries the scheduler sends to a local user wait in the server's inbox.
// The page polls it for the selected user only and shows what arrives like an answer, forms included.
import { fetchInbox } from './api.ts';
import { addEntry, replyEntries } from './conversation.ts';
import { state } from './state.ts';
import { ui } from './ui.ts';
import type { InboxMessage } from './wire.ts';

const INBOX_POLL_MS = 3_000;
const INBOX_MAX_BACKOFF_MS = 60_000;
/** Per user: the `next` the server last gave, so a message is shown once however often it is read. */
const inboxNext = new Map<string, number>();
let inboxTimer = 0;
let inboxInFlight = false;
let inboxFailures = 0;

/** Polls now, or as soon as the poll in flight ends (it then sees which user is selected). */
export function pollInboxSoon(): void {
  if (inboxInFlight) return;
  clearTimeout(inboxTimer);
  inboxTimer = setTimeout(() => void pollInbox(), 0);
}

async function pollInbox(): Promise<void> {
  const userId = state.currentUserId;
  // A hidden tab does not poll; coming back polls at once (see visibilitychange below).
  if (!userId || document.hidden) return;
  inboxInFlight = true;
  try {
    const body = await fetchInbox(userId, inboxNext.get(userId) ?? 0);
    showInbox(userId, body.messages, body.next);
    inboxFailures = 0;
  } catch {
    // Quietly: the server may be restarting. Each failure doubles the wait, up to a minute.
    inboxFailures += 1;
  } finally {
    inboxInFlight = false;
  }
  if (!state.currentUserId) return;
  const wait = state.currentUserId !== userId
    ? 0 // the user was switched mid-poll: read the new one's inbox at once
    : Math.min(INBOX_POLL_MS * 2 ** inboxFailures, INBOX_MAX_BACKOFF_MS);
  clearTimeout(inboxTimer);
  inboxTimer = setTimeout(() => void pollInbox(), wait);
}

function showInbox(userId: string, messages: InboxMessage[], next: number | undefined): void {
  let seen = inboxNext.get(userId) ?? 0;
  const fresh = messages.filter((m) => m.seq > seen).sort((a, b) => a.seq - b.seq);
  // Follow new messages only if the reader is at the end, not reading (or filling in a form) further up.
  const follow = ui.scroller.scrollHeight - ui.scroller.scrollTop - ui.scroller.clientHeight < 80;
  for (const message of fresh) {
    const entries = replyEntries(userId, message.replies);
    seen = message.seq;
    if (entries.length === 0) continue;
    addEntry(userId, { kind: 'inbox', at: message.at, lang: message.replies[0]?.lang ?? 'fi' }, { follow: false });
    for (const entry of entries) addEntry(userId, entry, { follow });
  }
  inboxNext.set(userId, next !== undefined && next > seen ? next : seen);
}

/** Polls at once when a hidden tab is shown again. */
export function initInbox(): void {
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) pollInboxSoon();
  });
}
