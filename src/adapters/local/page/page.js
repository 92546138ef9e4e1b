// Osaava local chat page. Plain browser JS, no dependencies, inlined into page.html by chat-page.ts.
// Every text from the server goes into the DOM through text nodes: never innerHTML (XSS-safe).
'use strict';
(() => {
  const MAX_TEXT_LENGTH = 4000;
  const COUNTER_FROM = 3600;
  const REQUEST_TIMEOUT_MS = 120_000;
  const STORAGE_KEY = 'osaava.localChat.userId';

  const STARTERS = {
    fi: ['Mitä arvosanaan 4 vaaditaan?', 'Miten näyttö arvioidaan?', 'edistymiseni', 'apua'],
    en: ['What does grade 3 require?', 'How is a skills demonstration assessed?', 'my progress', 'help'],
  };

  const ROLE_LABELS = {
    student: ['Opiskelija', 'Student'],
    instructor: ['Työpaikkaohjaaja', 'Instructor'],
    teacher: ['Opettaja', 'Teacher'],
    admin: ['Ylläpitäjä', 'Admin'],
  };

  const $ = (id) => {
    const found = document.getElementById(id);
    if (!found) throw new Error(`missing #${id}`);
    return found;
  };
  const ui = {
    notice: $('notice'),
    userList: $('user-list'),
    usersStatus: $('users-status'),
    subtitle: $('chat-subtitle'),
    clear: $('clear-button'),
    scroller: $('log-scroller'),
    empty: $('empty-state'),
    log: $('log'),
    typing: $('typing'),
    form: $('composer'),
    input: $('composer-input'),
    send: $('send-button'),
    sending: $('sending-status'),
    count: $('composer-count'),
  };

  /** @type {{id: string, name: string, roles: string[], description?: string}[]} */
  let users = [];
  /** @type {string | null} */
  let currentUserId = null;
  /** Per user: the entries of their conversation, so switching users keeps separate views. */
  const conversations = new Map();
  /** Users whose request is in flight. */
  const pending = new Set();
  let messageSeq = 0;

  // ---- DOM helpers ---------------------------------------------------------------------------------

  /**
   * @param {string} tag
   * @param {{class?: string, text?: string, lang?: string, attrs?: Record<string, string>}} [opts]
   * @param {(Node | string)[]} [children]
   */
  function el(tag, opts = {}, children = []) {
    const node = document.createElement(tag);
    if (opts.class) node.className = opts.class;
    if (opts.lang) node.lang = opts.lang;
    if (opts.attrs) for (const [k, v] of Object.entries(opts.attrs)) node.setAttribute(k, v);
    if (opts.text !== undefined) node.textContent = opts.text;
    node.append(...children);
    return node;
  }

  function svgIcon(paths) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    for (const d of paths) {
      const path = document.createElementNS(ns, 'path');
      path.setAttribute('d', d);
      path.setAttribute('fill', 'none');
      path.setAttribute('stroke', 'currentColor');
      path.setAttribute('stroke-width', '2');
      path.setAttribute('stroke-linecap', 'round');
      svg.append(path);
    }
    return svg;
  }

  function botAvatar() {
    const template = ui.typing.querySelector('.avatar-bot');
    const avatar = template ? template.cloneNode(true) : el('div', { class: 'avatar avatar-bot' });
    if (avatar instanceof Element) avatar.setAttribute('aria-hidden', 'true');
    return avatar;
  }

  // **bold** and _italic_ only; everything else stays literal text. `_` inside words (snake_case) is not italic.
  const INLINE = /\*\*(?=\S)(.+?)(?<=\S)\*\*|(?<![\p{L}\p{N}_])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}_])/gsu;

  /** @param {Node} parent @param {string} text */
  function appendInline(parent, text) {
    let last = 0;
    for (const match of String(text).matchAll(INLINE)) {
      const index = match.index ?? 0;
      if (index > last) parent.appendChild(document.createTextNode(text.slice(last, index)));
      const [, bold, italic] = match;
      const node = document.createElement(bold !== undefined ? 'strong' : 'em');
      appendInline(node, bold !== undefined ? bold : italic);
      parent.appendChild(node);
      last = index + match[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function inline(tag, text, opts = {}) {
    const node = el(tag, opts);
    appendInline(node, typeof text === 'string' ? text : '');
    return node;
  }

  function formatCount(n) {
    return n.toLocaleString('fi-FI');
  }

  // ---- Users ---------------------------------------------------------------------------------------

  function roleLabel(role) {
    const known = ROLE_LABELS[role];
    return known ? `${known[0]} · ${known[1]}` : role;
  }

  function shortRole(role) {
    const known = ROLE_LABELS[role];
    return known ? known[0] : role;
  }

  function initials(name) {
    const parts = name.trim().split(/\s+/).filter(Boolean);
    const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
    return letters.map((p) => Array.from(p)[0] ?? '').join('').toUpperCase() || '?';
  }

  function userAvatar(user) {
    return el('div', {
      class: 'avatar',
      text: initials(user.name),
      attrs: { 'aria-hidden': 'true', 'data-role': user.roles[0] ?? 'none' },
    });
  }

  function renderUsers() {
    ui.userList.replaceChildren();
    for (const user of users) {
      const input = el('input', { attrs: { type: 'radio', name: 'user', value: user.id, id: `user-${users.indexOf(user)}` } });
      if (!(input instanceof HTMLInputElement)) continue;
      input.checked = user.id === currentUserId;
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
    }
    ui.userList.setAttribute('aria-busy', 'false');
  }

  async function loadUsers() {
    ui.usersStatus.replaceChildren(el('span', { text: 'Ladataan käyttäjiä… / Loading users…' }));
    try {
      const response = await fetch(apiUrl('users'), { headers: { Accept: 'application/json' } });
      const body = await readJson(response);
      if (!response.ok || !body || !Array.isArray(body.users)) {
        throw new Error(errorMessage(body) ?? `HTTP ${response.status}`);
      }
      users = body.users.filter((u) => u && typeof u.id === 'string' && typeof u.name === 'string')
        .map((u) => ({ ...u, roles: Array.isArray(u.roles) ? u.roles.map(String) : [] }));
      if (typeof body.notice === 'string' && body.notice.trim()) {
        ui.notice.textContent = body.notice;
        ui.notice.hidden = false;
      }
      ui.usersStatus.replaceChildren();
      if (users.length === 0) {
        ui.usersStatus.replaceChildren(el('span', { text: 'Ei demokäyttäjiä. / No demo users configured.' }));
      }
      const remembered = readStoredUser();
      const initial = users.find((u) => u.id === remembered) ?? users[0];
      renderUsers();
      if (initial) selectUser(initial.id, { focus: true });
    } catch (err) {
      const retry = el('button', { class: 'error-retry', text: 'Yritä uudelleen / Retry', attrs: { type: 'button' } });
      retry.addEventListener('click', () => void loadUsers());
      ui.usersStatus.replaceChildren(errorBox('Käyttäjiä ei saatu ladattua · Could not load users', describe(err), retry));
    }
  }

  function readStoredUser() {
    try { return localStorage.getItem(STORAGE_KEY); } catch { return null; }
  }

  function storeUser(id) {
    try { localStorage.setItem(STORAGE_KEY, id); } catch { /* storage may be disabled; the choice then lasts this visit */ }
  }

  function currentUser() {
    return users.find((u) => u.id === currentUserId) ?? null;
  }

  function selectUser(id, { focus }) {
    currentUserId = id;
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

  // ---- Conversation state ---------------------------------------------------------------------------

  function entriesOf(userId) {
    let entries = conversations.get(userId);
    if (!entries) {
      entries = [];
      conversations.set(userId, entries);
    }
    return entries;
  }

  /** @param {{follow?: boolean}} [opts] follow: false leaves the scroll position alone. */
  function addEntry(userId, entry, { follow = true } = {}) {
    const withId = { ...entry, seq: ++messageSeq };
    entriesOf(userId).push(withId);
    if (userId === currentUserId) {
      ui.empty.hidden = true;
      const node = renderEntry(withId);
      ui.log.append(node);
      ui.clear.hidden = false;
      if (follow) scrollToEntry(node, withId.kind);
    }
  }

  function renderConversation() {
    const entries = currentUserId ? entriesOf(currentUserId) : [];
    ui.log.replaceChildren(...entries.map(renderEntry));
    ui.empty.hidden = entries.length > 0 || !currentUserId;
    ui.clear.hidden = entries.length === 0;
    ui.typing.hidden = !(currentUserId && pending.has(currentUserId));
    ui.scroller.scrollTop = ui.scroller.scrollHeight;
  }

  function scrollToEntry(node, kind) {
    // A long answer is read from its top; the user's own message just scrolls to the end.
    requestAnimationFrame(() => {
      const fits = node.offsetHeight < ui.scroller.clientHeight - 40;
      if ((kind === 'bot' || kind === 'form') && !fits) ui.scroller.scrollTop = node.offsetTop - 16;
      else ui.scroller.scrollTop = ui.scroller.scrollHeight;
    });
  }

  function renderEntry(entry) {
    switch (entry.kind) {
      case 'user':
        return el('article', { class: 'msg msg-user', attrs: { 'aria-label': 'Sinä / You' } }, [
          el('div', { class: 'bubble', text: entry.text }),
        ]);
      case 'bot':
        return renderReply(entry.reply, entry.seq);
      case 'form':
        // The node lives as long as the entry: what was ticked and typed survives switching users.
        if (!entry.node) entry.node = renderForm(entry);
        return entry.node;
      case 'notice':
        return el('p', { class: 'msg-divider', text: entry.text, lang: entry.lang });
      case 'inbox':
        return renderInboxLabel(entry);
      case 'error':
        return renderError(entry);
      default:
        return el('div');
    }
  }

  // ---- Replies --------------------------------------------------------------------------------------

  function renderReply(reply, seq) {
    const lang = reply.lang === 'en' ? 'en' : 'fi';
    const citations = Array.isArray(reply.citations) ? reply.citations : [];
    /** Anchor ids of this message's sources by citation id; generated, never taken from the data. */
    const anchors = new Map();
    citations.forEach((c, i) => {
      if (c && typeof c.id === 'string' && !anchors.has(c.id)) anchors.set(c.id, `src-${seq}-${i}`);
    });
    const card = el('div', { class: 'card' });
    for (const block of Array.isArray(reply.blocks) ? reply.blocks : []) {
      const node = renderBlock(block, lang, anchors);
      if (node) card.append(node);
    }
    if (citations.length > 0) card.append(renderSources(citations, anchors));
    return el('article', { class: 'msg msg-bot', lang, attrs: { 'aria-label': 'Osaava' } }, [botAvatar(), card]);
  }

  function renderBlock(block, lang, anchors) {
    if (!block || typeof block !== 'object') return null;
    switch (block.type) {
      case 'heading':
        return inline('h3', block.text, { class: 'block-heading' });
      case 'paragraph':
        return inline('p', block.text, { class: 'block-paragraph' });
      case 'context':
        return inline('p', block.text, { class: 'block-context' });
      case 'list': {
        const items = Array.isArray(block.items) ? block.items : [];
        return el('ul', { class: 'block-list' }, items.map((item) => renderListItem(item, lang, anchors)));
      }
      case 'quote': {
        const verbatim = Boolean(block.translation || block.cite);
        const figure = el('figure', { class: 'block-quote' }, [
          el('blockquote', verbatim ? { lang: 'fi' } : {}, [inline('span', block.text)]),
        ]);
        if (block.translation) figure.append(inline('span', block.translation, { class: 'translation', lang }));
        if (block.cite) figure.append(el('figcaption', {}, [citeTag(block.cite, anchors)]));
        return figure;
      }
      case 'actions': {
        const actions = Array.isArray(block.actions) ? block.actions : [];
        const group = el('div', { class: 'block-actions', attrs: { role: 'group', 'aria-label': 'Ehdotukset / Suggestions' } });
        for (const action of actions) {
          if (!action || typeof action.text !== 'string') continue;
          const button = el('button', { class: 'action', text: action.label || action.text, attrs: { type: 'button' } });
          button.addEventListener('click', () => send(action.text));
          group.append(button);
        }
        return group;
      }
      default:
        return null; // a block type this page does not know yet: skip it rather than show raw data
    }
  }

  function renderListItem(item, lang, anchors) {
    const li = el('li');
    if (!item || typeof item !== 'object') return li;
    // A translation means the item is a verbatim Finnish quote shown to an English reader.
    li.append(inline('span', item.text, { class: 'item-text', ...(item.translation ? { lang: 'fi' } : {}) }));
    if (item.cite) li.append(citeTag(item.cite, anchors));
    if (item.translation) li.append(inline('span', item.translation, { class: 'translation', lang }));
    return li;
  }

  function citeTag(id, anchors) {
    const label = `[${String(id)}]`;
    const anchor = anchors.get(id);
    if (!anchor) return el('span', { class: 'cite', text: label });
    const link = el('a', {
      class: 'cite',
      text: label,
      attrs: { href: `#${anchor}`, 'aria-label': `Lähde / Source ${String(id)}` },
    });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const target = document.getElementById(anchor);
      const details = target?.closest('details');
      if (!target || !details) return;
      details.open = true;
      target.classList.remove('flash');
      void target.offsetWidth; // restart the highlight animation
      target.classList.add('flash');
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    });
    return link;
  }

  function renderSources(citations, anchors) {
    const list = el('ol');
    const seen = new Set();
    for (const c of citations) {
      if (!c || typeof c.id !== 'string') continue;
      const item = el('li', { class: 'source', attrs: { tabindex: '-1' } }, [
        el('span', { class: 'cite', text: `[${c.id}]` }),
        el('span', { class: 'source-title', text: typeof c.title === 'string' ? c.title : '' }),
        el('span', { class: 'source-origin', text: typeof c.origin === 'string' ? c.origin : '' }),
      ]);
      // The first source with an id is where its cite tags jump to.
      const anchor = anchors.get(c.id);
      if (anchor && !seen.has(c.id)) item.id = anchor;
      seen.add(c.id);
      list.append(item);
    }
    const summary = el('summary', {}, [
      el('span', { text: 'Lähteet / Sources' }),
      el('span', { class: 'count', text: String(list.children.length), attrs: { 'aria-hidden': 'true' } }),
    ]);
    return el('details', { class: 'sources' }, [summary, list]);
  }

  /** Conversation entries for the core's replies; reply kinds this page does not know are skipped. */
  function replyEntries(userId, replies) {
    const entries = [];
    for (const reply of Array.isArray(replies) ? replies : []) {
      if (reply && reply.kind === 'message') entries.push({ kind: 'bot', reply });
      else if (reply && reply.kind === 'form') entries.push({ kind: 'form', reply, userId, status: 'open', node: null });
    }
    return entries;
  }

  // ---- Forms ----------------------------------------------------------------------------------------
  // A FormReply becomes an HTML form in the bot's bubble. Its chrome speaks the reply's language.

  const FORM_TEXT = {
    fi: {
      required: 'pakollinen',
      optional: 'valinnainen',
      requiredNote: 'Tähdellä (*) merkityt kohdat ovat pakollisia.',
      choose: '– Valitse –',
      selected: (n, total) => `${n}/${total} valittu`,
      maxChars: (max) => `Enintään ${formCount(max, 'fi')} merkkiä.`,
      pickAtLeastOne: 'Valitse vähintään yksi.',
      pickOne: 'Valitse yksi vaihtoehto.',
      fillIn: 'Täytä tämä kohta.',
      tooLong: (n, max) => `Teksti on liian pitkä: ${formCount(n, 'fi')}/${formCount(max, 'fi')} merkkiä.`,
      checkFields: 'Tarkista merkityt kohdat.',
      sending: 'Lähetetään…',
      failed: 'Lomaketta ei voitu lähettää',
      sent: 'lähetetty',
    },
    en: {
      required: 'required',
      optional: 'optional',
      requiredNote: 'Items marked with an asterisk (*) are required.',
      choose: '– Choose –',
      selected: (n, total) => `${n}/${total} selected`,
      maxChars: (max) => `At most ${formCount(max, 'en')} characters.`,
      pickAtLeastOne: 'Choose at least one.',
      pickOne: 'Choose one of the options.',
      fillIn: 'Fill this in.',
      tooLong: (n, max) => `The text is too long: ${formCount(n, 'en')}/${formCount(max, 'en')} characters.`,
      checkFields: 'Check the marked items.',
      sending: 'Sending…',
      failed: 'The form could not be sent',
      sent: 'sent',
    },
  };
  /** From this many options on, a multi-select folds its groups, so a unit's 25 requirements stay scannable. */
  const FOLD_OPTIONS_FROM = 9;
  const MAX_RATING_STEPS = 11;

  function formCount(n, lang) {
    return n.toLocaleString(lang === 'en' ? 'en-GB' : 'fi-FI');
  }

  function textOf(value) {
    return typeof value === 'string' ? value : '';
  }

  function validOptions(options) {
    return (Array.isArray(options) ? options : []).filter((o) => o && typeof o.value === 'string');
  }

  /** The visible name of a field, with its required (*) or optional mark. */
  function fieldLabel(tag, field, t, attrs = {}) {
    const node = el(tag, { class: 'field-label', attrs }, [el('span', { text: textOf(field.label) })]);
    if (field.optional) {
      node.append(el('span', { class: 'field-optional', text: t.optional }));
    } else {
      node.append(
        el('span', { class: 'field-required', text: '*', attrs: { 'aria-hidden': 'true' } }),
        el('span', { class: 'visually-hidden', text: ` (${t.required})` }),
      );
    }
    return node;
  }

  /**
   * Each renderer returns the field's node and how to read, check and focus it, so the form never reads
   * values back by name from the DOM (names and ids are generated; the server's ids stay data).
   * @returns {{node: Element, read(): unknown, validate(): string | null, focus(): void, setError(message: string | null): void} | null}
   */
  function renderField(field, id, t, lang) {
    if (!field || typeof field !== 'object' || typeof field.id !== 'string' || !field.id) return null;
    switch (field.type) {
      case 'multi-select':
        return renderMultiSelect(field, id, t);
      case 'select':
        return renderSelect(field, id, t);
      case 'rating':
        return renderRating(field, id, t);
      case 'text':
        return renderTextField(field, id, t, lang);
      default:
        return null; // a field type this page does not know yet
    }
  }

  function fieldError(id) {
    return el('p', { class: 'field-error', attrs: { id } });
  }

  /** Shows or clears a field's message and marks its controls invalid for assistive technology. */
  function errorSetter(errorNode, wrapper, controls) {
    return (message) => {
      errorNode.textContent = message ?? '';
      wrapper.classList.toggle('has-error', Boolean(message));
      for (const control of controls()) {
        if (message) control.setAttribute('aria-invalid', 'true');
        else control.removeAttribute('aria-invalid');
      }
    };
  }

  function renderMultiSelect(field, id, t) {
    const groups = (Array.isArray(field.groups) ? field.groups : []).filter((g) => g && Array.isArray(g.options));
    const initial = new Set(Array.isArray(field.initial) ? field.initial.map(String) : []);
    const total = groups.reduce((sum, g) => sum + validOptions(g.options).length, 0);
    const fold = total >= FOLD_OPTIONS_FROM && groups.length > 1;
    const errorId = `${id}-error`;
    const fieldset = el('fieldset', { class: 'form-field field-multi', attrs: { 'aria-describedby': errorId } });
    fieldset.append(fieldLabel('legend', field, t));
    /** @type {{box: HTMLInputElement, value: string, group: Element | null}[]} */
    const boxes = [];
    groups.forEach((group, g) => {
      const options = validOptions(group.options);
      const list = el('div', { class: 'option-list' });
      /** @type {HTMLInputElement[]} */
      const own = [];
      options.forEach((option, o) => {
        const box = el('input', { attrs: { type: 'checkbox', id: `${id}-g${g}-o${o}` } });
        if (!(box instanceof HTMLInputElement)) return;
        box.checked = initial.has(option.value);
        own.push(box);
        boxes.push({ box, value: option.value, group: null });
        list.append(el('label', { class: 'option', attrs: { for: box.id } }, [
          box,
          el('span', { class: 'option-label', text: textOf(option.label) || option.value }),
        ]));
      });
      const count = el('span', { class: 'group-count' });
      const updateCount = () => {
        const n = own.filter((box) => box.checked).length;
        count.textContent = t.selected(n, own.length);
        count.classList.toggle('has-selection', n > 0);
      };
      list.addEventListener('change', updateCount);
      updateCount();
      const name = el('span', { class: 'group-name', text: textOf(group.label) });
      let groupNode;
      if (fold) {
        // The summary is what is seen; the hidden legend names the checkboxes' group for screen readers.
        const details = el('details', { class: 'option-group' }, [
          el('summary', {}, [name, count]),
          el('fieldset', { class: 'option-set' }, [el('legend', { class: 'visually-hidden', text: textOf(group.label) }), list]),
        ]);
        if (details instanceof HTMLDetailsElement) {
          details.open = own.some((box) => box.checked) || (initial.size === 0 && g === 0);
        }
        groupNode = details;
      } else {
        groupNode = el('fieldset', { class: 'option-group' }, [el('legend', { class: 'group-legend' }, [name, count]), list]);
      }
      for (const b of boxes) if (own.includes(b.box)) b.group = groupNode;
      fieldset.append(groupNode);
    });
    const error = fieldError(errorId);
    fieldset.append(error);
    const read = () => [...new Set(boxes.filter((b) => b.box.checked).map((b) => b.value))];
    return {
      node: fieldset,
      read,
      validate: () => (!field.optional && boxes.length > 0 && read().length === 0 ? t.pickAtLeastOne : null),
      focus: () => {
        const first = boxes.find((b) => b.box.checked) ?? boxes[0];
        if (!first) return;
        if (first.group instanceof HTMLDetailsElement) first.group.open = true;
        first.box.focus();
      },
      setError: errorSetter(error, fieldset, () => boxes.map((b) => b.box)),
    };
  }

  function renderSelect(field, id, t) {
    const options = validOptions(field.options);
    const controlId = `${id}-control`;
    const errorId = `${id}-error`;
    const select = el('select', { class: 'field-select', attrs: { id: controlId, 'aria-describedby': errorId } });
    if (!(select instanceof HTMLSelectElement)) return null;
    select.required = !field.optional;
    const initial = typeof field.initial === 'string' && options.some((o) => o.value === field.initial) ? field.initial : '';
    if (field.optional || !initial) select.append(el('option', { text: t.choose, attrs: { value: '' } }));
    for (const option of options) {
      select.append(el('option', { text: textOf(option.label) || option.value, attrs: { value: option.value } }));
    }
    select.value = initial;
    const error = fieldError(errorId);
    const wrapper = el('div', { class: 'form-field field-select-wrap' }, [
      fieldLabel('label', field, t, { for: controlId }),
      el('div', { class: 'select-box' }, [select]),
      error,
    ]);
    return {
      node: wrapper,
      read: () => select.value || undefined,
      validate: () => (!field.optional && !select.value ? t.pickOne : null),
      focus: () => select.focus(),
      setError: errorSetter(error, wrapper, () => [select]),
    };
  }

  function renderRating(field, id, t) {
    const min = Number.isInteger(field.min) ? field.min : 1;
    const max = Number.isInteger(field.max) && field.max >= min ? Math.min(field.max, min + MAX_RATING_STEPS - 1) : min + 4;
    const errorId = `${id}-error`;
    const fieldset = el('fieldset', { class: 'form-field field-rating', attrs: { 'aria-describedby': errorId } });
    fieldset.append(fieldLabel('legend', field, t));
    const row = el('div', { class: 'rating-options' });
    /** @type {HTMLInputElement[]} */
    const radios = [];
    for (let n = min; n <= max; n++) {
      const radio = el('input', { attrs: { type: 'radio', name: id, id: `${id}-${n}`, value: String(n) } });
      if (!(radio instanceof HTMLInputElement)) continue;
      radio.required = !field.optional;
      radio.checked = field.initial === n;
      radios.push(radio);
      // The scale's end labels are part of the end options' names, not only of the picture.
      const end = n === min ? textOf(field.minLabel) : n === max ? textOf(field.maxLabel) : '';
      const label = el('label', { class: 'rating-option', attrs: { for: radio.id } }, [el('span', { class: 'rating-number', text: String(n) })]);
      if (end) label.append(el('span', { class: 'visually-hidden', text: ` – ${end}` }));
      row.append(radio, label);
    }
    const ends = el('div', { class: 'rating-ends', attrs: { 'aria-hidden': 'true' } }, [
      el('span', { text: textOf(field.minLabel) }),
      el('span', { text: textOf(field.maxLabel) }),
    ]);
    const error = fieldError(errorId);
    fieldset.append(el('div', { class: 'rating-scale' }, [row, ends]), error);
    const checked = () => radios.find((radio) => radio.checked);
    return {
      node: fieldset,
      read: () => {
        const radio = checked();
        return radio ? Number(radio.value) : undefined;
      },
      validate: () => (!field.optional && !checked() ? t.pickOne : null),
      focus: () => (checked() ?? radios[0])?.focus(),
      setError: errorSetter(error, fieldset, () => radios),
    };
  }

  function renderTextField(field, id, t, lang) {
    const max = Number.isInteger(field.maxLength) && field.maxLength > 0 ? field.maxLength : MAX_TEXT_LENGTH;
    const controlId = `${id}-control`;
    const hintId = `${id}-hint`;
    const errorId = `${id}-error`;
    const attrs = { id: controlId, 'aria-describedby': `${hintId} ${errorId}`, autocomplete: 'off' };
    if (typeof field.placeholder === 'string' && field.placeholder) attrs.placeholder = field.placeholder;
    const control = field.multiline
      ? el('textarea', { class: 'field-input field-textarea', attrs: { ...attrs, rows: '3', spellcheck: 'true' } })
      : el('input', { class: 'field-input', attrs: { ...attrs, type: 'text' } });
    if (!(control instanceof HTMLTextAreaElement || control instanceof HTMLInputElement)) return null;
    control.required = !field.optional;
    control.value = textOf(field.initial);
    const counter = el('span', { class: 'char-count', attrs: { 'aria-hidden': 'true' } });
    // Live, so the moment the text goes over the limit is announced; not on every keystroke.
    const error = el('p', { class: 'field-error', attrs: { id: errorId, 'aria-live': 'polite' } });
    const wrapper = el('div', { class: 'form-field field-text' }, [
      fieldLabel('label', field, t, { for: controlId }),
      control,
      el('div', { class: 'field-meta' }, [error, el('span', { class: 'visually-hidden', text: t.maxChars(max), attrs: { id: hintId } }), counter]),
    ]);
    const setError = errorSetter(error, wrapper, () => [control]);
    const tooLong = () => (control.value.length > max ? t.tooLong(control.value.length, max) : null);
    let overBefore = false;
    const update = () => {
      const length = control.value.length;
      counter.textContent = `${formCount(length, lang)} / ${formCount(max, lang)}`;
      counter.classList.toggle('near', length >= max * 0.9 && length <= max);
      counter.classList.toggle('over', length > max);
      const over = length > max;
      if (over !== overBefore) setError(tooLong());
      else if (over) error.textContent = tooLong() ?? '';
      overBefore = over;
      if (control instanceof HTMLTextAreaElement) {
        control.style.height = 'auto';
        control.style.height = `${Math.min(control.scrollHeight + 2, 260)}px`;
      }
    };
    control.addEventListener('input', () => {
      if (wrapper.classList.contains('has-error') && !tooLong() && control.value.trim()) setError(null);
      update();
    });
    update();
    return {
      node: wrapper,
      read: () => control.value.trim() || undefined,
      validate: () => tooLong() ?? (!field.optional && !control.value.trim() ? t.fillIn : null),
      focus: () => control.focus(),
      setError,
    };
  }

  function renderForm(entry) {
    const reply = entry.reply;
    const lang = reply.lang === 'en' ? 'en' : 'fi';
    const t = FORM_TEXT[lang];
    const id = `form-${entry.seq}`;
    const titleId = `${id}-title`;
    const form = el('form', { class: 'chat-form', attrs: { novalidate: '', 'aria-labelledby': titleId } });
    if (!(form instanceof HTMLFormElement)) return el('div');
    const icon = el('span', { class: 'form-icon', attrs: { 'aria-hidden': 'true' } }, [
      svgIcon(['M9 3.5h6v3H9z', 'M9 5H6v15.5h12V5h-3', 'M9 11.5h6', 'M9 15.5h4']),
    ]);
    form.append(el('div', { class: 'form-header' }, [icon, inline('h3', reply.title, { class: 'form-title', attrs: { id: titleId } })]));
    const intro = Array.isArray(reply.intro) ? reply.intro : [];
    const introNodes = intro.map((block) => renderBlock(block, lang, new Map())).filter(Boolean);
    if (introNodes.length > 0) form.append(el('div', { class: 'form-intro' }, introNodes));
    const fields = [];
    (Array.isArray(reply.fields) ? reply.fields : []).forEach((field, i) => {
      const rendered = renderField(field, `${id}-f${i}`, t, lang);
      if (!rendered) return;
      // A field's message goes as soon as the field is fixed, not only at the next submit.
      rendered.node.addEventListener('change', () => {
        if (rendered.node.classList.contains('has-error') && !rendered.validate()) rendered.setError(null);
      });
      fields.push({ key: field.id, optional: Boolean(field.optional), ...rendered });
    });
    if (fields.some((f) => !f.optional)) {
      form.append(el('p', { class: 'form-note', text: t.requiredNote }));
    }
    const body = el('div', { class: 'form-fields' }, fields.map((f) => f.node));
    // Present from the start and filled later: screen readers announce an alert region's new content.
    const alert = el('div', { class: 'form-alert', attrs: { role: 'alert', tabindex: '-1' } });
    const spinner = el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } });
    const submit = el('button', { class: 'form-submit', attrs: { type: 'submit' } }, [spinner, el('span', { text: textOf(reply.submitLabel) || 'OK' })]);
    const status = el('span', { class: 'form-status', attrs: { role: 'status' } });
    form.append(body, alert, el('div', { class: 'form-footer' }, [submit, status]));

    const view = {
      setBusy(busy) {
        form.setAttribute('aria-busy', String(busy));
        form.classList.toggle('is-sending', busy);
        for (const control of Array.from(form.elements)) {
          if ('disabled' in control) control.disabled = busy;
        }
        status.textContent = busy ? t.sending : '';
      },
      showAlert(title, detail) {
        alert.replaceChildren(errorBox(title, detail ?? ''));
        alert.classList.add('shown');
      },
      clearAlert() {
        alert.replaceChildren();
        alert.classList.remove('shown');
      },
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void submitForm(entry, fields, view, alert, t);
    });
    const card = el('div', { class: 'card form-card' }, [form]);
    return el('article', { class: 'msg msg-bot msg-form', lang, attrs: { 'aria-labelledby': titleId } }, [botAvatar(), card]);
  }

  async function submitForm(entry, fields, view, alert, t) {
    // 'sending' and 'done' both refuse: a form is sent at most once, however fast the clicks.
    if (entry.status !== 'open') return;
    view.clearAlert();
    let firstInvalid = null;
    for (const field of fields) {
      const problem = field.validate();
      field.setError(problem);
      if (problem && !firstInvalid) firstInvalid = field;
    }
    if (firstInvalid) {
      view.showAlert(t.checkFields, null);
      firstInvalid.focus();
      return;
    }
    const values = {};
    for (const field of fields) {
      const value = field.read();
      if (value !== undefined) values[field.key] = value;
    }
    entry.status = 'sending';
    view.setBusy(true);
    try {
      const replies = await postForReplies('form', {
        user: entry.userId,
        formKind: entry.reply.formKind,
        formId: entry.reply.formId,
        // The confirmation should speak the form's language.
        lang: entry.reply.lang,
        values,
      });
      entry.status = 'done';
      replaceForm(entry, replies, t);
    } catch (err) {
      entry.status = 'open';
      view.setBusy(false);
      view.showAlert(t.failed, describe(err));
      if (entry.node && entry.node.isConnected) alert.focus({ preventScroll: true });
    }
  }

  /** Like Slack's chat.update: the submitted form gives its place in the conversation to the replies. */
  function replaceForm(entry, replies, t) {
    const fresh = replyEntries(entry.userId, replies).map((e) => ({ ...e, seq: ++messageSeq }));
    if (fresh.length === 0) {
      const title = textOf(entry.reply.title).replace(/\*\*|_/g, '');
      fresh.push({ kind: 'notice', text: `${title} · ${t.sent}`, lang: entry.reply.lang === 'en' ? 'en' : 'fi', seq: ++messageSeq });
    }
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
    if (entry.userId !== currentUserId || !node || !node.isConnected) return;
    const nodes = fresh.map(renderEntry);
    node.replaceWith(...nodes);
    // Focus was on the form's button, which is gone: keep the keyboard where the reader is.
    const first = nodes[0];
    if (first instanceof HTMLElement) {
      first.setAttribute('tabindex', '-1');
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- Errors ---------------------------------------------------------------------------------------

  function errorBox(title, detail, action) {
    const icon = svgIcon(['M12 8v5', 'M12 16.5v.1', 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z']);
    const text = el('div', {}, [el('p', { class: 'error-title', text: title }), el('p', { class: 'error-detail', text: detail })]);
    if (action) text.append(action);
    return el('div', { class: 'inline-error' }, [icon, text]);
  }

  function renderError(entry) {
    let retry = null;
    if (entry.retryText) {
      retry = el('button', { class: 'error-retry', text: 'Yritä uudelleen / Retry', attrs: { type: 'button' } });
      retry.addEventListener('click', () => send(entry.retryText));
    }
    const card = el('div', { class: 'card' }, [errorBox('Viestiä ei voitu lähettää · Could not send', entry.message, retry)]);
    const avatar = el('div', { class: 'avatar avatar-error', attrs: { 'aria-hidden': 'true' } }, [svgIcon(['M12 6v8', 'M12 18v.1'])]);
    return el('article', { class: 'msg msg-bot msg-error', attrs: { 'aria-label': 'Virhe / Error' } }, [avatar, card]);
  }

  function describe(err) {
    if (err instanceof ChatError) return err.message;
    if (err instanceof Error && err.message) return err.message;
    return 'Tuntematon virhe / Unknown error';
  }

  class ChatError extends Error {
    constructor(message, retryable) {
      super(message);
      this.retryable = retryable;
    }
  }

  // ---- API ------------------------------------------------------------------------------------------

  function apiUrl(path) {
    // Relative to the page, so the router also works when mounted under a prefix.
    const base = location.pathname.endsWith('/') ? location.pathname : `${location.pathname}/`;
    return `${base}api/${path}`;
  }

  async function readJson(response) {
    try { return await response.json(); } catch { return null; }
  }

  function errorMessage(body) {
    const message = body && body.error && body.error.message;
    return typeof message === 'string' && message ? message : null;
  }

  /** POSTs to /api/chat or /api/form; resolves to the replies, throws a ChatError with a readable message. */
  async function postForReplies(path, payload) {
    let response;
    try {
      response = await fetch(apiUrl(path), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (err) {
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      throw new ChatError(timedOut
        ? 'Vastaus viipyi liian kauan. / The answer took too long.'
        : 'Palvelimeen ei saatu yhteyttä. / Could not reach the server.', true);
    }
    const body = await readJson(response);
    if (!response.ok) {
      throw new ChatError(errorMessage(body) ?? `HTTP ${response.status}`, response.status >= 500);
    }
    if (!body || !Array.isArray(body.replies)) {
      throw new ChatError('Palvelimen vastaus oli vääränmuotoinen. / The server sent an unexpected answer.', true);
    }
    return body.replies;
  }

  async function send(rawText) {
    const text = rawText.trim();
    const userId = currentUserId;
    if (!text || !userId || pending.has(userId)) return;
    addEntry(userId, { kind: 'user', text });
    pending.add(userId);
    updateComposer();
    try {
      const replies = await postForReplies('chat', { user: userId, text });
      for (const entry of replyEntries(userId, replies)) addEntry(userId, entry);
    } catch (err) {
      const retryable = err instanceof ChatError && err.retryable;
      addEntry(userId, { kind: 'error', message: describe(err), retryText: retryable ? text : null });
      // A rejected message goes back into the box (if it is free) so it can be fixed and resent.
      if (!retryable && userId === currentUserId && !ui.input.value) {
        ui.input.value = text;
        autosize();
      }
    } finally {
      pending.delete(userId);
      updateComposer();
    }
  }

  // ---- Inbox ----------------------------------------------------------------------------------------
  // Check-ins, reminders and summaries the scheduler sends to a local user wait in the server's inbox.
  // The page polls it for the selected user only and shows what arrives like an answer, forms included.

  const INBOX_POLL_MS = 3_000;
  const INBOX_MAX_BACKOFF_MS = 60_000;
  const INBOX_TIMEOUT_MS = 15_000;
  /** Per user: the `next` the server last gave, so a message is shown once however often it is read. */
  const inboxNext = new Map();
  let inboxTimer = 0;
  let inboxInFlight = false;
  let inboxFailures = 0;

  /** Polls now, or as soon as the poll in flight ends (it then sees which user is selected). */
  function pollInboxSoon() {
    if (inboxInFlight) return;
    clearTimeout(inboxTimer);
    inboxTimer = setTimeout(() => void pollInbox(), 0);
  }

  async function pollInbox() {
    const userId = currentUserId;
    // A hidden tab does not poll; coming back polls at once (see visibilitychange below).
    if (!userId || document.hidden) return;
    inboxInFlight = true;
    try {
      const after = inboxNext.get(userId) ?? 0;
      const response = await fetch(apiUrl(`inbox?user=${encodeURIComponent(userId)}&after=${after}`), {
        headers: { Accept: 'application/json' },
        signal: AbortSignal.timeout(INBOX_TIMEOUT_MS),
      });
      const body = await readJson(response);
      if (!response.ok || !body || !Array.isArray(body.messages)) throw new Error(`inbox: HTTP ${response.status}`);
      showInbox(userId, body.messages, body.next);
      inboxFailures = 0;
    } catch {
      // Quietly: the server may be restarting. Each failure doubles the wait, up to a minute.
      inboxFailures += 1;
    } finally {
      inboxInFlight = false;
    }
    if (!currentUserId) return;
    const wait = currentUserId !== userId
      ? 0 // the user was switched mid-poll: read the new one's inbox at once
      : Math.min(INBOX_POLL_MS * 2 ** inboxFailures, INBOX_MAX_BACKOFF_MS);
    clearTimeout(inboxTimer);
    inboxTimer = setTimeout(() => void pollInbox(), wait);
  }

  function showInbox(userId, messages, next) {
    let seen = inboxNext.get(userId) ?? 0;
    const fresh = messages
      .filter((m) => m && Number.isSafeInteger(m.seq) && m.seq > seen)
      .sort((a, b) => a.seq - b.seq);
    // Follow new messages only if the reader is at the end, not reading (or filling in a form) further up.
    const follow = ui.scroller.scrollHeight - ui.scroller.scrollTop - ui.scroller.clientHeight < 80;
    for (const message of fresh) {
      const entries = replyEntries(userId, message.replies);
      seen = message.seq;
      if (entries.length === 0) continue;
      addEntry(userId, { kind: 'inbox', at: typeof message.at === 'string' ? message.at : '' }, { follow: false });
      for (const entry of entries) addEntry(userId, entry, { follow });
    }
    inboxNext.set(userId, Number.isSafeInteger(next) && next > seen ? next : seen);
  }

  function renderInboxLabel(entry) {
    const at = new Date(entry.at);
    const label = el('p', { class: 'msg-divider msg-inbox', lang: 'fi' }, [
      document.createTextNode('Osaava lähetti'),
      el('span', { lang: 'en', text: ' · Sent by Osaava' }),
    ]);
    if (!Number.isNaN(at.getTime())) {
      const when = at.toLocaleString('fi-FI', { day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' });
      label.append(document.createTextNode(' · '), el('time', { text: when, attrs: { datetime: at.toISOString() } }));
    }
    return label;
  }

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) pollInboxSoon();
  });

  // ---- Composer -------------------------------------------------------------------------------------

  function updateComposer() {
    const hasUser = Boolean(currentUserId);
    const busy = Boolean(currentUserId && pending.has(currentUserId));
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

  function autosize() {
    ui.input.style.height = 'auto';
    ui.input.style.height = `${Math.min(ui.input.scrollHeight, 200)}px`;
  }

  function submitFromComposer() {
    const text = ui.input.value;
    if (!text.trim() || !currentUserId || pending.has(currentUserId)) return;
    ui.input.value = '';
    autosize();
    updateComposer();
    void send(text);
  }

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

  ui.clear.addEventListener('click', () => {
    if (!currentUserId) return;
    conversations.set(currentUserId, []);
    renderConversation();
    ui.input.focus();
  });

  function renderStarters() {
    for (const lang of ['fi', 'en']) {
      const list = $(`starters-${lang}-list`);
      list.replaceChildren(...STARTERS[lang].map((text) => {
        const button = el('button', { class: 'starter', text, lang, attrs: { type: 'button' } });
        button.addEventListener('click', () => {
          void send(text);
          ui.input.focus();
        });
        return button;
      }));
    }
  }

  renderStarters();
  updateComposer();
  void loadUsers();
})();
