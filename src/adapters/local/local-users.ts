// The people the local chat lets a developer act as: everyone with a local identity.
import type { Repositories } from '../../storage/store.ts';
import type { LocalUser } from './schemas.ts';

export async function listLocalUsers(store: Pick<Repositories, 'people'>): Promise<LocalUser[]> {
  const users = await store.people.listLocalUsers();
  return users.map((u) => ({ id: u.localId, name: u.name, roles: u.roles, ...(u.workplaceName ? { description: u.workplaceName } : {}) }));
}
