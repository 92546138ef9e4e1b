// The page's fixed elements (page.html), looked up once; a missing one stops the script at once.
import { $, el } from './dom.ts';

function typed<T extends HTMLElement>(id: string, type: new () => T): T {
  const found = $(id);
  if (!(found instanceof type)) throw new Error(`#${id} is not a ${type.name}`);
  return found;
}

export const ui = {
  notice: $('notice'),
  userList: $('user-list'),
  usersStatus: $('users-status'),
  subtitle: $('chat-subtitle'),
  clear: $('clear-button'),
  scroller: $('log-scroller'),
  empty: $('empty-state'),
  log: $('log'),
  typing: $('typing'),
  form: typed('composer', HTMLFormElement),
  input: typed('composer-input', HTMLTextAreaElement),
  send: typed('send-button', HTMLButtonElement),
  sending: $('sending-status'),
  count: $('composer-count'),
};

/** Osaava's avatar beside a message: a copy of the one in the typing indicator. */
export function botAvatar(): Node {
  const template = ui.typing.querySelector('.avatar-bot');
  const avatar = template ? template.cloneNode(true) : el('div', { class: 'avatar avatar-bot' });
  if (avatar instanceof Element) avatar.setAttribute('aria-hidden', 'true');
  return avatar;
}
