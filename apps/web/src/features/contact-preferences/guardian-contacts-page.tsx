import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { ContactPreferencesForm } from './contact-preferences-form';
import { GuardianContactsDocument, UpdateGuardianContactPreferencesDocument } from './operations';
import './guardian-contacts.css';

/** A student's guardians and how each wants to be told: for the mentor, the principal and administrators. */
export function GuardianContactsPage() {
  const { studentId = '' } = useParams();
  if (studentId === '') return <NotFoundState />;
  return <GuardianContactsContent key={studentId} studentId={studentId} />;
}

function GuardianContactsContent({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(GuardianContactsDocument, {
    variables: { studentId },
    fetchPolicy: 'network-only',
  });
  const [update] = useMutation(UpdateGuardianContactPreferencesDocument);
  const student = data?.student;
  const name = student ? `${student.firstName} ${student.lastName}` : null;
  usePageTitle(name ? t('guardianContacts.pageTitle', { name }) : t('guardianContacts.heading'));

  if (!data) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('guardianContacts.loading')} /> : <NotFoundState />;
  }

  const guardians = data.guardianContacts;
  // An adult student decides who of them sees their data; shown here, changed only by the student.
  const consentOf = new Map(data.guardianConsents.map((consent) => [consent.guardianId, consent.given]));
  return (
    <div className="guardian-contacts">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            {student?.classId && student.className ? (
              <Link className="text-link" to={`/grupp/${encodeURIComponent(student.classId)}`}>
                <span aria-hidden="true" className="back-arrow">
                  ‹
                </span>
                {t('schedule.classList', { className: student.className })}
              </Link>
            ) : (
              data.student.schoolName
            )}
          </p>
          <h1 className="page-header__title" data-testid="guardian-contacts-heading">
            {t('guardianContacts.headingFor', { name })}
          </h1>
          <p className="page-header__sub">{t('guardianContacts.intro')}</p>
          {data.student.isAdult ? <p className="page-header__sub guardian-contacts__adult">{t('guardianContacts.adultIntro')}</p> : null}
        </div>
      </header>
      {guardians.length === 0 ? (
        <p className="week-empty">{t('guardianContacts.none')}</p>
      ) : (
        guardians.map((guardian) => {
          const headingId = `guardian-${guardian.guardianId}-heading`;
          const given = consentOf.get(guardian.guardianId);
          return (
            <section key={guardian.guardianId} className="panel form-panel" aria-labelledby={headingId} data-testid="guardian-contact">
              <h2 id={headingId} className="section-heading">
                {guardian.firstName} {guardian.lastName}
              </h2>
              {given === undefined ? null : (
                <p className="guardian-contacts__consent" data-testid="guardian-consent-status">
                  <span className={`status-badge status-badge--${given ? 'approved' : 'withdrawn'}`}>
                    <span aria-hidden="true">{given ? '✓ ' : '– '}</span>
                    {given ? t('guardianContacts.consentGiven') : t('guardianContacts.consentNotGiven')}
                  </span>
                </p>
              )}
              <ContactPreferencesForm
                preferences={guardian}
                onBehalf
                onSave={async (input) => {
                  const { data: saved } = await update({ variables: { studentId, guardianId: guardian.guardianId, input } });
                  if (!saved) throw new Error('updateGuardianContactPreferences returned no data');
                  return saved.updateGuardianContactPreferences;
                }}
              />
            </section>
          );
        })
      )}
    </div>
  );
}
