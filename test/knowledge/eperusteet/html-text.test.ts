import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlBlocks, htmlItems, htmlToText } from '../../../src/knowledge/eperusteet/html-text.ts';

describe('ePerusteet HTML to clean text', () => {
  it('keeps paragraphs apart and decodes entities', () => {
    expect(htmlBlocks('<p>Opiskelija&nbsp;osoittaa <strong>ammattitaitonsa</strong></p>\n\n<p>T&auml;ydennet&auml;&auml;n &amp; &#246;ljy &#x2013; loppu</p>')).toEqual([
      { kind: 'paragraph', text: 'Opiskelija osoittaa ammattitaitonsa' },
      { kind: 'paragraph', text: 'Täydennetään & öljy – loppu' },
    ]);
    expect(decodeEntities('&bogus; &#0;')).toBe('&bogus; &#0;');
  });

  it('keeps lists as lists: items of their own, or "- " lines in one text', () => {
    const html = '<p>Opiskelija osoittaa osaamisensa:</p><ul>\n\t<li>työtehtävissä</li>\n\t<li>työyhteisön <em>jäsenenä</em><ul><li>myös tiimissä</li></ul></li></ul><p>Loppu.</p>';
    expect(htmlBlocks(html)).toEqual([
      { kind: 'paragraph', text: 'Opiskelija osoittaa osaamisensa:' },
      { kind: 'list', items: ['työtehtävissä', 'työyhteisön jäsenenä', 'myös tiimissä'] },
      { kind: 'paragraph', text: 'Loppu.' },
    ]);
    expect(htmlToText(html)).toBe('Opiskelija osoittaa osaamisensa:\n- työtehtävissä\n- työyhteisön jäsenenä\n- myös tiimissä\nLoppu.');
    expect(htmlItems(html)).toEqual(['Opiskelija osoittaa osaamisensa:', 'työtehtävissä', 'työyhteisön jäsenenä', 'myös tiimissä', 'Loppu.']);
  });

  it('reads the definition list ePerusteet derives from the 2019 requirements', () => {
    const html = '<dl><dt><i>Opiskelija</i></dt><dd style="display: list-item;">valmistautuu</dd><dd style="display: list-item;">raportoi</dd></dl>';
    expect(htmlToText(html)).toBe('Opiskelija\n- valmistautuu\n- raportoi');
  });

  it('reads a line break inside a sentence as a space, and drops comments and scripts', () => {
    expect(htmlToText('laatii suunnitelman<br/>yhdessä <!-- muistiinpano --> muiden<script>alert(1)</script> kanssa')).toBe('laatii suunnitelman yhdessä muiden kanssa');
    expect(htmlToText('pelkkä teksti')).toBe('pelkkä teksti');
    expect(htmlToText('<p> </p><p>&nbsp;</p>')).toBe('');
  });
});
