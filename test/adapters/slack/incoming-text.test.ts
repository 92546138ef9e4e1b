import { describe, expect, it } from 'vitest';
import { fromSlackText } from '../../../src/adapters/slack/incoming-text.ts';

describe('fromSlackText', () => {
  it.each([
    ['Mitä &lt;arvosana&gt; &amp; taso?', 'Mitä <arvosana> & taso?'],
    ['<@U123ABC> mitä arvosanaan 4 vaaditaan', 'mitä arvosanaan 4 vaaditaan'],
    ['katso <https://eperusteet.opintopolku.fi/x|ePerusteet> ja <https://a.fi>', 'katso ePerusteet ja https://a.fi'],
    ['kanavalla <#C0123|harjoittelu> ja <!here>', 'kanavalla #harjoittelu ja @here'],
    ['Äidinkieli: öljy, ääni', 'Äidinkieli: öljy, ääni'],
  ])('%s', (input, expected) => {
    expect(fromSlackText(input)).toBe(expected);
  });
});
