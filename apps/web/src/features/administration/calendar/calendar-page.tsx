import { useMutation, useQuery } from '@apollo/client/react';
import { schoolYearName } from '@insyn/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { formatDateSpan, schoolToday } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { CreateSchoolYearDocument, SchoolCalendarDocument } from './operations';
import { SpanForm } from './span-form';
import '../schools/schools.css';
import { AdminPageHeader } from '../admin-page-header';

/** /administration/kalender: the organisation's school years with their terms and breaks, and a new year. */
export function CalendarPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.calendar.title'));
  const locale = currentLocale();
  const navigate = useNavigate();
  // Read afresh whenever the page is shown: years are added and deleted on the year's own page.
  const { data, loading, error, refetch } = useQuery(SchoolCalendarDocument, { fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateSchoolYearDocument);
  const years = data?.schoolCalendar;
  const today = schoolToday();
  // The next school year is the one usually entered: after the latest there is, or the one starting this year.
  const latestStart = years?.[0] ? Number(years[0].startDate.slice(0, 4)) + 1 : Number(today.slice(0, 4));

  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t('administration.calendar.title')}
        lead={t('administration.calendar.lead')}
      />
      {!years ? (
        error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading ? (
          <LoadingState label={t('administration.calendar.loading')} />
        ) : null
      ) : (
        <>
          <DataTable caption={t('administration.calendar.caption')} testId="school-years-table">
            <thead>
              <tr>
                <th scope="col">{t('administration.calendar.schoolYear')}</th>
                <th scope="col">{t('administration.calendar.dates')}</th>
                <th scope="col">{t('administration.calendar.terms.AUTUMN')}</th>
                <th scope="col">{t('administration.calendar.terms.SPRING')}</th>
                <th scope="col" className="data-table__numeric">
                  {t('administration.calendar.breakCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {years.map((year) => (
                <tr key={year.id}>
                  <th scope="row">
                    <Link to={`/administration/kalender/${year.id}`}>{year.name}</Link>
                  </th>
                  <td>{formatDateSpan(year.startDate, year.endDate, locale)}</td>
                  {(['AUTUMN', 'SPRING'] as const).map((kind) => {
                    const term = year.terms.find((candidate) => candidate.kind === kind);
                    return (
                      <td key={kind}>
                        {term ? formatDateSpan(term.startDate, term.endDate, locale) : t('administration.calendar.noTerm')}
                      </td>
                    );
                  })}
                  <td className="data-table__numeric">{year.terms.reduce((sum, term) => sum + term.breaks.length, 0)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {years.length === 0 ? <p className="admin-page__empty">{t('administration.calendar.none')}</p> : null}
          <section className="panel admin-form-panel" aria-labelledby="new-school-year-heading">
            <h2 id="new-school-year-heading" className="section-heading">
              {t('administration.calendar.newYear')}
            </h2>
            <SpanForm
              label={t('administration.calendar.newYear')}
              testId="new-school-year-form"
              withName
              nameHint={t('administration.calendar.nameHint', { example: schoolYearName(latestStart) })}
              initial={{ name: '', kind: 'AUTUMN', startDate: '', endDate: '' }}
              submitLabel={t('administration.calendar.createYear')}
              onSave={async (values) => {
                const { data: created } = await create({
                  variables: { input: { name: values.name, startDate: values.startDate, endDate: values.endDate } },
                });
                if (!created) throw new Error('createSchoolYear returned no data');
                await navigate(`/administration/kalender/${created.createSchoolYear.id}`);
              }}
            />
          </section>
        </>
      )}
    </div>
  );
}
