import { useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { Fragment, useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { AbsenceLessonFieldsFragment } from '../../gql/graphql';
import { formatSchoolTime, formatShortDate, formatShortWeekday } from '../../lib/dates';
import { currentLocale, type AppLocale } from '../../lib/i18n';
import { AbsenceReasonForm } from '../attendance/absence-reason-form';
import { useViewer } from '../auth/auth-context';
import { StudentMentorsPanel } from '../groups/mentor-list';
import {
  absenceLessonsFilterOf,
  absenceLessonsHref,
  DAY_PARAM,
  LESSON_PARAM,
  STUDENT_PARAM,
  type AbsenceLessonsFilter,
} from './absence-lessons-link';
import { formatMinutes, formatNumber } from './format';
import { StatisticsStudentDocument, StudentAbsenceLessonsDocument } from './operations';
import { PeriodPicker } from './period-picker';
import { FROM_PARAM, PERIOD_PARAM, TO_PARAM, useRangeParam } from './range-param';
import './statistics.css';
import './absence-lessons.css';

type AbsenceLesson = AbsenceLessonFieldsFragment;

/** "måndag" / "Monday" for 1 … 7 (1 January 2024 was a Monday). */
const weekdayName = (weekday: number, locale: AppLocale) =>
  new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, weekday)),
  );

/** The student the list is about, with a name for the heading: the viewer's own student, or for staff, read. */
function useListedStudent(studentId: string) {
  const viewer = useViewer();
  const staff = viewer.role === 'STAFF';
  const { data } = useQuery(StatisticsStudentDocument, { variables: { id: studentId }, skip: !staff || studentId === '' });
  if (staff) {
    const student = data?.student;
    return student
      ? { id: student.id, name: `${student.firstName} ${student.lastName}`, className: student.className ?? null, staff }
      : null;
  }
  const own = viewer.students.find((candidate) => candidate.id === studentId) ?? viewer.students[0];
  return own ? { id: own.id, name: `${own.firstName} ${own.lastName}`, className: own.className ?? null, staff } : null;
}

/**
 * /franvaro/lektioner?elev=<id>&period=TERM&amne=MA&vecka=2026-W48&veckodag=3&typ=sen&giltig=nej&lektion=<id>:
 * the lessons behind a figure or a bar of a student's absence, each with its date, time, subject, teachers,
 * absent or late, and valid (why) or unexcused; from unexcused absence the home may report sickness while the
 * school allows it. `dag=<date>` (the absence message's link) is that one day.
 */
export function AbsenceLessonsPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [params, setParams] = useSearchParams();
  const day = params.get(DAY_PARAM);
  // The message's one day becomes the period picker's custom range, so the picker shows and changes it.
  useEffect(() => {
    if (!day) return;
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(DAY_PARAM);
        next.set(PERIOD_PARAM, 'CUSTOM');
        next.set(FROM_PARAM, day);
        next.set(TO_PARAM, day);
        return next;
      },
      { replace: true },
    );
  }, [day, setParams]);
  const param = useRangeParam();
  const student = useListedStudent(params.get(STUDENT_PARAM) ?? '');
  const filter = absenceLessonsFilterOf(params);
  const marked = params.get(LESSON_PARAM);
  const { data, error, loading, refetch } = useQuery(StudentAbsenceLessonsDocument, {
    variables: { studentId: student?.id ?? '', range: param.range ?? { period: 'TERM' }, filter, locale },
    skip: !student || !param.range || Boolean(day),
    fetchPolicy: 'cache-and-network',
  });
  const result = data?.studentAbsenceLessons.studentId === student?.id ? data?.studentAbsenceLessons : undefined;
  usePageTitle(student ? t('absenceLessons.titleFor', { name: student.name }) : t('absenceLessons.heading'));

  // The lesson from the message: in view and focused once it is listed.
  const markedRow = useRef<HTMLTableRowElement>(null);
  const found = Boolean(marked && result && [...result.lessons, ...result.notEnded].some((row) => row.lessonId === marked));
  useEffect(() => {
    if (found) markedRow.current?.focus();
  }, [found]);

  const period = { period: param.period, from: param.from, to: param.to };
  const back = student
    ? student.staff
      ? `/elev/${encodeURIComponent(student.id)}/franvaro?${rangeQuery(period)}`
      : `/franvaro?${STUDENT_PARAM}=${encodeURIComponent(student.id)}&${rangeQuery(period)}`
    : '/franvaro';
  const subjectName = result?.lessons.find((row) => row.subjectCode === filter.subjectCode)?.subjectName ?? filter.subjectCode;
  const shownFilter = filterText(t, filter, subjectName ?? '', locale);
  const total = result ? result.lessons.reduce((sum, row) => sum + row.absentMinutes, 0) : 0;

  // The mentor's (or an administrator's) reason for one row at a time; once saved, what stands now, told and focused.
  const [openReason, setOpenReason] = useState<string | null>(null);
  const [reasonNotice, setReasonNotice] = useState<string | null>(null);
  const reasonNoticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (reasonNotice) reasonNoticeRef.current?.focus();
  }, [reasonNotice]);
  const reasons: ReasonEditing = {
    open: openReason,
    toggle: (lessonId) => {
      setReasonNotice(null);
      setOpenReason((open) => (open === lessonId ? null : lessonId));
    },
    done: (lessonId, lesson, outcome) => {
      setOpenReason(null);
      if (!outcome.saved) {
        document.getElementById(reasonToggleId(lessonId))?.focus();
        return;
      }
      setReasonNotice(
        outcome.reason
          ? t('absenceReason.saved', { lesson, reason: t(`absenceLessons.reason.${outcome.reason}`) })
          : t('absenceReason.removed', { lesson }),
      );
    },
  };

  return (
    <div className="stats-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={back}>
              <span aria-hidden="true" className="back-arrow">
                ‹
              </span>
              {t('absenceLessons.back')}
            </Link>
          </p>
          <h1 className="page-header__title">{t('absenceLessons.heading')}</h1>
          {student ? (
            <p className="page-header__sub" data-testid="absence-lessons-student">
              {student.name}
              {student.className ? `, ${student.className}` : ''}
            </p>
          ) : null}
        </div>
      </header>
      {/* After the message's day has become the custom range, so that the picker starts with its dates. */}
      {day ? null : <PeriodPicker param={param} shown={result ? { from: result.from, to: result.to } : null} />}
      {shownFilter ? (
        <p className="absence-lessons__filter" data-testid="absence-lessons-filter">
          <span>{t('absenceLessons.showing', { filter: shownFilter })}</span>{' '}
          {student ? (
            <Link className="text-link" to={absenceLessonsHref(student.id, period)}>
              {t('absenceLessons.showAll')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <Alert tone="success">
        {reasonNotice ? (
          <p ref={reasonNoticeRef} tabIndex={-1} className="notice-focus" data-testid="absence-reason-saved">
            {reasonNotice}
          </p>
        ) : null}
      </Alert>
      {!student ? (
        <p>{t('statistics.student.noStudent')}</p>
      ) : error && !result ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !param.range ? null : !result ? (
        loading || day ? (
          <LoadingState label={t('absenceLessons.loading')} />
        ) : null
      ) : (
        <>
          {result.notEnded.length > 0 ? (
            <section className="panel" aria-labelledby="absence-lessons-not-ended-heading" data-testid="absence-lessons-not-ended">
              <h2 id="absence-lessons-not-ended-heading" className="section-heading">
                {t('absenceLessons.notEndedHeading')}
              </h2>
              <p className="absence-lessons__note">{t('absenceLessons.notEndedNote')}</p>
              <LessonsTable
                caption={t('absenceLessons.notEndedCaption', { name: student.name })}
                rows={result.notEnded}
                studentId={student.id}
                marked={marked}
                markedRow={markedRow}
                reasons={reasons}
                testId="absence-lessons-not-ended-table"
              />
            </section>
          ) : null}
          <section className="panel" aria-labelledby="absence-lessons-heading">
            <h2 id="absence-lessons-heading" className="section-heading" data-testid="absence-lessons-count">
              {t('absenceLessons.count', {
                count: result.lessons.length,
                formatted: formatNumber(result.lessons.length, locale),
                minutes: formatMinutes(total, locale),
              })}
            </h2>
            {marked && !found ? <Alert tone="info">{t('absenceLessons.markedMissing')}</Alert> : null}
            {result.lessons.length === 0 ? (
              <p data-testid="absence-lessons-none">{t('absenceLessons.none')}</p>
            ) : (
              <LessonsTable
                caption={t('absenceLessons.caption', { name: student.name })}
                rows={result.lessons}
                studentId={student.id}
                marked={marked}
                markedRow={markedRow}
                reasons={reasons}
                testId="absence-lessons-table"
              />
            )}
            <p className="absence-lessons__note">{t('absenceLessons.note')}</p>
          </section>
          {/* Staff have the student's page with the class; the home and the student need to know whom to ask. */}
          {student.staff ? null : <StudentMentorsPanel studentId={student.id} about="absence" />}
        </>
      )}
    </div>
  );
}

function rangeQuery(range: { period: string; from: string; to: string }): string {
  const params = new URLSearchParams({ [PERIOD_PARAM]: range.period });
  if (range.period === 'CUSTOM') {
    params.set(FROM_PARAM, range.from);
    params.set(TO_PARAM, range.to);
  }
  return params.toString();
}

/** "Matematik, ogiltig frånvaro" for the filter in the address; empty for all absence. */
function filterText(t: TFunction, filter: AbsenceLessonsFilter, subjectName: string, locale: AppLocale) {
  const parts: string[] = [];
  if (filter.subjectCode) parts.push(subjectName);
  if (filter.week) parts.push(t('absenceLessons.filter.week', { week: Number(filter.week.slice(-2)) }));
  if (filter.weekday) parts.push(weekdayName(filter.weekday, locale));
  if (filter.status === 'LATE') parts.push(t('absenceLessons.filter.late'));
  if (filter.status === 'ABSENT') parts.push(t('absenceLessons.filter.absent'));
  if (filter.valid === true) parts.push(t('absenceLessons.filter.valid'));
  if (filter.valid === false) parts.push(t('absenceLessons.filter.unexcused'));
  return parts.join(', ');
}

/** Why the absence is valid: "sjukanmäld" / "reported sick". */
function reasonText(t: TFunction, reason: AbsenceLesson['validReason']): string {
  switch (reason) {
    case 'SICK':
      return t('absenceLessons.reason.SICK');
    case 'LEAVE':
      return t('absenceLessons.reason.LEAVE');
    case 'SCHOOL_ACTIVITY':
      return t('absenceLessons.reason.SCHOOL_ACTIVITY');
    default:
      return t('absenceLessons.reason.OTHER');
  }
}

/** Which row's reason form is open, and what happens when it is opened, closed or saved. */
interface ReasonEditing {
  open: string | null;
  toggle: (lessonId: string) => void;
  done: (lessonId: string, lesson: string, outcome: { saved: true; reason: 'SCHOOL_ACTIVITY' | 'OTHER' | null } | { saved: false }) => void;
}

const reasonToggleId = (lessonId: string) => `absence-reason-toggle-${lessonId}`;

/** A reason staff recorded (school activity, other), which they may change; not the home's report or leave. */
const staffReasonOf = (row: AbsenceLesson) =>
  row.validReason === 'SCHOOL_ACTIVITY' || row.validReason === 'OTHER' ? row.validReason : null;

function LessonsTable({
  caption,
  rows,
  studentId,
  marked,
  markedRow,
  reasons,
  testId,
}: {
  caption: string;
  rows: AbsenceLesson[];
  studentId: string;
  marked: string | null;
  markedRow: RefObject<HTMLTableRowElement | null>;
  reasons: ReasonEditing;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <div className="absence-lessons__table">
      <DataTable caption={caption} testId={testId}>
        <thead>
          <tr>
            <th scope="col">{t('absenceLessons.column.when')}</th>
            <th scope="col">{t('absenceLessons.column.subject')}</th>
            <th scope="col">{t('absenceLessons.column.teacher')}</th>
            <th scope="col">{t('absenceLessons.column.absence')}</th>
            <th scope="col">{t('absenceLessons.column.valid')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const isMarked = row.lessonId === marked;
            const date = `${formatShortWeekday(row.date, locale)} ${formatShortDate(row.date, locale)}`;
            const lesson = `${date}, ${row.subjectName}`;
            const staffReason = staffReasonOf(row);
            const open = reasons.open === row.lessonId;
            const formId = `absence-reason-${row.lessonId}`;
            return (
              <Fragment key={row.lessonId}>
                <tr
                  ref={isMarked ? markedRow : undefined}
                  tabIndex={isMarked ? -1 : undefined}
                  className={isMarked ? 'absence-lessons__row absence-lessons__row--marked' : 'absence-lessons__row'}
                  aria-current={isMarked ? 'true' : undefined}
                  data-testid="absence-lesson"
                  data-lesson={row.lessonId}
                >
                  <th scope="row" className="absence-lessons__when">
                    <span className="absence-lessons__date">{date}</span>{' '}
                    <span className="absence-lessons__time">
                      {t('schedule.time', { start: formatSchoolTime(row.startsAt), end: formatSchoolTime(row.endsAt) })}
                    </span>
                  </th>
                  <td data-column="subject">{row.subjectName}</td>
                  <td data-column="teacher">{row.teacherNames.join(', ')}</td>
                  <td data-column="absence">
                    {row.status === 'LATE'
                      ? t('absenceLessons.late', { count: row.absentMinutes })
                      : t('absenceLessons.absent', { minutes: formatMinutes(row.absentMinutes, locale) })}
                  </td>
                  <td data-column="valid">
                    {row.valid ? (
                      <span className="absence-lessons__valid">
                        {t('absenceLessons.valid', { reason: reasonText(t, row.validReason) })}
                      </span>
                    ) : (
                      <span className="absence-lessons__unexcused">{t('absenceLessons.unexcused')}</span>
                    )}
                    {row.valid && row.validReasonNote ? (
                      <span className="absence-lessons__reason-note" data-testid="absence-reason-note">
                        {t('absenceLessons.reasonNote', { note: row.validReasonNote })}
                      </span>
                    ) : null}
                    {row.mayExcuse ? (
                      <button
                        type="button"
                        id={reasonToggleId(row.lessonId)}
                        className="button button--secondary absence-lessons__excuse"
                        aria-expanded={open}
                        aria-controls={open ? formId : undefined}
                        aria-label={
                          staffReason
                            ? t('absenceReason.changeLabel', { lesson: `${date} ${row.subjectName}` })
                            : t('absenceReason.excuseLabel', { lesson: `${date} ${row.subjectName}` })
                        }
                        onClick={() => reasons.toggle(row.lessonId)}
                        data-testid="excuse-absence"
                      >
                        {staffReason ? t('absenceReason.change') : t('absenceReason.excuse')}
                      </button>
                    ) : null}
                    {row.mayReportSick ? (
                      <Link
                        className="text-link absence-lessons__report"
                        to={`/sjukanmalan?${new URLSearchParams({ elev: studentId, datum: row.date }).toString()}`}
                        aria-label={t('absenceLessons.reportSickFor', { date: `${date}, ${row.subjectName}` })}
                        data-testid="report-sick"
                      >
                        {t('absenceLessons.reportSick')}
                      </Link>
                    ) : null}
                  </td>
                </tr>
                {open ? (
                  <tr id={formId} className="absence-lessons__reason-row">
                    <td colSpan={5}>
                      <AbsenceReasonForm
                        studentId={studentId}
                        absence={{ lessonId: row.lessonId, status: row.status, staffReason, note: row.validReasonNote }}
                        label={lesson}
                        onDone={(outcome) => reasons.done(row.lessonId, lesson, outcome)}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </DataTable>
    </div>
  );
}
