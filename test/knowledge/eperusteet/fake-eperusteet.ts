// A local stand-in for ePerusteet's public read API (/api/external): the paths the importer calls, with
// the answers' real shapes (a page of PerusteenJulkaisuData, PerusteKaikkiDto, TutkinnonOsaKaikkiDto).
// Any path can be made to fail with a status.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Peruste {
  id: number;
  diaarinumero: string;
  nimi: unknown;
  tutkinnonOsat: { koodiUri?: string; koodi?: { uri?: string } }[];
}

export interface FakeEperusteet {
  baseUrl: string;
  /** Request paths with their query, in order. */
  requests: string[];
  /** Answer this path (without the query) with this status. */
  failPath(path: string, status: number): void;
  close(): Promise<void>;
}

const codeOf = (unit: { koodiUri?: string; koodi?: { uri?: string } }) => unit.koodi?.uri ?? unit.koodiUri;

export async function startFakeEperusteet(perusteet: Peruste[]): Promise<FakeEperusteet> {
  const requests: string[] = [];
  const failures = new Map<string, number>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${url.pathname}${url.search}`);
    const send = (status: number, body?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    };
    const path = url.pathname.replace(/^\/eperusteet-service\/api\/external/, '');
    const failure = failures.get(path);
    if (failure) return send(failure, { syy: 'virhe', avain: String(failure) });
    if (path === '/perusteet') {
      const diaari = url.searchParams.get('diaarinumero');
      const koodi = url.searchParams.get('koodi');
      const hits = perusteet.filter((p) => (diaari ? p.diaarinumero === diaari : true) && (koodi ? p.tutkinnonOsat.some((u) => codeOf(u) === koodi) : true));
      return send(200, { data: hits.map((p) => ({ id: p.id, diaarinumero: p.diaarinumero, nimi: p.nimi })), sivu: 0, sivuja: 1, kokonaismäärä: hits.length, sivukoko: 20 });
    }
    const peruste = /^\/peruste\/(\d+)$/.exec(path);
    if (peruste) {
      const found = perusteet.find((p) => String(p.id) === peruste[1]);
      return found ? send(200, found) : send(404);
    }
    const unit = /^\/peruste\/tutkinnonosa\/([^/]+)$/.exec(path);
    if (unit) {
      const found = perusteet.flatMap((p) => p.tutkinnonOsat).find((u) => codeOf(u) === unit[1]);
      return found ? send(200, found) : send(404);
    }
    send(404);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/eperusteet-service/api/external`,
    requests,
    failPath: (path, status) => failures.set(path, status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
