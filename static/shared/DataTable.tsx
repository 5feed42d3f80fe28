import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
}

/** A plain, accessible table styled like Atlaskit's: caption, header scope, token colours. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
  empty,
}: {
  caption: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  testId?: string;
  empty?: string;
}) {
  const cellStyle = (numeric: boolean | undefined) => ({
    padding: `${token('space.075')} ${token('space.100')}`,
    textAlign: numeric ? ('right' as const) : ('left' as const),
    borderBottom: `1px solid ${token('color.border')}`,
    verticalAlign: 'top' as const,
    fontVariantNumeric: numeric ? 'tabular-nums' : undefined,
  });
  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        data-testid={testId}
        style={{
          borderCollapse: 'collapse',
          width: '100%',
          font: token('font.body'),
          color: token('color.text'),
        }}
      >
        <caption
          style={{
            textAlign: 'left',
            font: token('font.heading.xsmall'),
            padding: `${token('space.100')} 0`,
          }}
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                style={{
                  ...cellStyle(column.numeric),
                  borderBottom: `2px solid ${token('color.border')}`,
                  color: token('color.text.subtle'),
                  font: token('font.heading.xxsmall'),
                }}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} style={{ ...cellStyle(false), color: token('color.text.subtle') }}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {columns.map((column) => (
                  <td key={column.key} style={cellStyle(column.numeric)}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
