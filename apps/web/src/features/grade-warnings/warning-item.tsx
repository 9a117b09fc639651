import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GradeWarningFieldsFragment } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';

/** "Öppen" / "Kontakt försenad" / "Avslutad", with a symbol, never colour alone. */
function WarningStatus({ warning, showOverdue }: { warning: GradeWarningFieldsFragment; showOverdue: boolean }) {
  const { t } = useTranslation();
  const [status, symbol, tone] = warning.closedAt
    ? (['closed', '✓', 'withdrawn'] as const)
    : showOverdue && warning.overdue
      ? (['overdue', '!', 'rejected'] as const)
      : (['open', '…', 'pending'] as const);
  return (
    <span className={`status-badge status-badge--${tone}`} data-testid="grade-warning-status">
      <span aria-hidden="true">{symbol} </span>
      {t(`gradeWarnings.status.${status}`)}
    </span>
  );
}

function Contacts({ warning }: { warning: GradeWarningFieldsFragment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (warning.contacts.length === 0) return <p className="record__meta">{t('gradeWarnings.noContacts')}</p>;
  return (
    <ul className="grade-warning__contacts" data-testid="grade-warning-contacts">
      {warning.contacts.map((contact) => (
        <li key={contact.id} className="grade-warning__contact" data-testid="grade-warning-contact">
          <p>
            {t('gradeWarnings.contact', {
              when: formatSchoolDateTime(contact.contactedAt, locale),
              method: t(`gradeWarnings.methods.${contact.method}`),
              withWhom: contact.withWhom,
            })}
          </p>
          <p className="record__note">{t('gradeWarnings.agreed', { agreed: contact.agreed })}</p>
          <p className="record__meta">{t('gradeWarnings.contactBy', { name: contact.contactedBy })}</p>
        </li>
      ))}
    </ul>
  );
}

/**
 * One warning as the home and the school see it: subject, what is missing, who warned when, the contacts
 * with the home and how it was closed. Staff see the student's name and the overdue state; `children`
 * are their forms. `linkGroup`: the group's name leads to its warnings (for the principal's overview).
 */
export function WarningItem({
  warning,
  forStaff,
  linkGroup = false,
  children,
}: {
  warning: GradeWarningFieldsFragment;
  forStaff: boolean;
  linkGroup?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className={`record grade-warning${warning.closedAt ? ' record--muted' : ''}`} data-testid="grade-warning">
      <div className="grade-warning__head">
        <p className="record__title">{forStaff ? `${warning.student.name} · ${warning.subjectName}` : warning.subjectName}</p>
        <WarningStatus warning={warning} showOverdue={forStaff} />
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('gradeWarnings.groupLabel')}</dt>
          <dd>
            {linkGroup ? (
              <Link className="text-link" to={`/grupp/${encodeURIComponent(warning.groupId)}/betygsvarningar`}>
                {warning.groupName}
              </Link>
            ) : (
              warning.groupName
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('gradeWarnings.missingLabel')}</dt>
          <dd className="facts__text" data-testid="grade-warning-missing">
            {warning.missing}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('gradeWarnings.issuedLabel')}</dt>
          <dd>{t('gradeWarnings.issued', { name: warning.issuedBy, when: formatSchoolDateTime(warning.issuedAt, locale) })}</dd>
        </div>
      </dl>
      <div className="grade-warning__section">
        <p className="grade-warning__label">{t('gradeWarnings.contactsLabel')}</p>
        <Contacts warning={warning} />
      </div>
      {warning.closedAt ? (
        <div className="record__decision" data-testid="grade-warning-closed">
          <p>
            {t('gradeWarnings.closed', {
              name: warning.closedBy ?? t('gradeWarnings.theSchool'),
              when: formatSchoolDateTime(warning.closedAt, locale),
            })}
          </p>
          {warning.closeNote ? <p className="record__note">{t('gradeWarnings.closeNote', { note: warning.closeNote })}</p> : null}
        </div>
      ) : null}
      {children}
    </li>
  );
}
