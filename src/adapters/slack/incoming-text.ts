// What a user typed in Slack, as plain text for the core: Slack escapes &, < and > and wraps links,
// mentions and channels in <…>.

export function fromSlackText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<@[A-Z0-9]+(?:\|[^>]+)?>/g, '')
    .replace(/<!(here|channel|everyone)(?:\|[^>]+)?>/g, '@$1')
    .replace(/<![^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
