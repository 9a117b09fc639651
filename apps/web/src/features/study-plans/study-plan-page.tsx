import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent } from '../schedule/chosen-student';
import { StudyPlanDocument } from './operations';
import { StudyPlanView } from './study-plan-view';

function StudentStudyPlan({ studentId, firstName }: { studentId: string; firstName: string | null }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(StudyPlanDocument, {
    variables: { studentId, locale: currentLocale() },
    fetchPolicy: 'cache-and-network',
  });
  const plan = data?.studyPlan;
  if (!plan) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('studyPlans.loading')} /> : null;
  }
  if (!plan.applies) {
    return (
      <p className="week-empty" data-testid="study-plan-not-applicable">
        {firstName ? t('studyPlans.notApplicableFor', { name: firstName }) : t('studyPlans.notApplicable')}
      </p>
    );
  }
  return <StudyPlanView plan={plan} />;
}

/** /studieplan?elev=<id>: an upper-secondary student's own study plan, or a guardian's child's. */
export function MyStudyPlanPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('studyPlans.pageTitle'));
  const { student, picker } = useChosenStudent(t('studyPlans.childLegend'));
  return (
    <div className="study-plan-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('studyPlans.heading')}</h1>
          <p className="page-header__sub">{viewer.role === 'STUDENT' ? t('studyPlans.introSelf') : t('studyPlans.intro')}</p>
        </div>
      </header>
      {student === null ? (
        <p className="week-empty">{t('studyPlans.noStudents')}</p>
      ) : (
        <>
          {picker}
          <StudentStudyPlan key={student.id} studentId={student.id} firstName={student.firstName} />
        </>
      )}
    </div>
  );
}

/** /elev/:studentId/studieplan: a student's study plan for the mentor, principal and administrators. */
export function StaffStudyPlanPage() {
  const { t } = useTranslation();
  const { studentId = '' } = useParams();
  // The same query as the plan below (from the cache): the heading names the student.
  const { data } = useQuery(StudyPlanDocument, { variables: { studentId, locale: currentLocale() }, skip: studentId === '' });
  const name = data?.studyPlan.studentName;
  usePageTitle(name ? t('studyPlans.staff.heading', { name }) : t('studyPlans.pageTitle'));
  if (studentId === '') return <NotFoundState />;
  return (
    <div className="study-plan-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{name ? t('studyPlans.staff.heading', { name }) : t('studyPlans.heading')}</h1>
          <p className="page-header__sub">{t('studyPlans.staff.intro')}</p>
        </div>
      </header>
      <StudentStudyPlan key={studentId} studentId={studentId} firstName={null} />
    </div>
  );
}
