// Don't lose what students write (issue 13, Slack): a DM with a photo, a thread reply also sent to the
// DM, and a reply in a DM thread. Shapes: slackapi/node-slack-sdk packages/types/src/events/message.ts,
// FileShareMessageEvent (subtype 'file_share', text, files[], upload, display_as_bot, user, ts, channel,
// channel_type, event_ts; File: id, created, name, title, mimetype, filetype, pretty_type, user,
// editable, size, mode, is_external, external_type, is_public, public_url_shared, display_as_bot,
// username, url_private, permalink, channels, groups) and ThreadBroadcastMessageEvent (subtype
// 'thread_broadcast', thread_ts, root{…, thread_ts, reply_count, reply_users_count, latest_reply,
// reply_users}, client_msg_id); a thread reply is a GenericMessageEvent with thread_ts and
// parent_user_id. The wrapper is dmEvent's (fixtures.ts).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_BOT_USER_ID } from '../../support/fake-slack-api.ts';
import { createFixtureCore, dmEvent, startSlackHarness, STUDENT, type FixtureCore, type SlackHarness } from './fixtures.ts';

let h: SlackHarness;
let core: FixtureCore;
beforeEach(async () => {
  core = createFixtureCore();
  h = await startSlackHarness({ core });
});
afterEach(async () => h.close());

const DM = 'DAINO001';

const photo = {
  id: 'F0PHOTO01',
  created: 1700000090,
  timestamp: 1700000090,
  name: 'IMG_2041.jpg',
  title: 'IMG_2041.jpg',
  mimetype: 'image/jpeg',
  filetype: 'jpg',
  pretty_type: 'JPEG',
  user: STUDENT.id,
  editable: false,
  size: 1843212,
  mode: 'hosted',
  is_external: false,
  external_type: '',
  is_public: false,
  public_url_shared: false,
  display_as_bot: false,
  username: '',
  url_private: 'https://files.slack.com/files-pri/T0SCHOOL-F0PHOTO01/img_2041.jpg',
  url_private_download: 'https://files.slack.com/files-pri/T0SCHOOL-F0PHOTO01/download/img_2041.jpg',
  permalink: 'https://school.slack.com/files/UAINO001/F0PHOTO01/img_2041.jpg',
  channels: [],
  groups: [],
};

describe('direct messages of every shape a student writes', () => {
  it('reads a DM with a photo (file_share) as its text', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?', extra: { subtype: 'file_share', files: [photo], upload: false, display_as_bot: false } }));
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.args.channel).toBe(DM);
    expect(core.handled.map((m) => m.text)).toEqual(['Mitä arvosanaan 4 vaaditaan?']);
  });

  it('reads a thread reply also sent to the DM (thread_broadcast) as its text, and answers in the thread', async () => {
    const root = { type: 'message', user: FAKE_BOT_USER_ID, bot_id: 'BBOT0001', text: 'Päivän check-in', ts: '1700000000.000100', thread_ts: '1700000000.000100', reply_count: 1, reply_users_count: 1, latest_reply: '1700000100.000200', reply_users: [STUDENT.id] };
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?', extra: { subtype: 'thread_broadcast', thread_ts: '1700000000.000100', root } }));
    const post = await h.fake.waitFor('chat.postMessage');
    expect(core.handled.map((m) => m.text)).toEqual(['Mitä arvosanaan 4 vaaditaan?']);
    expect(post.args.thread_ts).toBe('1700000000.000100');
  });

  it('answers a reply in a DM thread in that thread', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?', extra: { thread_ts: '1700000000.000100', parent_user_id: FAKE_BOT_USER_ID } }));
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.args).toMatchObject({ channel: DM, thread_ts: '1700000000.000100' });
  });

  it('answers a plain DM in the DM itself, not in a thread', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    const post = await h.fake.waitFor('chat.postMessage');
    expect(post.args.thread_ts).toBeUndefined();
  });

  it('still ignores an edit (message_changed) and a deletion', async () => {
    await h.postEvent(dmEvent({ user: STUDENT.id, text: '', extra: { subtype: 'message_changed', hidden: true } }));
    await h.postEvent(dmEvent({ user: STUDENT.id, text: '', extra: { subtype: 'message_deleted', hidden: true, deleted_ts: '1700000000.000100' } }));
    await h.postEvent(dmEvent({ user: STUDENT.id, text: 'apua' }));
    await h.fake.waitFor('chat.postMessage');
    expect(core.handled.map((m) => m.text)).toEqual(['apua']);
  });
});
