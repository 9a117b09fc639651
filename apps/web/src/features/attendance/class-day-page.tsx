import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { FieldSelect } from '../../components/ui/field';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { ClassDayQuery } from '../../gql/graphql';
import { formatLongDate, formatSchoolTime, formatShortDate, formatWeekday, schoolToday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { absenceLessonsHref, LESSON_PARAM } from '../statistics/absence-lessons-link';
import { ClassDayDocument } from './operations';
import { DayNavigation, DAY_PARAM, useDayParam } from './today-page';

type Mark = ClassDayQuery['classDay']['students'][number]['marks'][number];

/** The lesson in the student's absence lessons, marked: where a reason is recorded, and the home sees it too. */
const markHref = (studentId: string, date: string, lessonId: string) =>
  `${absenceLessonsHref(studentId, { period: 'CUSTOM', from: date, to: date })}&${LESSON_PARAM}=${encodeURIComponent(lessonId)}`;

function MarkCell({ mark, href, lesson }: { mark: Mark | undefined; href: string; lesson: string }) {
  const { t } = useTranslation();
  if (!mark) {
    return (
      <span className="class-mark class-mark--none">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('classDay.noMark')}</span>
      </span>
    );
  }

  if (mark.status === 'PRESENT') {
    return (
      <span className="class-mark class-mark--present">
        <span aria-hidden="true">✓</span>
        <span className="visually-hidden">{t('rollCall.status.PRESENT')}</span>
      </span>
    );
  }
  const text = mark.status === 'LATE' ? t('classDay.lateShort', { count: mark.lateMinutes ?? 0 }) : t('rollCall.status.ABSENT');
  const content = (
    <>
      {/* The words of a mark stay together; "(ogiltig)" may go under them, so that a column stays narrow. */}
      <span className="class-mark__text">
        {mark.unexcused ? <span aria-hidden="true">! </span> : null}
        {text}
      </span>
      {mark.unexcused ? <> {t('classDay.unexcusedSuffix')}</> : null}
    </>
  );
  return (
    <span className={`class-mark class-mark--${mark.status.toLowerCase()}${mark.unexcused ? ' class-mark--unexcused' : ''}`}>
      {/* Absence leads to its lesson among the student's absence, where the mentor records a valid reason. */}
      <Link
        className="class-mark__link"
        to={href}
        aria-label={t('classDay.markLink', {
          mark: mark.unexcused ? `${text} ${t('classDay.unexcusedSuffix')}` : text,
          lesson,
        })}
        data-testid="class-day-mark"
      >
        {content}
      </Link>
    </span>
  );
}

/**
 * A guardian calls the school: the mentor chooses the student and registers the sick report in the home's stead,
 * on the day shown (today: the form proposes the student's next school day itself).
 */
function ReportForHome({
  students,
  date,
  isToday,
}: {
  students: { id: string; firstName: string; lastName: string }[];
  date: string;
  isToday: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [studentId, setStudentId] = useState(students[0]?.id ?? '');
  return (
    <form
      className="class-day__report-for-home"
      onSubmit={(event) => {
        event.preventDefault();
        void navigate(`/elev/${encodeURIComponent(studentId)}/sjukanmalan${isToday ? '' : `?datum=${date}`}`);
      }}
      data-testid="report-for-home"
    >
      <FieldSelect
        id={`${id}-student`}
        label={t('classDay.reportForHome')}
        hint={t('classDay.reportForHomeHint')}
        value={studentId}
        onChange={(event) => setStudentId(event.target.value)}
      >
        {students.map((student) => (
          <option key={student.id} value={student.id}>
            {t('group.sortName', { firstName: student.firstName, lastName: student.lastName })}
          </option>
        ))}
      </FieldSelect>
      <button type="submit" className="button button--secondary">
        {t('classDay.reportSick')}
      </button>
    </form>
  );
}

export function ClassDayPage() {
  const { t } = useTranslation();
  const { classId = '' } = useParams();
  const date = useDayParam();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(ClassDayDocument, {
    variables: { classId, date },
    fetchPolicy: 'cache-and-network',
  });
  const day = data?.classDay;
  usePageTitle(day ? t('classDay.pageTitle', { name: day.className }) : t('classDay.heading'));
  const isToday = date === schoolToday();
  const todayLink = isToday ? '/idag' : `/idag?${DAY_PARAM}=${date}`;
  const shortDate = formatShortDate(date, locale);
  const path = `/klass/${encodeURIComponent(classId)}/idag`;
  // Those whose home's sick report the viewer may take by phone: the class's mentor and administrators, all of them.
  const reportable = day?.students.filter((student) => student.mayReportSick) ?? [];

  return (
    <div className="class-day">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={todayLink}>
              <span aria-hidden="true" className="back-arrow">
                ‹
              </span>
              {isToday ? t('rollCall.backToToday') : t('rollCall.backToDay', { date: shortDate })}
            </Link>
          </p>
          {/* "Idag" only on today: another day's heading says which day it is. */}
          <h1 className="page-header__title">
            {!day
              ? t('classDay.heading')
              : isToday
                ? t('classDay.headingToday', { name: day.className })
                : t('classDay.headingFor', { name: day.className, date: shortDate })}
          </h1>
          <p className="page-header__sub">
            {formatWeekday(date, locale)} {formatLongDate(date, locale)}
          </p>
        </div>
      </header>
      <DayNavigation date={date} path={path} />
      {error && !day ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !day ? (
        loading ? (
          <LoadingState label={t('classDay.loading')} />
        ) : null
      ) : day.lessons.length === 0 ? (
        <p className="week-empty">{t('today.noLessons')}</p>
      ) : (
        <>
          <p className="class-day__legend">{t('classDay.legend')}</p>
          {reportable.length > 0 ? (
            <>
              <p className="class-day__legend">{t('classDay.staffHint')}</p>
              <ReportForHome students={reportable} date={date} isToday={isToday} />
            </>
          ) : null}
          <DataTable caption={t('classDay.caption', { name: day.className, count: day.students.length })} testId="class-day">
            <thead>
              <tr>
                <th scope="col">{t('group.columnName')}</th>
                {day.lessons.map((lesson) => {
                  const missing = lesson.rollCallOverdue && lesson.rollCallState === 'NOT_TAKEN';
                  return (
                    <th key={lesson.lessonId} scope="col" className={`class-day__lesson${missing ? ' class-day__lesson--missing' : ''}`}>
                      <span className="class-day__subject">{lesson.subjectCode}</span>
                      <span className="class-day__time">{formatSchoolTime(lesson.startsAt)}</span>
                      {lesson.status === 'CANCELLED' ? (
                        <span className="badge badge--cancelled">{t('schedule.cancelled')}</span>
                      ) : missing ? (
                        <span className="class-day__missing" data-testid="roll-call-missing">
                          <span aria-hidden="true">! </span>
                          {t('classDay.notTaken')}
                        </span>
                      ) : lesson.rollCallState === 'NOT_TAKEN' ? (
                        <span className="class-day__pending">{t('rollCall.state.NOT_TAKEN')}</span>
                      ) : null}
                      {lesson.arrivedLate ? (
                        <span className="class-day__arrived-late" data-testid="roll-call-arrived-late">
                          <span aria-hidden="true">⇅ </span>
                          {t('classDay.arrivedLate')}
                        </span>
                      ) : null}
                    </th>
                  );
                })}
                <th scope="col" className="data-table__numeric">
                  {t('classDay.unexcused')}
                </th>
                <th scope="col" className="data-table__numeric">
                  {t('classDay.lateCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {day.students.map((student) => (
                <tr
                  key={student.id}
                  className={student.unexcusedAbsenceCount > 0 || student.repeatedLateness ? 'class-day__row--flag' : undefined}
                  data-testid="class-day-student"
                >
                  <th scope="row">
                    {t('group.sortName', { firstName: student.firstName, lastName: student.lastName })}
                    {student.repeatedLateness ? (
                      <span className="class-day__flag" data-testid="repeated-lateness">
                        <span aria-hidden="true">⚑ </span>
                        {t('classDay.repeatedLateness')}
                      </span>
                    ) : null}
                    {student.reportedAbsences.map((report) => (
                      <span
                        key={`${report.reason}-${report.fromDate}-${report.fromTime ?? ''}`}
                        className="class-day__report"
                        data-testid="class-day-report"
                      >
                        {t(`rollCall.validReason.${report.reason}`)}
                        {report.fromTime && report.toTime ? ` ${report.fromTime}–${report.toTime}` : ''}
                      </span>
                    ))}
                  </th>
                  {day.lessons.map((lesson) => (
                    <td key={lesson.lessonId}>
                      <MarkCell
                        mark={student.marks.find((mark) => mark.lessonId === lesson.lessonId)}
                        href={markHref(student.id, date, lesson.lessonId)}
                        lesson={`${lesson.subjectCode} ${formatSchoolTime(lesson.startsAt)}`}
                      />
                    </td>
                  ))}
                  <td className={`data-table__numeric${student.unexcusedAbsenceCount > 0 ? ' class-day__count--flag' : ''}`}>
                    {student.unexcusedAbsenceCount}
                  </td>
                  <td className="data-table__numeric">{student.lateCount}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </>
      )}
    </div>
  );
}
