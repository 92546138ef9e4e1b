import { findEmails } from './find-emails.ts';
import { findIbans } from './find-ibans.ts';
import { createNameFinder, type NamedPerson, type NameTarget } from './find-names.ts';
import { findPhones } from './find-phones.ts';
import { findHetus } from './henkilotunnus.ts';
import type { RedactionKind, Span } from './span.ts';

export type { NamedPerson } from './find-names.ts';
export type { PersonKind, RedactionKind } from './span.ts';

export type RedactOptions = { names?: readonly NamedPerson[] };

export type Redaction = {
  text: string;
  /** Name placeholders that occur in `text` → the name as given in `names`. Nothing else is kept. */
  mapping: Map<string, string>;
  /** Replacements made, per kind. */
  counts: Record<RedactionKind, number>;
};

export type Redactor = {
  redact(text: string, options?: RedactOptions): Redaction;
  restore(text: string, mapping: ReadonlyMap<string, string>): string;
};

type Found = Span & { kind: RedactionKind; replacement: string };

type FixedKind = 'hetu' | 'email' | 'iban' | 'phone';
const fixedPlaceholders: Record<FixedKind, string> = { hetu: '[HETU]', email: '[EMAIL]', iban: '[IBAN]', phone: '[PHONE]' };

// Only name placeholders are ever restored; [HETU], [EMAIL], [PHONE] and [IBAN] stay redacted.
const namePlaceholderPattern = /\[(?:STUDENT|INSTRUCTOR|TEACHER|PERSON)_\d+\]/g;

function emptyCounts(): Record<RedactionKind, number> {
  return { hetu: 0, email: 0, phone: 0, iban: 0, student: 0, instructor: 0, teacher: 0, person: 0 };
}

function fixed(kind: FixedKind, spans: readonly Span[]): Found[] {
  return spans.map((span) => ({ ...span, kind, replacement: fixedPlaceholders[kind] }));
}

/**
 * Keeps the earliest-listed finding where two overlap: an e-mail address wins over the name in it,
 * an IBAN over the digits libphonenumber would read as a phone number. Returns them by position.
 */
function withoutOverlaps(findingsByPriority: readonly Found[]): Found[] {
  const kept: Found[] = [];
  for (const candidate of findingsByPriority) {
    // Binary search for the first kept finding that starts at or after the candidate.
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((kept[middle]?.start ?? 0) < candidate.start) low = middle + 1;
      else high = middle;
    }
    const before = kept[low - 1];
    const after = kept[low];
    if ((before === undefined || before.end <= candidate.start) && (after === undefined || candidate.end <= after.start)) {
      kept.splice(low, 0, candidate);
    }
  }
  return kept;
}

/** Puts names back for their placeholders; leaves every other placeholder as it is. */
export function restore(text: string, mapping: ReadonlyMap<string, string>): string {
  return text.replace(namePlaceholderPattern, (placeholder) => mapping.get(placeholder) ?? placeholder);
}

/**
 * Replaces identity codes, e-mail addresses, IBANs, phone numbers and the given people's names.
 * Works on string indices and copies every character outside a finding unchanged, so Finnish text
 * around the replacements stays exactly as it was.
 */
export function createRedactor(): Redactor {
  return {
    redact(text, options = {}) {
      const names = createNameFinder(options.names ?? []).find(text);
      const findings = withoutOverlaps([
        ...fixed('hetu', findHetus(text)),
        ...fixed('email', findEmails(text)),
        ...fixed('iban', findIbans(text)),
        ...fixed('phone', findPhones(text)),
        ...names.map(({ start, end, target }) => ({ start, end, kind: target.kind, replacement: target.placeholder })),
      ]);

      const counts = emptyCounts();
      const mapping = new Map<string, string>();
      const targets = new Map<string, NameTarget>(names.map(({ target }) => [target.placeholder, target]));
      let output = '';
      let copiedUpTo = 0;
      for (const finding of findings) {
        output += text.slice(copiedUpTo, finding.start) + finding.replacement;
        copiedUpTo = finding.end;
        counts[finding.kind] += 1;
        const target = targets.get(finding.replacement);
        if (target !== undefined) mapping.set(target.placeholder, target.restoreTo);
      }
      output += text.slice(copiedUpTo);
      return { text: output, mapping, counts };
    },
    restore,
  };
}
