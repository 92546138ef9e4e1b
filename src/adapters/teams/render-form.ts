// A FormReply as an Adaptive Card 1.5. Chosen for the phone as much as the desktop: one expanded
// (checkbox) choice set per requirement group with the group's title as its label, compact dropdowns
// for ratings, no `filtered` style. Pure: no SDK, no I/O.
import type { FormField, FormReply } from '../../conversation/reply.ts';
import { createCard, textBlock, type AdaptiveCard, type CardAction, type CardElement, type SubmitData } from './adaptive-card.ts';
import { inputId, SUBMIT_VERB } from './form-inputs.ts';
import { renderBlock } from './render-card.ts';

/**
 * `chat`: a card in the conversation, submitted with `Action.Execute` (universal action, arriving as an
 * `adaptiveCard/action` invoke) and an `Action.Submit` fallback for hosts without universal actions.
 * `dialog`: a card in a task module (message extension), where only `Action.Submit` is supported.
 */
export type FormSurface = 'chat' | 'dialog';

export function renderForm(form: FormReply, surface: FormSurface = 'chat'): AdaptiveCard {
  const body: CardElement[] = [
    textBlock(form.title, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
    ...form.intro.flatMap((block) => renderBlock(block)),
    ...form.fields.flatMap(renderField),
  ];
  return createCard(body, [submitAction(form, surface)]);
}

export function submitData(form: Pick<FormReply, 'formKind' | 'formId'>): SubmitData {
  return { osaava: 'submit', formKind: form.formKind, formId: form.formId };
}

function submitAction(form: FormReply, surface: FormSurface): CardAction {
  const data = submitData(form);
  const submit: CardAction = { type: 'Action.Submit', title: form.submitLabel, data };
  if (surface === 'dialog') return submit;
  return { type: 'Action.Execute', title: form.submitLabel, verb: SUBMIT_VERB, data, fallback: submit };
}

function renderField(field: FormField): CardElement[] {
  switch (field.type) {
    case 'multi-select': {
      const single = field.groups.length === 1;
      const sets: CardElement[] = field.groups.map((group, i) => ({
        type: 'Input.ChoiceSet',
        id: inputId('ms', field.id, i),
        label: group.label,
        isMultiSelect: true,
        style: 'expanded',
        wrap: true,
        choices: group.options.map((o) => ({ title: o.label, value: o.value })),
        ...initialValue(field.initial.filter((v) => group.options.some((o) => o.value === v))),
        // A required pick can only be enforced per choice set, so only when there is one group.
        ...(single && !field.optional ? { isRequired: true, errorMessage: field.label } : {}),
      }));
      return [textBlock(field.label, { weight: 'Bolder', spacing: 'Medium', separator: true }), ...sets];
    }
    case 'select':
      return [
        {
          type: 'Input.ChoiceSet',
          id: inputId('se', field.id),
          label: field.label,
          style: 'compact',
          wrap: true,
          choices: field.options.map((o) => ({ title: o.label, value: o.value })),
          ...(field.initial !== undefined ? { value: field.initial } : {}),
          ...required(field.optional, field.label),
        },
      ];
    case 'rating':
      return [
        {
          type: 'Input.ChoiceSet',
          id: inputId('rt', field.id),
          label: field.label,
          style: 'compact',
          wrap: true,
          choices: ratingChoices(field.min, field.max, field.minLabel, field.maxLabel),
          ...(field.initial !== undefined ? { value: String(field.initial) } : {}),
          ...required(field.optional, field.label),
        },
      ];
    case 'text':
      return [
        {
          type: 'Input.Text',
          id: inputId('tx', field.id),
          label: field.label,
          isMultiline: field.multiline,
          maxLength: field.maxLength,
          ...(field.placeholder !== undefined ? { placeholder: field.placeholder } : {}),
          ...(field.initial !== undefined ? { value: field.initial } : {}),
          ...required(field.optional, field.label),
        },
      ];
  }
}

function ratingChoices(min: number, max: number, minLabel: string, maxLabel: string): { title: string; value: string }[] {
  const choices: { title: string; value: string }[] = [];
  for (let n = Math.ceil(min); n <= max; n++) {
    const label = n === min ? ` – ${minLabel}` : n === max ? ` – ${maxLabel}` : '';
    choices.push({ title: `${n}${label}`, value: String(n) });
  }
  return choices;
}

function initialValue(values: string[]): { value?: string } {
  return values.length > 0 ? { value: values.join(',') } : {};
}

function required(optional: boolean, label: string): { isRequired?: boolean; errorMessage?: string } {
  return optional ? {} : { isRequired: true, errorMessage: label };
}
