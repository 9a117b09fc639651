import { BackButton } from '../../components/ui/back-button';
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent } from '../schedule/chosen-student';
import { absenceLessonsHref, type AbsenceLessonsFilter } from './absence-lessons-link';
import { AbsenceSummary } from './absence-summary';
import { missingRollCallsHref } from './missing-roll-calls-link';
import { SubjectChart, WeekdayChart, WeekTrendChart } from './absence-charts';
import { PeriodPicker } from './period-picker';
import { useRangeParam } from './range-param';
import { StatisticsStudentDocument, StudentAbsenceStatisticsDocument } from './operations';
import './statistics.css';

interface StudentRef {
  id: string;
  name: string;
  className: string | null;
  /** known to staff: the not-taken figure then links to the class's lessons without roll call */
  classId?: string | null;
}

function StudentAbsence({ student, picker, back = false }: { student: StudentRef | null; picker: ReactNode; back?: boolean }) {
  const { t } = useTranslation();
  const param = useRangeParam();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(StudentAbsenceStatisticsDocument, {
    variables: { studentId: student?.id ?? '', range: param.range ?? { period: 'TERM' }, locale },
    skip: !student || !param.range,
    fetchPolicy: 'cache-and-network',
  });
  const statistics = data?.studentAbsenceStatistics.studentId === student?.id ? data?.studentAbsenceStatistics : undefined;
  usePageTitle(student ? t('statistics.student.titleFor', { name: student.name }) : t('statistics.student.heading'));
  // Each figure and bar leads to the lessons behind it, over the period shown.
  const lessonsHref = student ? (filter: AbsenceLessonsFilter) => absenceLessonsHref(student.id, param, filter) : undefined;
  return (
    <div className="stats-page">
      <header className="page-header">
        <div className="page-header__text">
          {back ? <BackButton /> : null}
          <h1 className="page-header__title">{t('statistics.student.heading')}</h1>
          {student ? (
            <p className="page-header__sub" data-testid="statistics-student">
              {student.name}
              {student.className ? `, ${student.className}` : ''}
            </p>
          ) : null}
        </div>
      </header>
      {picker}
      <PeriodPicker param={param} shown={statistics ? { from: statistics.from, to: statistics.to } : null} />
      {!student ? (
        <p>{t('statistics.student.noStudent')}</p>
      ) : error && !statistics ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !param.range ? null : !statistics ? (
        loading ? (
          <LoadingState label={t('statistics.loading')} />
        ) : null
      ) : (
        <>
          <AbsenceSummary
            figures={statistics.total}
            level={statistics.level}
            thresholds={statistics.thresholds}
            counting="lessons"
            notTakenHref={student.classId ? missingRollCallsHref({ classId: student.classId }, param) : undefined}
            lessonsHref={lessonsHref}
          />
          <div className="stats-charts">
            <WeekTrendChart weeks={statistics.byWeek} counting="lessons" lessonsHref={lessonsHref} />
            <SubjectChart subjects={statistics.bySubject} lessonsHref={lessonsHref} />
            <WeekdayChart weekdays={statistics.byWeekday} lessonsHref={lessonsHref} />
          </div>
        </>
      )}
    </div>
  );
}

/** /franvaro: a student's own absence, or a guardian's child's (child picker for several). */
export function OwnAbsencePage() {
  const { t } = useTranslation();
  const { student, picker } = useChosenStudent(t('statistics.student.pickerLegend'));
  return (
    <StudentAbsence
      student={student ? { id: student.id, name: `${student.firstName} ${student.lastName}`, className: student.className ?? null } : null}
      picker={picker}
    />
  );
}

/** /elev/:studentId/franvaro: a student's absence for their mentor, the principal and administrators. */
export function StaffStudentAbsencePage() {
  const { studentId = '' } = useParams();
  const viewer = useViewer();
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(StatisticsStudentDocument, { variables: { id: studentId }, skip: viewer.role !== 'STAFF' });
  if (viewer.role !== 'STAFF') return <OwnAbsencePage />;
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState label={t('statistics.loading')} />;
  const student = data.student;
  return (
    <StudentAbsence
      student={{
        id: student.id,
        name: `${student.firstName} ${student.lastName}`,
        className: student.className ?? null,
        classId: student.classId ?? null,
      }}
      picker={null}
      back
    />
  );
}
