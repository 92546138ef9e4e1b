// An admin's export arrives as a file in their DM: files.getUploadURLExternal, the bytes to upload_url,
// files.completeUploadExternal into the DM (WebClient.filesUploadV2). Nothing is written on the server.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore as createRealCore, type TestCore as RealCore } from '../../support/core.ts';
import { dmEvent, slashCommand, startSlackHarness, type SlackHarness } from './fixtures.ts';

const ADMIN = { id: 'UDEMOADMIN', email: 'osaava@oppilaitos.example.fi', locale: 'fi-FI' };

let real: RealCore;
let h: SlackHarness | undefined;

beforeAll(async () => {
  real = await createRealCore();
}, 60_000);
afterAll(async () => real?.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('Slack: an export is a file in the DM', () => {
  it('uploads the JSON into the DM the admin wrote in', async () => {
    h = await startSlackHarness({ core: real.core, users: [ADMIN] });
    await h.postEvent(dmEvent({ user: ADMIN.id, text: 'vie tiedot aino' }));
    const complete = await h.fake.waitFor('files.completeUploadExternal', undefined, 10_000);
    const [getUrl] = h.fake.callsTo('files.getUploadURLExternal');
    expect(getUrl?.args.filename).toMatch(/^aino-\d{4}-\d{2}-\d{2}\.json$/);
    expect(complete.args.channel_id).toBe(dmEvent({ user: ADMIN.id, text: '' }).event.channel);
    expect(String(complete.args.initial_comment)).toContain('JSON');
    const file = [...h.fake.files.values()][0];
    expect(file?.body).toContain('"aino.virtanen@opiskelija.example.fi"');
    expect(file?.channel).toBe(complete.args.channel_id);
    // The file is the answer: no message repeats its contents.
    expect(JSON.stringify(h.fake.callsTo('chat.postMessage'))).not.toContain('opiskelija.example.fi');
  });

  it('a slash command cannot carry a file: it goes to the DM, opened with conversations.open', async () => {
    h = await startSlackHarness({ core: real.core, users: [ADMIN] });
    await h.postForm(slashCommand({ user: ADMIN.id, text: 'export aino', responseUrl: h.fake.responseUrl('export') }));
    const complete = await h.fake.waitFor('files.completeUploadExternal', undefined, 10_000);
    expect(h.fake.callsTo('conversations.open')[0]?.args.users).toBe(ADMIN.id);
    expect(complete.args.channel_id).toBe('DDEMOADMIN');
    expect(h.fake.responses.filter((r) => r.id === 'export')).toEqual([]);
  });
});
