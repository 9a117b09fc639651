import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { checkLeaveRequest, MAX_REASON_LENGTH, schoolDaysIn, type SpanProblem } from '@insyn/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { RecordsSection } from '../../components/ui/records-section';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { LeaveApplicationFieldsFragment } from '../../gql/graphql';
import { formatDateSpan, formatSchoolDateTime, schoolToday } from '../../lib/dates';
import { errorProblems, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent, type ViewerStudent } from '../schedule/chosen-student';
import { isSpanProblem, problemSlots, type SpanSlot } from '../sick-reports/span-problems';
import { LeaveStatusBadge } from './leave-status';
import { StudentMentorsPanel } from '../groups/mentor-list';
import { ApplyForLeaveDocument, LeaveApplicationsDocument, LeaveRulesDocument, WithdrawLeaveApplicationDocument } from './operations';

/** The shared rules' problems, and the API's own: the span overlaps another pending or approved leave. */
type LeaveProblem = SpanProblem | 'OVERLAPPING_LEAVE';

const isLeaveProblem = (value: unknown): value is LeaveProblem => value === 'OVERLAPPING_LEAVE' || isSpanProblem(value);

interface LeaveValues {
  fromDate: string;
  toDate: string;
  reason: string;
}

const EMPTY: LeaveValues = { fromDate: '', toDate: '', reason: '' };

/**
 * Checks what the shared rules can check here. Breaks (lov, holidays) are the school's and not known to
 * the web app, so weekdays stand in for school days; the server counts the real ones.
 */
function checkValues(values: LeaveValues, today: string): SpanProblem[] {
  const weekdays =
    values.fromDate && values.toDate && values.fromDate <= values.toDate ? schoolDaysIn(values.fromDate, values.toDate, []) : 1;
  return checkLeaveRequest(values, today, weekdays);
}

export function leaveSpanText(application: Pick<LeaveApplicationFieldsFragment, 'fromDate' | 'toDate'>): string {
  return formatDateSpan(application.fromDate, application.toDate, currentLocale());
}

/** Who decides, with the school's limit once it is known; until then (or if it cannot be read) only what follows. */
function DeciderHint({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(LeaveRulesDocument, { variables: { studentId } });
  const limit = data?.leaveRules.mentorDayLimit;
  return (
    <p className="field__hint" data-testid="leave-decider-hint">
      {limit === undefined
        ? t('leave.deciderHint')
        : limit === 0
          ? t('leave.deciderPrincipalOnly')
          : t('leave.deciderLimit', { count: limit })}
    </p>
  );
}

function LeaveForm({
  student,
  onApplied,
  onEdited,
}: {
  student: ViewerStudent;
  onApplied: (application: LeaveApplicationFieldsFragment) => void;
  /** a new application begun: the last one's confirmation is no longer what the form is about */
  onEdited: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const today = schoolToday();
  const [values, setValues] = useState<LeaveValues>(EMPTY);
  const [problems, setProblems] = useState<LeaveProblem[]>([]);
  const [failure, setFailure] = useState<'unreachable' | 'failed' | null>(null);
  const [apply, { loading }] = useMutation(ApplyForLeaveDocument, { refetchQueries: ['LeaveApplications'], awaitRefetchQueries: true });
  // Another child chosen: what is typed stays (the parent may have begun before choosing, and siblings often travel
  // together), the previous child's problems go.
  const [shownFor, setShownFor] = useState(student.id);
  if (shownFor !== student.id) {
    setShownFor(student.id);
    setProblems([]);
    setFailure(null);
  }

  const inputIds: Record<SpanSlot, string> = {
    from: `${id}-from`,
    to: `${id}-to`,
    fromTime: `${id}-from`,
    toTime: `${id}-to`,
    reason: `${id}-reason`,
    general: `${id}-from`,
  };
  // An overlap is about the whole span: shown above the button, focus goes to the first date.
  const slotsOf = (problem: LeaveProblem): SpanSlot[] =>
    problem === 'OVERLAPPING_LEAVE' ? ['general'] : problemSlots(problem, 'days', values);
  const errorFor = (slot: SpanSlot) => problems.filter((problem) => slotsOf(problem).includes(slot));

  function change(patch: Partial<LeaveValues>) {
    setValues((previous) => ({ ...previous, ...patch }));
    setProblems([]);
    setFailure(null);
    onEdited();
  }

  function show(found: LeaveProblem[]) {
    setProblems(found);
    const first = found[0];
    if (first) document.getElementById(inputIds[slotsOf(first)[0] ?? 'general'])?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = checkValues(values, today);
    if (found.length > 0) {
      show(found);
      return;
    }
    try {
      const { data } = await apply({
        variables: { input: { studentId: student.id, fromDate: values.fromDate, toDate: values.toDate, reason: values.reason.trim() } },
      });
      if (!data) throw new Error('applyForLeave returned no data');
      setValues(EMPTY);
      setProblems([]);
      onApplied(data.applyForLeave);
    } catch (error) {
      const fromServer = errorProblems(error).filter(isLeaveProblem);
      if (fromServer.length > 0) show(fromServer);
      else setFailure(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  }

  const field = (
    slot: 'from' | 'to' | 'reason',
    label: string,
    input: (describedBy: string | undefined, invalid: boolean) => ReactNode,
    hint?: string,
  ) => {
    const messages = errorFor(slot);
    const errorId = `${inputIds[slot]}-error`;
    const hintId = `${inputIds[slot]}-hint`;
    const describedBy = [messages.length > 0 ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={`field${messages.length > 0 ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={inputIds[slot]}>
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="field__hint">
            {hint}
          </p>
        ) : null}
        {input(describedBy, messages.length > 0)}
        {messages.length > 0 ? (
          <p id={errorId} className="field__error">
            {messages.map((problem) => t(`leave.problems.${problem}`)).join(' ')}
          </p>
        ) : null}
      </div>
    );
  };

  const dateInput = (slot: 'from' | 'to', key: 'fromDate' | 'toDate') => (describedBy: string | undefined, invalid: boolean) => (
    <input
      id={inputIds[slot]}
      className="field__input"
      type="date"
      required
      min={today}
      value={values[key]}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => change({ [key]: event.target.value })}
    />
  );
  const general = errorFor('general');

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="leave-form">
      <div className="form__row">
        {field('from', t('leave.fromDate'), dateInput('from', 'fromDate'))}
        {field('to', t('leave.toDate'), dateInput('to', 'toDate'))}
      </div>
      {field(
        'reason',
        t('leave.reason'),
        (describedBy, invalid) => (
          <textarea
            id={inputIds.reason}
            className="field__input field__textarea"
            required
            maxLength={MAX_REASON_LENGTH}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            value={values.reason}
            onChange={(event) => change({ reason: event.target.value })}
          />
        ),
        t('leave.reasonHint'),
      )}
      <DeciderHint studentId={student.id} />
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading} data-testid="submit-leave">
            {loading ? t('leave.submitting') : t('leave.submit')}
          </button>
        </div>
        <Alert tone="error">
          {general.length > 0
            ? general.map((problem) => t(`leave.problems.${problem}`)).join(' ')
            : failure === 'unreachable'
              ? t('errors.unreachableBody')
              : failure === 'failed'
                ? t('leave.failed')
                : null}
        </Alert>
      </div>
    </form>
  );
}

export function LeaveFacts({ application }: { application: LeaveApplicationFieldsFragment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <dl className="facts">
      <div className="facts__item">
        <dt>{t('leave.schoolDaysLabel')}</dt>
        <dd>{t('leave.schoolDays', { count: application.schoolDays })}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('leave.reasonLabel')}</dt>
        <dd className="facts__text">{application.reason}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('leave.appliedLabel')}</dt>
        <dd>{t('leave.applied', { name: application.appliedBy, when: formatSchoolDateTime(application.createdAt, locale) })}</dd>
      </div>
      {application.status === 'PENDING' ? (
        <div className="facts__item">
          <dt>{t('leave.deciderLabel')}</dt>
          <dd>{t(`leave.decider.${application.decider}`)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function LeaveItem({
  application,
  onWithdrawn,
}: {
  application: LeaveApplicationFieldsFragment;
  onWithdrawn: (application: LeaveApplicationFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useApolloClient();
  const [withdraw, { loading }] = useMutation(WithdrawLeaveApplicationDocument);
  const [failed, setFailed] = useState<'late' | 'failed' | null>(null);
  const span = leaveSpanText(application);

  async function onWithdraw() {
    setFailed(null);
    try {
      const { data } = await withdraw({ variables: { id: application.id } });
      if (data) onWithdrawn(data.withdrawLeaveApplication);
    } catch (error) {
      // Decided or started meanwhile: the list shows how it stands now.
      const late = errorProblems(error).includes('NOT_WITHDRAWABLE');
      setFailed(late ? 'late' : 'failed');
      if (late) void client.refetchQueries({ include: ['LeaveApplications'] });
    }
  }

  return (
    <li className={`record${application.status === 'WITHDRAWN' ? ' record--muted' : ''}`} data-testid="leave-application">
      <div className="record__main">
        <p className="record__title">{span}</p>
        <LeaveFacts application={application} />
        {application.decidedAt ? (
          <div className="record__decision" data-testid="leave-decision">
            <p>
              {t(application.status === 'REJECTED' ? 'leave.rejectedBy' : 'leave.decidedBy', {
                name: application.decidedBy ?? t('leave.theSchool'),
                when: formatSchoolDateTime(application.decidedAt, locale),
              })}
            </p>
            {application.decisionNote ? (
              <p className="record__note">{t('leave.decisionNote', { note: application.decisionNote })}</p>
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="record__side">
        <LeaveStatusBadge status={application.status} />
        {application.canWithdraw ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={loading}
            aria-label={t('leave.withdrawLabel', { span })}
            onClick={() => void onWithdraw()}
          >
            {loading ? t('leave.withdrawing') : t('leave.withdraw')}
          </button>
        ) : null}
        {failed ? (
          <p className="field__error" role="alert">
            {failed === 'late' ? t('leave.withdrawTooLate') : t('leave.withdrawFailed')}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function LeaveList({
  student,
  onWithdrawn,
}: {
  student: ViewerStudent;
  onWithdrawn: (application: LeaveApplicationFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(LeaveApplicationsDocument, {
    variables: { studentId: student.id },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <RecordsSection
      headingId="leave-list-heading"
      heading={t('leave.listHeading', { name: student.firstName })}
      records={data?.leaveApplications}
      renderRecord={(application) => <LeaveItem key={application.id} application={application} onWithdrawn={onWithdrawn} />}
      empty={t('leave.listEmpty')}
      listTestId="leave-applications"
      error={error}
      loading={loading}
      loadingLabel={t('leave.loading')}
      onRetry={() => void refetch()}
    />
  );
}

type Notice = { kind: 'applied' | 'withdrawn'; application: LeaveApplicationFieldsFragment; name: string };

/** Ledighetsansökan: the home applies for leave for a child (an adult student for themself) and follows the decision. */
export function LeavePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('leave.pageTitle'));
  const { student, picker } = useChosenStudent(t('leave.childLegend'));
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const isSelf = viewer.role === 'STUDENT';

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const studentId = student?.id ?? null;
  const [shownFor, setShownFor] = useState(studentId);
  if (shownFor !== studentId) {
    setShownFor(studentId);
    setNotice(null);
  }

  return (
    <div className="leave-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('leave.kicker')}</p>
          <h1 className="page-header__title">{t('leave.heading')}</h1>
          <p className="page-header__sub">{isSelf ? t('leave.introSelf') : t('leave.intro')}</p>
        </div>
      </header>
      {student === null ? (
        <p className="week-empty">{t('leave.noStudents')}</p>
      ) : (
        <>
          {picker}
          <Alert tone="success">
            {notice ? (
              <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="leave-confirmation">
                {notice.kind === 'applied' ? (
                  <>
                    <p className="notice-title">{t('leave.appliedTitle')}</p>
                    <p>
                      {t('leave.appliedNotice', {
                        name: notice.name,
                        span: leaveSpanText(notice.application),
                        decider: t(`leave.deciderShort.${notice.application.decider}`),
                      })}
                    </p>
                  </>
                ) : (
                  <p>{t('leave.withdrawnNotice', { name: notice.name, span: leaveSpanText(notice.application) })}</p>
                )}
              </div>
            ) : null}
          </Alert>
          <section className="panel form-panel" aria-labelledby="leave-form-heading">
            <h2 id="leave-form-heading" className="section-heading">
              {isSelf ? t('leave.formHeadingSelf') : t('leave.formHeading', { name: `${student.firstName} ${student.lastName}` })}
            </h2>
            <LeaveForm
              student={student}
              onApplied={(application) => setNotice({ kind: 'applied', application, name: `${student.firstName} ${student.lastName}` })}
              onEdited={() => setNotice(null)}
            />
          </section>
          <LeaveList
            student={student}
            onWithdrawn={(application) => setNotice({ kind: 'withdrawn', application, name: `${student.firstName} ${student.lastName}` })}
          />
          <StudentMentorsPanel studentId={student.id} about="leave" />
        </>
      )}
    </div>
  );
}
