import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { RecordsSection } from '../../components/ui/records-section';
import { usePageTitle } from '../../components/ui/use-page-title';
import { DecisionItem } from './decision-item';
import { StudentSupportDecisionsDocument, SupportDecisionStudentDocument } from './operations';
import { RecordDecisionForm } from './record-form';
import './support-decisions.css';

/** /elev/:studentId/beslut-om-stod: a student's decisions; the principal (or an administrator) records new ones. */
export function StaffDecisionsPage() {
  const { studentId = '' } = useParams();
  if (studentId === '') return <NotFoundState />;
  return <StaffDecisionsContent key={studentId} studentId={studentId} />;
}

function StaffDecisionsContent({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const student = useQuery(SupportDecisionStudentDocument, { variables: { studentId }, fetchPolicy: 'cache-and-network' });
  const decisions = useQuery(StudentSupportDecisionsDocument, { variables: { studentId }, fetchPolicy: 'cache-and-network' });
  const shown = student.data?.student;
  const name = shown ? `${shown.firstName} ${shown.lastName}` : null;
  usePageTitle(name ? t('supportDecisions.staff.pageTitle', { name }) : t('supportDecisions.loading'));
  const data = decisions.data?.studentSupportDecisions;

  if (!shown || !data) {
    const error = student.error ?? decisions.error;
    if (error) return <ErrorState error={error} onRetry={() => void Promise.all([student.refetch(), decisions.refetch()])} />;
    return student.loading || decisions.loading ? <LoadingState label={t('supportDecisions.loading')} /> : <NotFoundState />;
  }

  return (
    <div className="support-decisions-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            {shown.classId && shown.className ? (
              <Link className="text-link" to={`/grupp/${encodeURIComponent(shown.classId)}`}>
                <span aria-hidden="true" className="back-arrow">
                  ‹
                </span>
                {t('schedule.classList', { className: shown.className })}
              </Link>
            ) : (
              shown.schoolName
            )}
          </p>
          <h1 className="page-header__title" data-testid="support-decisions-heading">
            {t('supportDecisions.staff.heading', { name })}
          </h1>
          <p className="page-header__sub">
            {data.canRecord ? t('supportDecisions.staff.intro') : t('supportDecisions.staff.introReadOnly')}
          </p>
        </div>
      </header>
      {data.canRecord ? (
        <section className="panel form-panel" aria-labelledby="new-support-decision-heading">
          <h2 id="new-support-decision-heading" className="section-heading">
            {t('supportDecisions.form.heading')}
          </h2>
          <RecordDecisionForm
            studentId={studentId}
            onRecorded={async () => {
              await decisions.refetch();
            }}
          />
        </section>
      ) : null}
      <RecordsSection
        headingId="support-decisions-list-heading"
        heading={t('supportDecisions.listHeading', { name: shown.firstName })}
        records={data.decisions}
        renderRecord={(decision) => <DecisionItem key={decision.id} decision={decision} forStaff />}
        empty={t('supportDecisions.empty')}
        emptyTestId="no-support-decisions"
        listTestId="support-decisions"
        loadingLabel={t('supportDecisions.loading')}
      />
    </div>
  );
}
