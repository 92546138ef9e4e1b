// Schemas of the files under knowledge/. Every file is parsed with these at start-up; a file that
// breaks them stops the start with the file, the path inside it and what is wrong.
import { z } from 'zod';
import type { Lang } from '../i18n/lang.ts';

/**
 * Finnish is the authoritative text; English is Osaava's own translation and is labelled as such;
 * Swedish where the curriculum itself has it (ePerusteet publishes Finnish and Swedish).
 */
export const localizedSchema = z.strictObject({
  fi: z.string().trim().min(1),
  en: z.string().trim().min(1),
  sv: z.string().trim().min(1).optional(),
});
export type Localized = z.infer<typeof localizedSchema>;

/** The text to show in a language: Swedish falls back to the Finnish original, never to our English. */
export function textIn(text: Localized, lang: Lang): string {
  if (lang === 'en') return text.en;
  if (lang === 'sv') return text.sv ?? text.fi;
  return text.fi;
}

const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids are letters, digits, ".", "_" and "-"');

export const requirementSchema = z.strictObject({
  id: idSchema,
  text: localizedSchema,
  /** Extra words people use for this requirement (both languages); helps retrieval, never shown as text. */
  keywords: z.array(z.string().min(1)).default([]),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const sectionSchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  aliases: z.array(z.string().min(1)).default([]),
  requirements: z.array(requirementSchema).min(1),
});
export type Section = z.infer<typeof sectionSchema>;

/** The thread of the generic criteria a criterion continues (independence, interaction, knowledge, …). */
export const criterionSchema = z.strictObject({ id: idSchema, text: localizedSchema, thread: idSchema });
export type Criterion = z.infer<typeof criterionSchema>;

export const gradeLevelSchema = z.strictObject({
  grade: z.number().int().min(1).max(5),
  id: idSchema,
  name: localizedSchema,
  criteria: z.array(criterionSchema).min(1),
});
export type GradeLevel = z.infer<typeof gradeLevelSchema>;

export const demonstrationMethodSchema = z.strictObject({ id: idSchema, text: localizedSchema });
export type DemonstrationMethod = z.infer<typeof demonstrationMethodSchema>;

export const checklistColumnSchema = z.strictObject({
  id: z.enum(['workplace', 'otherwise', 'notes', 'done']),
  title: localizedSchema,
});

export const unitSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('unit'),
  id: idSchema,
  /** Short prefix used in citations, e.g. "AH". */
  citationPrefix: z.string().regex(/^[A-Z]{1,6}$/),
  /** ePerusteet code (tutkinnonosat_NNNNNN) when known. */
  koodiUri: z.string().regex(/^tutkinnonosat_\d+$/).nullable(),
  name: localizedSchema,
  aliases: z.array(z.string().min(1)).default([]),
  competencePoints: z.number().positive(),
  qualification: z.strictObject({ name: localizedSchema, diaarinumero: z.string().min(1) }),
  sections: z.array(sectionSchema).min(1),
  checklistColumns: z.array(checklistColumnSchema),
  demonstration: z.strictObject({ title: localizedSchema, methods: z.array(demonstrationMethodSchema).min(1) }),
  assessment: z.strictObject({
    /** The subject the criteria sentences share ("Opiskelija"). */
    subject: localizedSchema,
    threads: z.array(z.strictObject({ id: idSchema, name: localizedSchema })).min(1),
    levels: z.array(gradeLevelSchema).length(5),
  }),
  sources: z.array(z.string().min(1)).min(1),
});
export type Unit = z.infer<typeof unitSchema>;

export const documentRecordKindSchema = z.enum([
  'introduction', 'concept', 'theme', 'critical-point', 'perspective', 'exercise', 'story', 'questions', 'section',
]);
export type DocumentRecordKind = z.infer<typeof documentRecordKindSchema>;

export const documentRecordSchema = z.strictObject({
  id: idSchema,
  kind: documentRecordKindSchema,
  /** The document's own headings from the top down to this record. */
  headingPath: z.array(z.string().min(1)).min(1),
  title: localizedSchema,
  /** Cleaned Finnish text of the record: hyphenation joined, layout fragments removed, otherwise verbatim. */
  text: z.string().trim().min(1),
  /** Reflection or discussion questions the document gives with this record, verbatim. */
  questions: z.array(z.string().min(1)).default([]),
  keywords: z.array(z.string().min(1)).default([]),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;

export const supportingDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('document'),
  id: idSchema,
  citationPrefix: z.string().regex(/^[A-Z]{1,6}$/),
  source: z.string().min(1),
  title: localizedSchema,
  description: localizedSchema,
  records: z.array(documentRecordSchema).min(1),
});
export type SupportingDocument = z.infer<typeof supportingDocumentSchema>;

export const glossarySchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('glossary'),
  /** English word or phrase (lower case) → Finnish search terms. */
  enToFi: z.record(z.string(), z.array(z.string().min(1))),
  /** Swedish word or phrase (lower case, base form; inflected forms are found by their endings) → Finnish search terms. */
  svToFi: z.record(z.string(), z.array(z.string().min(1))).default({}),
  /** Finnish inflected or colloquial form → base form the index knows. */
  fiLemmas: z.record(z.string(), z.string()),
});
export type Glossary = z.infer<typeof glossarySchema>;

export const knowledgeFileSchema = z.discriminatedUnion('kind', [unitSchema, supportingDocumentSchema, glossarySchema]);
export type KnowledgeFile = z.infer<typeof knowledgeFileSchema>;
