// Form fields travel as input blocks whose block_id names the field and its kind; reading a
// submission back is the inverse. Slack's `state.values` is untrusted and parsed with zod.
import { z } from 'zod';
import type { FormField } from '../../conversation/reply.ts';
import { INPUT_ACTION_ID, type FormValues } from './interaction-ids.ts';

const fieldCodes = { 'multi-select': 'm', select: 's', rating: 'r', text: 't' } as const satisfies Record<FormField['type'], string>;
type FieldCode = (typeof fieldCodes)[keyof typeof fieldCodes];

/** `osaava:t:id`, and `osaava:t2:id`, `osaava:t3:id`… for the further inputs of a text split over several. */
const blockIdPattern = /^osaava:([msrt])(\d*):(.+)$/;

/** The block id of a field's input; `part` (2, 3, …) for the further inputs of a long text split over several. */
export function fieldBlockId(field: FormField, part = 1): string {
  return `osaava:${fieldCodes[field.type]}${part > 1 ? String(part) : ''}:${field.id}`;
}

const optionSchema = z.object({ value: z.string() });
const elementStateSchema = z.object({
  value: z.string().nullish(),
  selected_option: optionSchema.nullish(),
  selected_options: z.array(optionSchema).nullish(),
});
type ElementState = z.infer<typeof elementStateSchema>;
const stateValuesSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

function isFieldCode(code: string): code is FieldCode {
  return code === 'm' || code === 's' || code === 'r' || code === 't';
}

function readValue(code: FieldCode, state: ElementState): FormValues[string] {
  switch (code) {
    case 'm':
      return (state.selected_options ?? []).map((o) => o.value);
    case 's':
      return state.selected_option?.value;
    case 'r': {
      const raw = state.selected_option?.value;
      return raw !== undefined && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    }
    case 't': {
      const text = state.value ?? undefined;
      return text?.trim() ? text : undefined;
    }
  }
}

/**
 * The values of Osaava's input blocks in a `state.values` object, keyed by field id. Blocks that are
 * not ours and element states of an unexpected shape are skipped, never thrown on.
 */
export function readFormValues(stateValues: unknown): FormValues {
  const parsed = stateValuesSchema.safeParse(stateValues);
  if (!parsed.success) return {};
  const values: FormValues = {};
  // A text longer than one input holds came in several inputs; the parts are joined back in order.
  const textParts = new Map<string, Map<number, string>>();
  for (const [blockId, elements] of Object.entries(parsed.data)) {
    const match = blockIdPattern.exec(blockId);
    const code = match?.[1];
    const part = Number(match?.[2] || '1');
    const fieldId = match?.[3];
    if (!code || !fieldId || !isFieldCode(code)) continue;
    const element = elementStateSchema.safeParse(elements[INPUT_ACTION_ID]);
    if (!element.success) continue;
    if (code === 't') {
      const parts = textParts.get(fieldId) ?? new Map<number, string>();
      parts.set(part, element.data.value ?? '');
      textParts.set(fieldId, parts);
      continue;
    }
    if (part !== 1) continue;
    values[fieldId] = readValue(code, element.data);
  }
  for (const [fieldId, parts] of textParts) {
    const joined = [...parts.entries()].sort(([a], [b]) => a - b).map(([, text]) => text).join('');
    values[fieldId] = readValue('t', { value: joined });
  }
  return values;
}
