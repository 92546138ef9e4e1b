// Socket Mode end to end: the real Bolt app opens its connection with apps.connections.open on the
// fake Web API, then takes envelopes from a local WebSocket server and acknowledges them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { startFakeSocketModeServer, type FakeSocketModeServer } from './fake-socket-mode-server.ts';
import { blocksText, BOT_TOKEN, capturingLogger, createFixtureCore, dmEvent, slashCommand, STUDENT, type FixtureCore } from './fixtures.ts';

let fake: FakeSlackApi;
let socket: FakeSocketModeServer;
let adapter: SlackAdapter | undefined;
let core: FixtureCore;

async function start(): Promise<SlackAdapter> {
  fake = await startFakeSlackApi();
  fake.addUser(STUDENT);
  socket = await startFakeSocketModeServer();
  fake.setSocketUrl(socket.url);
  core = createFixtureCore();
  adapter = createSlackAdapter({ botToken: BOT_TOKEN, appToken: 'xapp-1-test', apiUrl: fake.apiUrl, core, logger: capturingLogger().logger });
  await adapter.start();
  return adapter;
}

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await socket?.close();
  await fake?.close();
});

describe('Socket Mode', () => {
  it('connects with the app token and needs no HTTP route', async () => {
    const slack = await start();
    expect(slack.mode).toBe('socket');
    expect(slack.router).toBeUndefined();
    const open = fake.callsTo('apps.connections.open')[0];
    expect(open?.token).toBe('xapp-1-test');
    expect(fake.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(socket.connections()).toBe(1);
  });

  it('acknowledges a DM event and answers it in the DM', async () => {
    await start();
    const ack = await socket.send('events_api', dmEvent({ user: STUDENT.id, text: 'Mitä arvosanaan 4 vaaditaan?' }));
    expect(ack.envelope_id).toBe('env-1');
    const post = await fake.waitFor('chat.postMessage');
    expect(post.args.channel).toBe('DAINO001');
    expect(blocksText(post.args.blocks)).toContain('[AH-G4.1]');
    expect(core.handled[0]).toMatchObject({ email: STUDENT.email, localeHint: 'fi' });
  });

  it('acknowledges a slash command and answers through its response_url', async () => {
    await start();
    await socket.send('slash_commands', slashCommand({ user: STUDENT.id, text: '', responseUrl: fake.responseUrl('socket-help') }));
    const answer = await fake.waitForResponse((r) => r.id === 'socket-help');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(core.handled[0]?.text).toBe('help');
  });

  it('disconnects on stop', async () => {
    const slack = await start();
    await slack.stop();
    adapter = undefined;
    await vi.waitFor(() => expect(socket.connections()).toBe(0));
  });
});
