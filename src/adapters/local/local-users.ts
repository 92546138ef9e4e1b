// The people the local chat lets a developer act as: everyone with a local identity.
import type { Store } from '../../storage/store.ts';
import type { LocalUser } from './schemas.ts';

export async function listLocalUsers(store: Store): Promise<LocalUser[]> {
  const rows = await store.db
    .selectFrom('identity')
    .innerJoin('person', 'person.id', 'identity.person_id')
    .select(['identity.external_id as id', 'person.name', 'person.roles'])
    .where('identity.platform', '=', 'local')
    .orderBy('person.name')
    .execute();
  const placements = await store.db.selectFrom('placement').select(['student_id', 'instructor_id', 'workplace_name']).execute();
  return rows.map((r) => {
    const workplace = placements.find((p) => p.student_id === r.id || p.instructor_id === r.id)?.workplace_name;
    return { id: r.id, name: r.name, roles: r.roles, ...(workplace ? { description: workplace } : {}) };
  });
}
