import type { WatchQueryFetchPolicy } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState, isRefusal, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { formatDateRange, type IsoWeek } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { schoolDaysOfIsoWeek } from '@insyn/domain';
import { useViewer } from '../auth/auth-context';
import { MyGroupsSection } from '../groups/my-groups-section';
import { ChildPicker } from './child-picker';
import { StudentWeekScheduleDocument, TeachingWeekScheduleDocument } from './operations';
import {
  initialSchedulePolicy,
  scheduleSubject,
  STUDENT_PARAM,
  studentScheduleVariables,
  teachingScheduleVariables,
} from './schedule-request';
import { useWeekParam, type WeekParam } from './use-week-param';
import { WeekNavigation } from './week-navigation';
import { WeekView } from './week-view';

function weekRange(week: IsoWeek): string {
  const days = schoolDaysOfIsoWeek(week);
  return formatDateRange(days[0] ?? '', days[days.length - 1] ?? '', currentLocale());
}

interface ScheduleFrameProps {
  weekParam: WeekParam;
  /** The line above the heading: whose schedule this is. */
  context: ReactNode;
  /** Links under the heading, e.g. to the class list. */
  links?: ReactNode;
  /** Controls between the heading and the week buttons, e.g. the child picker. */
  controls?: ReactNode;
  children: ReactNode;
}

function ScheduleFrame({ weekParam, context, links, controls, children }: ScheduleFrameProps) {
  const { t } = useTranslation();
  const { week, invalid, searchFor } = weekParam;
  const range = weekRange(week);
  usePageTitle(t('schedule.pageTitle', { week: week.isoWeek }));
  return (
    <div className="schedule">
      <header className="page-header schedule__header">
        <div className="page-header__text">
          <p className="page-header__kicker">{context}</p>
          <h1 className="page-header__title" data-testid="week-heading">
            {t('schedule.week', { week: week.isoWeek })}
          </h1>
          <p className="page-header__sub">{range}</p>
        </div>
        {links ? <div className="page-header__links">{links}</div> : null}
      </header>
      {invalid ? <Alert tone="info">{t('schedule.invalidWeek')}</Alert> : null}
      {controls}
      <WeekNavigation week={week} searchFor={searchFor} />
      <p className="visually-hidden" aria-live="polite">
        {t('schedule.showingWeek', { week: week.isoWeek, range })}
      </p>
      {children}
    </div>
  );
}

/** Another week or student: the cache at once and the network behind it (a week seen earlier may have changed). */
const nextFetchPolicy = (
  current: WatchQueryFetchPolicy,
  { reason }: { reason: 'after-fetch' | 'variables-changed' },
): WatchQueryFetchPolicy => (reason === 'variables-changed' ? 'cache-and-network' : current);

function StudentSchedule({ studentId, weekParam, controls }: { studentId: string; weekParam: WeekParam; controls?: ReactNode }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const variables = studentScheduleVariables(studentId, weekParam.week, currentLocale());
  const [fetchPolicy] = useState(() => initialSchedulePolicy('StudentWeekSchedule', variables));
  const { data, error, loading, refetch } = useQuery(StudentWeekScheduleDocument, { variables, fetchPolicy, nextFetchPolicy });

  if (isRefusal(error)) return <NotFoundState />;

  const known = viewer.students.find((student) => student.id === studentId);
  const student = data?.student ?? known ?? null;
  const name = student ? `${student.firstName} ${student.lastName}` : '';
  const isSelf = viewer.role === 'STUDENT' && viewer.students[0]?.id === studentId;
  const context = isSelf ? t('schedule.mySchedule') : name ? t('schedule.scheduleFor', { name }) : t('nav.schedule');
  const classLabel = student?.className ? t('schedule.classLabel', { className: student.className }) : null;

  const links = (
    <>
      {student?.classId && student.className && !isSelf ? (
        <Link className="text-link" to={`/grupp/${encodeURIComponent(student.classId)}`}>
          {t('schedule.classList', { className: student.className })}
        </Link>
      ) : null}
      {viewer.role === 'STAFF' ? (
        <Link className="text-link" to="/schema">
          {t('schedule.backToTeaching')}
        </Link>
      ) : null}
    </>
  );

  return (
    <ScheduleFrame
      weekParam={weekParam}
      context={
        <>
          {context}
          {classLabel ? <span className="page-header__kicker-extra"> · {classLabel}</span> : null}
        </>
      }
      links={links}
      controls={controls}
    >
      {data ? (
        <WeekView days={data.studentWeekSchedule.days} perspective="student" />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('schedule.loading')} />
      ) : null}
    </ScheduleFrame>
  );
}

function TeachingSchedule({ weekParam }: { weekParam: WeekParam }) {
  const { t } = useTranslation();
  const variables = teachingScheduleVariables(weekParam.week, currentLocale());
  const [fetchPolicy] = useState(() => initialSchedulePolicy('TeachingWeekSchedule', variables));
  const { data, error, loading, refetch } = useQuery(TeachingWeekScheduleDocument, { variables, fetchPolicy, nextFetchPolicy });
  return (
    <ScheduleFrame weekParam={weekParam} context={t('schedule.teachingSchedule')}>
      {data ? (
        <WeekView days={data.myTeachingWeekSchedule.days} perspective="teacher" />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('schedule.loading')} />
      ) : null}
      <MyGroupsSection />
    </ScheduleFrame>
  );
}

/** The week schedule: whose and which week, `scheduleSubject` and `weekOfAddress` say (schedule-request.ts). */
export function SchedulePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const weekParam = useWeekParam();
  const [params, setParams] = useSearchParams();
  const subject = scheduleSubject(viewer, params);

  if (subject.kind === 'teaching') return <TeachingSchedule weekParam={weekParam} />;
  if (subject.kind === 'none') {
    return (
      <ScheduleFrame weekParam={weekParam} context={t('nav.schedule')}>
        <p className="week-empty">{t('schedule.noStudents')}</p>
      </ScheduleFrame>
    );
  }
  const { studentId } = subject;

  const picker =
    viewer.role === 'GUARDIAN' && viewer.students.length > 1 ? (
      <ChildPicker
        students={viewer.students}
        selectedId={studentId}
        onSelect={(id) =>
          setParams((previous) => {
            const next = new URLSearchParams(previous);
            next.set(STUDENT_PARAM, id);
            return next;
          })
        }
      />
    ) : undefined;

  // Not keyed by the student: the picker must stay the same element (and keep focus) when the child changes.
  return <StudentSchedule studentId={studentId} weekParam={weekParam} controls={picker} />;
}
