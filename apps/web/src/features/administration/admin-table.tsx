import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useState } from 'react';
import { DataTable } from '../../components/ui/data-table';
import type { PageState } from '../../components/ui/pager';
import { SortableHeader } from '../../components/ui/sortable-header';
import type { SortDirection } from '../../gql/graphql';
import { useSettledValue } from './use-settled-value';

export const PAGE_SIZE = 50;
const NUMERIC = 'data-table__numeric';

declare module '@tanstack/react-table' {
  // The parameters must be those of TanStack's own declaration for the two to merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The column's cells name their row (th scope="row"). */
    rowHeader?: boolean;
    /** The column's heading and cells are aligned as numbers. */
    numeric?: boolean;
    cellClassName?: string;
  }
}

export interface ListSort<F extends string> {
  field: F;
  direction: SortDirection;
}

/** A server-side list's search, sort and page; a new search or sort starts again on the first page. */
export function useListState<F extends string>(defaultSort: F, pageSize = PAGE_SIZE) {
  const [search, setSearchText] = useState('');
  const [sort, setSortState] = useState<ListSort<F>>({ field: defaultSort, direction: 'ASC' });
  const [page, setPage] = useState<PageState>({ offset: 0, limit: pageSize });
  const settledSearch = useSettledValue(search);
  return {
    search,
    settledSearch,
    setSearch: (value: string) => {
      setSearchText(value);
      setPage((current) => ({ ...current, offset: 0 }));
    },
    sort,
    setSort: (next: ListSort<F>) => {
      setSortState(next);
      setPage((current) => ({ ...current, offset: 0 }));
    },
    page,
    setPage,
    resetPage: () => setPage((current) => ({ ...current, offset: 0 })),
  };
}

export type ListState<F extends string> = ReturnType<typeof useListState<F>>;

/**
 * A page of a server-sorted list, a row a record (keyed by its id). Columns whose id is a sort field of
 * the API sort (enableSorting); the others are plain headings.
 */
export function AdminTable<TRow extends { id: string }, F extends string>({
  caption,
  columns,
  rows,
  sort,
  onSort,
  testId,
  busy,
  empty,
}: {
  caption: string;
  columns: ColumnDef<TRow, unknown>[];
  rows: TRow[];
  sort: ListSort<F>;
  onSort: (sort: ListSort<F>) => void;
  testId?: string;
  /** while a new page is on its way */
  busy?: boolean;
  /** a row of its own that says there is nothing to list, when not busy */
  empty?: string;
}) {
  const sorting: SortingState = [{ id: sort.field, desc: sort.direction === 'DESC' }];
  // The table is rebuilt from props on each render; nothing of it is memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSort({ field: first.id as F, direction: first.desc ? 'DESC' : 'ASC' });
    },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  return (
    <DataTable caption={caption} {...(testId ? { testId } : {})}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => {
              const className = header.column.columnDef.meta?.numeric ? NUMERIC : undefined;
              return header.column.getCanSort() ? (
                <SortableHeader key={header.id} header={header} className={className} />
              ) : (
                <th key={header.id} scope="col" className={className}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody aria-busy={busy}>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              const className = meta?.numeric ? NUMERIC : meta?.cellClassName;
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              return meta?.rowHeader ? (
                <th key={cell.id} scope="row" className={className}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={className}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
        {empty !== undefined && !busy && rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length}>{empty}</td>
          </tr>
        ) : null}
      </tbody>
    </DataTable>
  );
}
