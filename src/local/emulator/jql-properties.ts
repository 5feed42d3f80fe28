/**
 * JQL over indexed issue properties, as Jira answers it once an app's `jira:entityProperty`
 * module declares them: `issue.property[key].path` or the declared alias. The emulator indexes
 * what the app's manifest declares (src/contracts/insights.ts, kept equal to manifest.yml by a
 * test); an undeclared key or path is refused, so the app cannot lean on an index Jira lacks.
 *
 *   number: = != > >= < <= in, not in, is (not) EMPTY
 *   string: = != in, not in, is (not) EMPTY           (exact, case-sensitive like Jira's)
 *   date:   = != > >= < <= is (not) EMPTY              (2026-01-31, 2026-01-31 08:00, -7d, 4h)
 *   text:   ~ !~                                      (word match)
 * `!=` and `not in` match only issues that have the value, as for Jira's own fields.
 */
import { INDEXED_INSIGHTS, INSIGHTS_PROPERTY_KEY, type IndexedType } from '../../contracts/insights';
import { JqlError, parseJqlDate, type JqlIssue } from './jql-values';

interface Indexed {
  propertyKey: string;
  path: string;
  type: IndexedType;
}

const DECLARED: readonly Indexed[] = INDEXED_INSIGHTS.map((v) => ({
  propertyKey: INSIGHTS_PROPERTY_KEY,
  path: v.path,
  type: v.type,
}));
const BY_ALIAS = new Map(
  INDEXED_INSIGHTS.map((v, i) => [v.searchAlias.toLowerCase(), DECLARED[i] as Indexed]),
);

/** `issue.property[key].path` with the key bare or quoted; one token (see the tokenizer). */
export const PROPERTY_FIELD = /^issue\.property\[(?:'([^']*)'|"([^"]*)"|([^\]'"]*))\]\.([\w.]+)$/i;

/** The indexed value a JQL field names, or undefined when the field is no property reference. */
function indexedOf(field: string): Indexed | undefined {
  const m = PROPERTY_FIELD.exec(field);
  if (!m) return BY_ALIAS.get(field.toLowerCase());
  const key = m[1] ?? m[2] ?? m[3] ?? '';
  const path = m[4] ?? '';
  const found = DECLARED.find((d) => d.propertyKey === key && d.path === path);
  if (!found)
    throw new JqlError(`Error in the JQL Query: The property '${key}.${path}' is not indexed for searching.`);
  return found;
}

function valuesAt(issue: JqlIssue, ix: Indexed): unknown[] {
  let at: unknown = issue.properties?.[ix.propertyKey];
  for (const part of ix.path.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at)) return [];
    at = (at as Record<string, unknown>)[part];
  }
  if (at === undefined || at === null) return [];
  return Array.isArray(at) ? at : [at];
}

function toComparable(type: IndexedType, raw: unknown): number | string | null {
  if (type === 'number') return typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  if (type === 'date') {
    if (typeof raw !== 'string') return null;
    const ms = Date.parse(raw);
    return Number.isFinite(ms) ? ms : null;
  }
  return typeof raw === 'string' ? raw : null;
}

function literal(type: IndexedType, value: string, now: number): number | string {
  if (type === 'number') {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new JqlError(`Error in the JQL Query: '${value}' is not a number.`);
    return n;
  }
  if (type === 'date') return parseJqlDate(value, now);
  return value;
}

const COMPARE: Record<string, (a: number | string, b: number | string) => boolean> = {
  '=': (a, b) => a === b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
};

/** The predicate for a clause on an indexed property, or undefined when `field` is not one. */
export function propertyClause(
  field: string,
  op: string,
  vals: readonly string[],
  now: number,
): ((issue: JqlIssue) => boolean) | undefined {
  const ix = indexedOf(field);
  if (!ix) return undefined;
  const present = (issue: JqlIssue): unknown[] => valuesAt(issue, ix);
  const empty = vals.length === 1 && /^(empty|null)$/i.test(vals[0] ?? '');
  if ((op === 'is' || op === 'is not') && empty) return (x) => (present(x).length === 0) === (op === 'is');
  const refuse = (): never => {
    throw new JqlError(
      `Error in the JQL Query: The operator '${op}' is not supported by the '${field}' field.`,
    );
  };
  if (ix.type === 'text') {
    if (op !== '~' && op !== '!~') return refuse();
    const words = vals.join(' ').toLowerCase().split(/\s+/).filter(Boolean);
    const hit = (x: JqlIssue): boolean =>
      present(x).some((v) => typeof v === 'string' && words.every((w) => v.toLowerCase().includes(w)));
    return op === '~' ? hit : (x) => present(x).length > 0 && !hit(x);
  }
  const wanted = vals.map((v) => literal(ix.type, v, now));
  const actual = (x: JqlIssue): (number | string)[] =>
    present(x).flatMap((v) => {
      const c = toComparable(ix.type, v);
      return c === null ? [] : [c];
    });
  if (op === 'in' || op === 'not in' || op === '=' || op === '!=') {
    const negate = op === 'not in' || op === '!=';
    return (x) => {
      const have = actual(x);
      if (have.length === 0) return false;
      const hit = have.some((a) => wanted.includes(a));
      return negate ? !hit : hit;
    };
  }
  const cmp = COMPARE[op];
  const bound = wanted[0];
  if (!cmp || bound === undefined || ix.type === 'string' || ix.type === 'user') return refuse();
  return (x) => actual(x).some((a) => cmp(a, bound));
}
