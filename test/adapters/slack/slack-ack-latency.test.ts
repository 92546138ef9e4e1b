// No message blocks others (issue 13, Slack: "No message blocks others"): every acknowledgement within
// 1 s, whatever else is in flight. Events over HTTP are acknowledged by Bolt before any listener runs
// (ExpressReceiver with processBeforeResponse: false); slash commands and interactions ack() first.
// Shapes: the DM is Slack's `message.im` event (dmEvent in fixtures.ts, from docs.slack.dev/reference/events/message.im);
// the slash command's form fields are those of docs.slack.dev/interactivity/implementing-slash-commands
// (token, team_id, team_domain, channel_id, channel_name, user_id, user_name, command, text, api_app_id,
// response_url, trigger_id). 40,000 characters is the most a Slack message's text holds (chat.postMessage
// docs: longer text is truncated).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureCore, dmEvent, slashCommand, startSlackHarness, STUDENT, type FixtureCore, type SlackHarness } from './fixtures.ts';

let h: SlackHarness;
let core: FixtureCore;
beforeEach(async () => {
  core = createFixtureCore();
  h = await startSlackHarness({ core });
});
afterEach(async () => h.close());

const longText = (chars: number) => {
  const sentence = 'Tänään harjoittelin asiakaspalvelua ja kassajärjestelmää, ja opin paljon uutta reklamaatioista. ';
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
};

describe('acknowledgements while a long DM is being answered', () => {
  it('acknowledges a slash command sent 300 ms after a 40,000-character DM within 1 s', async () => {
    const dm = h.postEvent(dmEvent({ user: STUDENT.id, text: longText(40_000) }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const command = await h.postForm(slashCommand({ user: STUDENT.id, text: 'apua', responseUrl: h.fake.responseUrl('during-long-dm') }));
    expect(command.status).toBe(200);
    expect(command.ms).toBeLessThan(1000);
    expect((await dm).ms).toBeLessThan(1000);
    await h.fake.waitForResponse((r) => r.id === 'during-long-dm', 20_000);
    await h.fake.waitFor('chat.postMessage', undefined, 20_000);
  }, 30_000);
});

describe('acknowledgements while a long DM goes through the real core', () => {
  it('acknowledges a slash command sent 300 ms after a 40,000-character DM from a known student within 1 s', async () => {
    const { createTestCore } = await import('../../support/core.ts');
    const real = await createTestCore();
    const aino = { id: 'UDEMOAINO', email: 'aino.virtanen@opiskelija.example.fi', locale: 'fi-FI' };
    const slack = await startSlackHarness({ core: real.core, users: [aino] });
    try {
      const dm = slack.postEvent(dmEvent({ user: aino.id, text: longText(40_000) }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const command = await slack.postForm(slashCommand({ user: aino.id, text: 'apua', responseUrl: slack.fake.responseUrl('real-during-long-dm') }));
      expect(command.status).toBe(200);
      expect(command.ms).toBeLessThan(1000);
      expect((await dm).ms).toBeLessThan(1000);
      await slack.fake.waitForResponse((r) => r.id === 'real-during-long-dm', 30_000);
    } finally {
      await slack.close();
      await real.close();
    }
  }, 60_000);
});
