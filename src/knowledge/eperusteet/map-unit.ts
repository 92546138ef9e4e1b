// One ePerusteet unit (tutkinnon osa) → one knowledge unit file, or the list of what could not be mapped.
// Pure: no I/O. Ids come from the unit's code and the positions in ePerusteet's own order, so the same
// source gives the same ids; levels are keyed on the osaamistaso code (or its id), never on its title.
import type { z } from 'zod';
import { type GradeLevel, type Localized, type Requirement, type Section, type Unit, unitSchema } from '../schema.ts';
import {
  type Ammattitaitovaatimus,
  type LokalisoituTeksti,
  type Osaamistaso,
  type OsaamistasonKriteeri,
  type TutkinnonOsa,
  tutkinnonOsaSchema,
} from './eperusteet-json.ts';
import { htmlBlocks, htmlItems, htmlToText } from './html-text.ts';

/** Something the importer could not map (a problem refuses the unit) or chose to leave out (a notice). */
export interface MappingIssue {
  path: string;
  reason: string;
}

export interface UnitContext {
  qualification: { name: Localized; diaarinumero: string };
  /** The unit's size in competence points (osp), from the qualification's structure. */
  competencePoints: number | null | undefined;
  /** Where the JSON came from (URL or file), written into the unit's `sources`. */
  source: string;
}

export interface MappedUnit {
  unit?: Unit;
  problems: MappingIssue[];
  notices: MappingIssue[];
  /** Not a unit the knowledge base holds (a common unit made of osa-alueet): left out, and said why. */
  skipped?: string;
}

type Lang = 'fi' | 'sv' | 'en';
const LANGS: readonly Lang[] = ['fi', 'sv', 'en'];

/** The grades' names where the curriculum's JSON does not carry them (the national scale's own names). */
const GRADE_NAMES: Record<number, Localized> = {
  1: { fi: 'Tyydyttävä 1', sv: 'Nöjaktig 1' },
  2: { fi: 'Tyydyttävä 2', sv: 'Nöjaktig 2' },
  3: { fi: 'Hyvä 3', sv: 'God 3' },
  4: { fi: 'Hyvä 4', sv: 'God 4' },
  5: { fi: 'Kiitettävä 5', sv: 'Berömlig 5' },
};
const PASS_NAME: Localized = { fi: 'Hyväksytty', sv: 'Godkänd' };
const DEFAULT_SUBJECT: Localized = { fi: 'Opiskelija', sv: 'Den studerande' };
const DEMONSTRATION_TITLE: Localized = { fi: 'Ammattitaidon osoittamistavat', sv: 'Sätt att visa yrkesskicklighet' };
// Osaava's own checklist labels (the placement checklist), not curriculum text.
const CHECKLIST: Unit['checklistColumns'] = [
  { id: 'workplace', title: { fi: 'Näytetään työpaikalla', en: 'Shown at the workplace', sv: 'Visas på arbetsplatsen' } },
  { id: 'otherwise', title: { fi: 'Näytetään muuten', en: 'Shown otherwise', sv: 'Visas på annat sätt' } },
  { id: 'notes', title: { fi: 'Huomiot', en: 'Notes', sv: 'Anteckningar' } },
  { id: 'done', title: { fi: 'Tehty', en: 'Done', sv: 'Klart' } },
];

type LevelKey = { scale: '1-5'; grade: number; code: string } | { scale: 'pass-fail'; grade: 1; code: string } | { unsupported: string };

/**
 * The level an osaamistaso stands for, by its Koodisto code (arviointiasteikkoammatillinen15_3) or, in
 * JSON without codes, by its id in ePerusteet's scales (1: hyväksytty; 2–4: the old 1–3 scale; 5–9: 1–5).
 */
export function levelKey(taso: Osaamistaso | null | undefined, reference?: string | null): LevelKey | undefined {
  const uri = taso?.koodi?.uri ?? undefined;
  if (uri) {
    const five = /^arviointiasteikkoammatillinen15_([1-5])$/.exec(uri);
    if (five) return { scale: '1-5', grade: Number(five[1]), code: uri };
    if (/^arviointiasteikkoammatillinenhyvaksyttyhylatty_1$/.test(uri)) return { scale: 'pass-fail', grade: 1, code: uri };
    if (/^arviointiasteikkoammatillinent1k3_/.test(uri)) return { unsupported: `the 1-3 scale (${uri}) is not supported` };
    return { unsupported: `unknown level code "${uri}"` };
  }
  const id = taso?.id ?? reference ?? undefined;
  if (id === undefined) return undefined;
  const n = Number(id);
  if (n === 1) return { scale: 'pass-fail', grade: 1, code: `osaamistaso_${id}` };
  if (n >= 5 && n <= 9) return { scale: '1-5', grade: n - 4, code: `osaamistaso_${id}` };
  if (n >= 2 && n <= 4) return { unsupported: `the 1-3 scale (osaamistaso ${id}) is not supported` };
  return { unsupported: `unknown osaamistaso id ${id}` };
}

class Mapping {
  readonly problems: MappingIssue[] = [];
  readonly notices: MappingIssue[] = [];
  english = false;

  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  problem(path: string, reason: string): void {
    this.problems.push({ path: `${this.root}.${path}`, reason });
  }

  notice(path: string, reason: string): void {
    this.notices.push({ path: `${this.root}.${path}`, reason });
  }

  /** A localized text as clean text in each language it has; undefined (and a problem) without Finnish. */
  text(value: LokalisoituTeksti | null | undefined, path: string, required = true): Localized | undefined {
    const out: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      const raw = value?.[lang];
      const clean = raw ? htmlToText(raw) : '';
      if (clean) out[lang] = clean;
    }
    if (!out.fi) {
      if (required) this.problem(`${path}.fi`, value ? 'no Finnish text' : 'missing');
      return undefined;
    }
    if (out.en) this.english = true;
    return { fi: out.fi, ...(out.en ? { en: out.en } : {}), ...(out.sv ? { sv: out.sv } : {}) };
  }
}

function requirementText(m: Mapping, v: Ammattitaitovaatimus, path: string): Localized | undefined {
  // When the requirement has a code, the code's name is its text (the editor keeps both in step).
  if (v.koodi?.nimi?.fi) return m.text(v.koodi.nimi, `${path}.koodi.nimi`);
  return m.text(v.vaatimus, `${path}.vaatimus`);
}

function sectionsFrom2019(m: Mapping, unit: TutkinnonOsa, name: Localized, prefix: string): Section[] {
  const source = unit.ammattitaitovaatimukset2019;
  if (!source) return [];
  const groups: { title: Localized | undefined; path: string; vaatimukset: Ammattitaitovaatimus[] }[] = [];
  if (source.vaatimukset?.length) groups.push({ title: name, path: 'ammattitaitovaatimukset2019', vaatimukset: source.vaatimukset });
  (source.kohdealueet ?? []).forEach((alue, i) => {
    const path = `ammattitaitovaatimukset2019.kohdealueet.${i}`;
    if (!alue.vaatimukset?.length) return;
    groups.push({ title: m.text(alue.kuvaus, `${path}.kuvaus`), path, vaatimukset: alue.vaatimukset });
  });
  return groups.flatMap((group, k) => {
    const requirements = group.vaatimukset.flatMap((v, j): Requirement[] => {
      const text = requirementText(m, v, `${group.path}.vaatimukset.${j}`);
      return text ? [{ id: `${prefix}-V${k + 1}.${j + 1}`, text, keywords: [] }] : [];
    });
    return group.title ? [{ id: `${prefix}-S${k + 1}`, title: group.title, aliases: [], requirements }] : [];
  });
}

/** Older units: the requirements as HTML, a list per section under the paragraph before it. */
function sectionsFromHtml(m: Mapping, unit: TutkinnonOsa, name: Localized, prefix: string): Section[] {
  const html = unit.ammattitaitovaatimukset;
  if (!html?.fi) return [];
  const shape = (lang: Lang) => {
    const out: { title?: string; items: string[] }[] = [];
    let title: string | undefined;
    for (const block of htmlBlocks(html[lang] ?? '')) {
      if (block.kind === 'paragraph') title = title ? `${title} ${block.text}` : block.text;
      else {
        out.push({ title, items: block.items });
        title = undefined;
      }
    }
    return out;
  };
  const fi = shape('fi');
  const others = { sv: shape('sv'), en: shape('en') };
  const aligned = (other: typeof fi) => other.length === fi.length && other.every((s, i) => s.items.length === fi[i]?.items.length);
  for (const lang of ['sv', 'en'] as const)
    if (html[lang] && !aligned(others[lang])) m.notice(`ammattitaitovaatimukset.${lang}`, `its lists do not match the Finnish ones item for item; the ${lang} requirements are left out`);
  const pick = (lang: 'sv' | 'en', k: number, value: (s: { title?: string; items: string[] }) => string | undefined) =>
    html[lang] && aligned(others[lang]) ? value(others[lang][k] ?? { items: [] }) : undefined;
  return fi.map((section, k) => {
    const localized = (fiText: string, sv?: string, en?: string): Localized => {
      if (en) m.english = true;
      return { fi: fiText, ...(en ? { en } : {}), ...(sv ? { sv } : {}) };
    };
    const title = section.title ? localized(section.title, pick('sv', k, (s) => s.title), pick('en', k, (s) => s.title)) : name;
    return {
      id: `${prefix}-S${k + 1}`,
      title,
      aliases: [],
      requirements: section.items.map((item, j) => ({
        id: `${prefix}-V${k + 1}.${j + 1}`,
        text: localized(item, pick('sv', k, (s) => s.items[j]), pick('en', k, (s) => s.items[j])),
        keywords: [],
      })),
    };
  });
}

interface LevelDraft {
  grade: number;
  code: string;
  name?: Localized;
  criteria: { text: Localized; target?: Localized }[];
}

/** Gathers criteria per level; every level of a unit must be on one scale. */
class Levels {
  scale: '1-5' | 'pass-fail' | undefined;
  readonly byGrade = new Map<number, LevelDraft>();

  private readonly m: Mapping;

  constructor(m: Mapping) {
    this.m = m;
  }

  add(key: LevelKey | undefined, path: string, name: Localized | undefined, criteria: { text: Localized; target?: Localized }[]): void {
    if (!key) {
      this.m.problem(path, 'the level has neither a code nor an id');
      return;
    }
    if ('unsupported' in key) {
      this.m.problem(path, key.unsupported);
      return;
    }
    if (this.scale && this.scale !== key.scale) {
      this.m.problem(path, `levels of two scales in one unit (${this.scale} and ${key.scale})`);
      return;
    }
    this.scale = key.scale;
    const level = this.byGrade.get(key.grade) ?? { grade: key.grade, code: key.code, criteria: [] };
    level.name ??= name;
    level.criteria.push(...criteria);
    this.byGrade.set(key.grade, level);
  }
}

function criteriaOf(m: Mapping, k: OsaamistasonKriteeri, path: string, target?: Localized) {
  return (k.kriteerit ?? []).flatMap((c, i) => {
    const text = m.text(c, `${path}.kriteerit.${i}`);
    return text ? [{ text, ...(target ? { target } : {}) }] : [];
  });
}

function gatherLevels(m: Mapping, unit: TutkinnonOsa): Levels | undefined {
  const levels = new Levels(m);
  const generic = unit.geneerinenArviointiasteikko;
  if (generic) {
    const tasot = generic.arviointiAsteikko?.osaamistasot ?? [];
    (generic.osaamistasonKriteerit ?? []).forEach((k, i) => {
      const path = `geneerinenArviointiasteikko.osaamistasonKriteerit.${i}`;
      // The criteria list and the scale's levels are index-aligned when a criterion names no level.
      const byReference = k._osaamistaso ? tasot.find((t) => t.id === k._osaamistaso) : undefined;
      const taso = k.osaamistaso ?? byReference ?? (k._osaamistaso ? undefined : tasot[i]);
      const name = taso?.otsikko ? m.text(taso.otsikko, `${path}.osaamistaso.otsikko`, false) : undefined;
      levels.add(levelKey(taso, k._osaamistaso), path, name, criteriaOf(m, k, path));
    });
    return levels;
  }
  if (unit._geneerinenArviointiasteikko)
    m.problem('_geneerinenArviointiasteikko', `the generic scale is only referenced (id ${unit._geneerinenArviointiasteikko}), not included: import the whole qualification (/peruste/{id}) or the unit from /peruste/tutkinnonosa/{code}`);
  const alueet = unit.arviointi?.arvioinninKohdealueet;
  if (alueet?.length) {
    alueet.forEach((alue, a) =>
      (alue.arvioinninKohteet ?? []).forEach((kohde, b) => {
        const path = `arviointi.arvioinninKohdealueet.${a}.arvioinninKohteet.${b}`;
        const target = kohde.otsikko?.fi ? m.text(kohde.otsikko, `${path}.otsikko`) : alue.otsikko?.fi ? m.text(alue.otsikko, `arviointi.arvioinninKohdealueet.${a}.otsikko`) : undefined;
        (kohde.osaamistasonKriteerit ?? []).forEach((k, c) => {
          const kpath = `${path}.osaamistasonKriteerit.${c}`;
          const name = k.osaamistaso?.otsikko ? m.text(k.osaamistaso.otsikko, `${kpath}.osaamistaso.otsikko`, false) : undefined;
          levels.add(levelKey(k.osaamistaso, k._osaamistaso), kpath, name, criteriaOf(m, k, kpath, target));
        });
      }),
    );
    return levels;
  }
  if (!unit._geneerinenArviointiasteikko) m.problem('arviointi', 'no assessment: neither geneerinenArviointiasteikko nor arviointi.arvioinninKohdealueet');
  return undefined;
}

function assessmentOf(m: Mapping, unit: TutkinnonOsa, prefix: string, subject: Localized): Unit['assessment'] | undefined {
  const levels = gatherLevels(m, unit);
  if (!levels?.scale) {
    if (levels) m.problem(unit.geneerinenArviointiasteikko ? 'geneerinenArviointiasteikko' : 'arviointi', 'no level with criteria');
    return undefined;
  }
  const grades = levels.scale === '1-5' ? [1, 2, 3, 4, 5] : [1];
  const out: GradeLevel[] = grades.map((grade) => {
    const draft = levels.byGrade.get(grade);
    const id = levels.scale === 'pass-fail' ? `${prefix}-H` : `${prefix}-G${grade}`;
    const fallback = levels.scale === 'pass-fail' ? PASS_NAME : (GRADE_NAMES[grade] ?? { fi: String(grade) });
    return {
      grade,
      id,
      ...(draft ? { code: draft.code } : {}),
      name: draft?.name ?? fallback,
      criteria: (draft?.criteria ?? []).map((c, i) => ({ id: `${id}.${i + 1}`, text: c.text, ...(c.target ? { target: c.target } : {}) })),
    };
  });
  return { scale: levels.scale, subject, threads: [], levels: out };
}

function methodsOf(m: Mapping, unit: TutkinnonOsa, prefix: string): Unit['demonstration']['methods'] {
  const html = unit.ammattitaidonOsoittamistavat;
  if (!html?.fi || !htmlItems(html.fi).length) {
    m.problem('ammattitaidonOsoittamistavat', 'no ways of demonstrating skills');
    return [];
  }
  const items = { fi: htmlItems(html.fi), sv: htmlItems(html.sv ?? ''), en: htmlItems(html.en ?? '') };
  if (items.en.length) m.english = true;
  const aligned = (lang: 'sv' | 'en') => items[lang].length === 0 || items[lang].length === items.fi.length;
  if (aligned('sv') && aligned('en'))
    return items.fi.map((fi, i) => {
      const sv = items.sv[i];
      const en = items.en[i];
      return { id: `${prefix}-M${i + 1}`, text: { fi, ...(en ? { en } : {}), ...(sv ? { sv } : {}) } };
    });
  // The languages split their paragraphs differently: one method holds the whole text in each.
  m.notice('ammattitaidonOsoittamistavat', 'the languages have different paragraphs; kept as one text');
  const whole = (lang: Lang) => htmlToText(html[lang] ?? '') || undefined;
  const [fi, sv, en] = [whole('fi') ?? '', whole('sv'), whole('en')];
  return [{ id: `${prefix}-M1`, text: { fi, ...(en ? { en } : {}), ...(sv ? { sv } : {}) } }];
}

function describeIssues(root: string, issues: readonly z.core.$ZodIssue[]): MappingIssue[] {
  return issues.map((issue) => ({ path: [root, ...issue.path.map(String)].join('.'), reason: issue.message }));
}

/** The knowledge unit of one ePerusteet unit JSON; `root` names where the unit sits in its file ("tutkinnonOsat.3"). */
export function mapTutkinnonOsa(json: unknown, context: UnitContext, root = '(unit)'): MappedUnit {
  const parsed = tutkinnonOsaSchema.safeParse(json);
  if (!parsed.success) return { problems: describeIssues(root, parsed.error.issues), notices: [] };
  const unit = parsed.data;
  const m = new Mapping(root);
  const koodiUri = unit.koodi?.uri ?? unit.koodiUri ?? undefined;
  const number = /^tutkinnonosat_(\d+)$/.exec(koodiUri ?? '')?.[1];
  if (!koodiUri || !number) {
    m.problem('koodiUri', koodiUri ? `not a unit code: "${koodiUri}"` : 'the unit has no code (tutkinnonosat_…)');
    return { problems: m.problems, notices: m.notices };
  }
  if (unit.osaAlueet?.length && !unit.ammattitaitovaatimukset2019)
    return { problems: [], notices: [], skipped: 'a common unit (yhteinen tutkinnon osa) is made of osa-alueet with their own goals; not imported' };
  const prefix = `T${number}`;
  const name = m.text(unit.nimi, 'nimi');
  const subject = m.text(unit.ammattitaitovaatimukset2019?.kohde, 'ammattitaitovaatimukset2019.kohde', false) ?? DEFAULT_SUBJECT;
  const sections = name ? (unit.ammattitaitovaatimukset2019 ? sectionsFrom2019(m, unit, name, prefix) : sectionsFromHtml(m, unit, name, prefix)) : [];
  if (name && sections.every((s) => s.requirements.length === 0)) m.problem('ammattitaitovaatimukset2019', 'no requirements (ammattitaitovaatimukset)');
  const assessment = assessmentOf(m, unit, prefix, subject);
  const methods = methodsOf(m, unit, prefix);
  if (!context.competencePoints || context.competencePoints <= 0)
    m.problem('laajuus', 'no size (laajuus) for the unit in its qualification: import it through its qualification');
  if (m.problems.length || !name || !assessment) return { problems: m.problems, notices: m.notices };

  const candidate = {
    schemaVersion: 1,
    kind: 'unit',
    id: koodiUri,
    citationPrefix: prefix,
    koodiUri,
    name,
    aliases: [],
    ...(m.english ? { translations: { en: 'eperusteet' } } : {}),
    competencePoints: context.competencePoints,
    qualification: context.qualification,
    sections: sections.filter((s) => s.requirements.length > 0),
    checklistColumns: CHECKLIST,
    demonstration: { title: DEMONSTRATION_TITLE, methods },
    assessment,
    sources: [context.source],
  };
  const valid = unitSchema.safeParse(candidate);
  if (!valid.success) return { problems: describeIssues(`${root} (as a knowledge unit)`, valid.error.issues), notices: m.notices };
  return { unit: valid.data, problems: [], notices: m.notices };
}
