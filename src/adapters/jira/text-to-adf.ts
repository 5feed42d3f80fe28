import type { AdfDocument, AdfNode } from '../../core/ports/jira';

/**
 * Plain text as an ADF document: one paragraph per blank-line-separated block, line breaks
 * inside a block kept as `hardBreak`s. Jira v3 accepts only ADF for descriptions and comments.
 */
export function textToAdf(text: string): AdfDocument {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((b) => b.trim() !== '');
  const content: AdfNode[] = blocks.map((block) => {
    const lines = block.split('\n');
    const inline: AdfNode[] = [];
    lines.forEach((line, i) => {
      if (i > 0) inline.push({ type: 'hardBreak' });
      if (line !== '') inline.push({ type: 'text', text: line });
    });
    return { type: 'paragraph', content: inline };
  });
  return { type: 'doc', version: 1, content };
}
