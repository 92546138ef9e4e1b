import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTeamsReferenceRepo } from '../../src/storage/teams-reference-repo.ts';
import { describeEachBackend, openTestDatabase, type TestDatabase } from './backends.ts';

describeEachBackend('Teams conversation references on %s', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => database?.close());

  const reference = {
    tenantId: 'AAAA-TENANT',
    aadObjectId: 'BBBB-USER',
    teamsUserId: '29:abc',
    conversationId: 'a:conv1',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    botId: '28:bot',
    locale: 'fi-FI',
    updatedAt: new Date('2026-11-23T10:00:00Z'),
  };

  it('saves, finds case-insensitively, marks stale and clears the mark on the next save', async () => {
    const repo = createTeamsReferenceRepo(database.db, () => new Date('2026-11-24T08:00:00Z'));
    await repo.save(reference);
    expect(await repo.get('aaaa-tenant', 'bbbb-user')).toMatchObject({ conversationId: 'a:conv1', locale: 'fi-FI' });
    await repo.markStale('AAAA-TENANT', 'BBBB-USER', 'MessageWritesBlocked');
    expect((await repo.get('aaaa-tenant', 'bbbb-user'))?.stale).toEqual({ reason: 'MessageWritesBlocked', at: new Date('2026-11-24T08:00:00Z') });
    expect((await repo.listStale()).map((r) => r.aadObjectId)).toEqual(['bbbb-user']);
    await repo.save({ ...reference, conversationId: 'a:conv2' });
    const fresh = await repo.get('aaaa-tenant', 'bbbb-user');
    expect(fresh?.stale).toBeUndefined();
    expect(fresh?.conversationId).toBe('a:conv2');
    expect(await repo.listStale()).toEqual([]);
  });

  it('returns nothing for an unknown user and ignores marking one stale', async () => {
    const repo = createTeamsReferenceRepo(database.db);
    await repo.markStale('t', 'nobody', 'x');
    expect(await repo.get('t', 'nobody')).toBeUndefined();
  });
});
