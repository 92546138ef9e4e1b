// One Slack channel takes about one message a second: the parts of a long reply to one DM go a second
// apart (against a local chat.postMessage that stamps each post on arrival).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { createBoltLogger } from '../../src/adapters/slack/bolt-logger.ts';
import { webClientOptions } from '../../src/adapters/slack/client-options.ts';
import { createSlackMessenger } from '../../src/adapters/slack/slack-messenger.ts';
import type { MessageReply } from '../../src/conversation/reply.ts';
import { silentLogger } from '../storage/backends.ts';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack-post-message.ts';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());

it('posts the parts of a long reply to one DM a second apart', async () => {
  const client = new webApi.WebClient('xoxb-test', webClientOptions({ apiUrl: slack.apiUrl, logger: createBoltLogger(silentLogger), purpose: 'outbound' }));
  const messenger = createSlackMessenger({ client, logger: silentLogger });
  // 120 paragraphs: more blocks than one Slack message holds (50), so three messages.
  const long: MessageReply = { kind: 'message', lang: 'fi', citations: [], blocks: Array.from({ length: 120 }, (_, i) => ({ type: 'paragraph' as const, text: `kappale ${i}` })) };
  const result = await messenger.send({ platform: 'slack', tenantId: 'T1', userId: 'U1' }, [long], { deliveryKey: 'summary:teacher:p1:2026-11-02' });
  expect(result.ok).toBe(true);
  const times = slack.posts().map((p) => p.at);
  expect(times).toHaveLength(3);
  for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(990);
});
