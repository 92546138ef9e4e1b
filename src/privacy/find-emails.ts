import type { Span } from './span.ts';

const localPart = String.raw`[\p{L}\p{N}._%+-]+`;
const domainLabel = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
// Unicode letters on both sides: Finnish addresses like äiti.öljynen@esimerkki.fi exist in chat text.
const emailPattern = new RegExp(
  String.raw`(?<![\p{L}\p{N}._%+-])${localPart}@(?:${domainLabel}\.)+\p{L}{2,}(?![\p{L}\p{N}])`,
  'gu',
);

export function findEmails(text: string): Span[] {
  return [...text.matchAll(emailPattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}
