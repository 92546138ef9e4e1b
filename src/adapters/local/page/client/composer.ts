// The message box: its enabled and busy state, the length counter, Enter to send.
import { formatCount } from './dom.ts';
import { currentBusy, state } from './state.ts';
import { ui } from './ui.ts';
import { MAX_TEXT_LENGTH } from './wire.ts';

const COUNTER_FROM = 3600;

/** Enables, disables and labels the composer and the starter and action buttons for the selected user. */
export function updateComposer(): void {
  const hasUser = Boolean(state.currentUserId);
  const busy = currentBusy();
  const length = ui.input.value.length;
  ui.input.disabled = !hasUser;
  ui.send.disabled = !hasUser || busy || ui.input.value.trim() === '';
  ui.typing.hidden = !busy;
  ui.sending.textContent = busy ? 'Lähetetään… / Sending…' : '';
  ui.form.setAttribute('aria-busy', String(busy));
  for (const button of document.querySelectorAll('.starter, .action')) {
    if (button instanceof HTMLButtonElement) button.disabled = !hasUser || busy;
  }
  if (length >= COUNTER_FROM) {
    const over = length > MAX_TEXT_LENGTH;
    ui.count.textContent = `${formatCount(length)} / ${formatCount(MAX_TEXT_LENGTH)}${over ? ' – liian pitkä / too long' : ''}`;
    ui.count.classList.toggle('over', over);
  } else {
    ui.count.textContent = '';
    ui.count.classList.remove('over');
  }
}

/** Grows the message box with its text, up to a limit. */
export function autosize(): void {
  ui.input.style.height = 'auto';
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 200)}px`;
}

/** Wires the composer: submitting (the button or Enter) empties the box and hands its text to `send`. */
export function initComposer(send: (text: string) => void): void {
  const submitFromComposer = (): void => {
    const text = ui.input.value;
    if (!text.trim() || !state.currentUserId || state.pending.has(state.currentUserId)) return;
    ui.input.value = '';
    autosize();
    updateComposer();
    send(text);
  };

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitFromComposer();
    ui.input.focus();
  });

  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitFromComposer();
    }
  });

  ui.input.addEventListener('input', () => {
    autosize();
    updateComposer();
  });
}
