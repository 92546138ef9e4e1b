// Teams text as the core wants it: mentions of the bot removed from messages, and a chat message's
// HTML body (message actions) turned into plain text.

/** A mention entity as Teams sends it: `{ type: 'mention', mentioned: { id, name }, text: '<at>name</at>' }`. */
export interface MentionEntity {
  mentionedId?: string | undefined;
  text?: string | undefined;
}

/**
 * Teams marks every @mention as `<at>…</at>`. The bot's own mention goes (the entity whose
 * `mentioned.id` is the bot; without entities, any `<at>` naming the bot); a mention of a person
 * stays as that person's name ("havainto <at>Aino Virtanen</at>: …" → "havainto Aino Virtanen: …").
 */
export function stripMentions(text: string, mentions: readonly MentionEntity[] = [], bot: { id?: string | undefined; name?: string | undefined } = {}): string {
  let out = text;
  for (const mention of mentions) {
    if (mention.text && bot.id && mention.mentionedId === bot.id) out = out.split(mention.text).join(' ');
  }
  const botName = bot.name?.trim().toLowerCase();
  const anyBotMention = mentions.length === 0 || !bot.id;
  out = out.replace(/<at\b[^>]*>([\s\S]*?)<\/at>/gi, (_, inner: string) => {
    const name = decodeEntities(inner).trim();
    // Without entities the bot's mention is told by its name (or, nameless, every mention is the bot's as before).
    if ((anyBotMention && !botName) || (botName && name.toLowerCase() === botName)) return ' ';
    return name;
  });
  return out.replace(/[ \t]+/g, ' ').trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16)) ?? match;
    if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? match;
    return entities[name.toLowerCase()] ?? match;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/** Plain text of a Teams message body: block ends become line breaks, tags go, entities are decoded. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '- ')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
