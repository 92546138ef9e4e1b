import { describe, expect, it } from 'vitest';
import type { FormReply } from '../../../src/conversation/reply.ts';
import type { CardElement } from '../../../src/adapters/teams/adaptive-card.ts';
import { parseSubmission } from '../../../src/adapters/teams/form-inputs.ts';
import { renderForm } from '../../../src/adapters/teams/render-form.ts';
import { checkinForm } from './fixtures.ts';

function inputs(elements: CardElement[]): Extract<CardElement, { type: 'Input.ChoiceSet' | 'Input.Text' }>[] {
  return elements.flatMap((e) => (e.type === 'Input.ChoiceSet' || e.type === 'Input.Text' ? [e] : e.type === 'Container' ? inputs(e.items) : []));
}

describe('renderForm', () => {
  const card = renderForm(checkinForm());
  const [group0, group1, rating, text] = inputs(card.body);

  it('is an Adaptive Card 1.5 titled like the form, intro included', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Päivän check-in', weight: 'Bolder' });
    expect(card.body[1]).toMatchObject({ type: 'TextBlock', text: 'Mitä teit tänään? Valitse **harjoittelemasi** asiat.' });
  });

  it('shows a grouped multi-select as one expanded multi-select choice set per group, labelled by the group (mobile-friendly)', () => {
    expect(group0).toEqual({
      type: 'Input.ChoiceSet',
      id: 'osv:ms:requirements:0',
      label: 'Asiakaspalvelu',
      isMultiSelect: true,
      style: 'expanded',
      wrap: true,
      choices: [
        { title: 'palvelee asiakasta', value: 'AH-R1' },
        { title: 'selvittää asiakkaan tarpeet', value: 'AH-R2' },
      ],
      value: 'AH-R2',
    });
    expect(group1).toMatchObject({ id: 'osv:ms:requirements:1', label: 'Tietojärjestelmät', isMultiSelect: true, style: 'expanded' });
    expect(group1).not.toHaveProperty('value');
    // The field's own label heads the groups.
    expect(card.body).toContainEqual(expect.objectContaining({ type: 'TextBlock', text: 'Harjoittelemani asiat', weight: 'Bolder' }));
    expect(JSON.stringify(card)).not.toContain('filtered');
  });

  it('shows a rating as a compact 1–5 choice set with the end labels, required unless optional', () => {
    expect(rating).toMatchObject({
      type: 'Input.ChoiceSet',
      id: 'osv:rt:confidence',
      style: 'compact',
      isRequired: true,
      choices: [
        { title: '1 – epävarma', value: '1' },
        { title: '2', value: '2' },
        { title: '3', value: '3' },
        { title: '4', value: '4' },
        { title: '5 – varma', value: '5' },
      ],
    });
    expect(rating).not.toHaveProperty('isMultiSelect');
  });

  it('shows a text field as Input.Text with its multiline and length limit', () => {
    expect(text).toEqual({ type: 'Input.Text', id: 'osv:tx:reflection', label: 'Mitä opit?', isMultiline: true, maxLength: 1000, placeholder: 'Kirjoita muutama lause' });
  });

  it('submits with Action.Execute (verb osaava.submit) and an Action.Submit fallback carrying formKind and formId', () => {
    const data = { osaava: 'submit', formKind: 'checkin', formId: 'checkin-2025-03-12-aino' };
    expect(card.actions).toEqual([{ type: 'Action.Execute', title: 'Tallenna', verb: 'osaava.submit', data, fallback: { type: 'Action.Submit', title: 'Tallenna', data } }]);
  });

  it('uses only Action.Submit in a dialog (task module)', () => {
    expect(renderForm(checkinForm(), 'dialog').actions).toEqual([{ type: 'Action.Submit', title: 'Tallenna', data: expect.objectContaining({ osaava: 'submit' }) }]);
  });

  it('requires a pick only when a required multi-select has a single group', () => {
    const form: FormReply = {
      ...checkinForm(),
      fields: [{ type: 'multi-select', id: 'r', label: 'Pick', groups: [{ label: 'G', options: [{ value: 'a', label: 'A' }] }], initial: [], optional: false }],
    };
    expect(inputs(renderForm(form).body)[0]).toMatchObject({ isRequired: true });
  });

  it('round-trips: the values Teams sends for the rendered inputs parse back into the form values', () => {
    const ids = inputs(card.body).map((i) => i.id);
    const submitted = Object.fromEntries(ids.map((id, n) => [id, ['AH-R1,AH-R2', 'AH-R7', '5', ' Hyvä päivä '][n]]));
    const action = card.actions?.[0];
    const parsed = parseSubmission({ ...(action && 'data' in action ? action.data : {}), ...submitted });
    expect(parsed).toEqual({
      ok: true,
      submission: { formKind: 'checkin', formId: 'checkin-2025-03-12-aino', values: { requirements: ['AH-R1', 'AH-R2', 'AH-R7'], confidence: 5, reflection: 'Hyvä päivä' } },
    });
  });
});

describe('parseSubmission', () => {
  const base = { osaava: 'submit', formKind: 'observation', formId: 'o-1' };

  it('reads empty inputs as no value and an empty multi-select as no picks', () => {
    expect(parseSubmission({ ...base, 'osv:tx:note': '', 'osv:rt:c': '', 'osv:ms:r:0': '' })).toEqual({ ok: true, submission: { ...{ formKind: 'observation', formId: 'o-1' }, values: { note: undefined, c: undefined, r: [] } } });
  });

  it('ignores keys that are not Osaava inputs', () => {
    expect(parseSubmission({ ...base, msteams: { type: 'task/fetch' }, other: 1 })).toEqual({ ok: true, submission: { formKind: 'observation', formId: 'o-1', values: {} } });
  });

  it('rejects a rating that is not a whole number', () => {
    expect(parseSubmission({ ...base, 'osv:rt:c': 'high' })).toMatchObject({ ok: false });
  });

  it('rejects data without the Osaava marker, an unknown form kind or a missing form id', () => {
    expect(parseSubmission({ formKind: 'checkin', formId: 'x' })).toMatchObject({ ok: false });
    expect(parseSubmission({ ...base, formKind: 'poll' })).toMatchObject({ ok: false });
    expect(parseSubmission({ ...base, formId: ' ' })).toMatchObject({ ok: false });
    expect(parseSubmission('submit')).toMatchObject({ ok: false });
  });

  it('rejects a value that is an object or a list', () => {
    expect(parseSubmission({ ...base, 'osv:tx:note': ['a'] })).toMatchObject({ ok: false });
  });
});
