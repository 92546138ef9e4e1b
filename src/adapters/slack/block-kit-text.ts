// Text for Block Kit: the core's **bold**/_italic_ as Slack mrkdwn or plain text, within Slack's limits.
// Text a person wrote (`userText` spans) is never read as mrkdwn: see `escapeUserMrkdwn`.
import { withLiterals } from '../../conversation/reply.ts';

/** Slack's documented limits that Osaava's content can reach. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  optionsPerGroup: 100,
  optionGroups: 100,
  options: 100,
  radioOptions: 10,
  inputLabel: 2000,
  placeholder: 150,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  fallbackText: 3000,
  plainTextInputMax: 3000,
} as const;

/** Cuts to at most `max` characters, marking the cut with an ellipsis and never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * Splits a text into pieces of at most `max` characters without losing any of it: at the last line break,
 * else the last space, within each piece (the separator stays with the piece before, so joining the pieces
 * gives the text back); a piece with neither is cut at `max`, never inside a surrogate pair or an `&…;` entity.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let end = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' ')) + 1;
    if (end < max / 2) {
      end = max;
      const last = rest.charCodeAt(end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end -= 1;
      const amp = window.lastIndexOf('&');
      if (amp > 0 && !window.slice(amp).includes(';') && /^&[#a-z0-9]*$/i.test(window.slice(amp))) end = amp;
    }
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * A short title (a modal's: 24 characters) that fits without cutting inside a word or a date: the year
 * of a date goes first ("Päivän reflektio 4.12.2026" → "Päivän reflektio 4.12."), then whole words
 * from the end, marked with an ellipsis.
 */
export function fitTitle(text: string, max: number): string {
  if (text.length <= max) return text;
  const withoutYears = text.replace(/\b(\d{1,2})\.(\d{1,2})\.\d{4}\b/g, '$1.$2.');
  if (withoutYears.length <= max) return withoutYears;
  let fitted = '';
  for (const word of withoutYears.split(/\s+/)) {
    const next = fitted ? `${fitted} ${word}` : word;
    if (next.replace(/[\s,:;–-]+$/, '').length > max - 1) break;
    fitted = next;
  }
  return fitted ? `${fitted.replace(/[\s,:;–-]+$/, '')}…` : truncate(withoutYears, max);
}

/** `&`, `<` and `>` are control characters in mrkdwn (`<!channel>`, links); the core's text is data. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A person's text inside mrkdwn. Slack has no escape for its formatting characters, so a zero-width space
 * after each `*`, `_`, `~` and `` ` `` keeps it from pairing into bold, italic, strike or code; `&<>` become
 * entities (no `<!channel>`, no `<url|link>`); `:` and `.` get one too, so a URL or a domain is not linked
 * and `:emoji:` stays text. Where a surface allows, a person's text goes into rich text instead (render-blocks).
 */
export function escapeUserMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/[*_~`:.@]/g, '$&\u200b');
}

/** Core markup to mrkdwn: `**bold**` → `*bold*`; `_italic_` is the same in both. A person's text stays literal. */
export function toMrkdwn(text: string): string {
  return withLiterals(text, (core) => escapeMrkdwn(core).replace(/\*\*(.+?)\*\*/g, '*$1*'), escapeUserMrkdwn);
}

/** Core markup to plain text (headers, buttons, options cannot show marks); a person's text as written. */
export function toPlain(text: string): string {
  return withLiterals(text, (core) => core.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1$2'), (literal) => literal);
}

/** Italic mrkdwn for a whole line of data (a translation): underscores inside would end it early. */
export function italic(text: string): string {
  const body = escapeMrkdwn(text.replace(/_/g, ' ').trim());
  return body ? `_${body}_` : '';
}
