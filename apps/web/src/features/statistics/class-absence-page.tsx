import { useQuery } from '@apollo/client/react';
import { absenceLevel } from '@insyn/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { ClassAbsenceStatisticsQuery } from '../../gql/graphql';
import { formatShortDate } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { AbsenceSummary } from './absence-summary';
import { formatNumber, formatPercent } from './format';
import { missingRollCallsHref } from './missing-roll-calls-link';
import { ClassAbsenceStatisticsDocument } from './operations';
import { PeriodPicker } from './period-picker';
import { useRangeParam } from './range-param';
import { StatsTable, type StatsColumn } from './stats-table';
import './statistics.css';

type StudentRow = ClassAbsenceStatisticsQuery['classAbsenceStatistics']['students'][number];

const fullName = (row: StudentRow) => `${row.lastName}, ${row.firstName}`;
const levelOf = (row: StudentRow) => row.level;
const rowKey = (row: StudentRow) => row.studentId;

/** /klass/:classId/franvaro: a mentor's class, one row per student, with per-subject columns. */
export function ClassAbsencePage() {
  const { t } = useTranslation();
  const { classId = '' } = useParams();
  const param = useRangeParam();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(ClassAbsenceStatisticsDocument, {
    variables: { classId, range: param.range ?? { period: 'TERM' }, locale },
    skip: !param.range,
    fetchPolicy: 'cache-and-network',
  });
  const statistics = data?.classAbsenceStatistics;
  usePageTitle(statistics ? t('statistics.class.titleFor', { name: statistics.className }) : t('statistics.class.heading'));

  const columns = useMemo((): StatsColumn<StudentRow>[] => {
    const subjects = new Map<string, string>();
    for (const student of statistics?.students ?? []) {
      for (const subject of student.bySubject) subjects.set(subject.subjectCode, subject.subjectName);
    }
    const percent = (value: number) => formatPercent(value, locale);
    return [
      {
        id: 'absence',
        header: t('statistics.figures.absence'),
        value: (row) => row.total.absencePercent,
        render: (row) => percent(row.total.absencePercent),
        numeric: true,
      },
      {
        id: 'unexcused',
        header: t('statistics.figures.unexcused'),
        value: (row) => row.total.unexcusedPercent,
        render: (row) => percent(row.total.unexcusedPercent),
        numeric: true,
      },
      {
        id: 'late',
        header: t('statistics.figures.lateCount'),
        value: (row) => row.total.lateCount,
        render: (row) => formatNumber(row.total.lateCount, locale),
        numeric: true,
      },
      {
        id: 'notTaken',
        header: t('statistics.figures.notTaken'),
        value: (row) => row.total.notTakenLessons,
        render: (row) => formatNumber(row.total.notTakenLessons, locale),
        numeric: true,
      },
      ...[...subjects].map(([code, name]): StatsColumn<StudentRow> => ({
        id: `subject-${code}`,
        header: name,
        value: (row) => row.bySubject.find((subject) => subject.subjectCode === code)?.figures.absencePercent ?? 0,
        render: (row) => {
          const found = row.bySubject.find((subject) => subject.subjectCode === code);
          return found ? percent(found.figures.absencePercent) : '–';
        },
        numeric: true,
      })),
    ];
  }, [statistics, locale, t]);

  return (
    <div className="stats-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={`/grupp/${encodeURIComponent(classId)}`}>
              <span aria-hidden="true" className="back-arrow">
                ‹
              </span>
              {t('statistics.class.backToClass')}
            </Link>
          </p>
          <h1 className="page-header__title">
            {statistics ? t('statistics.class.headingFor', { name: statistics.className }) : t('statistics.class.heading')}
          </h1>
        </div>
      </header>
      <PeriodPicker param={param} shown={statistics ? { from: statistics.from, to: statistics.to } : null} />
      {error && !statistics ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !param.range ? null : !statistics ? (
        loading ? (
          <LoadingState label={t('statistics.loading')} />
        ) : null
      ) : (
        <>
          <AbsenceSummary
            figures={statistics.total}
            level={absenceLevel(statistics.total.absencePercent, statistics.thresholds)}
            thresholds={statistics.thresholds}
            counting="studentLessons"
            notTakenHref={missingRollCallsHref({ classId }, param)}
          />
          <section className="panel" aria-labelledby="class-students-heading">
            <h2 id="class-students-heading" className="section-heading">
              {t('statistics.class.studentsHeading')}
            </h2>
            <ClassCount students={statistics.students} />
            <StatsTable
              testId="class-absence-table"
              caption={t('statistics.class.tableCaption', { name: statistics.className })}
              rows={statistics.students}
              columns={columns}
              rowKey={rowKey}
              nameOf={fullName}
              levelOf={levelOf}
              nameHeader={t('statistics.table.student')}
              renderName={(row) => (
                <>
                  <Link className="text-link" to={`/elev/${encodeURIComponent(row.studentId)}/franvaro${window.location.search}`}>
                    {fullName(row)}
                  </Link>
                  {row.leftOn ? (
                    <span className="stats-left" data-testid="left-class">
                      {t('statistics.class.left', { date: formatShortDate(row.leftOn, locale) })}
                    </span>
                  ) : null}
                </>
              )}
              csvFilename={`franvaro-${statistics.className}-${statistics.from}-${statistics.to}.csv`}
              initialSort={[{ id: 'absence', desc: true }]}
            />
          </section>
        </>
      )}
    </div>
  );
}

/**
 * "20 elever, 1 som slutat": the table lists everyone who was in the class during the period, also those who
 * have left it since (marked in their row), so its rows may be more than the class list's.
 */
function ClassCount({ students }: { students: StudentRow[] }) {
  const { t } = useTranslation();
  const left = students.filter((student) => student.leftOn !== null && student.leftOn !== undefined).length;
  const members = t('statistics.class.membersCount', { count: students.length - left });
  return (
    <p className="stats-class-count" data-testid="class-count">
      {left > 0 ? `${members}, ${t('statistics.class.leftCount', { count: left })}` : members}
    </p>
  );
}
