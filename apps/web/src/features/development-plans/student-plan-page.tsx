import { BackButton } from '../../components/ui/back-button';
import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { errorProblems } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { DevelopmentPlanWorkDocument } from './operations';
import { EntryForm, MentorForm } from './plan-forms';
import { EntryText, PlanStatus, useTermName } from './plan-view';
import './development-plans.css';

/** /elev/:studentId/iup: this term's IUP as the student's teachers and mentor write it; the principal reads it. */
export function StudentDevelopmentPlanPage() {
  const { studentId = '' } = useParams();
  if (studentId === '') return <NotFoundState />;
  return <StudentPlanContent key={studentId} studentId={studentId} />;
}

function StudentPlanContent({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const termName = useTermName();
  const { data, error, loading, refetch } = useQuery(DevelopmentPlanWorkDocument, {
    variables: { studentId, locale },
    fetchPolicy: 'cache-and-network',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const work = data?.developmentPlanWork;
  usePageTitle(work ? t('developmentPlans.student.pageTitle', { name: work.plan.studentName }) : t('developmentPlans.loading'));
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!work) {
    if (errorProblems(error).includes('NOT_COMPULSORY_SCHOOL')) {
      return (
        <div className="development-plans-page">
          <h1 className="page-header__title">{t('developmentPlans.student.heading')}</h1>
          <p className="week-empty" data-testid="development-plans-not-applicable">
            {t('developmentPlans.student.notApplicable')}{' '}
            <Link className="text-link" to={`/elev/${encodeURIComponent(studentId)}/studieplan`}>
              {t('studyPlans.staff.link')}
            </Link>
          </p>
        </div>
      );
    }
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('developmentPlans.loading')} /> : <NotFoundState />;
  }
  const { plan } = work;

  return (
    <div className="development-plans-page">
      <header className="page-header">
        <div className="page-header__text">
          <BackButton />
          <p className="page-header__kicker">{termName(plan.term)}</p>
          <h1 className="page-header__title" data-testid="development-plan-heading">
            {t('developmentPlans.student.headingFor', { name: plan.studentName })}
          </h1>
          <p className="page-header__sub">
            {work.isMentor ? t('developmentPlans.student.introMentor') : t('developmentPlans.student.intro')}
          </p>
        </div>
        <PlanStatus plan={plan} />
      </header>
      <Alert tone="success">
        {notice ? (
          <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="development-plan-notice">
            {notice}
          </div>
        ) : null}
      </Alert>

      <section className="panel form-panel" aria-labelledby="plan-summary-heading">
        <h2 id="plan-summary-heading" className="section-heading">
          {t('developmentPlans.summary')}
        </h2>
        {work.isMentor ? (
          <MentorForm
            key={`${plan.summary ?? ''}:${plan.publishedAt ?? ''}`}
            studentId={studentId}
            work={work}
            onDone={(what) =>
              setNotice(t(what === 'published' ? 'developmentPlans.mentorForm.publishedNotice' : 'developmentPlans.mentorForm.savedNotice'))
            }
          />
        ) : (
          <p data-testid="development-plan-summary">{plan.summary ?? t('developmentPlans.noSummary')}</p>
        )}
      </section>

      <section className="records-section" aria-labelledby="plan-subjects-heading">
        <h2 id="plan-subjects-heading" className="section-heading">
          {t('developmentPlans.student.subjectsHeading')}
        </h2>
        {work.subjects.length === 0 ? (
          <p className="week-empty">{t('developmentPlans.student.noSubjects')}</p>
        ) : (
          <ul className="records">
            {work.subjects.map((subject) => (
              <li key={subject.subjectId} className="record plan-subject" data-testid="plan-subject" data-subject-id={subject.subjectId}>
                <div className="record__main">
                  <h3 className="record__title">{subject.subjectName}</h3>
                  {subject.groupNames.length > 0 ? <p className="record__meta">{subject.groupNames.join(', ')}</p> : null}
                  {subject.canWrite ? (
                    <EntryForm
                      studentId={studentId}
                      subject={subject}
                      onSaved={() => setNotice(t('developmentPlans.entryForm.savedNotice', { subject: subject.subjectName }))}
                    />
                  ) : subject.entry ? (
                    <EntryText entry={subject.entry} />
                  ) : (
                    <p className="record__meta">{t('developmentPlans.student.notWritten')}</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
