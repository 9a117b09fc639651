import type { TFunction } from 'i18next';
import type { AuditLogEntryFieldsFragment, AuditLogPersonFieldsFragment, StaffDutyKind } from '../../../gql/graphql';

// Words for what the API answers as codes: an action (`sickReport.created`, `admin.student.updated`, the family
// `admin.student`), who did it and in what role, and a person of the filter.

type Labels = Record<string, Record<string, string> | undefined>;

export type ActionGroup = 'access' | 'reads' | 'changes' | 'administration';

/** Which group of the action select an action is shown in. */
export function actionGroup(action: string): ActionGroup {
  const [area = '', name = ''] = action.split('.');
  if (area === 'admin') return 'administration';
  if (area === 'auth' || area === 'account') return 'access';
  return area === 'auditLog' || area === 'registerExtract' || /read/i.test(name) ? 'reads' : 'changes';
}

/** An action in words; one the app has no words for yet as its code. */
export function actionLabel(t: TFunction, action: string): string {
  const [area = '', name = '', kind] = action.split('.');
  if (area === 'admin') {
    const records = t('administration.auditLog.records', { returnObjects: true }) as Record<string, string | undefined>;
    const record = records[name] ?? name;
    if (kind === undefined) return t('administration.auditLog.recordFamily', { record });
    const changes = t('administration.auditLog.changes', { returnObjects: true }) as Record<string, string | undefined>;
    return t('administration.auditLog.recordChange', { record, change: changes[kind] ?? kind });
  }
  const actions = t('administration.auditLog.actions', { returnObjects: true }) as Labels;
  return actions[area]?.[name] ?? action;
}

const fullName = (person: { firstName: string | null; lastName: string | null }) =>
  [person.firstName, person.lastName].filter(Boolean).join(' ');

/** "Anna Andersson" and, under it, "admin · administratör": the name, the username and the role on the day. */
export function actorLines(t: TFunction, actor: NonNullable<AuditLogEntryFieldsFragment['actor']>): { name: string; role: string } {
  const role =
    actor.kind === 'STAFF' && actor.duties.length > 0
      ? actor.duties.map((duty: StaffDutyKind) => t(`duties.${duty}`)).join(', ')
      : actor.kind
        ? t(`roles.${actor.kind}`)
        : '';
  return { name: fullName(actor) || actor.username, role };
}

/** "Ella Ek (elev, 7A)". */
export function personLabel(t: TFunction, person: AuditLogPersonFieldsFragment): string {
  const kind = person.detail
    ? t(`administration.auditLog.person.${person.kind}_detail`, { detail: person.detail })
    : t(`administration.auditLog.person.${person.kind}`);
  return `${person.firstName} ${person.lastName} (${kind})`;
}
