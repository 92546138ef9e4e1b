// The user picker: whom the person at the keyboard acts as (remembered in localStorage).
import { describe, fetchUsers } from './api.ts';
import { updateComposer } from './composer.ts';
import { renderConversation } from './conversation.ts';
import { el, errorBox } from './dom.ts';
import { pollInboxSoon } from './inbox.ts';
import { currentUser, state } from './state.ts';
import { ui } from './ui.ts';
import type { LocalUser } from './wire.ts';

const STORAGE_KEY = 'osaava.localChat.userId';

const ROLE_LABELS: Record<string, readonly [fi: string, en: string] | undefined> = {
  student: ['Opiskelija', 'Student'],
  instructor: ['Työpaikkaohjaaja', 'Instructor'],
  teacher: ['Opettaja', 'Teacher'],
  admin: ['Ylläpitäjä', 'Admin'],
};

function roleLabel(role: string): string {
  const known = ROLE_LABELS[role];
  return known ? `${known[0]} · ${known[1]}` : role;
}

function shortRole(role: string): string {
  const known = ROLE_LABELS[role];
  return known ? known[0] : role;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0] ?? '', parts[parts.length - 1] ?? ''] : parts;
  return letters.map((p) => Array.from(p)[0] ?? '').join('').toUpperCase() || '?';
}

function userAvatar(user: LocalUser): HTMLElement {
  return el('div', {
    class: 'avatar',
    text: initials(user.name),
    attrs: { 'aria-hidden': 'true', 'data-role': user.roles[0] ?? 'none' },
  });
}

function renderUsers(): void {
  ui.userList.replaceChildren();
  state.users.forEach((user, index) => {
    const input = el('input', { attrs: { type: 'radio', name: 'user', value: user.id, id: `user-${index}` } });
    input.checked = user.id === state.currentUserId;
    // Arrow keys move through the radios, so only a pointer pick sends focus on to the message box.
    input.addEventListener('change', () => {
      if (input.checked) selectUser(user.id, { focus: false });
    });
    const roles = el('span', { class: 'user-roles' }, user.roles.map((role) =>
      el('span', { class: 'role-badge', text: roleLabel(role), attrs: { 'data-role': role } })));
    const card = el('span', { class: 'user-card' }, [
      userAvatar(user),
      el('span', { class: 'user-name', text: user.name }),
      roles,
    ]);
    if (user.description) card.append(el('span', { class: 'user-description', text: user.description }));
    const label = el('label', { class: 'user-option', attrs: { for: input.id } }, [input, card]);
    card.addEventListener('click', (event) => {
      if (event.detail > 0) setTimeout(() => ui.input.focus(), 0);
    });
    ui.userList.append(label);
  });
  ui.userList.setAttribute('aria-busy', 'false');
}

/** Loads the users, shows them and selects the remembered one (or the first); on failure offers Retry. */
export async function loadUsers(): Promise<void> {
  ui.usersStatus.replaceChildren(el('span', { text: 'Ladataan käyttäjiä… / Loading users…' }));
  try {
    const body = await fetchUsers();
    state.users = body.users;
    if (body.notice) {
      ui.notice.textContent = body.notice;
      ui.notice.hidden = false;
    }
    ui.usersStatus.replaceChildren();
    if (state.users.length === 0) {
      ui.usersStatus.replaceChildren(el('span', { text: 'Ei demokäyttäjiä. / No demo users configured.' }));
    }
    const remembered = readStoredUser();
    const initial = state.users.find((u) => u.id === remembered) ?? state.users[0];
    renderUsers();
    if (initial) selectUser(initial.id, { focus: true });
  } catch (err) {
    const retry = el('button', { class: 'error-retry', text: 'Yritä uudelleen / Retry', attrs: { type: 'button' } });
    retry.addEventListener('click', () => void loadUsers());
    ui.usersStatus.replaceChildren(errorBox('Käyttäjiä ei saatu ladattua · Could not load users', describe(err), retry));
  }
}

function readStoredUser(): string | null {
  try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
}

function storeUser(id: string): void {
  try { localStorage.setItem(STORAGE_KEY, id); } catch { /* storage may be disabled; the choice then lasts this visit */ }
}

function selectUser(id: string, { focus }: { focus: boolean }): void {
  state.currentUserId = id;
  storeUser(id);
  for (const input of ui.userList.querySelectorAll('input[name="user"]')) {
    if (input instanceof HTMLInputElement) input.checked = input.value === id;
  }
  const user = currentUser();
  if (user) {
    ui.subtitle.replaceChildren(
      document.createTextNode('Toimit käyttäjänä · Acting as '),
      el('strong', { text: user.name }),
      document.createTextNode(user.roles.length ? ` (${user.roles.map(shortRole).join(', ')})` : ''),
    );
  }
  renderConversation();
  updateComposer();
  if (focus) ui.input.focus();
  pollInboxSoon();
}
