import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  DEFAULT_TIME_ZONE,
  type Lang,
  langSchema,
  type Platform,
  platformSchema,
  type Role,
  roleSchema,
  timeZoneSchema,
} from './domain.ts';
import { StorageError } from './errors.ts';
import { newId } from './ids.ts';
import { EMAIL_MAX, ID_MAX, NAME_MAX } from './limits.ts';
import { nameMatches } from './name-match.ts';
import type { DatabaseSchema, IdentityRow, PersonRow } from './schema.ts';
import { parseInput } from './validate.ts';

export interface Person {
  id: string;
  name: string;
  email: string | null;
  roles: Role[];
  lang: Lang;
  timeZone: string;
  createdAt: Date;
}

export interface Identity {
  platform: Platform;
  /** Slack team / Teams tenant id; '' for local ids. */
  tenantId: string;
  externalId: string;
  personId: string;
}

export const newPersonSchema = z.object({
  id: z.string().min(1).max(ID_MAX).optional(),
  name: z.string().trim().min(1).max(NAME_MAX),
  email: z.email().max(EMAIL_MAX).nullish(),
  roles: z.array(roleSchema).min(1),
  lang: langSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type NewPerson = z.input<typeof newPersonSchema>;

export const personUpdateSchema = z.object({
  name: z.string().trim().min(1).max(NAME_MAX).optional(),
  email: z.email().max(EMAIL_MAX).nullish(),
  roles: z.array(roleSchema).min(1).optional(),
  lang: langSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type PersonUpdate = z.input<typeof personUpdateSchema>;

export const identityKeySchema = z.object({
  platform: platformSchema,
  tenantId: z.string().max(ID_MAX).default(''),
  externalId: z.string().min(1).max(ID_MAX),
});
export type IdentityKey = z.input<typeof identityKeySchema>;

export const identityLinkSchema = identityKeySchema.extend({ personId: z.string().min(1) });
export type IdentityLink = z.input<typeof identityLinkSchema>;

export interface PeopleRepo {
  create(input: NewPerson): Promise<Person>;
  update(id: string, input: PersonUpdate): Promise<Person>;
  findById(id: string): Promise<Person | null>;
  /** Everyone of `ids` that exists, in one query (a staff member's scope may hold thousands). */
  findByIds(ids: readonly string[]): Promise<Person[]>;
  findByEmail(email: string): Promise<Person | null>;
  findByIdentity(key: IdentityKey): Promise<Person | null>;
  /** Links a platform id to a person; linking the same id again to the same person is a no-op. */
  linkIdentity(link: IdentityLink): Promise<Identity>;
  /** Removes a platform account's link; the person it named, or null when there was none. */
  unlinkIdentity(key: IdentityKey): Promise<string | null>;
  listIdentities(personId: string): Promise<Identity[]>;
  /** Students among `amongIds` whose name matches `query` (partial, accent-insensitive); all matches, by name. */
  findStudentsByName(query: string, amongIds: readonly string[]): Promise<Person[]>;
  /** Whether anyone at all bears this name: tells a name from other words in a command's name slot. */
  anyoneNamed(query: string): Promise<boolean>;
  /** Everyone whose name matches `query` (partial, accent-insensitive), by name: an admin's look-up. */
  findByName(query: string): Promise<Person[]>;
  /** Everyone with a local (web chat) id, by name, with the workplace of a placement they study or instruct at. */
  listLocalUsers(): Promise<LocalChatUser[]>;
}

export interface LocalChatUser {
  /** The local id (`identity.external_id`). */
  localId: string;
  personId: string;
  name: string;
  roles: Role[];
  workplaceName: string | null;
}

export function createPeopleRepo(db: Kysely<DatabaseSchema>): PeopleRepo {
  async function findById(id: string): Promise<Person | null> {
    const row = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPerson(row) : null;
  }

  return {
    async create(input) {
      const data = parseInput(newPersonSchema, input);
      const row = await db
        .insertInto('person')
        .values({
          id: data.id ?? newId('p'),
          name: data.name,
          email: data.email ?? null,
          roles: [...new Set(data.roles)],
          lang: data.lang ?? 'fi',
          time_zone: data.timeZone ?? DEFAULT_TIME_ZONE,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toPerson(row);
    },

    async update(id, input) {
      const data = parseInput(personUpdateSchema, input);
      const row = await db
        .updateTable('person')
        .set({
          ...(data.name !== undefined ? { name: data.name } : {}),
          ...(data.email !== undefined ? { email: data.email } : {}),
          ...(data.roles !== undefined ? { roles: [...new Set(data.roles)] } : {}),
          ...(data.lang !== undefined ? { lang: data.lang } : {}),
          ...(data.timeZone !== undefined ? { time_zone: data.timeZone } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new StorageError({ code: 'not_found', entity: 'person', id });
      return toPerson(row);
    },

    findById,

    async findByIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('person').selectAll().where('id', 'in', [...new Set(ids)]).orderBy('id').execute();
      return rows.map(toPerson);
    },

    async findByEmail(email) {
      const row = await db
        .selectFrom('person')
        .selectAll()
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
        .executeTakeFirst();
      return row ? toPerson(row) : null;
    },

    async findByIdentity(key) {
      const data = parseInput(identityKeySchema, key);
      const row = await db
        .selectFrom('identity')
        .innerJoin('person', 'person.id', 'identity.person_id')
        .selectAll('person')
        .where('identity.platform', '=', data.platform)
        .where('identity.tenant_id', '=', data.tenantId)
        .where('identity.external_id', '=', data.externalId)
        .executeTakeFirst();
      return row ? toPerson(row) : null;
    },

    async unlinkIdentity(key) {
      const data = parseInput(identityKeySchema, key);
      const row = await db
        .deleteFrom('identity')
        .where('platform', '=', data.platform)
        .where('tenant_id', '=', data.tenantId)
        .where('external_id', '=', data.externalId)
        .returning('person_id')
        .executeTakeFirst();
      return row?.person_id ?? null;
    },

    async linkIdentity(link) {
      const data = parseInput(identityLinkSchema, link);
      await db
        .insertInto('identity')
        .values({
          platform: data.platform,
          tenant_id: data.tenantId,
          external_id: data.externalId,
          person_id: data.personId,
        })
        .onConflict((oc) => oc.columns(['platform', 'tenant_id', 'external_id']).doNothing())
        .execute();
      const row = await db
        .selectFrom('identity')
        .selectAll()
        .where('platform', '=', data.platform)
        .where('tenant_id', '=', data.tenantId)
        .where('external_id', '=', data.externalId)
        .executeTakeFirstOrThrow();
      if (row.person_id !== data.personId) {
        throw new StorageError({
          code: 'invalid_input',
          issues: [`${data.platform} id "${data.externalId}" is already linked to another person`],
        });
      }
      return toIdentity(row);
    },

    async listIdentities(personId) {
      const rows = await db.selectFrom('identity').selectAll().where('person_id', '=', personId).execute();
      return rows.map(toIdentity);
    },

    async findStudentsByName(query, amongIds) {
      if (amongIds.length === 0) return [];
      const rows = await db
        .selectFrom('person')
        .selectAll()
        .where('id', 'in', [...amongIds])
        .where((eb) => eb(eb.val('student'), '=', eb.fn.any('roles')))
        .orderBy('name')
        .execute();
      return rows.filter((row) => nameMatches(row.name, query)).map(toPerson);
    },

    async anyoneNamed(query) {
      const rows = await db.selectFrom('person').select('name').execute();
      return rows.some((row) => nameMatches(row.name, query));
    },

    async findByName(query) {
      const rows = await db.selectFrom('person').selectAll().orderBy('name').orderBy('id').execute();
      return rows.filter((row) => nameMatches(row.name, query)).map(toPerson);
    },

    async listLocalUsers() {
      const rows = await db
        .selectFrom('identity')
        .innerJoin('person', 'person.id', 'identity.person_id')
        .select(['identity.external_id as id', 'identity.person_id', 'person.name', 'person.roles'])
        .where('identity.platform', '=', 'local')
        .orderBy('person.name')
        .execute();
      const placements = await db.selectFrom('placement').select(['student_id', 'instructor_id', 'workplace_name']).execute();
      return rows.map((r) => ({
        localId: r.id,
        personId: r.person_id,
        name: r.name,
        roles: r.roles,
        workplaceName: placements.find((p) => p.student_id === r.person_id || p.instructor_id === r.person_id)?.workplace_name ?? null,
      }));
    },
  };
}

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    roles: row.roles,
    lang: row.lang,
    timeZone: row.time_zone,
    createdAt: row.created_at,
  };
}

export function toIdentity(row: IdentityRow): Identity {
  return { platform: row.platform, tenantId: row.tenant_id, externalId: row.external_id, personId: row.person_id };
}
