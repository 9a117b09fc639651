import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent, type ViewerStudent } from '../schedule/chosen-student';
import { DecisionItem } from './decision-item';
import { StudentSupportDecisionsDocument } from './operations';
import './support-decisions.css';

function StudentDecisions({ student }: { student: ViewerStudent }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(StudentSupportDecisionsDocument, {
    variables: { studentId: student.id },
    fetchPolicy: 'cache-and-network',
  });
  const decisions = data?.studentSupportDecisions.decisions;
  return (
    <section className="records-section" aria-labelledby="support-decisions-list-heading">
      <h2 id="support-decisions-list-heading" className="section-heading">
        {t('supportDecisions.listHeading', { name: student.firstName })}
      </h2>
      {decisions ? (
        decisions.length === 0 ? (
          <p className="week-empty" data-testid="no-support-decisions">
            {t('supportDecisions.empty')}
          </p>
        ) : (
          <ul className="records" data-testid="support-decisions">
            {decisions.map((decision) => (
              <DecisionItem key={decision.id} decision={decision} forStaff={false} />
            ))}
          </ul>
        )
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('supportDecisions.loading')} />
      ) : null}
    </section>
  );
}

/** /beslut-om-stod?elev=<id>: a guardian's child's support decisions, or a student's own, to read and confirm. */
export function MyDecisionsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('supportDecisions.mine.pageTitle'));
  const { student, picker } = useChosenStudent(t('supportDecisions.mine.childLegend'));
  return (
    <div className="support-decisions-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('supportDecisions.mine.heading')}</h1>
          <p className="page-header__sub">
            {viewer.role === 'STUDENT' ? t('supportDecisions.mine.introSelf') : t('supportDecisions.mine.intro')}
          </p>
        </div>
      </header>
      {student === null ? (
        <p className="week-empty">{t('supportDecisions.mine.noStudents')}</p>
      ) : (
        <>
          {picker}
          <StudentDecisions key={student.id} student={student} />
        </>
      )}
    </div>
  );
}
