import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState, type Updater } from '@tanstack/react-table';
import { useState } from 'react';
import { DataTable } from '../../components/ui/data-table';
import type { PageState } from '../../components/ui/pager';
import { SortableHeader } from '../../components/ui/sortable-header';
import type { SortDirection } from '../../gql/graphql';
import { useSettledValue } from './use-settled-value';

export const PAGE_SIZE = 50;

export interface ListSort<F extends string> {
  field: F;
  direction: SortDirection;
}

/** A server-side list's search, sort and page; a new search or sort starts again on the first page. */
export function useListState<F extends string>(defaultSort: F) {
  const [search, setSearchText] = useState('');
  const [sort, setSortState] = useState<ListSort<F>>({ field: defaultSort, direction: 'ASC' });
  const [page, setPage] = useState<PageState>({ offset: 0, limit: PAGE_SIZE });
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

/**
 * A page of a server-sorted list. Columns whose id is a sort field of the API sort (enableSorting);
 * the others are plain headings.
 */
export function AdminTable<TRow, F extends string>({
  caption,
  columns,
  rows,
  sort,
  onSort,
  testId,
}: {
  caption: string;
  columns: ColumnDef<TRow, unknown>[];
  rows: TRow[];
  sort: ListSort<F>;
  onSort: (sort: ListSort<F>) => void;
  testId?: string;
}) {
  const sorting: SortingState = [{ id: sort.field, desc: sort.direction === 'DESC' }];
  // The table is rebuilt from props on each render; nothing of it is memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSort({ field: first.id as F, direction: first.desc ? 'DESC' : 'ASC' });
    },
    getCoreRowModel: getCoreRowModel(),
  });
  return (
    <DataTable caption={caption} {...(testId ? { testId } : {})}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) =>
              header.column.getCanSort() ? (
                <SortableHeader key={header.id} header={header} />
              ) : (
                <th key={header.id} scope="col">
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ),
            )}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
