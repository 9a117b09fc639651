import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { hasErrorCode } from '../../lib/graphql-errors';
import { SickReportForHomeDocument } from './operations';
import { SickReportSection } from './sick-report-page';

/**
 * /elev/:studentId/sjukanmalan?datum=<date>: a guardian calls the school, and the student's mentor (or an
 * administrator) registers the sick report in the home's stead, with the home's own form, rules and list; the
 * guardians get the usual confirmation. Anyone else is told the page does not exist, as the API says.
 */
export function StaffSickReportPage() {
  const { t } = useTranslation();
  const { studentId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(SickReportForHomeDocument, { variables: { studentId }, skip: studentId === '' });
  const student = data?.student;
  const name = student ? `${student.firstName} ${student.lastName}` : null;
  usePageTitle(name ? t('sickReportForHome.pageTitle', { name }) : t('sickReportForHome.heading'));

  if (!student) {
    if (studentId === '' || (error && hasErrorCode(error, 'NOT_FOUND'))) return <NotFoundState />;
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('sickReportForHome.loading')} /> : null;
  }

  return (
    <div className="sick-report-page">
      <header className="page-header">
        <div className="page-header__text">
          {student.classId ? (
            <p className="page-header__kicker">
              <Link className="text-link" to={`/klass/${encodeURIComponent(student.classId)}/idag`}>
                <span aria-hidden="true" className="back-arrow">
                  ‹
                </span>
                {t('sickReportForHome.back', { className: student.className })}
              </Link>
            </p>
          ) : null}
          <h1 className="page-header__title">{t('sickReportForHome.heading')}</h1>
          <p className="page-header__sub" data-testid="sick-report-for-home-student">
            {student.className ? t('sickReportForHome.student', { name, className: student.className }) : name}
          </p>
          <p className="page-header__sub">{t('sickReportForHome.intro')}</p>
        </div>
      </header>
      <SickReportSection key={student.id} student={student} forHome formHeading={t('sickReport.formHeading', { name })} />
    </div>
  );
}
