import { useQuery } from '@apollo/client/react';
import { absenceLevel } from '@insyn/domain';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/error-state';
import { SchoolPicker } from '../../components/ui/school-picker';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { SchoolAbsenceStatisticsQuery } from '../../gql/graphql';
import { schoolToday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { WeekTrendChart } from './absence-charts';
import { AbsenceSummary } from './absence-summary';
import { csnCsv } from './csn-csv';
import { downloadCsv, formatMinutes, formatNumber, formatPercent } from './format';
import { missingRollCallsHref, SCHOOL_PARAM } from './missing-roll-calls-link';
import { AbsenceSchoolsDocument, CsnReportDocument, SchoolAbsenceStatisticsDocument } from './operations';
import { PeriodPicker } from './period-picker';
import { useRangeParam } from './range-param';
import { StatsTable, type StatsColumn } from './stats-table';
import './statistics.css';

export const MONTH_PARAM = 'manad';

type ClassRow = SchoolAbsenceStatisticsQuery['schoolAbsenceStatistics']['byClass'][number];

const classKey = (row: ClassRow) => row.classId;
const className = (row: ClassRow) => row.className;
const classLevel = (row: ClassRow) => row.level;
const isMonth = (value: string | null): value is string => value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

function useParam(name: string): [string | null, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  return [
    params.get(name),
    (value) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.set(name, value);
          return next;
        },
        { replace: true },
      ),
  ];
}

/** Upper secondary: students whose unexcused absence in a month reached the CSN threshold. */
function CsnSection({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const [rawMonth, setMonth] = useParam(MONTH_PARAM);
  const month = isMonth(rawMonth) ? rawMonth : schoolToday().slice(0, 7);
  const { data, error, loading, refetch } = useQuery(CsnReportDocument, {
    variables: { schoolId, month },
    fetchPolicy: 'cache-and-network',
  });
  const report = data?.csnReport.month === month && data.csnReport.schoolId === schoolId ? data.csnReport : undefined;

  function exportCsv() {
    if (!report) return;
    downloadCsv(
      `csn-${report.month}.csv`,
      csnCsv(report.students, (key) => t(key)),
    );
  }

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="csn-report">
      <h2 id={`${id}-heading`} className="section-heading">
        {t('statistics.csn.heading')}
      </h2>
      <div className="stats-table__tools">
        <div className="field">
          <label className="field__label" htmlFor={`${id}-month`}>
            {t('statistics.csn.month')}
          </label>
          <input
            id={`${id}-month`}
            className="field__input"
            type="month"
            value={month}
            onChange={(event) => {
              if (isMonth(event.target.value)) setMonth(event.target.value);
            }}
          />
        </div>
        <button type="button" className="button button--secondary" onClick={exportCsv} disabled={!report || report.students.length === 0}>
          {t('statistics.table.exportCsv')}
        </button>
      </div>
      {error && !report ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !report ? (
        loading ? (
          <LoadingState label={t('statistics.loading')} />
        ) : null
      ) : (
        <>
          <p>{t('statistics.csn.explain', { threshold: formatMinutes(report.thresholdMinutes, locale) })}</p>
          <DataTable caption={t('statistics.csn.caption', { month: report.month })} testId="csn-table">
            <thead>
              <tr>
                <th scope="col">{t('statistics.table.student')}</th>
                <th scope="col">{t('statistics.csn.class')}</th>
                <th scope="col" className="data-table__numeric">
                  {t('statistics.csn.unexcused')}
                </th>
                <th scope="col" className="data-table__numeric">
                  {t('statistics.figures.notTaken')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.students.length === 0 ? (
                <tr>
                  <td colSpan={4}>{t('statistics.csn.none')}</td>
                </tr>
              ) : (
                report.students.map((student) => (
                  <tr key={student.studentId}>
                    <th scope="row">
                      <Link className="text-link" to={`/elev/${encodeURIComponent(student.studentId)}/franvaro`}>
                        {student.lastName}, {student.firstName}
                      </Link>
                    </th>
                    <td>{student.className ?? '–'}</td>
                    <td className="data-table__numeric">{formatMinutes(student.unexcusedAbsentMinutes, locale)}</td>
                    <td className="data-table__numeric">{formatNumber(student.notTakenLessons, locale)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </DataTable>
        </>
      )}
    </section>
  );
}

function SchoolStatistics({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const param = useRangeParam();
  const { data, error, loading, refetch } = useQuery(SchoolAbsenceStatisticsDocument, {
    variables: { schoolId, range: param.range ?? { period: 'TERM' } },
    skip: !param.range,
    fetchPolicy: 'cache-and-network',
  });
  const statistics = data?.schoolAbsenceStatistics.schoolId === schoolId ? data.schoolAbsenceStatistics : undefined;
  const columns = useMemo((): StatsColumn<ClassRow>[] => {
    const percent = (value: number) => formatPercent(value, locale);
    return [
      { id: 'students', header: t('statistics.table.students'), value: (row) => row.students, numeric: true },
      {
        id: 'absence',
        header: t('statistics.figures.absence'),
        value: (row) => row.figures.absencePercent,
        render: (row) => percent(row.figures.absencePercent),
        numeric: true,
      },
      {
        id: 'valid',
        header: t('statistics.figures.valid'),
        value: (row) => row.figures.validPercent,
        render: (row) => percent(row.figures.validPercent),
        numeric: true,
      },
      {
        id: 'unexcused',
        header: t('statistics.figures.unexcused'),
        value: (row) => row.figures.unexcusedPercent,
        render: (row) => percent(row.figures.unexcusedPercent),
        numeric: true,
      },
      { id: 'late', header: t('statistics.figures.lateCount'), value: (row) => row.figures.lateCount, numeric: true },
      {
        id: 'notTaken',
        header: t('statistics.figures.notTakenStudentLessons'),
        value: (row) => row.figures.notTakenLessons,
        numeric: true,
      },
    ];
  }, [locale, t]);

  return (
    <>
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
            notTakenHref={missingRollCallsHref({ schoolId }, param)}
          />
          <WeekTrendChart weeks={statistics.byWeek} counting="studentLessons" testId="school-week-chart" />
          <section className="panel" aria-labelledby="school-classes-heading">
            <h2 id="school-classes-heading" className="section-heading">
              {t('statistics.school.classesHeading')}
            </h2>
            <StatsTable
              testId="school-absence-table"
              caption={t('statistics.school.tableCaption', { name: statistics.schoolName })}
              rows={statistics.byClass}
              columns={columns}
              rowKey={classKey}
              nameOf={className}
              levelOf={classLevel}
              nameHeader={t('statistics.table.class')}
              renderName={(row) => (
                <Link className="text-link" to={`/klass/${encodeURIComponent(row.classId)}/franvaro${window.location.search}`}>
                  {row.className}
                </Link>
              )}
              csvFilename={`franvaro-${statistics.schoolName}-${statistics.from}-${statistics.to}.csv`}
              initialSort={[{ id: 'absence', desc: true }]}
            />
          </section>
        </>
      )}
    </>
  );
}

/** /skola/franvaro?skola=<id>: a principal's school (an administrator chooses), by week and by class, and the CSN list. */
export function SchoolAbsencePage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(AbsenceSchoolsDocument);
  const [requested, setSchool] = useParam(SCHOOL_PARAM);
  const schools = data?.absenceSchools ?? [];
  const school = schools.find((candidate) => candidate.id === requested) ?? schools[0];
  usePageTitle(school ? t('statistics.school.titleFor', { name: school.name }) : t('statistics.school.heading'));

  return (
    <div className="stats-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('statistics.school.heading')}</h1>
          {school ? (
            <p className="page-header__sub" data-testid="statistics-school">
              {school.name}
            </p>
          ) : null}
        </div>
      </header>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        loading ? (
          <LoadingState label={t('statistics.loading')} />
        ) : null
      ) : !school ? (
        <p>{t('statistics.school.none')}</p>
      ) : (
        <>
          <SchoolPicker
            label={t('statistics.school.choose')}
            schools={schools}
            value={school.id}
            onChange={setSchool}
            className="stats-school-picker"
          />
          <SchoolStatistics schoolId={school.id} />
          {school.form === 'UPPER_SECONDARY' ? <CsnSection schoolId={school.id} /> : null}
        </>
      )}
    </div>
  );
}
