// A failed users.info (issue 13, Slack): a person Osaava knows is not told it does not know them when
// Slack's users.info is rate-limited or fails; the stored link (platform id → person) is used, and the
// lookup is tried once more. users.info's failures as Slack's docs give them: HTTP 429 with a
// Retry-After header (docs.slack.dev/apis/web-api/rate-limits), HTTP 5xx; the DM is dmEvent's
// `message.im` (fixtures.ts).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../support/core.ts';
import { blocksText, dmEvent, startSlackHarness, type SlackHarness } from './fixtures.ts';

const AINO = { id: 'UDEMOAINO', email: 'aino.virtanen@opiskelija.example.fi', locale: 'fi-FI' };

let real: TestCore;
let h: SlackHarness | undefined;
beforeAll(async () => {
  real = await createTestCore();
}, 60_000);
afterAll(async () => real?.close());
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function progressFor(slack: SlackHarness): Promise<string> {
  const before = slack.fake.callsTo('chat.postMessage').length;
  await slack.postEvent(dmEvent({ user: AINO.id, text: 'edistymiseni' }));
  const post = await slack.fake.waitFor('chat.postMessage', () => slack.fake.callsTo('chat.postMessage').length > before, 15_000);
  return blocksText(post.args.blocks);
}

describe('who is writing, when users.info fails', () => {
  it('answers a linked student as herself while users.info is rate-limited', async () => {
    // First contact: matched by e-mail and linked.
    h = await startSlackHarness({ core: real.core, users: [AINO] });
    expect(await progressFor(h)).toContain('21/25');
    await h.close();
    // A restarted process (nothing cached); Slack answers users.info with 429 twice.
    h = await startSlackHarness({ core: real.core, users: [AINO] });
    h.fake.failNext('users.info', { kind: 'rate-limited', retryAfterSec: 30 }, 2);
    expect(await progressFor(h)).toContain('21/25');
  }, 30_000);

  it('matches a student by e-mail when users.info fails once (HTTP 503) and then answers', async () => {
    const fresh = await createTestCore();
    try {
      h = await startSlackHarness({ core: fresh.core, users: [AINO] });
      h.fake.failNext('users.info', { kind: 'http', status: 503 });
      expect(await progressFor(h)).toContain('21/25');
      expect(await fresh.store.people.findByIdentity({ platform: 'slack', tenantId: 'T0SCHOOL', externalId: AINO.id })).toMatchObject({ id: 'aino' });
    } finally {
      await h?.close();
      h = undefined;
      await fresh.close();
    }
  }, 60_000);
});
