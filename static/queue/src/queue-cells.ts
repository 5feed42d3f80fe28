import type { QueueRow } from '@contracts/queue';
import { RESOLVERS, type ResolverKey } from '@contracts/resolvers';

/** One acceptable suggestion of a row: the panel resolver that sets it, and how it is named. */
export interface Cell {
  id: string;
  issueKey: string;
  label: string;
  value: string;
  key: ResolverKey;
  payload: Record<string, unknown>;
}

export function cellsOf(row: QueueRow, names: { team: string; assignee: string }): Cell[] {
  const cells: Cell[] = row.fields.map((f) => ({
    id: `${row.key}:${f.fieldId}`,
    issueKey: row.key,
    label: f.name,
    value: f.value,
    key: RESOLVERS.panelApply,
    payload: { issueKey: row.key, fieldId: f.fieldId, value: f.value },
  }));
  if (row.team)
    cells.push({
      id: `${row.key}:team`,
      issueKey: row.key,
      label: names.team,
      value: row.team.name,
      key: RESOLVERS.panelApplyTeam,
      payload: { issueKey: row.key, team: row.team.name },
    });
  if (row.assignee)
    cells.push({
      id: `${row.key}:assignee`,
      issueKey: row.key,
      label: names.assignee,
      value: row.assignee.name,
      key: RESOLVERS.panelAssign,
      payload: { issueKey: row.key, accountId: row.assignee.accountId },
    });
  return cells;
}

export type SortKey = 'risk' | 'created';

/** Highest risk first (no estimate last), or newest first; ties by key. */
export function sortRows(rows: readonly QueueRow[], by: SortKey): QueueRow[] {
  const risk = (r: QueueRow) => r.risk?.percent ?? -1;
  return [...rows].sort((a, b) =>
    by === 'risk'
      ? risk(b) - risk(a) || a.key.localeCompare(b.key)
      : b.created.localeCompare(a.created) || a.key.localeCompare(b.key),
  );
}
