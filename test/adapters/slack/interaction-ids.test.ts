import { describe, expect, it } from 'vitest';
import { parseAction, parseViewMetadata } from '../../../src/adapters/slack/interaction-ids.ts';

describe('parseAction', () => {
  it('reads a suggestion, a submit and the text-modal button', () => {
    expect(parseAction({ action_id: 'osaava_suggest:3', value: 'edistymiseni' })).toEqual({ kind: 'suggest', text: 'edistymiseni' });
    expect(parseAction({ action_id: 'osaava_form_submit', value: '{"k":"checkin","id":"c1"}' })).toEqual({ kind: 'submit', form: { k: 'checkin', id: 'c1' } });
    expect(parseAction({ action_id: 'osaava_form_text', value: JSON.stringify({ k: 'observation', id: 'o1', l: 'en', t: 'T', s: 'S', f: [{ id: 'x', label: 'X', max: 100, opt: true }] }) })).toMatchObject({ kind: 'open-text' });
    expect(parseAction({ action_id: 'osaava_input' })).toEqual({ kind: 'input' });
  });

  it.each([
    ['an id we never wrote', { action_id: 'approve_v1', value: 'x' }, 'unknown action id'],
    ['a submit value that is not JSON', { action_id: 'osaava_form_submit', value: 'checkin:c1' }, 'malformed form reference'],
    ['a submit for an unknown form kind', { action_id: 'osaava_form_submit', value: '{"k":"vacation","id":"c1"}' }, 'malformed form reference'],
    ['a submit without a value', { action_id: 'osaava_form_submit' }, 'malformed form reference'],
    ['an empty suggestion', { action_id: 'osaava_suggest:0', value: '  ' }, 'suggestion without text'],
    ['a text button with no fields', { action_id: 'osaava_form_text', value: '{"k":"checkin","id":"c","l":"fi","t":"","s":"","f":[]}' }, 'malformed text-form reference'],
  ])('calls %s unknown', (_name, action, problem) => {
    expect(parseAction(action)).toMatchObject({ kind: 'unknown', problem });
  });

  it('does not throw on something that is not an action at all', () => {
    expect(parseAction(null)).toMatchObject({ kind: 'unknown' });
    expect(parseAction('osaava_form_submit')).toMatchObject({ kind: 'unknown' });
  });
});

describe('parseViewMetadata', () => {
  it('reads what the renderer wrote and refuses anything else', () => {
    expect(parseViewMetadata('{"k":"checkin","id":"c1","target":{"kind":"message","channel":"D1","ts":"1.2"}}')).toMatchObject({ target: { kind: 'message' } });
    expect(parseViewMetadata('{"k":"checkin","id":"c1","target":{"kind":"ephemeral","responseUrl":"javascript:alert(1)"}}')).toBeUndefined();
    expect(parseViewMetadata('not json')).toBeUndefined();
    expect(parseViewMetadata('')).toBeUndefined();
  });
});
