// Schemas of the files under knowledge/. Every file is parsed with these at start-up; a file that
// breaks them stops the start with the file, the path inside it and what is wrong.
import { z } from 'zod';
import type { Lang } from '../i18n/lang.ts';

/**
 * Finnish is the authoritative text; Swedish where the curriculum itself has it (ePerusteet publishes
 * Finnish and Swedish); English where there is one — Osaava's own translation or ePerusteet's, as the
 * unit's `translations.en` says. Nothing else is ever made up.
 */
export const localizedSchema = z.strictObject({
  fi: z.string().trim().min(1),
  en: z.string().trim().min(1).optional(),
  sv: z.string().trim().min(1).optional(),
});
export type Localized = z.infer<typeof localizedSchema>;

/** The text to show in a language: English and Swedish fall back to the Finnish original, never to each other. */
export function textIn(text: Localized, lang: Lang): string {
  if (lang === 'en') return text.en ?? text.fi;
  if (lang === 'sv') return text.sv ?? text.fi;
  return text.fi;
}

/** Where a unit's English comes from: Osaava's own translation, or the curriculum (ePerusteet) itself. */
export const translationSourceSchema = z.enum(['osaava', 'eperusteet']);
export type TranslationSource = z.infer<typeof translationSourceSchema>;

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

/**
 * One criterion of a grade level. `thread` is the thread of the generic criteria it continues
 * (independence, interaction, knowledge, …); `target` is the "arvioinnin kohde" an older unit's own
 * criteria are grouped under ("Työprosessin hallinta").
 */
export const criterionSchema = z.strictObject({
  id: idSchema,
  text: localizedSchema,
  thread: idSchema.optional(),
  target: localizedSchema.optional(),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const gradeLevelSchema = z.strictObject({
  grade: z.number().int().min(1).max(5),
  id: idSchema,
  /** The ePerusteet osaamistaso the level was keyed on (its koodi uri or id); hand-written files may leave it out. */
  code: z.string().min(1).optional(),
  name: localizedSchema,
  /** Empty where the curriculum gives no criteria for the level (older units give them for 1, 3 and 5 only). */
  criteria: z.array(criterionSchema),
});
export type GradeLevel = z.infer<typeof gradeLevelSchema>;

/** '1-5': Tyydyttävä 1 … Kiitettävä 5; 'pass-fail': one level, Hyväksytty (further and specialist qualifications). */
export const gradingScaleSchema = z.enum(['1-5', 'pass-fail']);
export type GradingScale = z.infer<typeof gradingScaleSchema>;

export const demonstrationMethodSchema = z.strictObject({ id: idSchema, text: localizedSchema });
export type DemonstrationMethod = z.infer<typeof demonstrationMethodSchema>;

export const checklistColumnSchema = z.strictObject({
  id: z.enum(['workplace', 'otherwise', 'notes', 'done']),
  title: localizedSchema,
});

export const assessmentSchema = z
  .strictObject({
    scale: gradingScaleSchema.default('1-5'),
    /** The subject the criteria sentences share ("Opiskelija"). */
    subject: localizedSchema,
    threads: z.array(z.strictObject({ id: idSchema, name: localizedSchema })).default([]),
    levels: z.array(gradeLevelSchema).min(1),
  })
  .superRefine((assessment, ctx) => {
    const grades = assessment.levels.map((l) => l.grade);
    if (assessment.scale === '1-5' && grades.join() !== '1,2,3,4,5')
      ctx.addIssue({ code: 'custom', path: ['levels'], message: `the 1-5 scale has the grades 1..5 once each, in order; found ${grades.join(',')}` });
    if (assessment.scale === 'pass-fail' && grades.join() !== '1')
      ctx.addIssue({ code: 'custom', path: ['levels'], message: `the pass-fail scale has one level (grade 1, "Hyväksytty"); found grades ${grades.join(',') || 'none'}` });
    if (assessment.levels.every((l) => l.criteria.length === 0))
      ctx.addIssue({ code: 'custom', path: ['levels'], message: 'no level has any criteria' });
    const threads = new Set(assessment.threads.map((t) => t.id));
    assessment.levels.forEach((level, li) =>
      level.criteria.forEach((c, ci) => {
        if (c.thread !== undefined && !threads.has(c.thread))
          ctx.addIssue({ code: 'custom', path: ['levels', li, 'criteria', ci, 'thread'], message: `unknown thread "${c.thread}"` });
      }),
    );
  });
export type Assessment = z.infer<typeof assessmentSchema>;

export const unitSchema = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('unit'),
  /** Stable: a hand-written slug, or the unit's ePerusteet code for an imported unit. */
  id: idSchema,
  /** Short prefix used in citations, e.g. "AH"; an imported unit's is "T" and its code number ("T106727"). */
  citationPrefix: z.string().regex(/^[A-Z][A-Z0-9]{0,9}$/, 'a capital letter, then capitals or digits (at most 10 in all)'),
  /** ePerusteet code (tutkinnonosat_NNNNNN) when known. */
  koodiUri: z.string().regex(/^tutkinnonosat_\d+$/).nullable(),
  name: localizedSchema,
  aliases: z.array(z.string().min(1)).default([]),
  /** Where the English texts come from; absent when the unit has none. */
  translations: z.strictObject({ en: translationSourceSchema.optional() }).optional(),
  competencePoints: z.number().positive(),
  qualification: z.strictObject({ name: localizedSchema, diaarinumero: z.string().min(1) }),
  sections: z.array(sectionSchema).min(1),
  checklistColumns: z.array(checklistColumnSchema),
  demonstration: z.strictObject({ title: localizedSchema, methods: z.array(demonstrationMethodSchema).min(1) }),
  assessment: assessmentSchema,
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
