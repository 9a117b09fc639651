import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { DataTable } from '../../components/ui/data-table';
import type { StudyPlanQuery } from '../../gql/graphql';
import { AddCourseForm } from './add-course-form';
import { courseStatusLook } from './course-status';
import { RemoveStudyPlanCourseDocument } from './operations';
import './study-plans.css';

type Plan = StudyPlanQuery['studyPlan'];
type Course = Plan['courses'][number];

function CourseStatus({ course }: { course: Course }) {
  const { t } = useTranslation();
  const { symbol, tone, key } = courseStatusLook(course);
  return (
    <span className={`status-badge status-badge--${tone}`} data-testid="study-plan-course-status">
      <span aria-hidden="true">{symbol} </span>
      {t(`studyPlans.status.${key}`, { grade: course.grade })}
    </span>
  );
}

/** The course code last: on a phone the status is what must stay in view without scrolling the table. */
function CourseTable({ caption, courses, plan, testId }: { caption: string; courses: Course[]; plan: Plan; testId: string }) {
  const { t } = useTranslation();
  const [remove, removing] = useMutation(RemoveStudyPlanCourseDocument, { refetchQueries: ['StudyPlan'], awaitRefetchQueries: true });
  const points = courses.reduce((sum, course) => sum + course.points, 0);
  return (
    <>
      <DataTable caption={caption} testId={testId}>
        <thead>
          <tr>
            <th scope="col">{t('studyPlans.columnCourse')}</th>
            <th scope="col" className="data-table__numeric">
              {t('studyPlans.columnPoints')}
            </th>
            <th scope="col">{t('studyPlans.columnStatus')}</th>
            <th scope="col">{t('studyPlans.columnCode')}</th>
            {plan.canEdit ? <th scope="col">{t('studyPlans.columnChange')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {courses.map((course) => (
            <tr key={course.courseId} data-course-code={course.code}>
              <th scope="row">{course.name}</th>
              <td className="data-table__numeric">{course.points}</td>
              <td>
                <CourseStatus course={course} />
              </td>
              <td className="data-table__mono">{course.code}</td>
              {plan.canEdit ? (
                <td>
                  {course.planYear !== null && course.status === 'PLANNED' ? (
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={removing.loading}
                      onClick={() =>
                        void remove({ variables: { studentId: plan.studentId, courseId: course.courseId } }).catch(() => undefined)
                      }
                      aria-label={t('studyPlans.removeCourse', { course: course.name })}
                    >
                      {t('studyPlans.remove')}
                    </button>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('studyPlans.sum')}</th>
            <td className="data-table__numeric">{points}</td>
            <td />
            <td />
            {plan.canEdit ? <td /> : null}
          </tr>
        </tfoot>
      </DataTable>
      {removing.error ? <Alert tone="error">{t('studyPlans.removeFailed')}</Alert> : null}
    </>
  );
}

/** The programme, progress in points (bar and text) and the courses per year with their status. */
export function StudyPlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const percent = Math.min(100, Math.round((plan.earnedPoints / plan.totalPoints) * 100));
  const years = [1, 2, 3].map((year) => ({ year, courses: plan.courses.filter((course) => course.planYear === year) }));
  const outside = plan.courses.filter((course) => course.planYear === null);
  return (
    <div className="study-plan" data-testid="study-plan">
      <section className="panel study-plan__progress" aria-labelledby="study-plan-programme">
        <h2 id="study-plan-programme" className="section-heading" data-testid="study-plan-programme">
          {plan.programmeName ?? plan.programmeCode ?? t('studyPlans.noProgramme')}
        </h2>
        <p id="study-plan-progress-text" data-testid="study-plan-progress-text">
          {t('studyPlans.progress', { earned: plan.earnedPoints, total: plan.totalPoints, percent })}
        </p>
        <div
          className="study-plan__bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={plan.totalPoints}
          aria-valuenow={plan.earnedPoints}
          aria-labelledby="study-plan-progress-text"
        >
          <div className="study-plan__bar-fill" style={{ width: `${percent}%` }} />
        </div>
        <p className="record__meta">{t('studyPlans.planned', { planned: plan.plannedPoints, total: plan.totalPoints })}</p>
      </section>
      {years.map(({ year, courses }) =>
        courses.length === 0 ? null : (
          <section key={year} className="records-section" aria-labelledby={`study-plan-year-${year}`}>
            <h2 id={`study-plan-year-${year}`} className="section-heading">
              {t('studyPlans.year', { year })}
            </h2>
            <CourseTable caption={t('studyPlans.yearCaption', { year })} courses={courses} plan={plan} testId={`study-plan-year-${year}`} />
          </section>
        ),
      )}
      {plan.canEdit ? (
        <section className="panel form-panel" aria-labelledby="study-plan-add">
          <h2 id="study-plan-add" className="section-heading">
            {t('studyPlans.add.heading')}
          </h2>
          <AddCourseForm plan={plan} />
        </section>
      ) : null}
      {outside.length > 0 ? (
        <section className="records-section" aria-labelledby="study-plan-outside">
          <h2 id="study-plan-outside" className="section-heading">
            {t('studyPlans.outside')}
          </h2>
          <CourseTable caption={t('studyPlans.outsideCaption')} courses={outside} plan={plan} testId="study-plan-outside" />
        </section>
      ) : null}
    </div>
  );
}
