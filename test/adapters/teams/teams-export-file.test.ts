// Teams: an admin's export comes as a card with the JSON behind "Show the file's contents" (a
// RichTextBlock, never read as markdown), in numbered parts when it is larger than a card. A real file
// from a bot in a 1:1 chat needs the file-consent card and the user's OneDrive.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FileReply } from '../../../src/conversation/reply.ts';
import { renderFileCards } from '../../../src/adapters/teams/render-card.ts';
import { createTestCore as createRealCore, type TestCore as RealCore } from '../../support/core.ts';
import { aino, cardOf, messageActivity, recordingCore, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let real: RealCore;
let teams: RunningTeams | undefined;

beforeAll(async () => {
  real = await createRealCore();
  // The Teams user of the fixtures acts as the admin here.
  await real.store.people.linkIdentity({ platform: 'teams', tenantId: TENANT, externalId: aino.aadObjectId, personId: 'admin' });
}, 60_000);
afterAll(async () => real?.close());
afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

const shownText = (card: Record<string, unknown> | undefined): string => {
  const actions = (card?.actions ?? []) as { type: string; card?: { body: { inlines: { text: string }[] }[] } }[];
  return actions.flatMap((a) => a.card?.body.flatMap((b) => b.inlines.map((i) => i.text)) ?? []).join('');
};

describe('Teams: an export', () => {
  it('arrives as a card holding the whole JSON', async () => {
    teams = await startTeams({ core: recordingCore(real.core) });
    await teams.post(messageActivity(teams.connector.serviceUrl, 'export aino'));
    const cards = teams.connector.activities().map((a) => cardOf(a.activity)).filter((c) => c !== undefined);
    expect(cards.length).toBeGreaterThan(0);
    expect(JSON.stringify(cards[0])).toMatch(/aino-\d{4}-\d{2}-\d{2}\.json/);
    const json = JSON.parse(cards.map(shownText).join('')) as Record<string, unknown>;
    expect(JSON.stringify(json)).toContain('aino.virtanen@opiskelija.example.fi');
    expect(cards[0]?.actions).toMatchObject([{ type: 'Action.ShowCard', title: 'Show the file\'s contents' }]);
  });

  it('splits a file larger than a card into parts that join back to it', () => {
    const content = JSON.stringify({ rows: Array.from({ length: 3000 }, (_, i) => ({ i, text: `rivi ${i} [x](https://evil.example) **b**` })) }, null, 2);
    const file: FileReply = { kind: 'file', lang: 'fi', name: 'x.json', mimeType: 'application/json', content, comment: 'Tiedosto' };
    const cards = renderFileCards(file, 24 * 1024);
    expect(cards.length).toBeGreaterThan(2);
    for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(24 * 1024);
    const joined = cards.map((c) => shownText(c as unknown as Record<string, unknown>)).join('');
    expect(joined.replace(/\s/g, '')).toBe(content.replace(/\s/g, ''));
    expect(JSON.stringify(cards[1])).toContain(`(2/${cards.length})`);
  });
});
