import { useMutation } from '@apollo/client/react';
import { lessonSeriesProblems } from '@insyn/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import type { LessonSeriesFieldsFragment, ScheduleOptionsQuery } from '../../../gql/graphql';
import { schoolToday } from '../../../lib/dates';
import { CreateLessonSeriesDocument, UpdateLessonSeriesDocument } from './operations';
import { problemsOfError, scheduleProblems, useProblemMessages, useWeekdayName, type ScheduleFieldProblem } from './problems';

type Options = ScheduleOptionsQuery['scheduleOptions'];

interface SeriesValues {
  groupId: string;
  subjectId: string;
  weekday: string;
  startTime: string;
  durationMinutes: string;
  room: string;
  teacher: string;
  secondTeacher: string;
  validFrom: string;
  validTo: string;
}

interface SeriesFormProps {
  term: { id: string; startDate: string; endDate: string };
  groups: Options['groups'];
  subjects: Options['subjects'];
  teachers: Options['teachers'];
  /** the series to change; a new one when null */
  series: LessonSeriesFieldsFragment | null;
  defaultGroupId: string | null;
  onDone: () => void;
}

function initialValues(props: SeriesFormProps): SeriesValues {
  const { series, term } = props;
  if (series) {
    return {
      groupId: series.groupId,
      subjectId: series.subjectId,
      weekday: String(series.weekday),
      startTime: series.startTime,
      durationMinutes: String(series.durationMinutes),
      room: series.room ?? '',
      teacher: series.teachers[0]?.id ?? '',
      secondTeacher: series.teachers[1]?.id ?? '',
      validFrom: series.validFrom,
      validTo: series.validTo,
    };
  }
  const today = schoolToday();
  const group = props.groups.find((candidate) => candidate.id === props.defaultGroupId);
  return {
    groupId: group?.id ?? '',
    subjectId: group?.subjectId ?? '',
    weekday: '1',
    startTime: '08:00',
    durationMinutes: '60',
    room: '',
    teacher: '',
    secondTeacher: '',
    validFrom: today > term.startDate && today <= term.endDate ? today : term.startDate,
    validTo: term.endDate,
  };
}

/** Adds a lesson series to the term, or changes one; checked with the shared rules, the API's problems on the same fields. */
export function SeriesForm(props: SeriesFormProps) {
  const { term, groups, subjects, teachers, series, onDone } = props;
  const { t } = useTranslation();
  const weekdayName = useWeekdayName();
  const id = useId();
  const [problems, setProblems] = useState<ScheduleFieldProblem[]>([]);
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const { register, handleSubmit, reset, formState } = useForm<SeriesValues>({ defaultValues: initialValues(props) });
  const refetchQueries = ['LessonSeriesList'];
  const [create] = useMutation(CreateLessonSeriesDocument, { refetchQueries });
  const [update] = useMutation(UpdateLessonSeriesDocument, { refetchQueries });
  const messages = useProblemMessages(problems);

  const onSubmit = async (values: SeriesValues) => {
    setOutcome(null);
    const input = {
      groupId: values.groupId,
      subjectId: values.subjectId,
      weekday: Number(values.weekday),
      startTime: values.startTime,
      durationMinutes: Number(values.durationMinutes),
      room: values.room.trim() || null,
      teacherIds: [values.teacher, values.secondTeacher].filter((teacherId) => teacherId !== ''),
      validFrom: values.validFrom,
      validTo: values.validTo,
    };
    const local = scheduleProblems(lessonSeriesProblems(input, term));
    if (!values.groupId) local.push({ field: 'groupId', code: 'REQUIRED' });
    if (!values.subjectId) local.push({ field: 'subjectId', code: 'REQUIRED' });
    if (input.teacherIds.length === 0) local.push({ field: 'teacherIds', code: 'REQUIRED' });
    setProblems(local);
    if (local.length > 0) return;
    try {
      if (series) await update({ variables: { id: series.id, input } });
      else await create({ variables: { termId: term.id, input } });
      setOutcome('saved');
      if (series) onDone();
      else reset({ ...values, room: '' });
    } catch (error) {
      const found = problemsOfError(error);
      setProblems(found);
      if (found.length === 0) setOutcome('failed');
    }
  };

  const select = (
    name: keyof SeriesValues,
    label: string,
    field: string,
    choices: { value: string; label: string }[],
    placeholder?: string,
  ) => (
    <Field id={`${id}-${name}`} label={label} errors={messages(field)}>
      {(describedBy, invalid) => (
        <select id={`${id}-${name}`} className="field__input" aria-describedby={describedBy} aria-invalid={invalid} {...register(name)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const input = (name: keyof SeriesValues, label: string, type: string, extra: { hint?: string; min?: string; max?: string } = {}) => (
    <Field id={`${id}-${name}`} label={label} hint={extra.hint} errors={messages(name)}>
      {(describedBy, invalid) => (
        <input
          id={`${id}-${name}`}
          type={type}
          className="field__input"
          min={extra.min}
          max={extra.max}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...register(name)}
        />
      )}
    </Field>
  );
  const teacherChoices = teachers.map((teacher) => ({ value: teacher.id, label: `${teacher.name} (${teacher.signature})` }));

  return (
    <section className="schedule-admin__section form-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {series
          ? t('administration.schedule.form.editHeading', { group: series.groupName, subject: series.subjectName })
          : t('administration.schedule.form.newHeading')}
      </h2>
      <form
        className="form"
        noValidate
        aria-busy={formState.isSubmitting}
        onSubmit={(event) => void handleSubmit(onSubmit)(event)}
        data-testid="series-form"
      >
        <div className="schedule-admin__grid">
          {select(
            'groupId',
            t('administration.schedule.form.group'),
            'groupId',
            groups.map((group) => ({ value: group.id, label: group.name })),
            t('administration.schedule.form.choose'),
          )}
          {select(
            'subjectId',
            t('administration.schedule.form.subject'),
            'subjectId',
            subjects.map((subject) => ({ value: subject.id, label: subject.name })),
            t('administration.schedule.form.choose'),
          )}
          {select(
            'weekday',
            t('administration.schedule.form.weekday'),
            'weekday',
            [1, 2, 3, 4, 5].map((day) => ({ value: String(day), label: weekdayName(day) })),
          )}
          {input('startTime', t('administration.schedule.form.startTime'), 'time', {
            hint: t('administration.schedule.form.startTimeHint'),
          })}
          {input('durationMinutes', t('administration.schedule.form.duration'), 'number', { min: '10', max: '300' })}
          {input('room', t('administration.schedule.form.room'), 'text')}
          {select(
            'teacher',
            t('administration.schedule.form.teacher'),
            'teacherIds',
            teacherChoices,
            t('administration.schedule.form.choose'),
          )}
          {select(
            'secondTeacher',
            t('administration.schedule.form.secondTeacher'),
            'secondTeacherIds',
            teacherChoices,
            t('administration.schedule.form.none'),
          )}
          {input('validFrom', t('administration.schedule.form.validFrom'), 'date', { min: term.startDate, max: term.endDate })}
          {input('validTo', t('administration.schedule.form.validTo'), 'date', { min: term.startDate, max: term.endDate })}
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {series ? t('administration.schedule.form.save') : t('administration.schedule.form.create')}
          </button>
          {series ? (
            <button type="button" className="button button--secondary" onClick={onDone}>
              {t('administration.schedule.cancelEdit')}
            </button>
          ) : null}
        </div>
        <Alert tone={outcome === 'failed' ? 'error' : 'success'}>
          {outcome === 'saved'
            ? t('administration.schedule.form.saved')
            : outcome === 'failed'
              ? t('administration.schedule.saveFailed')
              : null}
        </Alert>
      </form>
    </section>
  );
}
