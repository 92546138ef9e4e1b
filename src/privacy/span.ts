export type PersonKind = 'student' | 'instructor' | 'teacher' | 'person';
export type RedactionKind = 'hetu' | 'email' | 'phone' | 'iban' | PersonKind;

/** A stretch of the text, in UTF-16 indices as `String.prototype.slice` counts them. */
export type Span = { start: number; end: number };

/** Letters, combining marks and digits: what a whole-word match may not touch. */
export const wordCharacter = String.raw`[\p{L}\p{M}\p{N}]`;

/** Escapes a literal for a `u`-flag pattern (where `\-` outside a class is a syntax error). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[\\^$.*+?()[\]{}|/]/g, String.raw`\$&`);
}
