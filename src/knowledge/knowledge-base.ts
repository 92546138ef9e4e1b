// The loaded knowledge as one read-only object: units, supporting documents and a flat list of
// citable items (requirement, criterion, method, unit facts, document passage) with stable ids.
import type { Lang } from '../i18n/lang.ts';
import type { Citation, SourceKind } from './citation.ts';
import { compact } from '../text/normalize.ts';
import type { KnowledgeFiles } from './load-knowledge.ts';
import { type Criterion, type DocumentRecord, type GradeLevel, type Localized, type Requirement, type Section, type SupportingDocument, textIn, type Unit } from './schema.ts';
import { texts } from './texts.ts';

export type KnowledgeItem =
  | { kind: 'requirement'; id: string; unit: Unit; section: Section; requirement: Requirement }
  | { kind: 'criterion'; id: string; unit: Unit; level: GradeLevel; criterion: Criterion }
  | { kind: 'method'; id: string; unit: Unit; text: Localized }
  | { kind: 'unit'; id: string; unit: Unit }
  | { kind: 'passage'; id: string; document: SupportingDocument; record: DocumentRecord };

export interface KnowledgeBase {
  readonly units: readonly Unit[];
  readonly documents: readonly SupportingDocument[];
  readonly items: readonly KnowledgeItem[];
  /** Folded keys: English and Swedish words and phrases → Finnish search terms; Finnish forms → base forms. */
  readonly glossary: { enToFi: Map<string, string[]>; svToFi: Map<string, string[]>; fiLemmas: Map<string, string> };
  item(id: string): KnowledgeItem | undefined;
  /** A unit by its id or its ePerusteet code (tutkinnonosat_NNNNNN). */
  unit(id: string): Unit | undefined;
  /** The units of `ids` the base knows (by id or ePerusteet code), in that order, each once. */
  unitsByIds(ids: readonly string[]): Unit[];
  /** The unit a question names by name (Finnish, Swedish, English) or alias, if any: the longest name named. */
  unitNamedIn(text: string): Unit | undefined;
  /** Every unit a question names, the longest name first (two units may share a name or an alias). */
  unitsNamedIn(text: string): Unit[];
  defaultUnit(): Unit;
  requirements(unit: Unit): { section: Section; requirement: Requirement }[];
  level(unit: Unit, grade: number): GradeLevel | undefined;
  cite(item: KnowledgeItem, lang: Lang): Citation;
}

export function unitFactsId(unit: Unit): string {
  return `${unit.citationPrefix}-UNIT`;
}

function itemsOf(files: KnowledgeFiles): KnowledgeItem[] {
  const items: KnowledgeItem[] = [];
  for (const unit of files.units) {
    items.push({ kind: 'unit', id: unitFactsId(unit), unit });
    for (const section of unit.sections)
      for (const requirement of section.requirements) items.push({ kind: 'requirement', id: requirement.id, unit, section, requirement });
    for (const level of unit.assessment.levels)
      for (const criterion of level.criteria) items.push({ kind: 'criterion', id: criterion.id, unit, level, criterion });
    for (const method of unit.demonstration.methods) items.push({ kind: 'method', id: method.id, unit, text: method.text });
  }
  for (const document of files.documents)
    for (const record of document.records) items.push({ kind: 'passage', id: record.id, document, record });
  return items;
}

/** "English name (Finnish name)", or the Finnish name alone when there is no English one. */
function withFinnish(text: Localized, lang: 'en' | 'sv'): string {
  const own = text[lang];
  return own ? `${own} (${text.fi})` : text.fi;
}

function unitFactsText(unit: Unit): Localized {
  const { name, qualification } = unit;
  return {
    fi: `${name.fi}, ${unit.competencePoints} osp. ${qualification.name.fi}, ${qualification.diaarinumero}. Osat: ${unit.sections.map((s) => s.title.fi).join(', ')}.`,
    en: `${withFinnish(name, 'en')}, ${unit.competencePoints} competence points (osp). ${withFinnish(qualification.name, 'en')}, ${qualification.diaarinumero}.`,
    // Swedish only from the curriculum's own Swedish names.
    ...(name.sv && qualification.name.sv
      ? { sv: `${name.sv}, ${unit.competencePoints} kompetenspoäng (kp). ${qualification.name.sv}, ${qualification.diaarinumero}.` }
      : {}),
  };
}

export function textOf(item: KnowledgeItem): Localized {
  switch (item.kind) {
    case 'requirement':
      return item.requirement.text;
    case 'criterion':
      return item.criterion.text;
    case 'method':
      return item.text;
    case 'unit':
      return unitFactsText(item.unit);
    case 'passage':
      return { fi: item.record.text, en: item.record.title.en };
  }
}

/** The title in the reader's language; Swedish falls back to the Finnish original (textIn). */
function titleOf(item: KnowledgeItem, lang: Lang): string {
  switch (item.kind) {
    case 'requirement':
      return `${textIn(item.section.title, lang)}: ${textIn(item.requirement.text, lang)}`;
    case 'criterion':
      return `${textIn(item.level.name, lang)}: ${textIn(item.criterion.text, lang)}`;
    case 'method':
      return textIn(item.unit.demonstration.title, lang);
    case 'unit':
      return textIn(item.unit.name, lang);
    case 'passage':
      return textIn(item.record.title, lang);
  }
}

function originOf(item: KnowledgeItem, lang: Lang): string {
  const assessment = texts.in(lang)('assessmentOfCompetence');
  switch (item.kind) {
    case 'requirement':
      return `${item.unit.name.fi} › ${item.section.title.fi} (${item.unit.qualification.diaarinumero})`;
    case 'criterion':
      return `${item.unit.name.fi} › ${assessment} › ${item.level.name.fi}`;
    case 'method':
      return `${item.unit.name.fi} › ${item.unit.demonstration.title.fi}`;
    case 'unit':
      return `${item.unit.qualification.name.fi}, ${item.unit.qualification.diaarinumero}`;
    case 'passage':
      return `${item.document.title.fi} › ${item.record.headingPath.join(' › ')}`;
  }
}

const KIND: Record<KnowledgeItem['kind'], SourceKind> = {
  requirement: 'requirement',
  criterion: 'criterion',
  method: 'method',
  unit: 'unit',
  passage: 'passage',
};

export function createKnowledgeBase(files: KnowledgeFiles): KnowledgeBase {
  const items = itemsOf(files);
  const byId = new Map(items.map((i) => [i.id, i]));
  const enToFi = new Map<string, string[]>();
  const svToFi = new Map<string, string[]>();
  const fiLemmas = new Map<string, string>();
  for (const g of files.glossaries) {
    for (const [en, fi] of Object.entries(g.enToFi)) enToFi.set(compact(en), [...(enToFi.get(compact(en)) ?? []), ...fi]);
    for (const [sv, fi] of Object.entries(g.svToFi)) svToFi.set(compact(sv), [...(svToFi.get(compact(sv)) ?? []), ...fi]);
    for (const [form, lemma] of Object.entries(g.fiLemmas)) fiLemmas.set(compact(form), lemma);
  }
  const unitNames = files.units
    .flatMap((unit) => [unit.name.fi, unit.name.en, unit.name.sv, ...unit.aliases].flatMap((name) => (name ? [{ unit, name: compact(name) }] : [])))
    .sort((a, b) => b.name.length - a.name.length);
  const unitsById = new Map<string, Unit>();
  for (const unit of files.units) {
    unitsById.set(unit.id, unit);
    if (unit.koodiUri && !unitsById.has(unit.koodiUri)) unitsById.set(unit.koodiUri, unit);
  }
  // Names by their first word: a question is checked against the few names that could start at each of
  // its words, not against every name of a base of hundreds of units.
  const namesByFirstWord = new Map<string, number[]>();
  unitNames.forEach(({ name }, i) => {
    const first = name.split(' ')[0] ?? '';
    namesByFirstWord.set(first, [...(namesByFirstWord.get(first) ?? []), i]);
  });
  const unitsNamedIn = (text: string): Unit[] => {
    const folded = compact(text);
    const haystack = ` ${folded} `;
    const named = new Set<number>();
    for (const word of new Set(folded.split(' ')))
      for (const i of namesByFirstWord.get(word) ?? []) if (haystack.includes(` ${unitNames[i]?.name} `)) named.add(i);
    // In the order of unitNames: the longest name first.
    return [...new Set([...named].sort((a, b) => a - b).flatMap((i) => unitNames[i]?.unit ?? []))];
  };
  const [first] = files.units;
  if (!first) throw new Error('knowledge base has no unit');

  return {
    units: files.units,
    documents: files.documents,
    items,
    glossary: { enToFi, svToFi, fiLemmas },
    item: (id) => byId.get(id),
    unit: (id) => unitsById.get(id),
    unitsByIds: (ids) => [...new Set(ids.flatMap((id) => unitsById.get(id) ?? []))],
    unitNamedIn: (text) => unitsNamedIn(text)[0],
    unitsNamedIn,
    defaultUnit: () => first,
    requirements: (unit) => unit.sections.flatMap((section) => section.requirements.map((requirement) => ({ section, requirement }))),
    level: (unit, grade) => unit.assessment.levels.find((l) => l.grade === grade),
    cite(item, lang) {
      const text = textOf(item);
      return {
        id: item.id,
        kind: KIND[item.kind],
        title: titleOf(item, lang),
        text_fi: text.fi,
        // The English (Osaava's or the curriculum's) goes with Finnish and English citations; a Swedish reader gets
        // the Finnish original, and the curriculum's Swedish where it has one — never the English.
        ...(item.kind === 'passage' || lang === 'sv' || !text.en ? {} : { text_en: text.en }),
        ...(lang === 'sv' && text.sv ? { text_sv: text.sv } : {}),
        origin: originOf(item, lang),
      };
    },
  };
}
