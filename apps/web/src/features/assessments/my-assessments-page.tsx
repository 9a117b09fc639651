import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { StudentAssessmentsQuery } from '../../gql/graphql';
import { formatLongDate, formatSchoolDateTime } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent, type ViewerStudent } from '../schedule/chosen-student';
import { StudentAssessmentsDocument } from './operations';
import './assessments.css';

type SubjectAssessments = StudentAssessmentsQuery['studentAssessments'][number];

/** "Rättad 3 december" when the item was changed after it was published. */
function Corrected({ publishedAt, updatedAt }: { publishedAt: string; updatedAt: string }) {
  const { t } = useTranslation();
  if (Date.parse(updatedAt) <= Date.parse(publishedAt)) return null;
  return (
    <span className="record__meta"> · {t('assessments.mine.corrected', { when: formatSchoolDateTime(updatedAt, currentLocale()) })}</span>
  );
}

function Subject({ subject }: { subject: SubjectAssessments }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const name = locale === 'en' ? subject.subjectNameEn : subject.subjectNameSv;
  const headingId = `subject-${subject.subjectId}`;
  const resultsHeadingId = `${headingId}-results`;
  const grade = (code: string | null) => (code ? t(`assessments.grades.${code}`, { defaultValue: code }) : '–');
  return (
    <section className="panel assessments__subject" aria-labelledby={headingId} data-testid="assessment-subject">
      <h2 id={headingId} className="section-heading">
        {name}
      </h2>
      {subject.subjectAssessments.length > 0 ? (
        <ul className="assessments__records">
          {subject.subjectAssessments.map((assessment) => (
            <li key={assessment.id} className="assessments__record" data-testid="subject-assessment">
              <p>
                <strong>
                  {t('assessments.mine.subjectAssessment', {
                    term: t(`assessments.terms.${assessment.term.kind}`, { year: assessment.term.schoolYear }),
                  })}
                </strong>{' '}
                <span className="assessments__grade">{grade(assessment.grade)}</span>
              </p>
              {assessment.comment ? <p className="record__note">{assessment.comment}</p> : null}
              <p className="record__meta">
                {t('assessments.mine.by', { name: assessment.teacher, when: formatSchoolDateTime(assessment.publishedAt, locale) })}
                <Corrected publishedAt={assessment.publishedAt} updatedAt={assessment.updatedAt} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {subject.results.length > 0 ? (
        <>
          {/* A list rather than a table: a result's comment can be long, and a phone then reads it without scrolling sideways. */}
          <h3 id={resultsHeadingId} className="assessments__results-heading">
            {t('assessments.mine.resultsHeading')}
          </h3>
          <ul className="assessments__records" aria-labelledby={resultsHeadingId} data-testid="assessment-results">
            {subject.results.map((result) => (
              <li key={result.taskId} className="assessments__record" data-testid="assessment-result">
                <p>
                  <strong>{t('assessments.mine.resultOf', { title: result.title })}</strong>{' '}
                  <span className="assessments__grade">{grade(result.grade)}</span>
                </p>
                {result.comment ? <p className="record__note">{result.comment}</p> : null}
                <p className="record__meta">
                  {t('assessments.mine.resultBy', { name: result.teacher, date: formatLongDate(result.date, locale) })}
                  <Corrected publishedAt={result.publishedAt} updatedAt={result.updatedAt} />
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function StudentAssessments({ student }: { student: ViewerStudent }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(StudentAssessmentsDocument, {
    variables: { studentId: student.id },
    fetchPolicy: 'cache-and-network',
  });
  const subjects = data?.studentAssessments;
  if (!subjects) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('assessments.loading')} /> : null;
  }
  if (subjects.length === 0) {
    return (
      <p className="week-empty" data-testid="no-assessments">
        {t('assessments.mine.empty', { name: student.firstName })}
      </p>
    );
  }
  return (
    <div className="assessments__subjects" data-testid="assessments">
      {subjects.map((subject) => (
        <Subject key={subject.subjectId} subject={subject} />
      ))}
    </div>
  );
}

/** /omdomen?elev=<id>: a guardian's child's published assessments per subject, or a student's own. */
export function MyAssessmentsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('assessments.mine.pageTitle'));
  const { student, picker } = useChosenStudent(t('assessments.mine.childLegend'));
  return (
    <div className="assessments-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('assessments.mine.heading')}</h1>
          <p className="page-header__sub">{viewer.role === 'STUDENT' ? t('assessments.mine.introSelf') : t('assessments.mine.intro')}</p>
        </div>
      </header>
      {student === null ? (
        <p className="week-empty">{t('assessments.mine.noStudents')}</p>
      ) : (
        <>
          {picker}
          <StudentAssessments key={student.id} student={student} />
        </>
      )}
    </div>
  );
}
