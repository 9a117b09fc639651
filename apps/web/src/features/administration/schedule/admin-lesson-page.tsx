import { useMutation, useQuery } from '@apollo/client/react';
import { changeNoteProblems, lessonMoveProblems } from '@insyn/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { ErrorState, NotFoundState } from '../../../components/ui/error-state';
import { Field } from '../../../components/ui/field';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdminLessonFieldsFragment } from '../../../gql/graphql';
import { formatLongDate, formatSchoolDateTime, formatSchoolTime } from '../../../lib/dates';
import { hasErrorCode } from '../../../lib/graphql-errors';
import { currentLocale } from '../../../lib/i18n';
import {
  AdministeredLessonDocument,
  CancelLessonDocument,
  ChangeLessonDocument,
  RestoreLessonDocument,
  ScheduleOptionsDocument,
} from './operations';
import { FormSection } from './form-section';
import { problemsOfError, scheduleProblems, useProblemMessages, useRefusal, type ScheduleFieldProblem } from './problems';
import './schedule.css';

/** /administration/lektioner/:lessonId: one lesson, to move, give another room or a substitute, cancel, or hold after all. */
export function AdminLessonPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdministeredLessonDocument, { variables: { id: lessonId } });
  const lesson = data?.administeredLesson;
  usePageTitle(lesson ? t('administration.schedule.lesson.title', { subject: lesson.subjectName, group: lesson.groupName }) : null);
  if (loading) return <LoadingState label={t('administration.schedule.loading')} />;
  if (error && hasErrorCode(error, 'NOT_FOUND')) return <NotFoundState />;
  if (error || !lesson) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return <LessonView lesson={lesson} />;
}

function LessonView({ lesson }: { lesson: AdminLessonFieldsFragment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const cancelled = lesson.status === 'CANCELLED';
  const teachers = lesson.teachers.map((teacher) => `${teacher.name} (${teacher.signature})`).join(', ');
  return (
    <>
      <p className="schedule-admin__back">
        <Link to={`/administration/schema?skola=${lesson.schoolId}&termin=${lesson.term.id}&grupp=${lesson.groupId}`}>
          {t('administration.schedule.lesson.back')}
        </Link>
      </p>
      <h1>{t('administration.schedule.lesson.title', { subject: lesson.subjectName, group: lesson.groupName })}</h1>
      <dl className="schedule-admin__facts" data-testid="lesson-facts">
        <div>
          <dt>{t('administration.schedule.lesson.when')}</dt>
          <dd>
            {formatLongDate(lesson.date, locale)}, {formatSchoolTime(lesson.startsAt)}–{formatSchoolTime(lesson.endsAt)}
          </dd>
        </div>
        <div>
          <dt>{t('administration.schedule.columns.room')}</dt>
          <dd>{lesson.room ?? '–'}</dd>
        </div>
        <div>
          <dt>{t('administration.schedule.columns.teachers')}</dt>
          <dd>{teachers || '–'}</dd>
        </div>
        <div>
          <dt>{t('administration.schedule.finder.status')}</dt>
          <dd>
            {cancelled
              ? t('administration.schedule.lesson.cancelled')
              : lesson.changeNote
                ? t('administration.schedule.lesson.changed')
                : t('administration.schedule.lesson.scheduled')}
            {lesson.attendanceTaken ? ` · ${t('administration.schedule.lesson.attendanceTaken')}` : ''}
          </dd>
        </div>
        {lesson.originalStartsAt || lesson.originalRoom ? (
          <div>
            <dt>{t('administration.schedule.lesson.original')}</dt>
            <dd>
              {[lesson.originalStartsAt ? formatSchoolDateTime(lesson.originalStartsAt, locale) : null, lesson.originalRoom]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
        ) : null}
        {lesson.changeNote ? (
          <div>
            <dt>{t('administration.schedule.lesson.note')}</dt>
            <dd lang="sv">{lesson.changeNote}</dd>
          </div>
        ) : null}
      </dl>
      {cancelled ? (
        <RestoreForm lesson={lesson} />
      ) : (
        <>
          <ChangeForm lesson={lesson} />
          {lesson.attendanceTaken ? null : <CancelForm lesson={lesson} />}
        </>
      )}
    </>
  );
}

interface ChangeValues {
  date: string;
  startTime: string;
  room: string;
  teacher: string;
  secondTeacher: string;
  note: string;
}

function ChangeForm({ lesson }: { lesson: AdminLessonFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const [problems, setProblems] = useState<ScheduleFieldProblem[]>([]);
  const [outcome, setOutcome] = useState<'saved' | 'failed' | null>(null);
  const options = useQuery(ScheduleOptionsDocument, { variables: { schoolId: lesson.schoolId } });
  const [change] = useMutation(ChangeLessonDocument);
  const { register, handleSubmit, formState } = useForm<ChangeValues>({
    defaultValues: {
      date: lesson.date,
      startTime: lesson.startTime,
      room: lesson.room ?? '',
      teacher: lesson.teachers[0]?.id ?? '',
      secondTeacher: lesson.teachers[1]?.id ?? '',
      note: lesson.changeNote ?? '',
    },
  });
  const messages = useProblemMessages(problems);
  const teachers = options.data?.scheduleOptions.teachers ?? lesson.teachers;

  const onSubmit = async (values: ChangeValues) => {
    setOutcome(null);
    const input = {
      date: values.date,
      startTime: values.startTime,
      room: values.room.trim() || null,
      teacherIds: [values.teacher, values.secondTeacher].filter((teacherId) => teacherId !== ''),
      note: values.note,
    };
    const local = scheduleProblems([
      ...lessonMoveProblems({ ...input, durationMinutes: lesson.durationMinutes }, lesson.term),
      ...changeNoteProblems(values.note),
    ]);
    if (input.teacherIds.length === 0) local.push({ field: 'teacherIds', code: 'REQUIRED' });
    setProblems(local);
    if (local.length > 0) return;
    try {
      await change({ variables: { id: lesson.id, input } });
      setOutcome('saved');
    } catch (error) {
      const found = problemsOfError(error);
      setProblems(found);
      if (found.length === 0) setOutcome('failed');
    }
  };

  const teacherSelect = (name: 'teacher' | 'secondTeacher', label: string, field: string, placeholder: string) => (
    <Field id={`${id}-${name}`} label={label} errors={messages(field)}>
      {(describedBy, invalid) => (
        <select id={`${id}-${name}`} className="field__input" aria-describedby={describedBy} aria-invalid={invalid} {...register(name)}>
          <option value="">{placeholder}</option>
          {teachers.map((teacher) => (
            <option key={teacher.id} value={teacher.id}>
              {teacher.name} ({teacher.signature})
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section className="schedule-admin__section form-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('administration.schedule.change.heading')}</h2>
      <p>{t('administration.schedule.change.lead')}</p>
      <form
        className="form"
        noValidate
        aria-busy={formState.isSubmitting}
        onSubmit={(event) => void handleSubmit(onSubmit)(event)}
        data-testid="change-form"
      >
        <div className="schedule-admin__grid">
          <Field id={`${id}-date`} label={t('administration.schedule.change.date')} errors={messages('date')}>
            {(describedBy, invalid) => (
              <input
                id={`${id}-date`}
                type="date"
                className="field__input"
                min={lesson.term.startDate}
                max={lesson.term.endDate}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...register('date')}
              />
            )}
          </Field>
          <Field
            id={`${id}-time`}
            label={t('administration.schedule.form.startTime')}
            hint={t('administration.schedule.change.timeHint', { minutes: lesson.durationMinutes })}
            errors={messages('startTime')}
          >
            {(describedBy, invalid) => (
              <input
                id={`${id}-time`}
                type="time"
                className="field__input"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...register('startTime')}
              />
            )}
          </Field>
          <Field id={`${id}-room`} label={t('administration.schedule.form.room')} errors={messages('room')}>
            {(describedBy, invalid) => (
              <input
                id={`${id}-room`}
                className="field__input"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                {...register('room')}
              />
            )}
          </Field>
          {teacherSelect('teacher', t('administration.schedule.form.teacher'), 'teacherIds', t('administration.schedule.form.choose'))}
          {teacherSelect(
            'secondTeacher',
            t('administration.schedule.form.secondTeacher'),
            'secondTeacherIds',
            t('administration.schedule.form.none'),
          )}
        </div>
        <Field
          id={`${id}-note`}
          label={t('administration.schedule.change.note')}
          hint={t('administration.schedule.change.noteHint')}
          errors={messages('note')}
        >
          {(describedBy, invalid) => (
            <textarea
              id={`${id}-note`}
              className="field__input field__textarea field__textarea--short"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              {...register('note')}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('administration.schedule.change.submit')}
          </button>
        </div>
        <Alert tone={outcome === 'saved' ? 'success' : 'error'}>
          {outcome === 'saved'
            ? t('administration.schedule.change.saved')
            : outcome === 'failed'
              ? t('administration.schedule.saveFailed')
              : messages('id').join(' ') || null}
        </Alert>
      </form>
    </section>
  );
}

function CancelForm({ lesson }: { lesson: AdminLessonFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const { problems, failed, showProblems, attempt } = useRefusal();
  const [cancel, { loading }] = useMutation(CancelLessonDocument);
  const messages = useProblemMessages(problems);
  const submit = async () => {
    const local = scheduleProblems(changeNoteProblems(reason, 'reason'));
    if (local.length > 0) showProblems(local);
    else await attempt(() => cancel({ variables: { id: lesson.id, reason } }));
  };
  return (
    <FormSection heading={t('administration.schedule.cancel.heading')} busy={loading} onSubmit={submit}>
      <Field
        id={`${id}-reason`}
        label={t('administration.schedule.cancel.reason')}
        hint={t('administration.schedule.cancel.reasonHint')}
        errors={[...messages('reason'), ...messages('id')]}
      >
        {(describedBy, invalid) => (
          <input
            id={`${id}-reason`}
            className="field__input"
            value={reason}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={loading}>
          {t('administration.schedule.cancel.submit')}
        </button>
      </div>
      <Alert tone="error">{failed ? t('administration.schedule.saveFailed') : null}</Alert>
    </FormSection>
  );
}

/** A cancelled lesson held after all; the API brings back the note it had before it was cancelled. */
function RestoreForm({ lesson }: { lesson: AdminLessonFieldsFragment }) {
  const { t } = useTranslation();
  const { problems, failed, attempt } = useRefusal();
  const [restore, { loading }] = useMutation(RestoreLessonDocument);
  const messages = useProblemMessages(problems);
  const submit = () => attempt(() => restore({ variables: { id: lesson.id } }));
  return (
    <FormSection
      heading={t('administration.schedule.restore.heading')}
      lead={t('administration.schedule.restore.text')}
      busy={loading}
      onSubmit={submit}
    >
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={loading}>
          {t('administration.schedule.restore.submit')}
        </button>
      </div>
      <Alert tone="error">{failed ? t('administration.schedule.saveFailed') : messages('id').join(' ') || null}</Alert>
    </FormSection>
  );
}
