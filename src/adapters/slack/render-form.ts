// A core FormReply as Block Kit: input blocks in a message (or the App Home) with a submit button,
// long text fields behind a button that opens a modal; or the whole form as a modal. Pure.
import type { types } from '@slack/bolt';
import type { FormField, FormOption, FormReply, Lang } from '../../conversation/reply.ts';
import { fitTitle, LIMITS, splitText, toPlain, truncate } from './block-kit-text.ts';
import { fieldBlockId } from './form-values.ts';
import {
  ACTION_OPEN_TEXT,
  ACTION_SUBMIT,
  FORM_VIEW_CALLBACK,
  INPUT_ACTION_ID,
  type FormRef,
  type FormTarget,
  type FormValues,
  type SubmitRef,
  type TextFieldDef,
  type TextModalRef,
  type ViewMetadata,
} from './interaction-ids.ts';
import { assertNever, fitBlocks, renderBlock } from './render-blocks.ts';
import { texts } from './texts.ts';

type KnownBlock = types.KnownBlock;
type InputBlock = types.InputBlock;
type PlainTextOption = types.PlainTextOption;
type ModalView = types.ModalView;
type Button = types.Button;

type TextField = Extract<FormField, { type: 'text' }>;

const plain = (text: string, max: number) => ({ type: 'plain_text' as const, text: truncate(toPlain(text), max) || ' ', emoji: true });

function option(o: FormOption): PlainTextOption {
  return { text: plain(o.label, LIMITS.optionText), value: truncate(o.value, LIMITS.optionValue) };
}

function input(field: FormField, element: InputBlock['element']): InputBlock {
  return { type: 'input', block_id: fieldBlockId(field), label: plain(field.label, LIMITS.inputLabel), optional: field.optional, element };
}

function ratingOptions(field: Extract<FormField, { type: 'rating' }>): PlainTextOption[] {
  const options: PlainTextOption[] = [];
  for (let n = field.min; n <= field.max && options.length < LIMITS.options; n += 1) {
    const label = n === field.min && field.minLabel ? `${n} – ${field.minLabel}` : n === field.max && field.maxLabel ? `${n} – ${field.maxLabel}` : String(n);
    options.push({ text: plain(label, LIMITS.optionText), value: String(n) });
  }
  return options;
}

/**
 * A text field as one input, or — when its prefilled text is longer than an input holds (3,000) — as
 * several inputs ("(2/2)" in the label) that readFormValues joins back: the text is split, never cut.
 */
function textInputs(field: TextField, multiline: boolean, lang?: Lang): InputBlock[] {
  const max = Math.min(field.maxLength, LIMITS.plainTextInputMax);
  // A prefilled text longer than the form takes is shown whole, with the limit stated: never cut here.
  const over = lang && field.initial && field.initial.length > field.maxLength ? texts.in(lang)('textOverLimit', { length: field.initial.length, limit: field.maxLength }) : undefined;
  const parts = field.initial && field.initial.length > max ? splitText(field.initial, LIMITS.plainTextInputMax) : [field.initial ?? ''];
  return parts.map((initial, i) => ({
    ...input(field, {
      type: 'plain_text_input',
      action_id: INPUT_ACTION_ID,
      multiline,
      max_length: parts.length > 1 ? LIMITS.plainTextInputMax : max,
      ...(initial ? { initial_value: initial } : {}),
      ...(i === 0 && field.placeholder ? { placeholder: plain(field.placeholder, LIMITS.placeholder) } : {}),
    }),
    ...(parts.length > 1 ? { block_id: fieldBlockId(field, i + 1), label: plain(`${field.label} (${i + 1}/${parts.length})`, LIMITS.inputLabel) } : {}),
    // The student may empty a further part; the first says whether the field is optional.
    ...(i > 0 ? { optional: true } : {}),
    ...(i === 0 && over ? { hint: plain(over, LIMITS.inputLabel) } : {}),
  }));
}

function textInput(field: TextField, multiline: boolean): InputBlock {
  const [first] = textInputs(field, multiline);
  if (!first) throw new Error('a text field renders at least one input');
  return first;
}

/** A field's input blocks: one, or several for a long prefilled text; none when it offers nothing to pick. */
export function renderFieldBlocks(field: FormField, inlineLongText = true, lang?: Lang): InputBlock[] {
  if (field.type === 'text') return field.multiline && !inlineLongText ? [] : textInputs(field, field.multiline, lang);
  const block = renderField(field, inlineLongText);
  return block ? [block] : [];
}

/** One field as an input block (a long text's first part); `undefined` when it offers nothing to pick. */
export function renderField(field: FormField, inlineLongText = true): InputBlock | undefined {
  switch (field.type) {
    case 'multi-select': {
      const groups = field.groups
        .filter((g) => g.options.length > 0)
        .slice(0, LIMITS.optionGroups)
        .map((g) => ({ label: plain(g.label, LIMITS.optionText), options: g.options.slice(0, LIMITS.optionsPerGroup).map(option) }));
      if (groups.length === 0) return undefined;
      const offered = groups.flatMap((g) => g.options);
      const chosen = new Set(field.initial);
      const initial = offered.filter((o) => o.value !== undefined && chosen.has(o.value));
      return input(field, {
        type: 'multi_static_select',
        action_id: INPUT_ACTION_ID,
        option_groups: groups,
        ...(initial.length ? { initial_options: initial } : {}),
      });
    }
    case 'select': {
      const options = field.options.slice(0, LIMITS.options).map(option);
      if (options.length === 0) return undefined;
      const initial = options.find((o) => o.value === field.initial);
      return input(field, { type: 'static_select', action_id: INPUT_ACTION_ID, options, ...(initial ? { initial_option: initial } : {}) });
    }
    case 'rating': {
      const options = ratingOptions(field);
      if (options.length === 0) return undefined;
      const initial = options.find((o) => o.value === String(field.initial));
      const initialPart = initial ? { initial_option: initial } : {};
      // Radio buttons show the whole scale at once; Slack allows ten of them.
      return options.length <= LIMITS.radioOptions
        ? input(field, { type: 'radio_buttons', action_id: INPUT_ACTION_ID, options, ...initialPart })
        : input(field, { type: 'static_select', action_id: INPUT_ACTION_ID, options, ...initialPart });
    }
    case 'text':
      return field.multiline && !inlineLongText ? undefined : textInput(field, field.multiline);
    default:
      return assertNever(field);
  }
}

const isLongText = (f: FormField): f is TextField => f.type === 'text' && f.multiline;

function textFieldDef(f: TextField, withPlaceholder: boolean): TextFieldDef {
  return {
    id: f.id,
    label: f.label,
    max: f.maxLength,
    opt: f.optional,
    ...(withPlaceholder && f.placeholder ? { ph: f.placeholder } : {}),
    ...(f.initial ? { init: f.initial } : {}),
  };
}

/**
 * The value of the "write" button; `undefined` when it cannot fit a button's 2,000 characters even
 * without placeholders (a long prefilled text), and the long fields must then go inline.
 */
export function encodeTextModalRef(form: FormReply): string | undefined {
  const long = form.fields.filter(isLongText);
  if (long.length === 0) return undefined;
  for (const withPlaceholder of [true, false]) {
    const ref: TextModalRef = { k: form.formKind, id: form.formId, l: form.lang, t: form.title, s: form.submitLabel, f: long.map((f) => textFieldDef(f, withPlaceholder)) };
    const value = JSON.stringify(ref);
    if (value.length <= LIMITS.buttonValue) return value;
  }
  return undefined;
}

function formRefValue(form: Pick<FormReply, 'formKind' | 'formId'>): string {
  const ref: FormRef = { k: form.formKind, id: form.formId };
  return JSON.stringify(ref);
}

/** The form as blocks for a message or the App Home: short inputs inline, long texts behind a modal button. */
export function renderFormBlocks(form: FormReply): KnownBlock[] {
  const t = texts.in(form.lang);
  const modalValue = encodeTextModalRef(form);
  // If the long fields cannot be described in a button, they go inline (Slack allows multiline inputs in messages).
  const inlineLong = modalValue === undefined;
  const inputs = form.fields.flatMap((f) => renderFieldBlocks(f, inlineLong, form.lang));
  const long = form.fields.filter(isLongText);

  const submit: Button = { type: 'button', style: 'primary', action_id: ACTION_SUBMIT, text: plain(form.submitLabel, LIMITS.buttonText), value: formRefValue(form) };
  if (modalValue === undefined) return layout(form, inputs, [submit]);
  const label = long.length === 1 && long[0] ? `✏️ ${long[0].label}` : `✏️ ${t('writeAnswersButton')}`;
  const write: Button = { type: 'button', action_id: ACTION_OPEN_TEXT, text: plain(label, LIMITS.buttonText), value: modalValue };
  // A required text lives only in the modal: a submit button here could only send an incomplete form.
  const buttons: Button[] = long.some((f) => !f.optional) ? [{ ...write, style: 'primary' }] : [submit, write];
  return layout(form, inputs, buttons);
}

function layout(form: FormReply, inputs: InputBlock[], buttons: Button[]): KnownBlock[] {
  // The inputs and the buttons must survive Slack's 50-block limit; a long intro gives way, and says so.
  const introRoom = Math.max(0, LIMITS.blocksPerMessage - inputs.length - 2);
  const intro = form.intro.flatMap(renderBlock);
  return [
    { type: 'header', text: plain(form.title, LIMITS.headerText) },
    ...(intro.length <= introRoom ? intro : fitBlocks(intro, introRoom, form.lang)),
    ...inputs,
    { type: 'actions', elements: buttons },
  ];
}

/** `private_metadata` within Slack's 3,000 characters: carried values go first when it does not fit. */
export function encodeViewMetadata(metadata: ViewMetadata): string {
  const full = JSON.stringify(metadata);
  if (full.length <= LIMITS.privateMetadata) return full;
  const { carried: _dropped, ...rest } = metadata;
  return JSON.stringify(rest);
}

/** A modal's title within Slack's 24 characters; a title that had to be shortened is shown whole as the first block. */
function modalTitle(title: string): { title: ReturnType<typeof plain>; header: KnownBlock[] } {
  const full = toPlain(title);
  const short = fitTitle(full, LIMITS.viewTitle);
  return { title: plain(short, LIMITS.viewTitle), header: short === full ? [] : [{ type: 'header', text: plain(full, LIMITS.headerText) }] };
}

function modal(opts: { title: string; submit: string; close: string; metadata: ViewMetadata; blocks: KnownBlock[] }): ModalView {
  const { title, header } = modalTitle(opts.title);
  return {
    type: 'modal',
    callback_id: FORM_VIEW_CALLBACK,
    title,
    submit: plain(opts.submit, LIMITS.viewButton),
    close: plain(opts.close, LIMITS.viewButton),
    private_metadata: encodeViewMetadata(opts.metadata),
    blocks: [...header, ...opts.blocks].slice(0, LIMITS.blocksPerView),
  };
}

/** The whole form as a modal (the observation shortcut): every field inline. */
export function renderFormModal(form: FormReply, target: FormTarget): ModalView {
  const inputs = form.fields.flatMap((f) => renderFieldBlocks(f, true, form.lang));
  return modal({
    title: form.title,
    submit: form.submitLabel,
    close: texts.in(form.lang)('cancelButton'),
    metadata: { k: form.formKind, id: form.formId, target },
    blocks: [...form.intro.flatMap(renderBlock), ...inputs],
  });
}

/** The modal of a form message's long text fields; what was picked in the message rides along. */
export function renderTextModal(ref: TextModalRef, target: FormTarget, carried: FormValues): ModalView {
  const blocks = ref.f.flatMap((f) =>
    textInputs({ type: 'text', id: f.id, label: f.label, multiline: true, maxLength: f.max, optional: f.opt, placeholder: f.ph, initial: f.init }, true, ref.l),
  );
  return modal({
    title: ref.t,
    submit: ref.s,
    close: texts.in(ref.l)('cancelButton'),
    metadata: { k: ref.k, id: ref.id, target, carried },
    blocks,
  });
}

/**
 * The long text fields of a form as a message, for when their modal could not open (an old card whose
 * trigger expired): the prefilled texts inline, and what was already picked carried in the submit button.
 */
export function renderTextFormMessage(ref: TextModalRef, carried: FormValues): { text: string; blocks: KnownBlock[] } {
  const t = texts.in(ref.l);
  const inputs = ref.f.flatMap((f) =>
    textInputs({ type: 'text', id: f.id, label: f.label, multiline: true, maxLength: f.max, optional: f.opt, placeholder: f.ph, initial: f.init }, true, ref.l),
  );
  const withCarried: SubmitRef = { k: ref.k, id: ref.id, c: carried };
  const value = JSON.stringify(withCarried).length <= LIMITS.buttonValue ? JSON.stringify(withCarried) : formRefValue({ formKind: ref.k, formId: ref.id });
  const submit: Button = { type: 'button', style: 'primary', action_id: ACTION_SUBMIT, text: plain(ref.s, LIMITS.buttonText), value };
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(ref.t, LIMITS.headerText) },
    { type: 'context', elements: [{ type: 'mrkdwn', text: t('formAsMessage') }] },
    ...inputs,
    { type: 'actions', elements: [submit] },
  ];
  return { text: toPlain(ref.t) || ' ', blocks };
}

/** A modal that only shows something (a wait, or the core's answer instead of a form). */
export function renderInfoModal(title: string, closeLabel: string, blocks: KnownBlock[]): ModalView {
  const fitted = modalTitle(title);
  return { type: 'modal', title: fitted.title, close: plain(closeLabel, LIMITS.viewButton), blocks: [...fitted.header, ...blocks].slice(0, LIMITS.blocksPerView) };
}
