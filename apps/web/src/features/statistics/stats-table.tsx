import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Row as TableRow,
  type SortingState,
} from '@tanstack/react-table';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { SortableHeader } from '../../components/ui/sortable-header';
import type { AbsenceLevel } from '../../gql/graphql';
import { LevelBadge } from './absence-summary';
import { buildCsv, downloadCsv, type CsvCell } from './format';

export interface StatsColumn<Row> {
  id: string;
  header: string;
  /** What the column sorts by and exports. */
  value: (row: Row) => string | number;
  /** How the cell shows; the value as text unless given. */
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

interface StatsTableProps<Row> {
  caption: string;
  rows: Row[];
  columns: StatsColumn<Row>[];
  rowKey: (row: Row) => string;
  /** Searched by the name filter. */
  nameOf: (row: Row) => string;
  levelOf: (row: Row) => AbsenceLevel;
  /** The first column's cell (a row header), e.g. a link to the student. */
  renderName: (row: Row) => ReactNode;
  nameHeader: string;
  csvFilename: string;
  initialSort: SortingState;
  testId: string;
}

type Cell = string | number;

/** Names sort the Swedish way (… Z, Å, Ä, Ö) whatever the interface language. */
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

function compareCells<Row>(a: TableRow<Row>, b: TableRow<Row>, columnId: string): number {
  const left = a.getValue<Cell>(columnId);
  const right = b.getValue<Cell>(columnId);
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  return collator.compare(String(left), String(right));
}

/**
 * A sortable, filterable table of students or classes: click a header to sort (aria-sort tells which),
 * search by name, show only those at or above the warning threshold, and export what is shown as CSV.
 * Rows at WARNING or ALARM are highlighted, with a symbol and text beside the colour.
 */
export function StatsTable<Row>({
  caption,
  rows,
  columns,
  rowKey,
  nameOf,
  levelOf,
  renderName,
  nameHeader,
  csvFilename,
  initialSort,
  testId,
}: StatsTableProps<Row>) {
  const { t } = useTranslation();
  const id = useId();
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [query, setQuery] = useState('');
  const [onlyFlagged, setOnlyFlagged] = useState(false);

  const filtered = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    return rows.filter(
      (row) => (needle === '' || nameOf(row).toLocaleLowerCase().includes(needle)) && (!onlyFlagged || levelOf(row) !== 'OK'),
    );
  }, [rows, query, onlyFlagged, nameOf, levelOf]);

  const definitions = useMemo<ColumnDef<Row, Cell>[]>(
    () => [
      { id: 'name', header: nameHeader, accessorFn: (row) => nameOf(row), sortingFn: compareCells, sortDescFirst: false },
      {
        id: 'level',
        header: t('statistics.table.level'),
        accessorFn: (row) => ['OK', 'WARNING', 'ALARM'].indexOf(levelOf(row)),
        sortingFn: compareCells,
        sortDescFirst: true,
      },
      ...columns.map((column): ColumnDef<Row, Cell> => ({
        id: column.id,
        header: column.header,
        accessorFn: column.value,
        sortingFn: compareCells,
        sortDescFirst: column.numeric ?? false,
      })),
    ],
    [columns, nameHeader, nameOf, levelOf, t],
  );

  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: filtered,
    columns: definitions,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: rowKey,
  });
  const shown = table.getRowModel().rows;
  const byId = new Map(columns.map((column) => [column.id, column]));

  function exportCsv() {
    const header = [nameHeader, t('statistics.table.level'), ...columns.map((column) => column.header)];
    const body: CsvCell[][] = shown.map(({ original }) => [
      nameOf(original),
      t(`statistics.level.${levelOf(original)}`),
      ...columns.map((column) => column.value(original)),
    ]);
    downloadCsv(csvFilename, buildCsv(header, body));
  }

  return (
    <div className="stats-table" data-testid={testId}>
      <div className="stats-table__tools">
        <div className="field stats-table__search">
          <label className="field__label" htmlFor={`${id}-search`}>
            {t('statistics.table.search')}
          </label>
          <input
            id={`${id}-search`}
            className="field__input"
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="checkbox stats-table__flagged">
          <input
            id={`${id}-flagged`}
            className="checkbox__input"
            type="checkbox"
            checked={onlyFlagged}
            onChange={(event) => setOnlyFlagged(event.target.checked)}
          />
          <label className="checkbox__label" htmlFor={`${id}-flagged`}>
            {t('statistics.table.onlyFlagged')}
          </label>
        </div>
        <button type="button" className="button button--secondary stats-table__export" onClick={exportCsv} disabled={shown.length === 0}>
          {t('statistics.table.exportCsv')}
        </button>
      </div>
      <p className="stats-table__count" role="status">
        {t('statistics.table.count', { count: shown.length, total: rows.length })}
      </p>
      <DataTable caption={caption}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader
                  key={header.id}
                  header={header}
                  className={byId.get(header.column.id)?.numeric ? 'data-table__numeric' : undefined}
                />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 2}>{t('statistics.table.none')}</td>
            </tr>
          ) : (
            shown.map(({ original }) => {
              const level = levelOf(original);
              return (
                <tr key={rowKey(original)} className={`stats-row stats-row--${level.toLowerCase()}`} data-level={level}>
                  <th scope="row">{renderName(original)}</th>
                  <td>
                    <LevelBadge level={level} compact />
                  </td>
                  {columns.map((column) => (
                    <td key={column.id} className={column.numeric ? 'data-table__numeric' : undefined} data-column={column.id}>
                      {column.render ? column.render(original) : column.value(original)}
                    </td>
                  ))}
                </tr>
              );
            })
          )}
        </tbody>
      </DataTable>
    </div>
  );
}
