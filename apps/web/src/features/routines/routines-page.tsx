import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { SCHOOL_PARAM } from '../statistics/missing-roll-calls-link';
import { SchoolRoutinesDocument } from './operations';
import './routines.css';

type FigureKey =
  | 'expectedAssessments'
  | 'publishedAssessments'
  | 'openWarnings'
  | 'warningsWithoutContact'
  | 'overdueWarnings'
  | 'supportDecisions'
  | 'unacknowledgedDecisions';
type Figures = Record<FigureKey, number>;

/** The columns after the first: the published share, then counts where fewer is better. */
const COUNT_COLUMNS = ['openWarnings', 'warningsWithoutContact', 'overdueWarnings', 'unacknowledgedDecisions'] as const;

const share = (figures: Figures): number | null =>
  figures.expectedAssessments === 0 ? null : figures.publishedAssessments / figures.expectedAssessments;

/** Which rows are worst in a column (the lowest share, the highest count), when rows differ at all. */
function worstRows(rows: Figures[], value: (figures: Figures) => number | null, lowestIsWorst: boolean): Set<number> {
  const values = rows.map(value);
  const known = values.filter((candidate): candidate is number => candidate !== null);
  if (known.length < 2 || Math.min(...known) === Math.max(...known)) return new Set();
  const worst = lowestIsWorst ? Math.min(...known) : Math.max(...known);
  return new Set(values.flatMap((candidate, index) => (candidate === worst ? [index] : [])));
}

function FigureCells({ figures, worst }: { figures: Figures; worst?: (column: string) => boolean }) {
  const { t } = useTranslation();
  const percent = new Intl.NumberFormat(currentLocale() === 'en' ? 'en-GB' : 'sv-SE', { style: 'percent', maximumFractionDigits: 0 });
  const ratio = share(figures);
  const marker = (column: string) => (worst?.(column) ? <span className="routine-cell__worst">{t('routines.worst')}</span> : null);
  return (
    <>
      <td className={`data-table__numeric${worst?.('share') ? ' routine-cell--worst' : ''}`}>
        {ratio === null ? (
          <span aria-label={t('routines.noneExpected')}>–</span>
        ) : (
          <>
            {percent.format(ratio)}{' '}
            <span className="routine-cell__detail">
              {t('routines.ofExpected', { published: figures.publishedAssessments, expected: figures.expectedAssessments })}
            </span>
          </>
        )}
        {marker('share')}
      </td>
      {COUNT_COLUMNS.map((column) => (
        <td key={column} className={`data-table__numeric${worst?.(column) ? ' routine-cell--worst' : ''}`}>
          {figures[column]}
          {column === 'unacknowledgedDecisions' ? (
            <span className="routine-cell__detail"> {t('routines.ofDecisions', { count: figures.supportDecisions })}</span>
          ) : null}
          {marker(column)}
        </td>
      ))}
    </>
  );
}

function FigureHeadings() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="data-table__numeric">
        {t('routines.column.share')}
      </th>
      {COUNT_COLUMNS.map((column) => (
        <th key={column} scope="col" className="data-table__numeric">
          {t(`routines.column.${column}`)}
        </th>
      ))}
    </>
  );
}

/**
 * /skola/rutiner?skola=<id>: whether the routines of "the home must know in time" were kept this term — the
 * schools the viewer follows up side by side (the worst value in each column marked), then one school by class.
 */
export function RoutinesPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(SchoolRoutinesDocument, { fetchPolicy: 'cache-and-network' });
  const [params] = useSearchParams();
  const schools = data?.schoolRoutines ?? [];
  const school = schools.find((candidate) => candidate.schoolId === params.get(SCHOOL_PARAM)) ?? schools[0];
  usePageTitle(t('routines.heading'));

  const worstBySchool = (() => {
    const columns = new Map<string, Set<number>>([['share', worstRows(schools, share, true)]]);
    for (const column of COUNT_COLUMNS)
      columns.set(
        column,
        worstRows(schools, (figures) => figures[column], false),
      );
    return (index: number) => (column: string) => columns.get(column)?.has(index) ?? false;
  })();
  const term = schools.find((candidate) => candidate.term)?.term;

  return (
    <div className="routines-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('routines.heading')}</h1>
          {term ? <p className="page-header__sub">{t(`routines.term.${term.kind}`, { schoolYear: term.schoolYear })}</p> : null}
        </div>
      </header>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        loading ? (
          <LoadingState label={t('routines.loading')} />
        ) : null
      ) : !school ? (
        <p>{t('routines.none')}</p>
      ) : (
        <>
          <p className="routines-page__intro">{t('routines.intro')}</p>
          <section className="panel" aria-labelledby="routines-schools-heading">
            <h2 id="routines-schools-heading" className="section-heading">
              {t('routines.schoolsHeading')}
            </h2>
            <DataTable caption={t('routines.schoolsCaption')} testId="routine-schools">
              <thead>
                <tr>
                  <th scope="col">{t('routines.column.school')}</th>
                  <FigureHeadings />
                </tr>
              </thead>
              <tbody>
                {schools.map((candidate, index) => (
                  <tr key={candidate.schoolId} data-school-name={candidate.schoolName}>
                    <th scope="row">
                      <Link
                        className="text-link"
                        to={`?${SCHOOL_PARAM}=${encodeURIComponent(candidate.schoolId)}`}
                        aria-current={candidate.schoolId === school.schoolId ? 'true' : undefined}
                      >
                        {candidate.schoolName}
                      </Link>
                    </th>
                    <FigureCells figures={candidate} worst={schools.length > 1 ? worstBySchool(index) : undefined} />
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
          <section className="panel" aria-labelledby="routines-classes-heading">
            <h2 id="routines-classes-heading" className="section-heading">
              {t('routines.classesHeading', { name: school.schoolName })}
            </h2>
            <DataTable caption={t('routines.classesCaption', { name: school.schoolName })} testId="routine-classes">
              <thead>
                <tr>
                  <th scope="col">{t('routines.column.class')}</th>
                  <FigureHeadings />
                </tr>
              </thead>
              <tbody>
                {school.classes.map((row) => (
                  <tr key={row.classId ?? ''} data-class-name={row.className ?? ''}>
                    <th scope="row">
                      {row.classId ? (
                        <Link className="text-link" to={`/grupp/${encodeURIComponent(row.classId)}`}>
                          {row.className}
                        </Link>
                      ) : (
                        t('routines.noClass')
                      )}
                    </th>
                    <FigureCells figures={row} />
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <p>
              <Link className="text-link" to={`/skola/betygsvarningar?${SCHOOL_PARAM}=${encodeURIComponent(school.schoolId)}`}>
                {t('routines.overdueLink')}
              </Link>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
