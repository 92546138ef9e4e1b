import { describe, expect, it } from 'vitest';
import { createInMemoryConversationReferenceStore, type TeamsConversationReference } from '../../../src/adapters/teams/conversation-references.ts';
import { htmlToText, stripMentions } from '../../../src/adapters/teams/html-text.ts';
import { createMemberEmailCache, emailOfMember } from '../../../src/adapters/teams/member-email.ts';
import { classifyActivity, localeHint, speakerOf, teamsActivitySchema } from '../../../src/adapters/teams/teams-activity.ts';

describe('stripMentions', () => {
  // The shape of Bot Framework's own test (Microsoft.Bot.Builder.Tests MentionTests.Mention_Teams):
  // entities [{ type: 'mention', mentioned: { id: 'recipientid' }, text: '<at>botname</at>' }].
  it('removes the bot\'s own mention and keeps a mentioned person\'s name', () => {
    const entities = [
      { mentionedId: '28:bot-app-id', text: '<at>Osaava</at>' },
      { mentionedId: '29:1aino', text: '<at>Aino Virtanen</at>' },
    ];
    expect(stripMentions('<at>Osaava</at> havainto <at>Aino Virtanen</at>: hoiti reklamaation hyvin', entities, { id: '28:bot-app-id', name: 'Osaava' }))
      .toBe('havainto Aino Virtanen: hoiti reklamaation hyvin');
    expect(stripMentions('havainto <at>Aino</at>: hyvä', [], { name: 'Osaava' })).toBe('havainto Aino: hyvä');
  });


  it('removes <at> mentions wherever they are', () => {
    expect(stripMentions('<at>Osaava</at> help')).toBe('help');
    expect(stripMentions('kysyn <at id="0">Osaava</at> arvosanasta')).toBe('kysyn arvosanasta');
    expect(stripMentions('<at>Osaava</at>')).toBe('');
  });
});

describe('htmlToText', () => {
  it('turns a Teams message body into plain text, keeping ä/ö and line structure', () => {
    expect(htmlToText('<div><p>Aino hoiti <strong>asiakkaan</strong> &amp; kassan.</p><p>Hyvä&nbsp;työ!<br>Jatka näin.</p></div>')).toBe('Aino hoiti asiakkaan & kassan.\nHyvä työ!\nJatka näin.');
    expect(htmlToText('<ul><li>yksi</li><li>kaksi</li></ul>')).toBe('- yksi\n- kaksi');
    expect(htmlToText('&lt;b&gt; ei ole tagi &#228; &#xF6;')).toBe('<b> ei ole tagi ä ö');
    expect(htmlToText('<script>alert(1)</script>teksti')).toBe('teksti');
  });
});

describe('classifyActivity', () => {
  const parse = (a: unknown) => classifyActivity(teamsActivitySchema.parse(a));

  it('reads a whole mention activity: the bot mention gone, the person named', () => {
    const activity = {
      type: 'message',
      text: '<at>Osaava</at> edistyminen <at>Ville Korhonen</at>',
      recipient: { id: '28:bot-app-id', name: 'Osaava' },
      entities: [
        { type: 'mention', mentioned: { id: '28:bot-app-id', name: 'Osaava' }, text: '<at>Osaava</at>' },
        { type: 'mention', mentioned: { id: '29:1ville', name: 'Ville Korhonen' }, text: '<at>Ville Korhonen</at>' },
        { type: 'clientInfo', locale: 'fi-FI' },
      ],
    };
    expect(parse(activity)).toEqual({ kind: 'message', text: 'edistyminen Ville Korhonen' });
  });

  it('tells messages, card submissions, say buttons and unreadable cards apart', () => {
    expect(parse({ type: 'message', text: '<at>Osaava</at> apua' })).toEqual({ kind: 'message', text: 'apua' });
    expect(parse({ type: 'message', value: { osaava: 'say', text: 'help' } })).toEqual({ kind: 'message', text: 'help' });
    expect(parse({ type: 'message', value: { osaava: 'submit', formKind: 'x' }, replyToId: 'c1' })).toEqual({ kind: 'card-submit', data: { osaava: 'submit', formKind: 'x' }, cardActivityId: 'c1' });
    expect(parse({ type: 'message', value: { foo: 1 } })).toEqual({ kind: 'unreadable-card' });
    expect(parse({ type: 'message', text: '  ' })).toEqual({ kind: 'non-text-message' });
  });

  it('reads invokes', () => {
    expect(parse({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { verb: 'osaava.submit', data: { a: 1 } } } })).toEqual({ kind: 'card-action', data: { a: 1 } });
    expect(parse({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { verb: 'x' } } })).toMatchObject({ kind: 'unreadable-card-action' });
    expect(parse({ type: 'invoke', name: 'composeExtension/fetchTask', value: { commandId: 'logObservation', messagePayload: { body: { contentType: 'text', content: ' raw ' } } } })).toEqual({
      kind: 'fetch-task',
      commandId: 'logObservation',
      messageText: 'raw',
    });
    expect(parse({ type: 'invoke', name: 'composeExtension/submitAction', value: { commandId: 'logObservation', data: { b: 2 } } })).toEqual({ kind: 'submit-action', commandId: 'logObservation', data: { b: 2 } });
    expect(parse({ type: 'invoke', name: 'composeExtension/submitAction', value: {} })).toMatchObject({ kind: 'malformed-invoke' });
    expect(parse({ type: 'invoke', name: 'task/fetch' })).toEqual({ kind: 'unknown-invoke', name: 'task/fetch' });
  });

  it('sees an install only when the bot itself was added', () => {
    expect(parse({ type: 'conversationUpdate', recipient: { id: '28:bot' }, membersAdded: [{ id: '28:bot' }] })).toEqual({ kind: 'installed' });
    expect(parse({ type: 'conversationUpdate', recipient: { id: '28:bot' }, membersAdded: [{ id: '29:someone' }] })).toMatchObject({ kind: 'ignored' });
    expect(parse({ type: 'installationUpdate', action: 'remove' })).toEqual({ kind: 'uninstalled' });
    // installationUpdate actions as msteams-docs lists them (bots/how-to/conversations/subscribe-to-conversation-events.md).
    expect(parse({ type: 'installationUpdate', action: 'add' })).toEqual({ kind: 'reinstalled' });
    expect(parse({ type: 'installationUpdate', action: 'add-upgrade' })).toEqual({ kind: 'reinstalled' });
    expect(parse({ type: 'installationUpdate', action: 'remove-upgrade' })).toMatchObject({ kind: 'ignored' });
  });

  it('tolerates Teams fields of unexpected shape instead of rejecting the activity', () => {
    expect(parse({ type: 'message', text: 'hei', channelData: 'odd', from: 42 })).toEqual({ kind: 'message', text: 'hei' });
  });
});

describe('speakerOf and localeHint', () => {
  it('needs the AAD object id and a tenant (conversation or channelData)', () => {
    const base = { type: 'message', from: { id: '29:x', aadObjectId: 'aad-1' }, locale: 'en-GB' };
    expect(speakerOf(teamsActivitySchema.parse({ ...base, channelData: { tenant: { id: 't-1' } } }))).toEqual({ platform: 'teams', userId: 'aad-1', tenantId: 't-1', localeHint: 'en' });
    expect(speakerOf(teamsActivitySchema.parse({ ...base, conversation: { id: 'c', tenantId: 't-2' } }))?.tenantId).toBe('t-2');
    expect(speakerOf(teamsActivitySchema.parse(base))).toBeUndefined();
    expect(speakerOf(teamsActivitySchema.parse({ type: 'message', channelData: { tenant: { id: 't' } } }))).toBeUndefined();
  });

  it('knows fi, en and sv only', () => {
    expect(localeHint('fi-FI')).toBe('fi');
    expect(localeHint('sv-FI')).toBe('sv');
    expect(localeHint('de-DE')).toBeUndefined();
    expect(localeHint(undefined)).toBeUndefined();
  });
});

describe('member e-mail', () => {
  it('prefers the mailbox, falls back to the UPN, lowercases, and ignores non-addresses', () => {
    // Member records as msteams-docs shows them (bots/how-to/get-teams-context.md, "Get single member
    // details": id, objectId, givenName, surname, email, userPrincipalName, tenantId, userRole).
    const school = '5f2c9a41-7d3e-4b8a-9c1f-2e6d8b0a4c17';
    expect(emailOfMember({ email: 'Aino.V@Koulu.fi', userPrincipalName: 'x@y', tenantId: school, userRole: 'user' }, school)).toBe('aino.v@koulu.fi');
    expect(emailOfMember({ userPrincipalName: 'aino@koulu.fi', tenantId: school.toUpperCase() }, school)).toBe('aino@koulu.fi');
    expect(emailOfMember({ email: 'not-an-address', tenantId: school }, school)).toBeUndefined();
    expect(emailOfMember(null, school)).toBeUndefined();
  });

  it('never gives the e-mail of a member from another tenant (a guest), nor of a record without a tenant', () => {
    const school = '5f2c9a41-7d3e-4b8a-9c1f-2e6d8b0a4c17';
    const guest = { email: 'aino.virtanen@koulu.example', userPrincipalName: 'aino.virtanen_koulu.example#EXT#@other.onmicrosoft.com', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', userRole: 'guest' };
    expect(emailOfMember(guest, school)).toBeUndefined();
    expect(emailOfMember({ email: 'aino.virtanen@koulu.example' }, school)).toBeUndefined();
  });

  it('caches lookups for a day, misses included, within a size bound', () => {
    let now = new Date('2025-03-12T08:00:00Z');
    const cache = createMemberEmailCache({ now: () => now, maxEntries: 2 });
    cache.set('t', 'a', 'a@x.fi');
    cache.set('t', 'b', undefined);
    expect(cache.get('t', 'a')).toEqual({ email: 'a@x.fi' });
    expect(cache.get('t', 'b')).toEqual({ email: undefined });
    cache.set('t', 'c', 'c@x.fi');
    expect(cache.get('t', 'a')).toBeUndefined();
    now = new Date('2025-03-13T09:00:00Z');
    expect(cache.get('t', 'c')).toBeUndefined();
  });
});

describe('in-memory conversation reference store', () => {
  const ref = (aadObjectId: string): TeamsConversationReference => ({
    tenantId: 'T',
    aadObjectId,
    teamsUserId: `29:${aadObjectId}`,
    conversationId: `a:${aadObjectId}`,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    botId: '28:bot',
    updatedAt: new Date('2025-03-01T00:00:00Z'),
  });

  it('saves, gets case-insensitively by tenant and user, marks stale, lists stale oldest first, and a save clears the mark', async () => {
    const store = createInMemoryConversationReferenceStore();
    await store.save(ref('u1'));
    await store.save(ref('u2'));
    await store.markStale('T', 'u2', 'MessageWritesBlocked', new Date('2025-03-05T00:00:00Z'));
    await store.markStale('t', 'U1', 'ConversationNotFound', new Date('2025-03-04T00:00:00Z'));
    await store.markStale('T', 'nobody', 'x');
    expect((await store.listStale()).map((r) => [r.aadObjectId, r.stale?.reason])).toEqual([
      ['u1', 'ConversationNotFound'],
      ['u2', 'MessageWritesBlocked'],
    ]);
    await store.save(ref('u1'));
    expect((await store.get('T', 'u1'))?.stale).toBeUndefined();
    expect(await store.listStale()).toHaveLength(1);
    expect(await store.get('T', 'nobody')).toBeUndefined();
  });
});
