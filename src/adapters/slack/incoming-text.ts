// What a user typed in Slack, as plain text for the core: Slack escapes &, < and > and wraps links,
// mentions and channels in <…>. A mention of a person reads as their name ("havainto <@U1AINO>: …"
// → "havainto Aino Virtanen: …"); a mention nobody could name is left out.

/** Gives each bare user mention `<@U…>` its person's name as label (`<@U…|Aino Virtanen>`) where it can be found. */
/** The admin's link commands (fi/en/sv), whose mentions stay account ids. */
const LINKING = /^\s*(link|unlink|yhdistä|yhdista|irrota|koppla)\s+slack\b/i;

export async function nameMentions(text: string, nameOf: (userId: string) => Promise<string | undefined>): Promise<string> {
  // Linking is about the account itself: "link slack @Ville ville" names the Slack user by id.
  if (LINKING.test(text)) return text.replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '$1');
  const ids = [...new Set([...text.matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]).filter((id): id is string => Boolean(id)))].slice(0, 10);
  let out = text;
  for (const id of ids) {
    const name = await nameOf(id);
    if (name) out = out.split(`<@${id}>`).join(`<@${id}|${name.replace(/[<>|]/g, '')}>`);
  }
  return out;
}

export function fromSlackText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^>|]+)\|([^>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^>]+)>/g, '$1')
    .replace(/<#[A-Z0-9]+\|([^>]+)>/g, '#$1')
    .replace(/<@[A-Z0-9]+\|([^>]+)>/g, '$1')
    .replace(/<@[A-Z0-9]+>/g, '')
    .replace(/<!(here|channel|everyone)(?:\|[^>]+)?>/g, '@$1')
    .replace(/<![^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
