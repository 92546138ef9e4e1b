// Reads ePerusteet's public read API (no credentials): qualifications by diaarinumero, a whole
// qualification by id, a unit by its code. Global fetch, a configurable base URL and a timeout.
import { z } from 'zod';
import { perusteetPageSchema } from './eperusteet-json.ts';

export const DEFAULT_EPERUSTEET_URL = 'https://eperusteet.opintopolku.fi/eperusteet-service/api/external';

export class EperusteetError extends Error {
  readonly url: string;
  /** The HTTP status, when the service answered. */
  readonly status: number | undefined;

  constructor(message: string, url: string, status?: number) {
    super(message);
    this.url = url;
    this.status = status;
    this.name = 'EperusteetError';
  }
}

export interface QualificationHit {
  id: string;
  diaarinumero?: string | null;
}

export interface EperusteetClient {
  readonly baseUrl: string;
  /** Published qualifications with this diaarinumero (normally one). */
  findQualifications(diaarinumero: string): Promise<QualificationHit[]>;
  /** Published qualifications whose codes include this unit code. */
  findQualificationsWithUnit(unitCode: string): Promise<QualificationHit[]>;
  /** The whole published qualification (PerusteKaikkiDto), unparsed. */
  qualification(id: string): Promise<{ url: string; json: unknown }>;
  /** One unit by its code (TutkinnonOsaKaikkiDto), unparsed; undefined when the service knows no such unit. */
  unit(unitCode: string): Promise<{ url: string; json: unknown } | undefined>;
}

export interface EperusteetClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function createEperusteetClient(options: EperusteetClientOptions = {}): EperusteetClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_EPERUSTEET_URL).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const doFetch = options.fetch ?? globalThis.fetch;

  async function get(path: string, notFound: 'error' | 'undefined' = 'error'): Promise<{ url: string; json: unknown } | undefined> {
    const url = `${baseUrl}${path}`;
    let response: Response;
    try {
      response = await doFetch(url, { headers: { accept: 'application/json', 'caller-id': 'osaava.import-units' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new EperusteetError(`could not reach ePerusteet: ${(error as Error).message}`, url);
    }
    if (response.status === 404 && notFound === 'undefined') return undefined;
    // 204: the service found nothing to send.
    if (response.status === 204) return notFound === 'undefined' ? undefined : { url, json: null };
    if (!response.ok) throw new EperusteetError(`ePerusteet answered ${response.status} ${response.statusText}`.trim(), url, response.status);
    try {
      return { url, json: await response.json() };
    } catch (error) {
      throw new EperusteetError(`ePerusteet sent something that is not JSON: ${(error as Error).message}`, url, response.status);
    }
  }

  async function page(path: string): Promise<QualificationHit[]> {
    const got = await get(path);
    const parsed = perusteetPageSchema.safeParse(got?.json);
    if (!parsed.success) throw new EperusteetError(`unexpected answer: ${z.prettifyError(parsed.error)}`, `${baseUrl}${path}`);
    return parsed.data.data.map((d) => ({ id: d.id, diaarinumero: d.diaarinumero }));
  }

  return {
    baseUrl,
    findQualifications: (diaarinumero) => page(`/perusteet?diaarinumero=${encodeURIComponent(diaarinumero)}&sivukoko=20`),
    findQualificationsWithUnit: (unitCode) => page(`/perusteet?koodi=${encodeURIComponent(unitCode)}&sivukoko=20`),
    async qualification(id) {
      const got = await get(`/peruste/${encodeURIComponent(id)}`);
      return got ?? { url: `${baseUrl}/peruste/${id}`, json: null };
    },
    unit: (unitCode) => get(`/peruste/tutkinnonosa/${encodeURIComponent(unitCode)}`, 'undefined'),
  };
}
