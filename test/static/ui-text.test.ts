import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { isMessageKey } from '../../static/shared/i18n';

/**
 * Every word a person reads in the Custom UI comes from the message catalogue (English and
 * German side by side): a text written into a component is English in the German UI. This reads
 * the components' syntax trees and lists text children and text attributes that are literals.
 */
const STATIC = join(__dirname, '..', '..', 'static');
/** Attributes a person reads or a screen reader announces. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
/** Words, unless the literal is a message key handed to a component that looks it up. */
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !isMessageKey(text.trim());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'dist' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.tsx') ? [path] : [];
  });
}

/** Literal texts a component renders, as "file:line text". */
export function literalUiTexts(path: string, source: string): string[] {
  const file = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${relative(STATIC, path)}:${line + 1} ${text.trim()}`);
  };
  const literalText = (node: ts.Node | undefined): string | null =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : null;
  const textOf = (node: ts.Node): string =>
    ts.isTemplateExpression(node)
      ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
      : (literalText(node) ?? '');
  /**
   * Literals an expression child can render: itself, either branch of `?:`, the sides of `||`
   * and `??`, template text. Not call arguments (message keys, separators) or comparisons.
   */
  const shownLiterals = (expr: ts.Expression): ts.Node[] => {
    if (ts.isParenthesizedExpression(expr)) return shownLiterals(expr.expression);
    if (ts.isConditionalExpression(expr))
      return [...shownLiterals(expr.whenTrue), ...shownLiterals(expr.whenFalse)];
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken)
        return [...shownLiterals(expr.left), ...shownLiterals(expr.right)];
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return shownLiterals(expr.right);
      return [];
    }
    return (literalText(expr) !== null || ts.isTemplateExpression(expr)) && hasWords(textOf(expr))
      ? [expr]
      : [];
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      if (node.expression) shownLiterals(node.expression).forEach((n) => report(n, textOf(n)));
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(file))) {
      const init = node.initializer;
      const text = init && ts.isJsxExpression(init) ? literalText(init.expression) : literalText(init);
      if (text !== null && hasWords(text)) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('UI texts', () => {
  it('finds a literal text in a component (the check itself works)', () => {
    const sample = [
      `export const A = () => <p title="Close">Saved <b>{'now'}</b>{t('ok')} 42 %<N label="retry" />`,
      `{path || '(root)'}{ok ? t('yes') : 'no way'}{\`\${n} tickets\`}{list.join(', ')}{a === 'open' && x}</p>;`,
    ].join('\n');
    expect(literalUiTexts(join(STATIC, 'x.tsx'), sample)).toEqual([
      'x.tsx:1 Close',
      'x.tsx:1 Saved',
      'x.tsx:1 now',
      'x.tsx:2 (root)',
      'x.tsx:2 no way',
      'x.tsx:2 tickets',
    ]);
  });

  it('come from the message catalogue in every component of the issue panel, the admin page and the shared parts', () => {
    const files = sourceFiles(STATIC);
    expect(files.length).toBeGreaterThan(20);
    const literals = files.flatMap((path) => literalUiTexts(path, readFileSync(path, 'utf8')));
    expect(literals).toEqual([]);
  });
});
