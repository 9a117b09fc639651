import { useMutation } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import type { StudyPlanQuery } from '../../gql/graphql';
import { Field } from '../../components/ui/field';
import { PlanStudyPlanCourseDocument } from './operations';

type Plan = StudyPlanQuery['studyPlan'];

/** The mentor or an administrator plans a course of the catalogue for year 1, 2 or 3. */
export function AddCourseForm({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const id = useId();
  const [courseId, setCourseId] = useState('');
  const [planYear, setPlanYear] = useState(1);
  const [missing, setMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const [add, { loading }] = useMutation(PlanStudyPlanCourseDocument, { refetchQueries: ['StudyPlan'], awaitRefetchQueries: true });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(false);
    if (!courseId) {
      setMissing(true);
      document.getElementById(`${id}-course`)?.focus();
      return;
    }
    try {
      await add({ variables: { studentId: plan.studentId, courseId, planYear } });
      setCourseId('');
    } catch {
      setFailed(true);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="add-study-plan-course">
      <div className="form__row">
        <Field id={`${id}-course`} label={t('studyPlans.add.course')} errors={missing ? [t('studyPlans.add.courseRequired')] : []}>
          {(describedBy, invalid) => (
            <select
              id={`${id}-course`}
              className="field__input"
              value={courseId}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setCourseId(event.target.value);
                setMissing(false);
              }}
            >
              <option value="">{t('studyPlans.add.chooseCourse')}</option>
              {plan.plannableCourses.map((course) => (
                <option key={course.courseId} value={course.courseId}>
                  {t('studyPlans.add.option', { name: course.name, code: course.code, points: course.points })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-year`} label={t('studyPlans.add.year')} errors={[]}>
          {(describedBy) => (
            <select
              id={`${id}-year`}
              className="field__input"
              value={planYear}
              aria-describedby={describedBy}
              onChange={(event) => setPlanYear(Number(event.target.value))}
            >
              {[1, 2, 3].map((year) => (
                <option key={year} value={year}>
                  {t('studyPlans.year', { year })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading}>
            {t('studyPlans.add.submit')}
          </button>
        </div>
        <Alert tone="error">{failed ? t('studyPlans.add.failed') : null}</Alert>
      </div>
    </form>
  );
}
