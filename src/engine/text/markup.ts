/**
 * Jira wiki markup and HTML (as CSV exports and e-mail channels deliver them) → plain text.
 * Every pattern is linear (no nested quantifiers over the same characters), so long hostile
 * inputs stay cheap.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  eacute: 'é',
};

const decodeEntity = (whole: string, name: string): string => {
  if (name.startsWith('#x') || name.startsWith('#X'))
    return safeCodePoint(parseInt(name.slice(2), 16)) ?? whole;
  if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10)) ?? whole;
  return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? (ENTITIES[name] ?? whole) : whole;
};

const safeCodePoint = (n: number): string | undefined =>
  Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;

/** Enough real tags to be HTML rather than text that mentions `<` once. */
export function looksLikeHtml(text: string): boolean {
  const tags = text
    .slice(0, 20_000)
    .match(
      /<\/?(?:p|br|div|span|li|ul|ol|table|tr|td|th|a|b|i|strong|em|h[1-6]|pre|code|blockquote|html|body|font|img)\b[^>]{0,500}>/gi,
    );
  return (tags?.length ?? 0) >= 2;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[^>]{0,500}>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|pre|blockquote|table|ul|ol)\s*>/gi, '\n')
    .replace(/<\/t[dh]\s*>/gi, ' | ')
    .replace(/<[^>]{0,2000}>/g, ' ')
    .replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity);
}

/** Wiki markup: keeps words, drops formatting; `[~user]` mentions become `⟨mention⟩`. */
export function wikiToText(text: string): string {
  return text
    .replace(
      /\{(?:code|noformat|quote|panel|color|tip|info|note|warning|expand)(?::[^}\n]{0,300})?\}/gi,
      '\n',
    )
    .replace(/\[~[^\]\n]{1,200}\]/g, ' ⟨mention⟩ ')
    .replace(/\[([^|\]\n]{1,500})\|([^\]\n]{1,2000})\]/g, '$1 $2')
    .replace(/\[((?:https?|mailto):[^\]\n]{1,2000})\]/gi, '$1')
    .replace(/![^!\s|]{1,300}\.(?:png|jpe?g|gif|svg|bmp|webp)(?:\|[^!\n]{0,200})?!/gi, ' ')
    .replace(/^h[1-6]\.\s/gim, '')
    .replace(/^[ \t]*[*#-]+[ \t]+/gm, '')
    .replace(/\|\|?/g, ' | ')
    .replace(/(^|[\s(])[*_+^~-]([^\s*_+^~-][^\n*_+^~]{0,300}?)[*_+^~-](?=[\s).,:;!?]|$)/gm, '$1$2')
    .replace(/\{\{([^}\n]{1,500})\}\}/g, '$1');
}
