import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FormReply } from '../../src/conversation/reply.ts';
import { describeEachBackend } from '../storage/backends.ts';
import { createTestCore, type TestCore } from '../support/core.ts';

describeEachBackend('chat core on %s', (backend) => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore(backend);
  });
  afterAll(async () => t?.close());

  it('answers curriculum questions for anyone, known or not', async () => {
    expect(await t.text('stranger', 'mitä arvosanaan 4 vaaditaan')).toContain('AH-G4.1');
    expect(await t.text('aino', 'what does grade 3 require')).toContain('AH-G3.1');
  });

  // These once read as commands ("summary …", "progress …") and were refused as another student's data.
  it.each([
    ['summary of the grade 4 criteria', 'en', 'AH-G4.1'],
    ['yhteenveto arvosanan 4 kriteereistä', 'fi', 'AH-G4.1'],
    ['progress of grade 3 requirements', 'en', 'AH-G3.1'],
  ])('answers "%s" from a student as a question, not a command', async (question, lang, cited) => {
    const replies = await t.say('aino', question);
    const text = replies.map((r) => (r.kind === 'message' ? r.citations.map((c) => c.id).join(' ') : '')).join(' ');
    expect(replies[0]?.lang).toBe(lang);
    expect(text).toContain(cited);
    expect(await t.text('aino', question)).not.toMatch(/oikeutta|not allowed/);
  });

  it('still reads a named student in the same commands', async () => {
    expect(await t.text('liisa', 'viikkokooste Ville')).toContain('Ville');
    expect(await t.text('mikko', 'progress of Aino')).toMatch(/\d+\/25/);
    expect(await t.text('aino', 'summary of Ville')).toMatch(/oikeutta|not allowed/);
  });

  it('tells an unknown user how to get enrolled and shows them nothing personal', async () => {
    const text = await t.text('stranger', 'edistymiseni');
    expect(text).toContain('Pyydä opettajaasi');
    expect(text).not.toContain('Aino');
  });

  it('shows a student their progress by section and what is still uncovered', async () => {
    const text = await t.text('aino', 'edistymiseni');
    expect(text).toMatch(/\d+\/25/);
    expect(text).toContain('Valmistautuminen ja työn suunnittelu');
    expect(text).toContain('Vielä ilman näyttöä');
    expect(text).toContain('[AH-V2]'); // left uncovered by the demo script
  });

  it('gives role-specific help in the language of the message', async () => {
    expect(await t.text('aino', 'apua')).toContain('edistymiseni');
    expect(await t.text('mikko', 'help')).toContain('observe Aino');
    expect(await t.text('admin', 'help')).toContain('erase');
  });

  it('logs an instructor observation: suggests requirements, the instructor confirms, the student sees it', async () => {
    const [form] = await t.say('mikko', 'havainto Aino: hoiti reklamaation rauhallisesti ja tarjosi asiakkaalle lisäpalvelua');
    expect(form?.kind).toBe('form');
    const f = form as FormReply;
    const requirements = f.fields.find((x) => x.id === 'requirements');
    expect(requirements?.type === 'multi-select' && requirements.initial).toEqual(expect.arrayContaining(['AH-H8']));
    const saved = await t.submit('mikko', { formKind: 'observation', formId: f.formId, values: { text: 'hoiti reklamaation rauhallisesti ja tarjosi asiakkaalle lisäpalvelua', requirements: ['AH-H8', 'AH-H9'], level: '4' } });
    expect(JSON.stringify(saved)).toContain('Havainto tallennettu');
    expect(await t.text('aino', 'havaintoni')).toContain('hoiti reklamaation rauhallisesti');
  });

  it('asks which student when a name is ambiguous or unknown', async () => {
    expect(await t.text('liisa', 'havainto Zorro: hyvää työtä')).toContain('En löydä opiskelijaa "Zorro"');
    await t.store.people.create({ id: 'aino2', name: 'Aino Mäkelä', roles: ['student'] });
    await t.store.placements.create({ studentId: 'aino2', teacherId: 'liisa', workplaceName: 'Testi Oy', unitIds: ['asiakkuuksien-hoitaminen'], startDate: '2026-11-01', endDate: '2027-01-31' });
    const text = await t.text('liisa', 'havainto Aino: hyvää työtä');
    expect(text).toContain('useampi opiskelija');
    expect(text).toContain('Aino Mäkelä');
    expect(text).toContain('Aino Virtanen');
  });

  it('records the daily reflection from the check-in form and allows editing it the same day', async () => {
    const [form] = await t.say('ville', 'reflect');
    const f = form as FormReply;
    expect(f.formKind).toBe('checkin');
    expect(f.lang).toBe('en');
    // Adapters hand the form's language back as the locale hint, so the confirmation matches the form.
    const first = await t.submit('ville', { formKind: 'checkin', formId: f.formId, localeHint: 'en', values: { text: 'Kartoitin kilpailijoita', requirements: ['AH-V5'], confidence: 3 } });
    expect(JSON.stringify(first)).toContain('Reflection saved');
    const again = await t.submit('ville', { formKind: 'checkin', formId: f.formId, localeHint: 'en', values: { text: 'Kartoitin kilpailijoita ja tein raportin', requirements: ['AH-V5', 'AH-T5'], confidence: 4 } });
    expect(JSON.stringify(again)).toContain('updated');
    const day = await t.store.reflections.findForDay(f.formId.split(':')[0]!, '2026-11-23');
    expect(day?.requirementIds).toEqual(['AH-V5', 'AH-T5']);
  });

  it('refuses empty and over-long reflections with the limit stated, storing nothing', async () => {
    const [form] = await t.say('aino', 'reflektoi');
    const f = form as FormReply;
    expect(JSON.stringify(await t.submit('aino', { formKind: 'checkin', formId: f.formId, values: { text: '   ' } }))).toContain('Kirjoita vähintään');
    expect(JSON.stringify(await t.submit('aino', { formKind: 'checkin', formId: f.formId, values: { text: 'x'.repeat(4001) } }))).toContain('4000');
    expect(await t.store.reflections.findForDay(f.formId.split(':')[0]!, '2026-11-23')).toBeNull();
  });

  it('lets a teacher enrol a placement in chat, and reports what is wrong when fields are bad', async () => {
    const bad = await t.text('liisa', 'lisää jakso opiskelija=uusi@koulu.fi opiskelijan_nimi="Uusi Opiskelija" työpaikka="Testi Oy" alku=2026-12-10 loppu=2026-12-01');
    // The problem in the writer's language, never the validator's own words.
    expect(bad).toContain('loppu on ennen alkua');
    expect(bad).not.toMatch(/endDate|startDate|Invalid/);
    expect(await t.store.people.findByEmail('uusi@koulu.fi')).toBeNull();
    const ok = await t.text('liisa', 'lisää jakso opiskelija=uusi@koulu.fi opiskelijan_nimi="Uusi Opiskelija" ohjaaja=mikko.laine@kodintekniikka.example.fi työpaikka="Testi Oy" y-tunnus=0737546-2 alku=2026-12-01 loppu=2027-02-26');
    expect(ok).toContain('Työpaikkajakso lisätty');
    expect(ok).toContain('1.12.2026–26.2.2027');
    const student = await t.store.people.findByEmail('uusi@koulu.fi');
    expect(student?.roles).toEqual(['student']);
    expect((await t.store.placements.listByStudent(student!.id))[0]?.teacherId).toBe('liisa');
    expect(await t.text('mikko', 'enrol student=x@y.fi workplace=X start=2026-12-01 end=2027-01-01')).toContain('not available for your role');
    // Enrolment never changes an existing person's roles nor takes another teacher's student.
    expect(await t.text('liisa', 'lisää jakso opiskelija=admin työpaikka="X Oy" alku=1.12.2026 loppu=1.2.2027')).toContain('Vain ylläpitäjä');
    expect(await t.text('liisa', 'lisää jakso opiskelija=uusi@koulu.fi ohjaaja=aino työpaikka="X Oy" alku=1.12.2026 loppu=1.2.2027')).toContain('Vain ylläpitäjä');
    expect((await t.store.people.findById('aino'))?.roles).toEqual(['student']);
    const other = await t.store.people.create({ name: 'Tiina Toinen', email: 'tiina@koulu.fi', roles: ['teacher'] });
    await t.store.people.linkIdentity({ platform: 'local', tenantId: '', externalId: other.id, personId: other.id });
    expect(await t.text(other.id, 'lisää jakso opiskelija=ville työpaikka="X Oy" alku=1.12.2026 loppu=1.2.2027')).toContain('toisen opettajan');
    expect((await t.store.placements.listByStudent('ville')).every((p) => p.teacherId === 'liisa')).toBe(true);
    // Teachers enrol before placements start: the lists still show everyone.
    expect(await t.text('liisa', 'opiskelijani')).toMatch(/Uusi Opiskelija[\s\S]*Ville|Ville[\s\S]*Uusi Opiskelija/);
    expect(await t.text('admin', 'my students')).toContain('Uusi Opiskelija');
  });
});
