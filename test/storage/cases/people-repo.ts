import { expect, it } from 'vitest';
import { createPeopleRepo, isStorageError } from '../../../src/storage/index.ts';
import type { StorageContext } from '../backends.ts';

export function peopleRepoCases(t: StorageContext): void {
  it('finds a person by platform identity, per tenant', async () => {
    const people = createPeopleRepo(t.db);
    const person = await people.create({ name: 'Emma Slack', email: 'Emma.Slack@Example.fi', roles: ['student'], lang: 'en' });
    expect(person).toMatchObject({ id: expect.stringMatching(/^p_/), lang: 'en', timeZone: 'Europe/Helsinki' });
    await people.linkIdentity({ platform: 'slack', tenantId: 'T1', externalId: 'U123', personId: person.id });
    await people.linkIdentity({ platform: 'slack', tenantId: 'T1', externalId: 'U123', personId: person.id }); // again: no-op

    expect(await people.findByIdentity({ platform: 'slack', tenantId: 'T1', externalId: 'U123' })).toMatchObject({ id: person.id });
    expect(await people.findByIdentity({ platform: 'slack', tenantId: 'T2', externalId: 'U123' })).toBeNull();
    expect(await people.findByEmail('emma.slack@example.FI')).toMatchObject({ id: person.id });
    expect(await people.listIdentities(person.id)).toEqual([
      { platform: 'slack', tenantId: 'T1', externalId: 'U123', personId: person.id },
    ]);
  });

  it('refuses to move an identity to another person', async () => {
    const people = createPeopleRepo(t.db);
    const a = await people.create({ name: 'A Person', roles: ['student'] });
    const b = await people.create({ name: 'B Person', roles: ['student'] });
    await people.linkIdentity({ platform: 'local', externalId: 'shared-id', personId: a.id });
    await expect(people.linkIdentity({ platform: 'local', externalId: 'shared-id', personId: b.id })).rejects.toSatisfy(
      (error) => isStorageError(error, 'invalid_input'),
    );
    expect(await people.findByIdentity({ platform: 'local', externalId: 'shared-id' })).toMatchObject({ id: a.id });
  });

  it('finds students by partial, accent-insensitive name among given ids, returning every match', async () => {
    const people = createPeopleRepo(t.db);
    const aino = await people.create({ name: 'Aino Mäkelä', roles: ['student'] });
    const aino2 = await people.create({ name: 'Aino Virtanen', roles: ['student'] });
    const ville = await people.create({ name: 'Ville Mäkinen', roles: ['student'] });
    const teacherAino = await people.create({ name: 'Aino Opettaja', roles: ['teacher'] });
    const outsider = await people.create({ name: 'Aino Ulkopuolinen', roles: ['student'] });
    const among = [aino.id, aino2.id, ville.id, teacherAino.id];

    const byFirstName = await people.findStudentsByName('aino', among);
    expect(byFirstName.map((person) => person.name)).toEqual(['Aino Mäkelä', 'Aino Virtanen']);
    expect((await people.findStudentsByName('AINO MAKELA', among)).map((person) => person.id)).toEqual([aino.id]);
    expect((await people.findStudentsByName('makinen', among)).map((person) => person.id)).toEqual([ville.id]);
    expect((await people.findStudentsByName('Mäk', among)).map((person) => person.id)).toEqual([aino.id, ville.id]);
    expect(await people.findStudentsByName('Ulkopuolinen', among)).toEqual([]);
    expect(await people.findStudentsByName('aino', [])).toEqual([]);
    expect(outsider.id).not.toBe(aino.id);
  });

  it('checks text limits and input before writing', async () => {
    const people = createPeopleRepo(t.db);
    await expect(people.create({ name: 'x'.repeat(201), roles: ['student'] })).rejects.toSatisfy(
      (error) => isStorageError(error, 'text_too_long') && error.info.code === 'text_too_long' && error.info.limit === 200,
    );
    await expect(people.create({ name: 'No Roles', roles: [] })).rejects.toSatisfy((error) => isStorageError(error, 'invalid_input'));
    await expect(people.create({ name: 'Bad Zone', roles: ['student'], timeZone: 'Mars/Olympus' })).rejects.toSatisfy(
      (error) => isStorageError(error, 'invalid_input'),
    );
    const updated = await people.update((await people.create({ name: 'Lang Change', roles: ['student'] })).id, { lang: 'en' });
    expect(updated.lang).toBe('en');
    await expect(people.update('nobody', { lang: 'en' })).rejects.toSatisfy((error) => isStorageError(error, 'not_found'));
  });

  it('finds several people by id in one call, skipping ids nobody has', async () => {
    const people = createPeopleRepo(t.db);
    const a = await people.create({ name: 'Iida Ids', roles: ['student'] });
    const b = await people.create({ name: 'Jere Ids', roles: ['instructor'] });
    const found = await people.findByIds([b.id, 'p_nobody', a.id, b.id]);
    expect(found.map((p) => p.name).sort()).toEqual(['Iida Ids', 'Jere Ids']);
    expect(await people.findByIds([])).toEqual([]);
  });

  it('stores Swedish speakers, created and changed (0001 allowed only fi and en)', async () => {
    const people = createPeopleRepo(t.db);
    const created = await people.create({ name: 'Elsa Svensk', roles: ['student'], lang: 'sv' });
    expect((await people.findById(created.id))?.lang).toBe('sv');
    const changed = await people.update((await people.create({ name: 'Byter Språk', roles: ['student'] })).id, { lang: 'sv' });
    expect(changed.lang).toBe('sv');
  });
}
