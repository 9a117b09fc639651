import { flexRender, type Header } from '@tanstack/react-table';

/** A column heading of a @tanstack/react-table table that sorts on click, telling assistive technology how (aria-sort). */
export function SortableHeader<TData>({ header, className }: { header: Header<TData, unknown>; className?: string }) {
  const sorted = header.column.getIsSorted();
  return (
    <th scope="col" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className={className}>
      <button type="button" className="table-sort" onClick={header.column.getToggleSortingHandler()}>
        {flexRender(header.column.columnDef.header, header.getContext())}
        <span className="table-sort__icon" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
