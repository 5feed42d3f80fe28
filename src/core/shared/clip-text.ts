/**
 * The first `max` UTF-16 units of `text`, one fewer when the cut would split a surrogate pair
 * (an emoji or other astral character): a lone surrogate is not text, and databases and JSON
 * encoders turn it into U+FFFD or refuse it.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
