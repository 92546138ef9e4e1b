// The ids Osaava puts on Block Kit elements and views, and the schemas of what they carry. Whatever
// comes back from Slack is parsed here once; an id or value we did not write becomes `unknown`.
import { z } from 'zod';
import type { FormKind } from '../../conversation/reply.ts';
import { LANGS } from '../../i18n/lang.ts';

export const SLASH_COMMAND = '/osaava';
export const LOG_OBSERVATION_SHORTCUT = 'log_observation';
/** Every modal Osaava opens; what it is for travels in `private_metadata`. */
export const FORM_VIEW_CALLBACK = 'osaava_form';

export const ACTION_SUGGEST = 'osaava_suggest';
export const ACTION_SUBMIT = 'osaava_form_submit';
export const ACTION_OPEN_TEXT = 'osaava_form_text';
/** The action id of every input element; they sit one per block, so it need not differ. */
export const INPUT_ACTION_ID = 'osaava_input';

/** Action ids must be unique within a block, so suggestion buttons are numbered. */
export const suggestActionId = (index: number): string => `${ACTION_SUGGEST}:${index}`;

export const formKindSchema = z.enum(['checkin', 'observation', 'checkin-time']) satisfies z.ZodType<FormKind>;
export const langSchema = z.enum(LANGS);

/** Which form a submit button or modal belongs to (short keys: a button value holds 2,000 characters). */
export const formRefSchema = z.object({ k: formKindSchema, id: z.string().min(1).max(500) });
export type FormRef = z.infer<typeof formRefSchema>;

export const textFieldDefSchema = z.object({
  id: z.string().min(1),
  label: z.string(),
  max: z.number().int().positive(),
  opt: z.boolean(),
  ph: z.string().optional(),
  init: z.string().optional(),
});
export type TextFieldDef = z.infer<typeof textFieldDefSchema>;

/** The "write" button of a form message: enough to draw the modal of its long text fields. */
export const textModalRefSchema = formRefSchema.extend({
  l: langSchema,
  t: z.string(),
  s: z.string(),
  f: z.array(textFieldDefSchema).min(1).max(20),
});
export type TextModalRef = z.infer<typeof textModalRefSchema>;

export const formValueSchema = z.union([z.string(), z.array(z.string()), z.number(), z.undefined()]);
export const formValuesSchema = z.record(z.string(), formValueSchema);
export type FormValues = z.infer<typeof formValuesSchema>;

/** A submit button's value: the form, and values picked before (a form re-posted as a message when its modal could not open). */
export const submitRefSchema = formRefSchema.extend({ c: formValuesSchema.optional() });
export type SubmitRef = z.infer<typeof submitRefSchema>;

/** Where the core's replies to a submitted form go. */
export const formTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ kind: z.literal('ephemeral'), responseUrl: z.url({ protocol: /^https?$/ }) }),
  z.object({ kind: z.literal('home') }),
  z.object({ kind: z.literal('dm') }),
]);
export type FormTarget = z.infer<typeof formTargetSchema>;

/** A modal's `private_metadata` (3,000 characters at most). */
export const viewMetadataSchema = formRefSchema.extend({
  target: formTargetSchema,
  /** Values already picked in the message the modal was opened from. */
  carried: formValuesSchema.optional(),
});
export type ViewMetadata = z.infer<typeof viewMetadataSchema>;

export type ParsedAction =
  | { kind: 'suggest'; text: string }
  | { kind: 'submit'; form: SubmitRef }
  | { kind: 'open-text'; form: TextModalRef }
  /** An input changed; Slack only says so when asked to (`dispatch_action`), but if it does, it is no error. */
  | { kind: 'input' }
  | { kind: 'unknown'; actionId: string; problem: string };

const actionSchema = z.object({ action_id: z.string(), value: z.string().optional() });

function parseJsonValue<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a block action into what Osaava meant by it; anything else is `unknown`, never a throw. */
export function parseAction(action: unknown): ParsedAction {
  const parsed = actionSchema.safeParse(action);
  if (!parsed.success) return { kind: 'unknown', actionId: '', problem: 'not an action' };
  const { action_id: actionId, value } = parsed.data;
  if (actionId === INPUT_ACTION_ID) return { kind: 'input' };
  if (new RegExp(`^${ACTION_SUGGEST}:\\d+$`).test(actionId)) {
    return value?.trim() ? { kind: 'suggest', text: value } : { kind: 'unknown', actionId, problem: 'suggestion without text' };
  }
  if (actionId === ACTION_SUBMIT) {
    const form = parseJsonValue(submitRefSchema, value);
    return form ? { kind: 'submit', form } : { kind: 'unknown', actionId, problem: 'malformed form reference' };
  }
  if (actionId === ACTION_OPEN_TEXT) {
    const form = parseJsonValue(textModalRefSchema, value);
    return form ? { kind: 'open-text', form } : { kind: 'unknown', actionId, problem: 'malformed text-form reference' };
  }
  return { kind: 'unknown', actionId, problem: 'unknown action id' };
}

export function parseViewMetadata(metadata: string): ViewMetadata | undefined {
  return parseJsonValue(viewMetadataSchema, metadata);
}
