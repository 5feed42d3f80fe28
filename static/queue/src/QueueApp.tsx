import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import { showFlag } from '@forge/bridge';
import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import type { ResolverError } from '@contracts/common';
import type { QueueData, QueueRow } from '@contracts/queue';
import { RESOLVERS } from '@contracts/resolvers';
import type { AppContext } from '@shared/forge-app';
import { useI18n } from '@shared/i18n';
import { callResolver } from '@shared/resolver';
import { ErrorMessage, Loading } from '@shared/ui';
import { cellsOf, sortRows, type Cell, type SortKey } from './queue-cells';

type Load =
  { status: 'loading' } | { status: 'ok'; data: QueueData } | { status: 'error'; error: ResolverError };
type CellState = 'busy' | 'done' | { error: string };

const pad = `${token('space.075')} ${token('space.100')}`;
const cellStyle = {
  padding: pad,
  borderBottom: `1px solid ${token('color.border')}`,
  verticalAlign: 'top' as const,
};

export function QueueApp({ context }: { context: AppContext }) {
  const { t } = useI18n();
  const projectKey = context.projectKey;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [sort, setSort] = useState<SortKey>('risk');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [cells, setCells] = useState<Readonly<Record<string, CellState>>>({});

  const fetchQueue = useCallback(async () => {
    if (!projectKey) return;
    const result = await callResolver<QueueData>(RESOLVERS.queueList, { projectKey });
    setLoad(result.ok ? { status: 'ok', data: result.data } : { status: 'error', error: result.error });
  }, [projectKey]);
  useEffect(() => {
    void fetchQueue();
  }, [fetchQueue]);

  const accept = useCallback(async (cell: Cell): Promise<boolean> => {
    setCells((c) => ({ ...c, [cell.id]: 'busy' }));
    const result = await callResolver<unknown>(cell.key, cell.payload);
    setCells((c) => ({ ...c, [cell.id]: result.ok ? 'done' : { error: result.error.message } }));
    return result.ok;
  }, []);

  const names = useMemo(() => ({ team: t('queueTeam'), assignee: t('queueAssignee') }), [t]);
  const rows = useMemo(() => (load.status === 'ok' ? sortRows(load.data.rows, sort) : []), [load, sort]);

  const acceptSelected = useCallback(async () => {
    let ok = 0;
    let failed = 0;
    for (const row of rows.filter((r) => selected.has(r.key)))
      for (const cell of cellsOf(row, names)) {
        if (cells[cell.id] === 'done') continue;
        if (await accept(cell)) ok++;
        else failed++;
      }
    flag(failed === 0 ? 'success' : 'error', t('queueBulkDone', { ok, failed }));
    setSelected(new Set());
  }, [rows, selected, cells, accept, t, names]);

  if (!projectKey) return <Text>{t('queueNoProject')}</Text>;
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ErrorMessage error={load.error} onRetry={() => void fetchQueue()} />;
  const { data } = load;
  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.key));
  const sortHeader = (key: SortKey, label: string) => (
    <th scope="col" style={cellStyle} aria-sort={sort === key ? 'descending' : 'none'}>
      <Button
        appearance="subtle"
        onClick={() => setSort(key)}
        aria-label={t('queueSortBy', { column: label })}
      >
        {label}
        {sort === key ? ' ↓' : ''}
      </Button>
    </th>
  );
  const suggestionCell = (row: QueueRow, cell: Cell | undefined, testId: string) => {
    if (!cell) return <td style={cellStyle} data-testid={testId} />;
    const state = cells[cell.id];
    return (
      <td style={cellStyle} data-testid={testId}>
        <Stack space="space.050">
          <Text>{cell.value}</Text>
          {state === 'done' ? (
            <Text color="color.text.success">✓ {t('queueAccepted')}</Text>
          ) : (
            <Button
              spacing="compact"
              isLoading={state === 'busy'}
              onClick={() => void accept(cell)}
              aria-label={t('queueAcceptCell', { field: cell.label, value: cell.value, key: row.key })}
            >
              {t('queueAccept')}
            </Button>
          )}
          {typeof state === 'object' ? <Text color="color.text.danger">{state.error}</Text> : null}
        </Stack>
      </td>
    );
  };

  return (
    <Box padding="space.200">
      <Stack space="space.150">
        <Text as="strong" size="large">
          {t('queueTitle', { project: data.projectKey })}
        </Text>
        <Text>
          {t('queueSummary', { rows: data.rows.length, scanned: data.scanned, pending: data.pending })}
        </Text>
        <Inline space="space.100">
          <Button appearance="primary" isDisabled={selected.size === 0} onClick={() => void acceptSelected()}>
            {t('queueAcceptSelected', { count: selected.size })}
          </Button>
        </Inline>
        {rows.length === 0 ? (
          <Text>{t('queueEmpty')}</Text>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <table
              data-testid="queue-table"
              style={{
                borderCollapse: 'collapse',
                width: '100%',
                font: token('font.body'),
                color: token('color.text'),
              }}
            >
              <thead>
                <tr>
                  <th scope="col" style={cellStyle}>
                    <input
                      type="checkbox"
                      checked={allSelected}
                      aria-label={t('queueSelectAll')}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((r) => r.key)))}
                    />
                  </th>
                  <th scope="col" style={cellStyle}>
                    {t('queueRequest')}
                  </th>
                  {sortHeader('risk', t('queueRisk'))}
                  {sortHeader('created', t('queueCreated'))}
                  {data.columns.map((c) => (
                    <th key={c.fieldId} scope="col" style={cellStyle}>
                      {c.name}
                    </th>
                  ))}
                  <th scope="col" style={cellStyle}>
                    {t('queueTeam')}
                  </th>
                  <th scope="col" style={cellStyle}>
                    {t('queueAssignee')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const rowCells = cellsOf(row, names);
                  const byId = new Map(rowCells.map((c) => [c.id, c]));
                  return (
                    <tr key={row.key} data-testid={`queue-row-${row.key}`}>
                      <td style={cellStyle}>
                        <input
                          type="checkbox"
                          checked={selected.has(row.key)}
                          aria-label={t('queueSelectRow', { key: row.key })}
                          onChange={() => toggle(row.key)}
                        />
                      </td>
                      <td style={cellStyle}>
                        <Stack space="space.025">
                          <Text as="strong">{row.key}</Text>
                          <Text>{row.summary}</Text>
                        </Stack>
                      </td>
                      <td style={cellStyle} data-testid="queue-risk">
                        {row.risk?.percent != null ? `${row.risk.percent} %` : t('queueNoRisk')}
                        {row.risk?.band ? <Text size="small"> · {row.risk.band}</Text> : null}
                      </td>
                      <td style={cellStyle}>{row.created.slice(0, 16).replace('T', ' ')}</td>
                      {data.columns.map((c) => (
                        <Fragment key={c.fieldId}>
                          {suggestionCell(
                            row,
                            byId.get(`${row.key}:${c.fieldId}`),
                            `queue-cell-${c.fieldId}`,
                          )}
                        </Fragment>
                      ))}
                      {suggestionCell(row, byId.get(`${row.key}:team`), 'queue-cell-team')}
                      {suggestionCell(row, byId.get(`${row.key}:assignee`), 'queue-cell-assignee')}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </Stack>
    </Box>
  );
}

function flag(kind: 'success' | 'error', description: string): void {
  try {
    showFlag({
      id: `triage-lens-queue-${Date.now()}`,
      type: kind,
      title: 'Triage Lens',
      description,
      isAutoDismiss: kind === 'success',
    });
  } catch {
    // No host to show it: the cells show each outcome.
  }
}
