// Text for Block Kit: the core's **bold**/_italic_ as Slack mrkdwn or plain text, within Slack's limits.

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

/** `&`, `<` and `>` are control characters in mrkdwn (`<!channel>`, links); the core's text is data. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Core markup to mrkdwn: `**bold**` → `*bold*`; `_italic_` is the same in both. */
export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** Core markup to plain text (headers, buttons, options cannot show marks). */
export function toPlain(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1$2');
}

/** Italic mrkdwn for a whole line of data (a translation): underscores inside would end it early. */
export function italic(text: string): string {
  const body = escapeMrkdwn(text.replace(/_/g, ' ').trim());
  return body ? `_${body}_` : '';
}
