import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RecordsSection } from '../../components/ui/records-section';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent, type ViewerStudent } from '../schedule/chosen-student';
import { StudentGradeWarningsDocument } from './operations';
import { WarningItem } from './warning-item';
import './grade-warnings.css';

function StudentWarnings({ student }: { student: ViewerStudent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(StudentGradeWarningsDocument, {
    variables: { studentId: student.id, locale },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <RecordsSection
      headingId="grade-warnings-heading"
      heading={t('gradeWarnings.mine.listHeading', { name: student.firstName })}
      records={data?.studentGradeWarnings}
      renderRecord={(warning) => <WarningItem key={warning.id} warning={warning} forStaff={false} />}
      empty={t('gradeWarnings.mine.empty')}
      emptyTestId="no-grade-warnings"
      listTestId="grade-warnings"
      error={error}
      loading={loading}
      loadingLabel={t('gradeWarnings.loading')}
      onRetry={() => void refetch()}
    />
  );
}

/** /betygsvarningar?elev=<id>: a guardian's child's grade warnings and the school's contacts about them, or a student's own. */
export function MyWarningsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('gradeWarnings.mine.pageTitle'));
  const { student, picker } = useChosenStudent(t('gradeWarnings.mine.childLegend'));
  return (
    <div className="grade-warnings-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('gradeWarnings.mine.heading')}</h1>
          <p className="page-header__sub">
            {viewer.role === 'STUDENT' ? t('gradeWarnings.mine.introSelf') : t('gradeWarnings.mine.intro')}
          </p>
        </div>
      </header>
      {student === null ? (
        <p className="week-empty">{t('gradeWarnings.mine.noStudents')}</p>
      ) : (
        <>
          {picker}
          <StudentWarnings key={student.id} student={student} />
        </>
      )}
    </div>
  );
}
