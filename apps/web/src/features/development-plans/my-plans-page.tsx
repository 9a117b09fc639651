import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { MyGroupsDocument } from '../groups/operations';
import { useChosenStudent, type ViewerStudent } from '../schedule/chosen-student';
import { StudentDevelopmentPlansDocument } from './operations';
import { PlanView } from './plan-view';
import './development-plans.css';

function StudentPlans({ student }: { student: ViewerStudent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(StudentDevelopmentPlansDocument, {
    variables: { studentId: student.id, locale },
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.studentDevelopmentPlans;
  if (!result) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('developmentPlans.loading')} /> : null;
  }
  if (!result.applies) {
    return (
      <p className="week-empty" data-testid="development-plans-not-applicable">
        {t('developmentPlans.mine.notApplicable', { name: student.firstName })}
      </p>
    );
  }
  return result.plans.length === 0 ? (
    <p className="week-empty" data-testid="no-development-plans">
      {t('developmentPlans.mine.empty', { name: student.firstName })}
    </p>
  ) : (
    <div className="development-plans" data-testid="development-plans">
      {result.plans.map((plan) => (
        <PlanView key={plan.id ?? plan.term.id} plan={plan} />
      ))}
    </div>
  );
}

/** Staff reach a student's IUP through their groups. */
function StaffGroups() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(MyGroupsDocument, { fetchPolicy: 'cache-and-network' });
  if (!data) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('developmentPlans.loading')} /> : null;
  }
  if (data.myGroups.length === 0) return <p className="week-empty">{t('groups.empty')}</p>;
  return (
    <section className="panel" aria-labelledby="plan-groups-heading">
      <h2 id="plan-groups-heading" className="section-heading">
        {t('developmentPlans.staff.groupsHeading')}
      </h2>
      <ul className="plan-groups" data-testid="plan-groups">
        {data.myGroups.map((group) => (
          <li key={group.id}>
            <Link className="text-link" to={`/grupp/${encodeURIComponent(group.id)}/iup`}>
              {group.name}
            </Link>{' '}
            <span className="record__meta">
              {t(`groups.kind.${group.kind}`)} · {t('developmentPlans.staff.studentCount', { count: group.studentCount })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /iup?elev=<id>: a guardian's child's or a student's own published IUPs; staff choose a group. */
export function MyDevelopmentPlansPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('developmentPlans.mine.pageTitle'));
  const { student, picker } = useChosenStudent(t('developmentPlans.mine.childLegend'));
  const staff = viewer.role === 'STAFF';
  return (
    <div className="development-plans-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('developmentPlans.mine.heading')}</h1>
          <p className="page-header__sub">
            {staff
              ? t('developmentPlans.staff.intro')
              : viewer.role === 'STUDENT'
                ? t('developmentPlans.mine.introSelf')
                : t('developmentPlans.mine.intro')}
          </p>
        </div>
      </header>
      {staff ? (
        <StaffGroups />
      ) : student === null ? (
        <p className="week-empty">{t('developmentPlans.mine.noStudents')}</p>
      ) : (
        <>
          {picker}
          <StudentPlans key={student.id} student={student} />
        </>
      )}
    </div>
  );
}
