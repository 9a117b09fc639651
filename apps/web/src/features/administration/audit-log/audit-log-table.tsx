import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import type { AuditLogEntryFieldsFragment } from '../../../gql/graphql';
import { formatSchoolDateTime } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { actionLabel, actorLines } from './labels';

type Row = AuditLogEntryFieldsFragment;

/** One page of the log, newest first: when, who (and in what role), what, about which student, which record, details, from where. */
export function AuditLogTable({ entries, busy }: { entries: Row[]; busy: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const columns = useMemo<ColumnDef<Row, unknown>[]>(
    () => [
      {
        id: 'at',
        header: t('administration.auditLog.table.at'),
        meta: { rowHeader: true, cellClassName: 'audit-log__time' },
        cell: ({ row }) => <time dateTime={row.original.at}>{formatSchoolDateTime(row.original.at, locale)}</time>,
      },
      {
        id: 'actor',
        header: t('administration.auditLog.table.actor'),
        meta: { cellClassName: 'audit-log__actor' },
        cell: ({ row }) => {
          const { actor } = row.original;
          if (!actor) return <span className="audit-log__muted">{t('administration.auditLog.table.nobody')}</span>;
          const { name, role } = actorLines(t, actor);
          return (
            <>
              {name}
              <span className="audit-log__sub">{actor.username}</span>
              {role ? <span className="audit-log__sub">{role}</span> : null}
            </>
          );
        },
      },
      {
        id: 'action',
        header: t('administration.auditLog.table.action'),
        meta: { cellClassName: 'audit-log__action' },
        cell: ({ row }) => actionLabel(t, row.original.action),
      },
      {
        id: 'student',
        header: t('administration.auditLog.table.student'),
        cell: ({ row }) => {
          const { student } = row.original;
          return student ? (
            <Link to={`/administration/elever/${student.id}`}>
              {student.firstName} {student.lastName}
            </Link>
          ) : (
            '–'
          );
        },
      },
      {
        id: 'record',
        header: t('administration.auditLog.table.record'),
        meta: { cellClassName: 'audit-log__record' },
        cell: ({ row }) =>
          row.original.entityType || row.original.entityId ? (
            <>
              {row.original.entityType ?? ''}
              {row.original.entityId ? <span className="audit-log__sub audit-log__id">{row.original.entityId}</span> : null}
            </>
          ) : (
            '–'
          ),
      },
      {
        id: 'details',
        header: t('administration.auditLog.table.details'),
        meta: { cellClassName: 'audit-log__summary' },
        cell: ({ row }) => row.original.summary || '–',
      },
      {
        id: 'ip',
        header: t('administration.auditLog.table.ip'),
        meta: { cellClassName: 'data-table__mono' },
        cell: ({ row }) => row.original.ip ?? '–',
      },
    ],
    [t, locale],
  );
  // The table is rebuilt from props on each render; nothing of it is memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: entries, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });

  return (
    <DataTable caption={t('administration.auditLog.table.caption')} testId="audit-log">
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody aria-busy={busy}>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} data-testid="audit-log-entry">
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              return meta?.rowHeader ? (
                <th key={cell.id} scope="row" className={meta.cellClassName}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={meta?.cellClassName}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
        {!busy && entries.length === 0 ? (
          <tr>
            <td colSpan={columns.length}>{t('administration.auditLog.table.none')}</td>
          </tr>
        ) : null}
      </tbody>
    </DataTable>
  );
}
