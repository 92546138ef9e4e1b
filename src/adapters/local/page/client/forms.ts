// A FormReply becomes an HTML form in the bot's bubble. Its chrome speaks the reply's language.
import { describe, postForReplies } from './api.ts';
import { el, errorBox, formatCount, inline, svgIcon } from './dom.ts';
import { renderBlock } from './render.ts';
import type { SendText } from './render.ts';
import type { FormEntry, NewEntry } from './state.ts';
import { botAvatar } from './ui.ts';
import { MAX_TEXT_LENGTH } from './wire.ts';
import type { FormField, Lang, Reply } from './wire.ts';

interface FormText {
  required: string;
  optional: string;
  requiredNote: string;
  choose: string;
  selected(n: number, total: number): string;
  maxChars(max: number): string;
  pickAtLeastOne: string;
  pickOne: string;
  fillIn: string;
  tooLong(n: number, max: number): string;
  checkFields: string;
  sending: string;
  failed: string;
  sent: string;
}

const FORM_TEXT: Record<Lang, FormText> = {
  fi: {
    required: 'pakollinen',
    optional: 'valinnainen',
    requiredNote: 'Tähdellä (*) merkityt kohdat ovat pakollisia.',
    choose: '– Valitse –',
    selected: (n, total) => `${n}/${total} valittu`,
    maxChars: (max) => `Enintään ${formatCount(max, 'fi')} merkkiä.`,
    pickAtLeastOne: 'Valitse vähintään yksi.',
    pickOne: 'Valitse yksi vaihtoehto.',
    fillIn: 'Täytä tämä kohta.',
    tooLong: (n, max) => `Teksti on liian pitkä: ${formatCount(n, 'fi')}/${formatCount(max, 'fi')} merkkiä.`,
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
    maxChars: (max) => `At most ${formatCount(max, 'en')} characters.`,
    pickAtLeastOne: 'Choose at least one.',
    pickOne: 'Choose one of the options.',
    fillIn: 'Fill this in.',
    tooLong: (n, max) => `The text is too long: ${formatCount(n, 'en')}/${formatCount(max, 'en')} characters.`,
    checkFields: 'Check the marked items.',
    sending: 'Sending…',
    failed: 'The form could not be sent',
    sent: 'sent',
  },
  sv: {
    required: 'obligatorisk',
    optional: 'valfri',
    requiredNote: 'Fält som är märkta med en asterisk (*) är obligatoriska.',
    choose: '– Välj –',
    selected: (n, total) => `${n}/${total} valda`,
    maxChars: (max) => `Högst ${formatCount(max, 'sv')} tecken.`,
    pickAtLeastOne: 'Välj minst ett alternativ.',
    pickOne: 'Välj ett av alternativen.',
    fillIn: 'Fyll i det här fältet.',
    tooLong: (n, max) => `Texten är för lång: ${formatCount(n, 'sv')}/${formatCount(max, 'sv')} tecken.`,
    checkFields: 'Kontrollera de markerade fälten.',
    sending: 'Skickar…',
    failed: 'Formuläret kunde inte skickas',
    sent: 'skickat',
  },
};
/** From this many options on, a multi-select folds its groups, so a unit's 25 requirements stay scannable. */
const FOLD_OPTIONS_FROM = 9;
const MAX_RATING_STEPS = 11;

type FieldValue = string | string[] | number;

/**
 * A rendered field: its node and how to read, check and focus it, so the form never reads values back
 * by name from the DOM (names and ids are generated; the server's ids stay data).
 */
interface RenderedField {
  node: HTMLElement;
  read(): FieldValue | undefined;
  validate(): string | null;
  focus(): void;
  setError(message: string | null): void;
}

interface FormFieldView extends RenderedField {
  key: string;
  optional: boolean;
}

interface FormView {
  setBusy(busy: boolean): void;
  showAlert(title: string, detail: string | null): void;
  clearAlert(): void;
}

export interface FormHooks {
  /** A suggested action in the form's intro was clicked. */
  send: SendText;
  /**
   * The server accepted the form: like Slack's chat.update, it gives its place in the conversation to the
   * replies, or to `sentNotice` when there are none.
   */
  submitted(entry: FormEntry, replies: Reply[], sentNotice: NewEntry): void;
}

/** The visible name of a field, with its required (*) or optional mark. */
function fieldLabel(tag: 'label' | 'legend', field: FormField, t: FormText, attrs: Record<string, string> = {}): HTMLElement {
  const node = el(tag, { class: 'field-label', attrs }, [el('span', { text: field.label })]);
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

function renderField(field: FormField, id: string, t: FormText, lang: Lang): RenderedField {
  switch (field.type) {
    case 'multi-select':
      return renderMultiSelect(field, id, t);
    case 'select':
      return renderSelect(field, id, t);
    case 'rating':
      return renderRating(field, id, t);
    case 'text':
      return renderTextField(field, id, t, lang);
  }
}

function fieldError(id: string): HTMLElement {
  return el('p', { class: 'field-error', attrs: { id } });
}

/** Shows or clears a field's message and marks its controls invalid for assistive technology. */
function errorSetter(errorNode: HTMLElement, wrapper: HTMLElement, controls: () => HTMLElement[]): (message: string | null) => void {
  return (message) => {
    errorNode.textContent = message ?? '';
    wrapper.classList.toggle('has-error', Boolean(message));
    for (const control of controls()) {
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    }
  };
}

function renderMultiSelect(field: Extract<FormField, { type: 'multi-select' }>, id: string, t: FormText): RenderedField {
  const groups = field.groups;
  const initial = new Set(field.initial);
  const total = groups.reduce((sum, g) => sum + g.options.length, 0);
  const fold = total >= FOLD_OPTIONS_FROM && groups.length > 1;
  const errorId = `${id}-error`;
  const fieldset = el('fieldset', { class: 'form-field field-multi', attrs: { 'aria-describedby': errorId } });
  fieldset.append(fieldLabel('legend', field, t));
  const boxes: { box: HTMLInputElement; value: string; group: HTMLElement | null }[] = [];
  groups.forEach((group, g) => {
    const list = el('div', { class: 'option-list' });
    const own: HTMLInputElement[] = [];
    group.options.forEach((option, o) => {
      const box = el('input', { attrs: { type: 'checkbox', id: `${id}-g${g}-o${o}` } });
      box.checked = initial.has(option.value);
      own.push(box);
      boxes.push({ box, value: option.value, group: null });
      list.append(el('label', { class: 'option', attrs: { for: box.id } }, [
        box,
        el('span', { class: 'option-label', text: option.label || option.value }),
      ]));
    });
    const count = el('span', { class: 'group-count' });
    const updateCount = (): void => {
      const n = own.filter((box) => box.checked).length;
      count.textContent = t.selected(n, own.length);
      count.classList.toggle('has-selection', n > 0);
    };
    list.addEventListener('change', updateCount);
    updateCount();
    const name = el('span', { class: 'group-name', text: group.label });
    let groupNode: HTMLElement;
    if (fold) {
      // The summary is what is seen; the hidden legend names the checkboxes' group for screen readers.
      const details = el('details', { class: 'option-group' }, [
        el('summary', {}, [name, count]),
        el('fieldset', { class: 'option-set' }, [el('legend', { class: 'visually-hidden', text: group.label }), list]),
      ]);
      details.open = own.some((box) => box.checked) || (initial.size === 0 && g === 0);
      groupNode = details;
    } else {
      groupNode = el('fieldset', { class: 'option-group' }, [el('legend', { class: 'group-legend' }, [name, count]), list]);
    }
    for (const b of boxes) if (own.includes(b.box)) b.group = groupNode;
    fieldset.append(groupNode);
  });
  const error = fieldError(errorId);
  fieldset.append(error);
  const read = (): string[] => [...new Set(boxes.filter((b) => b.box.checked).map((b) => b.value))];
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

function renderSelect(field: Extract<FormField, { type: 'select' }>, id: string, t: FormText): RenderedField {
  const options = field.options;
  const controlId = `${id}-control`;
  const errorId = `${id}-error`;
  const select = el('select', { class: 'field-select', attrs: { id: controlId, 'aria-describedby': errorId } });
  select.required = !field.optional;
  const initial = field.initial !== undefined && options.some((o) => o.value === field.initial) ? field.initial : '';
  if (field.optional || !initial) select.append(el('option', { text: t.choose, attrs: { value: '' } }));
  for (const option of options) {
    select.append(el('option', { text: option.label || option.value, attrs: { value: option.value } }));
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

function renderRating(field: Extract<FormField, { type: 'rating' }>, id: string, t: FormText): RenderedField {
  const min = field.min ?? 1;
  const max = field.max !== undefined && field.max >= min ? Math.min(field.max, min + MAX_RATING_STEPS - 1) : min + 4;
  const errorId = `${id}-error`;
  const fieldset = el('fieldset', { class: 'form-field field-rating', attrs: { 'aria-describedby': errorId } });
  fieldset.append(fieldLabel('legend', field, t));
  const row = el('div', { class: 'rating-options' });
  const radios: HTMLInputElement[] = [];
  for (let n = min; n <= max; n++) {
    const radio = el('input', { attrs: { type: 'radio', name: id, id: `${id}-${n}`, value: String(n) } });
    radio.required = !field.optional;
    radio.checked = field.initial === n;
    radios.push(radio);
    // The scale's end labels are part of the end options' names, not only of the picture.
    const end = n === min ? field.minLabel : n === max ? field.maxLabel : '';
    const label = el('label', { class: 'rating-option', attrs: { for: radio.id } }, [el('span', { class: 'rating-number', text: String(n) })]);
    if (end) label.append(el('span', { class: 'visually-hidden', text: ` – ${end}` }));
    row.append(radio, label);
  }
  const ends = el('div', { class: 'rating-ends', attrs: { 'aria-hidden': 'true' } }, [
    el('span', { text: field.minLabel }),
    el('span', { text: field.maxLabel }),
  ]);
  const error = fieldError(errorId);
  fieldset.append(el('div', { class: 'rating-scale' }, [row, ends]), error);
  const checked = (): HTMLInputElement | undefined => radios.find((radio) => radio.checked);
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

function renderTextField(field: Extract<FormField, { type: 'text' }>, id: string, t: FormText, lang: Lang): RenderedField {
  const max = field.maxLength !== undefined && field.maxLength > 0 ? field.maxLength : MAX_TEXT_LENGTH;
  const controlId = `${id}-control`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const attrs: Record<string, string> = { id: controlId, 'aria-describedby': `${hintId} ${errorId}`, autocomplete: 'off' };
  if (field.placeholder) attrs.placeholder = field.placeholder;
  const control = field.multiline
    ? el('textarea', { class: 'field-input field-textarea', attrs: { ...attrs, rows: '3', spellcheck: 'true' } })
    : el('input', { class: 'field-input', attrs: { ...attrs, type: 'text' } });
  control.required = !field.optional;
  control.value = field.initial;
  const counter = el('span', { class: 'char-count', attrs: { 'aria-hidden': 'true' } });
  // Live, so the moment the text goes over the limit is announced; not on every keystroke.
  const error = el('p', { class: 'field-error', attrs: { id: errorId, 'aria-live': 'polite' } });
  const wrapper = el('div', { class: 'form-field field-text' }, [
    fieldLabel('label', field, t, { for: controlId }),
    control,
    el('div', { class: 'field-meta' }, [error, el('span', { class: 'visually-hidden', text: t.maxChars(max), attrs: { id: hintId } }), counter]),
  ]);
  const setError = errorSetter(error, wrapper, () => [control]);
  const tooLong = (): string | null => (control.value.length > max ? t.tooLong(control.value.length, max) : null);
  let overBefore = false;
  const update = (): void => {
    const length = control.value.length;
    counter.textContent = `${formatCount(length, lang)} / ${formatCount(max, lang)}`;
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

export function renderForm(entry: FormEntry, hooks: FormHooks): HTMLElement {
  const reply = entry.reply;
  const lang: Lang = reply.lang ?? 'fi';
  const t = FORM_TEXT[lang];
  const id = `form-${entry.seq}`;
  const titleId = `${id}-title`;
  const form = el('form', { class: 'chat-form', attrs: { novalidate: '', 'aria-labelledby': titleId } });
  const icon = el('span', { class: 'form-icon', attrs: { 'aria-hidden': 'true' } }, [
    svgIcon(['M9 3.5h6v3H9z', 'M9 5H6v15.5h12V5h-3', 'M9 11.5h6', 'M9 15.5h4']),
  ]);
  form.append(el('div', { class: 'form-header' }, [icon, inline('h3', reply.title, { class: 'form-title', attrs: { id: titleId } })]));
  const introNodes = reply.intro.map((block) => renderBlock(block, lang, new Map(), hooks.send));
  if (introNodes.length > 0) form.append(el('div', { class: 'form-intro' }, introNodes));
  const fields: FormFieldView[] = [];
  reply.fields.forEach((field, i) => {
    const rendered = renderField(field, `${id}-f${i}`, t, lang);
    // A field's message goes as soon as the field is fixed, not only at the next submit.
    rendered.node.addEventListener('change', () => {
      if (rendered.node.classList.contains('has-error') && !rendered.validate()) rendered.setError(null);
    });
    fields.push({ key: field.id, optional: field.optional, ...rendered });
  });
  if (fields.some((f) => !f.optional)) {
    form.append(el('p', { class: 'form-note', text: t.requiredNote }));
  }
  const body = el('div', { class: 'form-fields' }, fields.map((f) => f.node));
  // Present from the start and filled later: screen readers announce an alert region's new content.
  const alert = el('div', { class: 'form-alert', attrs: { role: 'alert', tabindex: '-1' } });
  const spinner = el('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } });
  const submit = el('button', { class: 'form-submit', attrs: { type: 'submit' } }, [spinner, el('span', { text: reply.submitLabel || 'OK' })]);
  const status = el('span', { class: 'form-status', attrs: { role: 'status' } });
  form.append(body, alert, el('div', { class: 'form-footer' }, [submit, status]));

  const view: FormView = {
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
    void submitForm(entry, fields, view, alert, t, hooks);
  });
  const card = el('div', { class: 'card form-card' }, [form]);
  return el('article', { class: 'msg msg-bot msg-form', lang, attrs: { 'aria-labelledby': titleId } }, [botAvatar(), card]);
}

async function submitForm(entry: FormEntry, fields: FormFieldView[], view: FormView, alert: HTMLElement, t: FormText, hooks: FormHooks): Promise<void> {
  // 'sending' and 'done' both refuse: a form is sent at most once, however fast the clicks.
  if (entry.status !== 'open') return;
  view.clearAlert();
  let firstInvalid: FormFieldView | null = null;
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
  const values: Record<string, FieldValue> = {};
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
    const title = entry.reply.title.replace(/\*\*|_/g, '');
    const lang: Lang = entry.reply.lang ?? 'fi';
    hooks.submitted(entry, replies, { kind: 'notice', text: `${title} · ${t.sent}`, lang });
  } catch (err) {
    entry.status = 'open';
    view.setBusy(false);
    view.showAlert(t.failed, describe(err));
    if (entry.node?.isConnected) alert.focus({ preventScroll: true });
  }
}
