/**
 * Atlassian Document Format (Jira REST v3 descriptions and comments) → plain text. Blocks end
 * with a newline, table cells are separated by " | ", mentions become `⟨mention⟩` (a person's
 * name is not a topic and must not reach an explanation), cards become their URL (masked later).
 * Walks iteratively with a node budget, so hostile nesting cannot blow the stack or the clock.
 */
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'codeBlock',
  'blockquote',
  'listItem',
  'panel',
  'expand',
  'nestedExpand',
  'tableRow',
  'taskItem',
  'decisionItem',
  'rule',
  'mediaSingle',
  'blockCard',
  'embedCard',
]);

export const MAX_ADF_NODES = 200_000;

type Frame = { node: unknown; close: string } | { text: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** True for a value shaped like an ADF document root (`{ type: 'doc', content: [...] }`). */
export function isAdfDocument(value: unknown): boolean {
  return isRecord(value) && value.type === 'doc' && Array.isArray(value.content);
}

function leafText(node: Record<string, unknown>): string {
  const attrs = isRecord(node.attrs) ? node.attrs : {};
  switch (node.type) {
    case 'text':
      return str(node.text);
    case 'hardBreak':
      return '\n';
    case 'mention':
      return ' ⟨mention⟩ ';
    case 'emoji':
      return ` ${str(attrs.text) || str(attrs.shortName)} `;
    case 'inlineCard':
    case 'blockCard':
    case 'embedCard':
      return ` ${str(attrs.url)} `;
    case 'status':
      return ` ${str(attrs.text)} `;
    case 'expand':
    case 'nestedExpand':
      return str(attrs.title) === '' ? '' : `${str(attrs.title)}\n`;
    default:
      return '';
  }
}

/**
 * The document's text. With `maxChars`, the walk stops once well past that many characters (the
 * caller keeps only so many): a 10 MB description is not copied whole into a string first.
 */
export function adfToText(doc: unknown, maxChars = Infinity): string {
  const out: string[] = [];
  const stack: Frame[] = [{ node: doc, close: '' }];
  let budget = MAX_ADF_NODES;
  // Twice the wanted length and then some: the whitespace folding below only shortens.
  const stopAt = 2 * maxChars + 1024;
  let length = 0;
  while (stack.length > 0 && budget-- > 0 && length < stopAt) {
    const frame = stack.pop() as Frame;
    if ('text' in frame) {
      out.push(frame.text);
      length += frame.text.length;
      continue;
    }
    const node = frame.node;
    if (!isRecord(node)) continue;
    const leaf = leafText(node);
    out.push(leaf);
    length += leaf.length;
    const type = str(node.type);
    const close = type === 'tableCell' || type === 'tableHeader' ? ' | ' : BLOCKS.has(type) ? '\n' : '';
    if (close !== '') stack.push({ text: close });
    if (Array.isArray(node.content)) {
      for (let i = node.content.length - 1; i >= 0; i--)
        stack.push({ node: node.content[i] as unknown, close: '' });
    }
  }
  return out
    .join('')
    .replace(/[ \t]*\n+[ \t]*\|[ \t]*/g, ' | ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
