import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RecordsSection } from '../../components/ui/records-section';
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
  return (
    <RecordsSection
      headingId="support-decisions-list-heading"
      heading={t('supportDecisions.listHeading', { name: student.firstName })}
      records={data?.studentSupportDecisions.decisions}
      renderRecord={(decision) => <DecisionItem key={decision.id} decision={decision} forStaff={false} />}
      empty={t('supportDecisions.empty')}
      emptyTestId="no-support-decisions"
      listTestId="support-decisions"
      error={error}
      loading={loading}
      loadingLabel={t('supportDecisions.loading')}
      onRetry={() => void refetch()}
    />
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
