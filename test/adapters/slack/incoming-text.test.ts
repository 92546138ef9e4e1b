import { describe, expect, it } from 'vitest';
import { fromSlackText, nameMentions } from '../../../src/adapters/slack/incoming-text.ts';

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

describe('mentions of people', () => {
  // Slack's message event carries a mention as <@U024BE7LH> (api.slack.com "Formatting text": mentioning users).
  const names: Record<string, string> = { U024BE7LH: 'Aino Virtanen' };
  const nameOf = async (id: string) => names[id];

  it('reads a mentioned person as their name, so "havainto @Aino: …" names Aino', async () => {
    expect(fromSlackText(await nameMentions('havainto <@U024BE7LH>: hoiti reklamaation hyvin', nameOf))).toBe('havainto Aino Virtanen: hoiti reklamaation hyvin');
  });

  it('leaves out a mention nobody can name, and a labelled one reads as its label', async () => {
    expect(fromSlackText(await nameMentions('<@U0BOT> apua', nameOf))).toBe('apua');
    expect(fromSlackText('edistyminen <@U024BE7LH|aino>')).toBe('edistyminen aino');
  });
});

describe('mentions in the admin\'s link commands', () => {
  it('keeps a picked @-mention as the Slack user id, so it links that account', async () => {
    const nameOf = async () => 'Ville Mäkinen';
    expect(fromSlackText(await nameMentions('link slack <@U0VILLE> ville', nameOf))).toBe('link slack U0VILLE ville');
    expect(fromSlackText(await nameMentions('yhdistä slack <@U0VILLE|ville.m> ville', nameOf))).toBe('yhdistä slack U0VILLE ville');
  });
});

