// Events from another workspace are ignored (issue 13, Slack: "Events from another workspace are
// ignored"). The workspace is where Slack's payloads put it: the Events API wrapper's `team_id`
// (docs.slack.dev/apis/events-api, "Callback field overview"), a slash command's `team_id` form field
// (docs.slack.dev/interactivity/implementing-slash-commands), block_actions' `team.id` and `user.team_id`
// (docs.slack.dev/reference/interaction-payloads/block_actions-payload). The installed workspace is
// auth.test's `team_id` (docs.slack.dev/reference/methods/auth.test).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockActions, createFixtureCore, dmEvent, slashCommand, startSlackHarness, STUDENT, type FixtureCore, type SlackHarness } from './fixtures.ts';

let h: SlackHarness;
let core: FixtureCore;
beforeEach(async () => {
  core = createFixtureCore();
  h = await startSlackHarness({ core });
});
afterEach(async () => h.close());

const OTHER_TEAM = 'T0ELSEWHERE';

describe('requests from a workspace Osaava is not installed in', () => {
  it('acknowledges and drops a DM event, a slash command and a button from another workspace', async () => {
    const event = { ...dmEvent({ user: STUDENT.id, text: 'edistymiseni' }), team_id: OTHER_TEAM };
    expect((await h.postEvent(event)).status).toBe(200);
    const command = await h.postForm({ ...slashCommand({ user: STUDENT.id, text: 'edistymiseni', responseUrl: h.fake.responseUrl('other-team') }), team_id: OTHER_TEAM });
    expect(command.status).toBe(200);
    expect(command.ms).toBeLessThan(1000);
    const action = blockActions({ user: STUDENT.id, action: { action_id: 'osaava:suggest', value: 'apua' } });
    const foreign = { ...action, team: { id: OTHER_TEAM, domain: 'elsewhere' }, user: { ...action.user, team_id: OTHER_TEAM } };
    expect((await h.postInteraction(foreign)).status).toBe(200);
    // A control message from the school's own workspace is answered, and is all the core saw.
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled.map((m) => m.text)).toEqual(['apua']);
    expect(h.fake.responses.filter((r) => r.id === 'other-team')).toEqual([]);
    expect(h.log.lines.filter((l) => l.msg === 'Slack request from another workspace ignored')).toHaveLength(3);
  });
});
