// How a form's fields are named inside an Adaptive Card, and how a submitted card's data becomes a
// FormSubmission's values again. The input id carries the field's type, so reading a submission needs
// no server-side copy of the form: `osv:tx:comment`, `osv:rt:confidence`, `osv:ms:requirements:0`.
import { z } from 'zod';
import type { FormSubmission } from '../../conversation/incoming.ts';
import type { FormKind } from '../../conversation/reply.ts';

export const SUBMIT_VERB = 'osaava.submit';

export const formKindSchema = z.enum(['checkin', 'observation', 'checkin-time']);
// Fails to compile if the core adds a form kind this schema does not know.
const everyFormKind: Record<FormKind, true> = { checkin: true, observation: true, 'checkin-time': true };
void everyFormKind;

export type InputKind = 'ms' | 'se' | 'rt' | 'tx';

export function inputId(kind: InputKind, fieldId: string, group?: number): string {
  return group === undefined ? `osv:${kind}:${fieldId}` : `osv:${kind}:${fieldId}:${group}`;
}

const groupedId = /^osv:ms:(.+):(\d+)$/;
const plainId = /^osv:(se|rt|tx):(.+)$/;

/** The data Osaava puts on a form's submit action; Teams merges the inputs' values into it. */
export const submitDataSchema = z
  .object({
    osaava: z.literal('submit'),
    formKind: formKindSchema,
    formId: z.string().trim().min(1).max(500),
  })
  .catchall(z.unknown());

export type SubmitPayload = Pick<FormSubmission, 'formKind' | 'formId' | 'values'>;

// Input values arrive as strings; other scalars are tolerated, anything else is malformed.
const inputValueSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String);

export type ParsedSubmission = { ok: true; submission: SubmitPayload } | { ok: false; reason: string };

/** Reads a submitted card's data. Unknown keys are ignored; a malformed value rejects the whole submission. */
export function parseSubmission(data: unknown): ParsedSubmission {
  const parsed = submitDataSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ') };
  const { osaava: _marker, formKind, formId, ...inputs } = parsed.data;
  const values: SubmitPayload['values'] = {};
  for (const [key, raw] of Object.entries(inputs)) {
    const grouped = groupedId.exec(key);
    const plain = grouped ? null : plainId.exec(key);
    if (!grouped && !plain) continue;
    const value = inputValueSchema.safeParse(raw);
    if (!value.success) return { ok: false, reason: `${key}: not a plain value` };
    const text = value.data.trim();
    if (grouped?.[1] !== undefined) {
      // A multi-select shown as one choice set per group: the groups' comma-joined picks are merged.
      const fieldId = grouped[1];
      const current = values[fieldId];
      const picked = text ? text.split(',').map((v) => v.trim()).filter(Boolean) : [];
      values[fieldId] = [...(Array.isArray(current) ? current : []), ...picked];
      continue;
    }
    const kind = plain?.[1];
    const fieldId = plain?.[2];
    if (fieldId === undefined) continue;
    if (kind === 'rt') {
      if (!text) {
        values[fieldId] = undefined;
        continue;
      }
      const n = Number(text);
      if (!Number.isInteger(n)) return { ok: false, reason: `${key}: not a whole number` };
      values[fieldId] = n;
    } else {
      values[fieldId] = text || undefined;
    }
  }
  return { ok: true, submission: { formKind, formId, values } };
}
