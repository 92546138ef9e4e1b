// Where Osaava answers and what it remembers: conversation references only from the bot's own 1:1 chat,
// personal data only there, "Log as observation" on a student's own message, and the install events.
//
// Shapes (msteams-docs, MicrosoftDocs/msteams-docs):
// - group chat and channel conversations: messaging-extensions/how-to/action-commands/create-task-module.md
//   ("invoked from a group chat": conversationType `groupChat`, isGroup, `19:…@thread.skype`; "from a
//   channel": conversationType `channel`, channelData.team/channel; "from a meeting chat": `19:meeting_…`
//   with channelData.meeting and no conversationType);
// - the message action payload: the same page, "channel (reply to thread)": value.commandContext `message`,
//   value.messagePayload.body {contentType html}, messagePayload.from.user {userIdentityType aadUser,
//   id = the author's Entra object id, displayName};
// - installationUpdate actions `add`, `remove`, `add-upgrade`, `remove-upgrade`:
//   bots/how-to/conversations/subscribe-to-conversation-events.md.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { OutboundAddress } from '../../../src/messaging/messenger.ts';
import { aino, checkinForm, invokeActivity, messageActivity, observationForm, personalActivity, startTeams, TENANT, type RunningTeams } from './fixtures.ts';

let teams: RunningTeams | undefined;

afterEach(async () => {
  await teams?.close();
  teams = undefined;
});

const mikko = { teamsId: '29:1mikko-teams-id', aadObjectId: 'b2c3d4e5-0000-4000-8000-000000000002', name: 'Mikko Laine' };
const toAino: OutboundAddress = { platform: 'teams', tenantId: TENANT, userId: aino.aadObjectId };

const groupChat = { isGroup: true, conversationType: 'groupChat', id: '19:d77be72390a1416e9644261e9064fa00@thread.skype', tenantId: TENANT };
const channel = { isGroup: true, conversationType: 'channel', id: '19:6decf54d86d945e4b3924b63a9161a78@thread.skype', name: 'parsable', tenantId: TENANT };
const channelData = { tenant: { id: TENANT }, team: { id: '19:acca514e83cb497e960e0b014d405336@thread.skype' }, channel: { id: channel.id } };
const meetingChat = { tenantId: TENANT, id: '19:meeting_NTk4ZDY4ZmYtOWEzZS00OTRkLThhY2EtZmUzZmUzMDQyM2M0@thread.v2', name: 'Test meeting' };

/** Aino has written to the bot in their 1:1 chat: her reference is stored. */
async function startWithReference(): Promise<RunningTeams> {
  teams = await startTeams();
  await teams.post(messageActivity(teams.connector.serviceUrl, 'help'));
  teams.connector.requests.length = 0;
  teams.core.calls.length = 0;
  return teams;
}

const postedTexts = (t: RunningTeams) => t.connector.activities().map((a) => String(a.activity.text ?? ''));

describe('conversation references come only from the bot’s own 1:1 chat', () => {
  const logObservation = (content: string) => ({
    commandId: 'logObservation',
    commandContext: 'message',
    requestId: '7f7d22efe5414818becebcec649a7912',
    messagePayload: {
      id: '1611060744833',
      body: { contentType: 'html', content },
      from: { user: { userIdentityType: 'aadUser', id: aino.aadObjectId, displayName: aino.name } },
    },
    context: { theme: 'default' },
  });

  it.each([
    ['a meeting chat', { conversation: meetingChat, channelData: { tenant: { id: TENANT }, source: { name: 'compose' }, meeting: { id: 'MCMxOTptZWV0aW5n' } } }],
    ['a group chat', { conversation: groupChat, channelData: { tenant: { id: TENANT }, source: { name: 'compose' } } }],
    // A 1:1 chat between two people (an instructor and a student) is personal too, but not the bot's.
    ['a 1:1 chat between two people', { conversation: { conversationType: 'personal', id: `19:${aino.aadObjectId}_${mikko.aadObjectId}@unq.gbl.spaces`, tenantId: TENANT } }],
  ])('a message extension invoke from %s leaves the stored reference alone', async (_where, fields) => {
    const t = await startWithReference();
    const before = await t.references.get(TENANT, aino.aadObjectId);
    await t.post(invokeActivity(t.connector.serviceUrl, 'composeExtension/fetchTask', logObservation('<p>Aino hoiti kassan</p>'), fields));
    expect(await t.references.get(TENANT, aino.aadObjectId)).toEqual(before);
  });

  it('stores nothing from a channel message', async () => {
    teams = await startTeams();
    await teams.post(messageActivity(teams.connector.serviceUrl, 'help', { conversation: channel, channelData }));
    expect(await teams.references.get(TENANT, aino.aadObjectId)).toBeUndefined();
  });
});

describe('personal data only in the personal chat', () => {
  it.each([
    ['a group chat', { conversation: groupChat }],
    ['a channel', { conversation: channel, channelData }],
  ])('in %s the bot asks to be written to directly and the core is not asked', async (_where, fields) => {
    teams = await startTeams();
    for (const text of ['progress', 'summary', 'reflect']) {
      const response = await teams.post(messageActivity(teams.connector.serviceUrl, text, fields));
      expect(response.status).toBe(200);
    }
    expect(teams.core.calls).toEqual([]);
    expect(postedTexts(teams)).toEqual(Array(3).fill(expect.stringContaining('Kirjoita minulle suoraan')));
  });

  it('says it in the user’s language', async () => {
    teams = await startTeams();
    await teams.post(messageActivity(teams.connector.serviceUrl, 'progress', { conversation: groupChat, locale: 'sv-FI' }));
    expect(postedTexts(teams)).toEqual([expect.stringContaining('Skriv direkt till mig')]);
  });
});

const taskResponseSchema = z.object({ task: z.object({ type: z.string(), value: z.unknown() }) });

describe('"Log as observation" on a student’s own message', () => {
  it('opens the form for the message’s author when the text names no one', async () => {
    teams = await startTeams();
    const t = teams;
    // The real core resolves "Name: text" to a student; a first word that is no one's name gives nothing.
    const drafted: string[] = [];
    t.core.draftObservation = async (_user, text) => {
      drafted.push(text);
      return text.startsWith('Aino Virtanen: ') ? [observationForm(text.slice('Aino Virtanen: '.length))] : [{ kind: 'message', lang: 'fi', blocks: [{ type: 'paragraph', text: 'Kenestä havainto on?' }], citations: [] }];
    };
    const value = {
      commandId: 'logObservation',
      commandContext: 'message',
      requestId: '7f7d22efe5414818becebcec649a7912',
      messagePayload: {
        id: '1611060744833',
        body: { contentType: 'html', content: '<div><div>Tein tänään kassan sulkemisen yksin.</div>\n</div>' },
        from: { device: null, conversation: null, user: { userIdentityType: 'aadUser', id: aino.aadObjectId, displayName: aino.name }, application: null },
      },
      context: { theme: 'default' },
    };
    // Mikko, her workplace instructor, picks the action on Aino's message in their 1:1 chat.
    const response = await t.post(
      invokeActivity(t.connector.serviceUrl, 'composeExtension/fetchTask', value, {
        from: { id: mikko.teamsId, name: mikko.name, aadObjectId: mikko.aadObjectId },
        conversation: { conversationType: 'personal', id: `19:${aino.aadObjectId}_${mikko.aadObjectId}@unq.gbl.spaces`, tenantId: TENANT },
      }),
    );
    expect(response.status).toBe(200);
    const body = taskResponseSchema.parse(await response.json());
    expect(body.task.type).toBe('continue');
    expect(JSON.stringify(body.task.value)).toContain('Tein tänään kassan sulkemisen yksin.');
    expect(drafted).toEqual(['Tein tänään kassan sulkemisen yksin.', 'Aino Virtanen: Tein tänään kassan sulkemisen yksin.']);
  });

  it('does not name the instructor on their own message', async () => {
    teams = await startTeams();
    const t = teams;
    const drafted: string[] = [];
    t.core.draftObservation = async (_user, text) => {
      drafted.push(text);
      return [{ kind: 'message', lang: 'fi', blocks: [{ type: 'paragraph', text: 'Kenestä havainto on?' }], citations: [] }];
    };
    const value = {
      commandId: 'logObservation',
      commandContext: 'message',
      messagePayload: { body: { contentType: 'html', content: '<p>Hyvä päivä</p>' }, from: { user: { userIdentityType: 'aadUser', id: aino.aadObjectId, displayName: aino.name } } },
    };
    await t.post(invokeActivity(t.connector.serviceUrl, 'composeExtension/fetchTask', value));
    expect(drafted).toEqual(['Hyvä päivä']);
  });
});

describe('install events and unreachable users', () => {
  it('installationUpdate add clears the unreachable mark', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 403, code: 'ForbiddenOperationException' });
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'unreachable' });
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale?.reason).toBe('ForbiddenOperationException');

    await t.post(personalActivity(t.connector.serviceUrl, { type: 'installationUpdate', action: 'add' }));
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale).toBeUndefined();
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: true });
  });

  it('installationUpdate remove-upgrade does not mark the user unreachable', async () => {
    const t = await startWithReference();
    await t.post(personalActivity(t.connector.serviceUrl, { type: 'installationUpdate', action: 'remove-upgrade' }));
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale).toBeUndefined();
  });

  it('412 PreconditionFailed is a retryable failure that leaves the reference alone', async () => {
    const t = await startWithReference();
    t.connector.failNext({ status: 412, code: 'PreconditionFailed' });
    expect(await t.messenger.send(toAino, [checkinForm()])).toMatchObject({ ok: false, reason: 'failed', retryable: true });
    expect((await t.references.get(TENANT, aino.aadObjectId))?.stale).toBeUndefined();
  });
});
