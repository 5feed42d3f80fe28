/**
 * The JQL subset the emulator understands: clauses joined by AND, then ORDER BY.
 *
 *   project = IT | project in (IT, HR) | key in (IT-1, IT-2) | id in (10001)
 *   created >= "2026-01-01" | updated >= "2026-01-01 08:00" | updated > -7d
 *   statusCategory != Done | status = "In Progress" | priority = High
 *   assignee is EMPTY | assignee = <accountId> | resolution is EMPTY | resolution = Unresolved
 *   ORDER BY created ASC, key DESC
 *   issue.property[triage-lens-insights].riskPercent >= 70 | triageRiskBand = at-risk (jql-properties.ts)
 *
 * Anything else is a 400 with Jira's wording, so the app learns early when it leans on more.
 */

import { propertyClause } from './jql-properties';
import { JqlError, parseJqlDate, type JqlIssue } from './jql-values';

export { JqlError, parseJqlDate, type JqlIssue };

export type OrderField = 'created' | 'updated' | 'key' | 'id';

export interface JqlQuery {
  /** True when at least one clause restricts the result (Jira refuses unbounded searches). */
  bounded: boolean;
  matches(issue: JqlIssue): boolean;
  order: { field: OrderField; direction: 'ASC' | 'DESC' }[];
  /** Every issue a `key` / `id` clause names: Jira refuses the query when one is unknown to the caller. */
  issueRefs: { field: 'key' | 'id'; value: string }[];
}

type Token = { kind: 'word' | 'string' | 'op' | 'punct'; text: string };

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(issue\.property\[[^\]]*\]\.[\w.]+)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(!=|!~|>=|<=|=|>|<|~)|([(),])|([^\s(),=!<>~"']+))/y;
  let pos = 0;
  while (pos < jql.length) {
    if (/^\s*$/.test(jql.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(jql);
    if (!m) throw new JqlError(`Error in the JQL Query: unexpected character at position ${pos}.`);
    if (m[1] !== undefined) tokens.push({ kind: 'word', text: m[1] });
    else if (m[2] !== undefined)
      tokens.push({ kind: 'string', text: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'punct', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'word', text: m[5] });
    pos = re.lastIndex;
  }
  return tokens;
}

type Predicate = (issue: JqlIssue) => boolean;

const STATUS_CATEGORY_NAMES: Record<string, JqlIssue['statusCategory']> = {
  'to do': 'new',
  new: 'new',
  'in progress': 'indeterminate',
  indeterminate: 'indeterminate',
  done: 'done',
  complete: 'done',
};

export function parseJql(jql: string, now: number): JqlQuery {
  if (jql.length > 10_000) throw new JqlError('Error in the JQL Query: the query is too long.');
  const tokens = tokenize(jql);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const next = (what: string): Token => {
    const t = tokens[i++];
    if (!t) throw new JqlError(`Error in the JQL Query: Expecting ${what} but reached the end of the query.`);
    return t;
  };
  const isWord = (t: Token | undefined, w: string): boolean =>
    t?.kind === 'word' && t.text.toLowerCase() === w;

  const predicates: Predicate[] = [];
  const issueRefs: JqlQuery['issueRefs'] = [];
  while (i < tokens.length && !isWord(peek(), 'order')) {
    if (predicates.length > 0) {
      const conj = next("'AND'");
      if (isWord(conj, 'or'))
        throw new JqlError("Error in the JQL Query: 'OR' is not supported by this emulator.");
      if (!isWord(conj, 'and'))
        throw new JqlError(`Error in the JQL Query: Expecting 'AND' but got '${conj.text}'.`);
    }
    predicates.push(parseClause());
  }
  const order: JqlQuery['order'] = [];
  if (isWord(peek(), 'order')) {
    i++;
    if (!isWord(next("'BY'"), 'by'))
      throw new JqlError("Error in the JQL Query: Expecting 'BY' after 'ORDER'.");
    for (;;) {
      const f = next('a field name').text.toLowerCase();
      const field: OrderField | undefined =
        f === 'created' || f === 'updated' || f === 'key' || f === 'id'
          ? f
          : f === 'issuekey'
            ? 'key'
            : undefined;
      if (!field) throw new JqlError(`Error in the JQL Query: Field '${f}' cannot be used in ORDER BY here.`);
      let direction: 'ASC' | 'DESC' = 'ASC';
      if (isWord(peek(), 'asc') || isWord(peek(), 'desc'))
        direction = next('a direction').text.toUpperCase() as 'ASC' | 'DESC';
      order.push({ field, direction });
      if (peek()?.text !== ',') break;
      i++;
    }
  }
  if (i < tokens.length) throw new JqlError(`Error in the JQL Query: unexpected '${tokens[i]?.text ?? ''}'.`);
  return {
    bounded: predicates.length > 0,
    matches: (issue) => predicates.every((p) => p(issue)),
    order,
    issueRefs,
  };

  function values(): string[] {
    const t = next('a value');
    if (t.text !== '(') return [t.text];
    const out: string[] = [];
    for (;;) {
      out.push(next('a value').text);
      const sep = next("',' or ')'");
      if (sep.text === ')') return out;
      if (sep.text !== ',')
        throw new JqlError(`Error in the JQL Query: Expecting ',' or ')' but got '${sep.text}'.`);
    }
  }

  function parseClause(): Predicate {
    const rawField = next('a field').text;
    const field = rawField.toLowerCase();
    let op = next('an operator').text.toLowerCase();
    if (op === 'not' && isWord(peek(), 'in')) {
      i++;
      op = 'not in';
    } else if (op === 'is' && isWord(peek(), 'not')) {
      i++;
      op = 'is not';
    }
    const vals = values();
    const one = vals[0] ?? '';
    const negate = op === '!=' || op === 'not in' || op === 'is not';
    const member = (actual: string | null, caseless = true): boolean => {
      const hit = vals.some((v) =>
        v.toLowerCase() === 'empty' || v.toLowerCase() === 'null'
          ? actual === null
          : actual !== null && (caseless ? v.toLowerCase() === actual.toLowerCase() : v === actual),
      );
      return negate ? !hit : hit;
    };
    const equality = ['=', '!=', 'in', 'not in', 'is', 'is not'].includes(op);
    switch (field) {
      case 'project':
        if (!equality) break;
        return (x) => member(x.projectKey);
      case 'key':
      case 'issuekey':
        if (!equality) break;
        issueRefs.push(...vals.map((value) => ({ field: 'key' as const, value })));
        return (x) => member(x.key);
      case 'id':
        if (!equality) break;
        issueRefs.push(...vals.map((value) => ({ field: 'id' as const, value })));
        return (x) => member(x.id);
      case 'status':
        if (!equality) break;
        return (x) => member(x.status);
      case 'priority':
        if (!equality) break;
        return (x) => member(x.priority);
      case 'assignee':
        if (!equality) break;
        return (x) => member(x.assigneeId, false);
      case 'reporter':
        if (!equality) break;
        return (x) => member(x.reporterId, false);
      case 'resolution':
        if (!equality) break;
        if (one.toLowerCase() === 'unresolved') return (x) => (x.resolution === null) !== negate;
        return (x) => member(x.resolution);
      case 'statuscategory': {
        if (!equality) break;
        const cats = vals.map((v) => STATUS_CATEGORY_NAMES[v.toLowerCase()]);
        if (cats.some((c) => c === undefined)) {
          throw new JqlError(
            `Error in the JQL Query: The value '${one}' does not exist for the field 'statusCategory'.`,
          );
        }
        return (x) => cats.includes(x.statusCategory) !== negate;
      }
      case 'created':
      case 'updated': {
        const at = parseJqlDate(one, now);
        const get = (x: JqlIssue): number => (field === 'created' ? x.created : x.updated);
        if (op === '>=') return (x) => get(x) >= at;
        if (op === '>') return (x) => get(x) > at;
        if (op === '<=') return (x) => get(x) <= at;
        if (op === '<') return (x) => get(x) < at;
        break;
      }
      default: {
        const onProperty = propertyClause(rawField, op, vals, now);
        if (onProperty) return onProperty;
        throw new JqlError(
          `Error in the JQL Query: Field '${field}' does not exist or you do not have permission to view it.`,
        );
      }
    }
    throw new JqlError(
      `Error in the JQL Query: The operator '${op}' is not supported by the '${field}' field.`,
    );
  }
}
