export { createRedactor, restore } from './redact.ts';
export type { NamedPerson, PersonKind, Redaction, RedactionKind, RedactOptions, Redactor } from './redact.ts';
export { findHetus, hetuCheckCharacter, isValidHetu } from './henkilotunnus.ts';
export type { HetuMatch } from './henkilotunnus.ts';
