// Text limits, checked with zod before writing (and backed by CHECK constraints in the schema).
// 4,000 characters is several minutes of typing: long enough for a real reflection, short enough
// to keep one message, one prompt and one export row readable.
export const REFLECTION_TEXT_MAX = 4000;
export const REFLECTION_NOTE_MAX = 2000; // `hard` and `help_needed`
export const OBSERVATION_TEXT_MAX = 4000;
export const EVIDENCE_NOTE_TEXT_MAX = 2000;
export const NAME_MAX = 200;
export const EMAIL_MAX = 320;
export const WORKPLACE_NAME_MAX = 200;
export const KEY_WORK_TASK_MAX = 500;
export const ID_MAX = 200;
