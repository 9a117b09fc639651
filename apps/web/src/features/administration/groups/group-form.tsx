import { checkGroupFields } from '@insyn/domain';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { AdministeredGroupOptionsQuery, GroupKind } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblems, type FieldProblem } from './problems';
import { ProblemText } from './problem-text';

type Options = AdministeredGroupOptionsQuery['administeredGroupOptions'];

export interface GroupValues {
  schoolId: string;
  schoolYearId: string;
  kind: GroupKind;
  name: string;
  /** as typed; a number 0–12 for a class */
  yearLevel: string;
  subjectId: string;
  courseId: string;
}

type GroupField = keyof GroupValues;
const FIELDS: readonly GroupField[] = ['schoolId', 'schoolYearId', 'kind', 'name', 'yearLevel', 'subjectId', 'courseId'];
const isGroupField = (field: string): field is GroupField => FIELDS.some((known) => known === field);

interface GroupFormProps {
  options: Options;
  initial: GroupValues;
  /** an existing group: its kind, school and school year stay */
  existing: boolean;
  submitLabel: string;
  /** Saves; throws the API's error. */
  onSave: (values: GroupValues) => Promise<void>;
}

/**
 * A class (name, year level) or teaching group (name, subject, maybe a course) of a school and school
 * year. Checked with the shared rules first; the API's problems land on the same fields.
 */
export function GroupForm({ options, initial, existing, submitLabel, onSave }: GroupFormProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<'saved' | 'unreachable' | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<GroupValues>({ defaultValues: initial });
  const kind = useWatch({ control, name: 'kind' });
  const subjectId = useWatch({ control, name: 'subjectId' });

  function show(problems: readonly FieldProblem[]) {
    for (const problem of problems) {
      if (isGroupField(problem.field)) setError(problem.field, { type: problem.code, message: problem.code });
    }
    const first = FIELDS.find((field) => problems.some((problem) => problem.field === field));
    if (first) setFocus(first);
  }

  const onSubmit = async (values: GroupValues) => {
    setOutcome(null);
    clearErrors();
    const yearLevel = values.yearLevel.trim() === '' ? null : Number(values.yearLevel);
    const problems = checkGroupFields({
      kind: values.kind,
      name: values.name,
      yearLevel: values.kind === 'CLASS' ? yearLevel : null,
      subjectId: values.kind === 'TEACHING' ? values.subjectId || null : null,
    });
    if (problems.length > 0) return show(problems);
    try {
      await onSave(values);
      setOutcome('saved');
    } catch (error) {
      const found = fieldProblems(error);
      if (found.length > 0) show(found);
      else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const subjectName = (subject: { nameSv: string; nameEn: string }) => (i18n.language === 'en' ? subject.nameEn : subject.nameSv);
  const courses = options.courses.filter((course) => course.subject.id === subjectId);
  const error = (field: GroupField) => {
    const code = errors[field]?.message;
    return code ? <ProblemText id={`${id}-${field}-error`} code={code} /> : null;
  };
  const invalid = (field: GroupField) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="group-form"
    >
      {existing ? null : (
        <>
          <div className="form__row">
            <div className={`field${errors.schoolId ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={`${id}-school`}>
                {t('administration.groups.school')}
              </label>
              <select id={`${id}-school`} className="field__input" {...invalid('schoolId')} {...register('schoolId')}>
                {options.schools.map((school) => (
                  <option key={school.id} value={school.id}>
                    {school.name}
                  </option>
                ))}
              </select>
              {error('schoolId')}
            </div>
            <div className={`field${errors.schoolYearId ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={`${id}-year`}>
                {t('administration.groups.schoolYear')}
              </label>
              <select id={`${id}-year`} className="field__input" {...invalid('schoolYearId')} {...register('schoolYearId')}>
                {options.schoolYears.map((year) => (
                  <option key={year.id} value={year.id}>
                    {year.name}
                  </option>
                ))}
              </select>
              {error('schoolYearId')}
            </div>
          </div>
          <fieldset className="choice-group">
            <legend className="choice-group__legend">{t('administration.groups.kindLegend')}</legend>
            {(['CLASS', 'TEACHING'] as const).map((value) => (
              <div className="checkbox" key={value}>
                <input
                  id={`${id}-kind-${value}`}
                  type="radio"
                  className="checkbox__input"
                  value={value}
                  {...register('kind', { onChange: () => clearErrors() })}
                />
                <label htmlFor={`${id}-kind-${value}`} className="checkbox__label">
                  {t(`administration.groups.kind.${value}`)}
                </label>
              </div>
            ))}
          </fieldset>
        </>
      )}
      <div className="form__row">
        <div className={`field${errors.name ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-name`}>
            {t('administration.groups.name')}
          </label>
          <input id={`${id}-name`} className="field__input" autoComplete="off" {...invalid('name')} {...register('name')} />
          {error('name')}
        </div>
        {kind === 'CLASS' ? (
          <div className={`field${errors.yearLevel ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-level`}>
              {t('administration.groups.yearLevel')}
            </label>
            <p id={`${id}-level-hint`} className="field__hint">
              {t('administration.groups.yearLevelHint')}
            </p>
            <input
              id={`${id}-level`}
              className="field__input"
              inputMode="numeric"
              autoComplete="off"
              aria-invalid={errors.yearLevel ? true : undefined}
              aria-describedby={[errors.yearLevel ? `${id}-yearLevel-error` : null, `${id}-level-hint`].filter(Boolean).join(' ')}
              {...register('yearLevel')}
            />
            {error('yearLevel')}
          </div>
        ) : (
          <div className={`field${errors.subjectId ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-subject`}>
              {t('administration.groups.subject')}
            </label>
            <select id={`${id}-subject`} className="field__input" {...invalid('subjectId')} {...register('subjectId')}>
              <option value="">{t('administration.groups.chooseSubject')}</option>
              {options.subjects.map((subject) => (
                <option key={subject.id} value={subject.id}>
                  {subject.code} – {subjectName(subject)}
                </option>
              ))}
            </select>
            {error('subjectId')}
          </div>
        )}
      </div>
      {kind === 'TEACHING' ? (
        <div className={`field${errors.courseId ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-course`}>
            {t('administration.groups.courseOptional')}
          </label>
          <select id={`${id}-course`} className="field__input" {...invalid('courseId')} {...register('courseId')}>
            <option value="">{t('administration.groups.noCourse')}</option>
            {courses.map((course) => (
              <option key={course.id} value={course.id}>
                {course.code} – {course.name}
              </option>
            ))}
          </select>
          {error('courseId')}
        </div>
      ) : null}
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {submitLabel}
          </button>
        </div>
        <Alert tone={outcome === 'saved' ? 'success' : 'error'}>
          {outcome === 'saved'
            ? t('administration.groups.saved')
            : outcome === 'unreachable'
              ? t('administration.groups.unreachable')
              : outcome === 'failed'
                ? t('administration.groups.failed')
                : null}
        </Alert>
      </div>
    </form>
  );
}
