// A whole published qualification (PerusteKaikkiDto) → its units, each with its size from the
// qualification's structure and the qualification's name and diaarinumero. Pure: no I/O.
import type { Localized } from '../schema.ts';
import { type Peruste, perusteSchema } from './eperusteet-json.ts';
import { htmlToText } from './html-text.ts';
import { type MappedUnit, type MappingIssue, mapTutkinnonOsa } from './map-unit.ts';

export interface MappedQualification {
  name?: Localized;
  diaarinumero?: string;
  /** One entry per unit of the qualification, in its order; `code` when the unit has one. */
  units: (MappedUnit & { code?: string; root: string })[];
  /** The qualification itself could not be read. */
  problems: MappingIssue[];
}

/** Size of each unit (by its ePerusteet id) in the qualification's structure; the reform structure first. */
function sizes(peruste: Peruste): Map<string, number> {
  const out = new Map<string, number>();
  const ways = [...(peruste.suoritustavat ?? [])].sort((a, b) => Number(b.suoritustapakoodi === 'reformi') - Number(a.suoritustapakoodi === 'reformi'));
  for (const way of ways)
    for (const viite of way.tutkinnonOsat ?? [])
      if (viite._tutkinnonOsa && viite.laajuus && !out.has(viite._tutkinnonOsa)) out.set(viite._tutkinnonOsa, viite.laajuus);
  return out;
}

function unitCode(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const unit = json as { koodi?: { uri?: unknown }; koodiUri?: unknown };
  const code = unit.koodi?.uri ?? unit.koodiUri;
  return typeof code === 'string' ? code : undefined;
}

/** Is this JSON a whole qualification (it has a diaarinumero and units) rather than a single unit? */
export function looksLikePeruste(json: unknown): boolean {
  return !!json && typeof json === 'object' && 'diaarinumero' in json && 'tutkinnonOsat' in json;
}

/**
 * The units of a qualification JSON. `only` limits the result to those unit codes (a unit the
 * qualification lacks is a problem); `source` is where the JSON came from.
 */
export function mapPeruste(json: unknown, source: string, only?: readonly string[]): MappedQualification {
  const parsed = perusteSchema.safeParse(json);
  if (!parsed.success)
    return { units: [], problems: parsed.error.issues.map((i) => ({ path: ['(qualification)', ...i.path.map(String)].join('.'), reason: i.message })) };
  const peruste = parsed.data;
  const fi = peruste.nimi.fi ? htmlToText(peruste.nimi.fi) : '';
  if (!fi) return { units: [], problems: [{ path: '(qualification).nimi.fi', reason: 'the qualification has no Finnish name' }] };
  const sv = peruste.nimi.sv ? htmlToText(peruste.nimi.sv) : '';
  const en = peruste.nimi.en ? htmlToText(peruste.nimi.en) : '';
  const name: Localized = { fi, ...(en ? { en } : {}), ...(sv ? { sv } : {}) };
  const qualification = { name, diaarinumero: peruste.diaarinumero };
  const size = sizes(peruste);
  const units = (peruste.tutkinnonOsat ?? []).flatMap((raw, i) => {
    const code = unitCode(raw);
    if (only && (!code || !only.includes(code))) return [];
    const root = `tutkinnonOsat.${i}`;
    const id = raw && typeof raw === 'object' && 'id' in raw ? String((raw as { id: unknown }).id) : '';
    const mapped = mapTutkinnonOsa(raw, { qualification, competencePoints: size.get(id), source }, root);
    return [{ ...mapped, root, ...(code ? { code } : {}) }];
  });
  const problems: MappingIssue[] = [];
  for (const code of only ?? [])
    if (!units.some((u) => u.code === code)) problems.push({ path: '(qualification).tutkinnonOsat', reason: `${peruste.diaarinumero} has no unit ${code}` });
  return { name, diaarinumero: peruste.diaarinumero, units, problems };
}
