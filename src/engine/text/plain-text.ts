import { adfToText, isAdfDocument } from './adf';
import { cleanTicketText } from './clean';
import type { CleanOptions } from './clean';
import { htmlToText, looksLikeHtml, wikiToText } from './markup';

/** Most characters of raw JSON parsed when a string might be an ADF document. */
const MAX_JSON_CHARS = 5_000_000;

/**
 * Any ticket text field → plain text: an ADF object (or its JSON string), HTML, Jira wiki
 * markup or plain text. Unknown values (numbers, null) give ''.
 */
export function toPlainText(value: unknown): string {
  if (isAdfDocument(value)) return adfToText(value);
  if (typeof value !== 'string') return '';
  const trimmed = value.trimStart();
  if (trimmed.startsWith('{') && trimmed.length <= MAX_JSON_CHARS && trimmed.includes('"doc"')) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (isAdfDocument(parsed)) return adfToText(parsed);
    } catch {
      // Not JSON: treat as text below.
    }
  }
  return looksLikeHtml(value) ? htmlToText(value) : wikiToText(value);
}

/** `toPlainText` then `cleanTicketText`: what the classifier and the index read. */
export function ticketText(value: unknown, options?: CleanOptions): string {
  return cleanTicketText(toPlainText(value), options);
}
