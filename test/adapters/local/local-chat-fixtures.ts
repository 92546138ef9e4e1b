import { once } from 'node:events';
import { createServer } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Citation, Reply } from '../../../src/chat/reply.ts';
import { createLocalChatRouter } from '../../../src/adapters/local/local-chat-router.ts';
import type { LocalChatDeps } from '../../../src/adapters/local/local-chat-router.ts';
import type { LocalUser } from '../../../src/adapters/local/schemas.ts';

export const demoUsers: LocalUser[] = [
  { id: 'u-aino', name: 'Aino Virtanen', roles: ['student'], description: 'Lähihoitajaopiskelija, Kotihoito Oy' },
  { id: 'u-mikko', name: 'Mikko Laine', roles: ['instructor'], description: 'Työpaikkaohjaaja, Kotihoito Oy' },
  { id: 'u-sari', name: 'Sari Nieminen', roles: ['teacher'] },
];

const grade4Citation: Citation = {
  id: 'AH-V4',
  kind: 'criterion',
  title: 'Hyvä 4: työprosessin hallinta',
  text_fi: 'Opiskelija suunnittelee ja toteuttaa työtehtävänsä itsenäisesti.',
  text_en: 'The student plans and carries out their work tasks independently.',
  origin: 'Yleiset arviointikriteerit › Hyvä 4',
};

const interactionCitation: Citation = {
  id: 'AH-V4-VUO',
  kind: 'criterion',
  title: 'Hyvä 4: vuorovaikutus',
  text_fi: 'Opiskelija toimii rakentavasti vuorovaikutustilanteissa.',
  origin: 'Yleiset arviointikriteerit › Hyvä 4',
};

/** A Finnish answer that uses every block type. */
export const finnishGradeReply: Reply = {
  kind: 'message',
  lang: 'fi',
  blocks: [
    { type: 'heading', text: 'Arvosana Hyvä 4' },
    { type: 'paragraph', text: 'Arvosanaan 4 vaaditaan **itsenäistä** työskentelyä ja _rakentavaa_ vuorovaikutusta.' },
    {
      type: 'list',
      items: [
        { text: 'Opiskelija suunnittelee ja toteuttaa työtehtävänsä itsenäisesti.', cite: 'AH-V4' },
        { text: 'Opiskelija toimii rakentavasti vuorovaikutustilanteissa.', cite: 'AH-V4-VUO' },
      ],
    },
    { type: 'quote', text: 'Opiskelija suunnittelee ja toteuttaa työtehtävänsä itsenäisesti.', cite: 'AH-V4' },
    { type: 'context', text: 'Lähde: yleiset arviointikriteerit, jotka koskevat kaikkia tutkinnon osia.' },
    {
      type: 'actions',
      actions: [
        { label: 'Entä arvosana 5?', text: 'Mitä arvosanaan 5 vaaditaan?' },
        { label: 'Näytä edistymiseni', text: 'edistymiseni' },
      ],
    },
  ],
  citations: [grade4Citation, interactionCitation],
};

/** An English answer quoting Finnish text with translations. */
export const englishGradeReply: Reply = {
  kind: 'message',
  lang: 'en',
  blocks: [
    { type: 'heading', text: 'Grade 3 (Good)' },
    {
      type: 'list',
      items: [
        {
          text: 'Opiskelija toteuttaa työtehtävänsä itsenäisesti.',
          translation: 'The student carries out their work tasks independently.',
          cite: 'AH-V3',
        },
      ],
    },
    {
      type: 'quote',
      text: 'Opiskelija toimii vuorovaikutteisesti.',
      translation: 'The student acts interactively.',
      cite: 'AH-V3',
    },
  ],
  citations: [
    {
      id: 'AH-V3',
      kind: 'criterion',
      title: 'Hyvä 3',
      text_fi: 'Opiskelija toteuttaa työtehtävänsä itsenäisesti.',
      origin: 'Yleiset arviointikriteerit › Hyvä 3',
    },
  ],
};

export const grade5Reply: Reply = {
  kind: 'message',
  lang: 'fi',
  blocks: [
    { type: 'heading', text: 'Arvosana Kiitettävä 5' },
    { type: 'paragraph', text: 'Kiitettävä 5 lisää perustellut kehittämisehdotukset.' },
  ],
  citations: [],
};

/** Markup in every text field: the page must show it as text and run none of it. */
export const hostileReply: Reply = {
  kind: 'message',
  lang: 'fi',
  blocks: [
    { type: 'heading', text: '<img src=x onerror="window.__pwned=1">' },
    { type: 'paragraph', text: '<script>window.__pwned=2</script> **<b>lihava</b>** snake_case_name' },
    { type: 'list', items: [{ text: '<a href="javascript:alert(1)">x</a>', cite: '"><svg onload=alert(1)>' }] },
  ],
  citations: [
    {
      id: '"><svg onload=alert(1)>',
      kind: 'passage',
      title: '<i>otsikko</i>',
      text_fi: 'x',
      origin: '<iframe src="javascript:alert(1)"></iframe>',
    },
  ],
};

/** The stand-in for the core: picks a fixture by the question, throws on "boom". */
export async function fixtureHandle(input: { userId: string; text: string }): Promise<Reply[]> {
  const text = input.text.toLowerCase();
  if (text.includes('boom')) throw new Error('core exploded');
  if (text.includes('hostile')) return [hostileReply];
  if (text.includes('grade 3')) return [englishGradeReply];
  if (text.includes('5')) return [grade5Reply];
  return [finnishGradeReply];
}

export interface LogCapture {
  logger: Logger;
  /** Parsed pino lines written so far. */
  lines(): Array<Record<string, unknown>>;
}

export function captureLogs(): LogCapture {
  const raw: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void raw.push(line) });
  const lines = () =>
    raw.map((line): Record<string, unknown> => {
      const parsed: unknown = JSON.parse(line);
      return typeof parsed === 'object' && parsed !== null ? { ...parsed } : {};
    });
  return { logger, lines };
}

export interface RunningChat {
  baseUrl: string;
  close(): Promise<void>;
}

/** A real express app with the router mounted at '/', listening on a free loopback port. */
export async function startLocalChat(overrides: Partial<LocalChatDeps> = {}): Promise<RunningChat> {
  const deps: LocalChatDeps = {
    handle: fixtureHandle,
    listUsers: async () => demoUsers,
    logger: pino({ level: 'silent' }),
    ...overrides,
  };
  const app = express();
  app.use('/', createLocalChatRouter(deps));
  const server = createServer(app);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
