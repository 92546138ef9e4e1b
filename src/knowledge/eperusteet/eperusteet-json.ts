// The parts of ePerusteet's published JSON the importer reads (Opetushallitus/eperusteet DTOs:
// TutkinnonOsaKaikkiDto, Ammattitaitovaatimukset2019Dto, GeneerinenArviointiasteikkoKaikkiDto, ArviointiDto,
// PerusteKaikkiDto, PerusteenJulkaisuData). Lenient: fields we do not read pass unchecked, and a field we
// read may be null where the service writes null. Published JSON writes references as "_name": "id".
import { z } from 'zod';

/** LokalisoituTekstiDto: {fi, sv, en, _id, _tunniste}; other languages ("se", "ru") are ignored. */
export const lokalisoituTekstiSchema = z.looseObject({
  fi: z.string().nullish(),
  sv: z.string().nullish(),
  en: z.string().nullish(),
  _id: z.union([z.string(), z.number()]).nullish(),
});
export type LokalisoituTeksti = z.infer<typeof lokalisoituTekstiSchema>;

const text = lokalisoituTekstiSchema.nullish();
const id = z.union([z.string(), z.number()]).transform(String);

/** KoodiDto: a code of the Koodisto service (uri "tutkinnonosat_106436", "arviointiasteikkoammatillinen15_3"). */
export const koodiSchema = z.looseObject({ uri: z.string().nullish(), arvo: z.string().nullish(), nimi: text });

export const osaamistasoSchema = z.looseObject({ id: id.nullish(), otsikko: text, koodi: koodiSchema.nullish() });
export type Osaamistaso = z.infer<typeof osaamistasoSchema>;

/** A level's criteria: the level embedded (`osaamistaso`) or referenced by id (`_osaamistaso`). */
export const osaamistasonKriteeriSchema = z.looseObject({
  osaamistaso: osaamistasoSchema.nullish(),
  _osaamistaso: id.nullish(),
  kriteerit: z.array(lokalisoituTekstiSchema).nullish(),
});
export type OsaamistasonKriteeri = z.infer<typeof osaamistasonKriteeriSchema>;

export const geneerinenArviointiasteikkoSchema = z.looseObject({
  id: id.nullish(),
  nimi: text,
  kohde: text,
  arviointiAsteikko: z.looseObject({ id: id.nullish(), osaamistasot: z.array(osaamistasoSchema).nullish() }).nullish(),
  osaamistasonKriteerit: z.array(osaamistasonKriteeriSchema).nullish(),
});
export type GeneerinenArviointiasteikko = z.infer<typeof geneerinenArviointiasteikkoSchema>;

export const arvioinninKohdeSchema = z.looseObject({
  otsikko: text,
  selite: text,
  _arviointiAsteikko: id.nullish(),
  osaamistasonKriteerit: z.array(osaamistasonKriteeriSchema).nullish(),
});

export const arviointiSchema = z.looseObject({
  lisatiedot: text,
  arvioinninKohdealueet: z
    .array(z.looseObject({ otsikko: text, arvioinninKohteet: z.array(arvioinninKohdeSchema).nullish() }))
    .nullish(),
});
export type Arviointi = z.infer<typeof arviointiSchema>;

export const ammattitaitovaatimusSchema = z.looseObject({ koodi: koodiSchema.nullish(), vaatimus: text });
export type Ammattitaitovaatimus = z.infer<typeof ammattitaitovaatimusSchema>;

export const ammattitaitovaatimukset2019Schema = z.looseObject({
  kohde: text,
  vaatimukset: z.array(ammattitaitovaatimusSchema).nullish(),
  kohdealueet: z.array(z.looseObject({ kuvaus: text, vaatimukset: z.array(ammattitaitovaatimusSchema).nullish() })).nullish(),
});

/** TutkinnonOsaKaikkiDto (also the lighter TutkinnonOsaDto of /perusteenosa/{id}). */
export const tutkinnonOsaSchema = z.looseObject({
  id: id,
  nimi: lokalisoituTekstiSchema,
  koodi: koodiSchema.nullish(),
  koodiUri: z.string().nullish(),
  koodiArvo: z.string().nullish(),
  tyyppi: z.string().nullish(),
  ammattitaitovaatimukset2019: ammattitaitovaatimukset2019Schema.nullish(),
  /** Older units: the requirements as HTML (the service also derives this from the 2019 shape). */
  ammattitaitovaatimukset: text,
  ammattitaidonOsoittamistavat: text,
  geneerinenArviointiasteikko: geneerinenArviointiasteikkoSchema.nullish(),
  _geneerinenArviointiasteikko: id.nullish(),
  arviointi: arviointiSchema.nullish(),
  osaAlueet: z.array(z.unknown()).nullish(),
});
export type TutkinnonOsa = z.infer<typeof tutkinnonOsaSchema>;

/** The unit's place in a qualification (TutkinnonOsaViiteDto): its size. */
export const tutkinnonOsaViiteSchema = z.looseObject({
  id: id.nullish(),
  laajuus: z.number().nullish(),
  _tutkinnonOsa: id.nullish(),
});

/** PerusteKaikkiDto, the whole published qualification (GET /peruste/{id}). */
export const perusteSchema = z.looseObject({
  id: id,
  nimi: lokalisoituTekstiSchema,
  diaarinumero: z.string(),
  tutkinnonOsat: z.array(z.unknown()).nullish(),
  suoritustavat: z.array(z.looseObject({ suoritustapakoodi: z.string().nullish(), tutkinnonOsat: z.array(tutkinnonOsaViiteSchema).nullish() })).nullish(),
});
export type Peruste = z.infer<typeof perusteSchema>;

/** GET /perusteet?diaarinumero=… answers a page of published qualifications (PerusteenJulkaisuData). */
export const perusteetPageSchema = z.looseObject({
  data: z.array(z.looseObject({ id: id, diaarinumero: z.string().nullish(), nimi: text })),
});
