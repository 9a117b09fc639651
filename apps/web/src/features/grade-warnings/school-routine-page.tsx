import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/error-state';
import { SchoolPicker } from '../../components/ui/school-picker';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { SCHOOL_PARAM } from '../statistics/missing-roll-calls-link';
import { AbsenceSchoolsDocument } from '../statistics/operations';
import { SchoolGradeWarningRoutineDocument } from './operations';
import { WarningItem } from './warning-item';
import './grade-warnings.css';

function Routine({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(SchoolGradeWarningRoutineDocument, {
    variables: { schoolId, locale },
    fetchPolicy: 'cache-and-network',
  });
  const routine = data?.schoolGradeWarningRoutine.schoolId === schoolId ? data.schoolGradeWarningRoutine : undefined;
  if (!routine) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('gradeWarnings.loading')} /> : null;
  }
  const totals = [
    { key: 'open', value: routine.open },
    { key: 'withoutContact', value: routine.withoutContact },
    { key: 'overdue', value: routine.overdue },
  ] as const;

  return (
    <>
      <p className="grade-routine__rule">{t('gradeWarnings.school.rule', { count: routine.contactDays })}</p>
      <dl className="grade-routine__totals" data-testid="grade-warning-totals">
        {totals.map((total) => (
          <div
            key={total.key}
            className={`grade-routine__total${total.key === 'overdue' && total.value > 0 ? ' grade-routine__total--alert' : ''}`}
          >
            <dt>{t(`gradeWarnings.school.${total.key}`)}</dt>
            <dd data-testid={`grade-warning-total-${total.key}`}>{total.value}</dd>
          </div>
        ))}
      </dl>
      <section className="panel" aria-labelledby="grade-routine-classes-heading">
        <h2 id="grade-routine-classes-heading" className="section-heading">
          {t('gradeWarnings.school.classesHeading')}
        </h2>
        {routine.classes.length === 0 ? (
          <p data-testid="no-open-grade-warnings">{t('gradeWarnings.school.noneOpen')}</p>
        ) : (
          <DataTable caption={t('gradeWarnings.school.caption', { name: schoolName })} testId="grade-warning-classes">
            <thead>
              <tr>
                <th scope="col">{t('gradeWarnings.school.class')}</th>
                <th scope="col" className="data-table__numeric">
                  {t('gradeWarnings.school.open')}
                </th>
                <th scope="col" className="data-table__numeric">
                  {t('gradeWarnings.school.withoutContact')}
                </th>
                <th scope="col" className="data-table__numeric">
                  {t('gradeWarnings.school.overdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {routine.classes.map((row) => (
                <tr key={row.classId ?? ''} data-class-name={row.className ?? ''}>
                  <th scope="row">
                    {row.classId ? (
                      <Link className="text-link" to={`/grupp/${encodeURIComponent(row.classId)}/betygsvarningar`}>
                        {row.className}
                      </Link>
                    ) : (
                      t('gradeWarnings.school.noClass')
                    )}
                  </th>
                  <td className="data-table__numeric">{row.open}</td>
                  <td className="data-table__numeric">{row.withoutContact}</td>
                  <td className="data-table__numeric">{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
      <section className="records-section" aria-labelledby="grade-routine-overdue-heading">
        <h2 id="grade-routine-overdue-heading" className="section-heading">
          {t('gradeWarnings.school.overdueHeading')}
        </h2>
        {routine.overdueWarnings.length === 0 ? (
          <p className="week-empty" data-testid="no-overdue-grade-warnings">
            {t('gradeWarnings.school.overdueEmpty')}
          </p>
        ) : (
          <ul className="records" data-testid="overdue-grade-warnings">
            {routine.overdueWarnings.map((warning) => (
              <WarningItem key={warning.id} warning={warning} forStaff linkGroup />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** /skola/betygsvarningar?skola=<id>: the principal's follow-up of the school's open warnings (an administrator chooses the school). */
export function SchoolRoutinePage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(AbsenceSchoolsDocument);
  const [params, setParams] = useSearchParams();
  const schools = data?.absenceSchools ?? [];
  const school = schools.find((candidate) => candidate.id === params.get(SCHOOL_PARAM)) ?? schools[0];
  usePageTitle(school ? t('gradeWarnings.school.titleFor', { name: school.name }) : t('gradeWarnings.school.heading'));

  return (
    <div className="grade-warnings-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('gradeWarnings.school.heading')}</h1>
          {school ? <p className="page-header__sub">{school.name}</p> : null}
        </div>
      </header>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        loading ? (
          <LoadingState label={t('gradeWarnings.loading')} />
        ) : null
      ) : !school ? (
        <p>{t('gradeWarnings.school.none')}</p>
      ) : (
        <>
          <SchoolPicker
            label={t('gradeWarnings.school.choose')}
            schools={schools}
            value={school.id}
            onChange={(schoolId) => setParams({ [SCHOOL_PARAM]: schoolId }, { replace: true })}
            className="grade-routine__school"
          />
          <Routine key={school.id} schoolId={school.id} schoolName={school.name} />
        </>
      )}
    </div>
  );
}
