import { once } from 'node:events';
import { createServer } from 'node:http';
import express from 'express';
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { Citation, FormOption, FormReply, Reply } from '../../../src/conversation/reply.ts';
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

const requirementSections: Array<{ label: string; texts: string[] }> = [
  {
    label: 'Asiakkaan kohtaaminen',
    texts: [
      'kohtaa asiakkaan arvostavasti',
      'kuuntelee asiakkaan toiveita',
      'tukee asiakkaan omatoimisuutta',
      'viestii selkeästi asiakkaan kanssa',
      'ottaa huomioon asiakkaan kulttuurin',
      'toimii asiakkaan kotona hienotunteisesti',
      'ohjaa omaisia tarvittaessa',
      'tunnistaa asiakkaan voimavarat',
    ],
  },
  {
    label: 'Hoitotyön toteuttaminen',
    texts: [
      'toteuttaa hoitosuunnitelmaa',
      'avustaa asiakasta päivittäisissä toimissa',
      'huolehtii aseptiikasta',
      'toteuttaa lääkehoitoa ohjeiden mukaan',
      'seuraa asiakkaan vointia',
      'kirjaa havaintonsa asianmukaisesti',
      'tunnistaa muutokset asiakkaan terveydentilassa',
      'toimii ensiaputilanteessa',
      'käyttää apuvälineitä turvallisesti',
    ],
  },
  {
    label: 'Työturvallisuus ja ammatillisuus',
    texts: [
      'noudattaa työturvallisuusohjeita',
      'käyttää ergonomisia työtapoja',
      'noudattaa vaitiolovelvollisuutta',
      'toimii työyhteisön jäsenenä',
      'suunnittelee työpäivänsä',
      'arvioi omaa toimintaansa',
      'kehittää osaamistaan palautteen perusteella',
      'toimii kestävän kehityksen mukaisesti',
    ],
  },
];

let requirementNumber = 0;
/** 25 requirements in 3 sections, ids R01…R25. */
export const checkinRequirementGroups: Array<{ label: string; options: FormOption[] }> = requirementSections.map(
  (section) => ({
    label: section.label,
    options: section.texts.map((text) => {
      requirementNumber += 1;
      return { value: `R${String(requirementNumber).padStart(2, '0')}`, label: `Opiskelija ${text}.` };
    }),
  }),
);

/** The daily reflection check-in: 25 requirements to pick, a confidence rating and two text fields. */
export const checkinFormReply: FormReply = {
  kind: 'form',
  lang: 'fi',
  formKind: 'checkin',
  formId: 'checkin-u-aino-2025-03-12',
  title: 'Päivän reflektio · ke 12.3.',
  intro: [
    { type: 'paragraph', text: 'Mitä harjoittelit tänään? Valitse **ammattitaitovaatimukset**, joita työsi koski.' },
    { type: 'context', text: 'Vastauksesi näkyvät sinulle, työpaikkaohjaajallesi ja opettajallesi.' },
  ],
  fields: [
    { type: 'multi-select', id: 'requirements', label: 'Mitä vaatimuksia harjoittelit?', groups: checkinRequirementGroups, initial: [], optional: false },
    { type: 'rating', id: 'confidence', label: 'Kuinka varmaksi tunsit itsesi?', min: 1, max: 5, minLabel: 'Epävarma', maxLabel: 'Varma', optional: false },
    { type: 'text', id: 'learned', label: 'Mitä opit tänään?', multiline: true, maxLength: 1000, placeholder: 'Esimerkiksi tilanne, joka onnistui tai mietitytti', optional: false },
    { type: 'text', id: 'question', label: 'Kysymys ohjaajalle', multiline: false, maxLength: 300, optional: true },
  ],
  submitLabel: 'Tallenna reflektio',
};

export const checkinSavedReply: Reply = {
  kind: 'message',
  lang: 'fi',
  blocks: [
    { type: 'heading', text: 'Kiitos, reflektio on tallennettu!' },
    { type: 'paragraph', text: 'Ohjaajasi näkee sen huomenna aamulla.' },
  ],
  citations: [],
};

/** The instructor's observation form, in English, with initial values in every field. */
export const observationFormReply: FormReply = {
  kind: 'form',
  lang: 'en',
  formKind: 'observation',
  formId: 'obs-draft-7',
  title: 'Observation about a student',
  intro: [{ type: 'paragraph', text: 'Check the _requirements_ this observation shows.' }],
  fields: [
    {
      type: 'select',
      id: 'student',
      label: 'Student',
      options: [
        { value: 'u-aino', label: 'Aino Virtanen' },
        { value: 'u-eero', label: 'Eero Koski' },
      ],
      initial: 'u-aino',
      optional: false,
    },
    {
      type: 'multi-select',
      id: 'requirements',
      label: 'Requirements',
      groups: [
        { label: 'Meeting the client', options: [{ value: 'R01', label: 'Meets the client respectfully' }, { value: 'R03', label: "Supports the client's independence" }] },
        { label: 'Care work', options: [{ value: 'R11', label: 'Takes care of asepsis' }, { value: 'R13', label: "Monitors the client's condition" }] },
      ],
      initial: ['R03'],
      optional: false,
    },
    { type: 'text', id: 'text', label: 'What did you see?', multiline: true, maxLength: 2000, initial: 'Aino helped the client to dress on her own.', optional: false },
    {
      type: 'select',
      id: 'level',
      label: 'Level shown',
      options: [3, 4, 5].map((grade) => ({ value: String(grade), label: `Grade ${grade}` })),
      optional: true,
    },
  ],
  submitLabel: 'Save observation',
};

export const observationSavedReply: Reply = {
  kind: 'message',
  lang: 'en',
  blocks: [{ type: 'paragraph', text: 'Observation saved for **Aino Virtanen**.' }],
  citations: [],
};

/** A form with markup in every text: the page must show it as text and run none of it. */
export const hostileFormReply: FormReply = {
  kind: 'form',
  lang: 'fi',
  formKind: 'checkin',
  formId: '"><img src=x onerror="window.__pwned=3">',
  title: '<img src=x onerror="window.__pwned=4"> **otsikko**',
  intro: [{ type: 'paragraph', text: '<script>window.__pwned=5</script>' }],
  fields: [
    {
      type: 'multi-select',
      id: '"><svg onload=alert(1)>',
      label: '<b>vaatimukset</b>',
      groups: [{ label: '<i>ryhmä</i>', options: [{ value: '"><x>', label: '<img src=x onerror="window.__pwned=6">' }] }],
      initial: [],
      optional: true,
    },
    { type: 'text', id: 't', label: '<u>teksti</u>', multiline: false, maxLength: 50, placeholder: '"><script>', initial: '</textarea><script>window.__pwned=7</script>', optional: true },
  ],
  submitLabel: '<b>Lähetä</b>',
};

/** The stand-in for the core's form handling: a confirmation per form kind; throws when an answer says "boom". */
export async function fixtureSubmit(input: Parameters<LocalChatDeps['submit']>[0]): Promise<Reply[]> {
  const texts = Object.values(input.values).flatMap((value) => (typeof value === 'number' ? [] : [value].flat()));
  if (texts.some((text) => text.includes('boom'))) throw new Error('form handler exploded');
  switch (input.formKind) {
    case 'checkin':
      return [checkinSavedReply];
    case 'observation':
      return [observationSavedReply];
    case 'checkin-time':
      return [];
  }
}

/** The stand-in for the core: picks a fixture by the question, throws on "boom". */
export async function fixtureHandle(input: { userId: string; text: string }): Promise<Reply[]> {
  const text = input.text.toLowerCase();
  if (text.includes('boom')) throw new Error('core exploded');
  if (text.includes('reflect')) return [checkinFormReply];
  if (text.includes('observe')) return [observationFormReply];
  if (text.includes('hostile form')) return [hostileFormReply];
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

/** A real express app with the router mounted at '/', listening on a free port of `address` (loopback unless given). */
export async function startLocalChat(overrides: Partial<LocalChatDeps> = {}, address = '127.0.0.1'): Promise<RunningChat> {
  const deps: LocalChatDeps = {
    handle: fixtureHandle,
    submit: fixtureSubmit,
    listUsers: async () => demoUsers,
    logger: pino({ level: 'silent' }),
    ...overrides,
  };
  const app = express();
  app.use('/', createLocalChatRouter(deps));
  const server = createServer(app);
  server.listen(0, address);
  await once(server, 'listening');
  const listening = server.address();
  if (listening === null || typeof listening === 'string') throw new Error('server has no TCP address');
  return {
    baseUrl: `http://${listening.family === 'IPv6' ? `[${listening.address}]` : listening.address}:${listening.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
