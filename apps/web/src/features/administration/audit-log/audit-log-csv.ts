import { TZDate } from '@date-fns/tz';
import { SCHOOL_TIME_ZONE } from '@insyn/domain';
import { format } from 'date-fns';
import type { TFunction } from 'i18next';
import type { AuditLogEntryFieldsFragment } from '../../../gql/graphql';
import { buildCsv, type CsvCell } from '../../statistics/format';
import { actionLabel, actorLines } from './labels';

const COLUMNS = [
  'at',
  'username',
  'actorName',
  'role',
  'action',
  'actionCode',
  'student',
  'studentId',
  'entityType',
  'entityId',
  'ip',
  'details',
] as const;

/** The school's clock time of an instant to the second, as Excel reads a date and time: `2026-11-25 08:45:03`. */
const csvTime = (instant: string): string => format(new TZDate(instant, SCHOOL_TIME_ZONE), 'yyyy-MM-dd HH:mm:ss');

/** The exported log as the page shows it, a row an event, with the codes beside the words for whoever reads it further. */
export function auditLogCsv(t: TFunction, entries: readonly AuditLogEntryFieldsFragment[]): string {
  const header = COLUMNS.map((column) => t(`administration.auditLog.export.columns.${column}`));
  const rows = entries.map((entry): CsvCell[] => {
    const actor = entry.actor ? actorLines(t, entry.actor) : null;
    return [
      csvTime(entry.at),
      entry.actor?.username ?? null,
      actor?.name ?? null,
      actor?.role ?? null,
      actionLabel(t, entry.action),
      entry.action,
      entry.student ? `${entry.student.firstName} ${entry.student.lastName}` : null,
      entry.student?.id ?? null,
      entry.entityType ?? null,
      entry.entityId ?? null,
      entry.ip ?? null,
      entry.summary,
    ];
  });
  return buildCsv(header, rows);
}
