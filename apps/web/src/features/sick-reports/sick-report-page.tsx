import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { checkSickReport, isClockTime, isIsoDate, MAX_REASON_LENGTH, type SpanProblem } from '@insyn/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { RecordsSection } from '../../components/ui/records-section';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { SickReportFieldsFragment } from '../../gql/graphql';
import { formatAbsenceSpan, formatSchoolDateTime, schoolToday } from '../../lib/dates';
import { errorProblems, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent } from '../schedule/chosen-student';
import { isSpanProblem, problemSlots, type SpanSlot } from './span-problems';
import {
  CheckSickReportDocument,
  ProposedSickReportDateDocument,
  ReportSickDocument,
  SickReportsDocument,
  WithdrawSickReportDocument,
} from './operations';

/**
 * How many days back the school allows a report is the school's setting, which the API does not give
 * the web app: the client checks everything else, and the server answers TOO_FAR_BACK itself.
 */
const DAYS_BACK_CHECKED_BY_SERVER = Number.POSITIVE_INFINITY;

type Mode = 'days' | 'part';

interface SickValues {
  mode: Mode;
  fromDate: string;
  toDate: string;
  fromTime: string;
  toTime: string;
  note: string;
}

const initialValues = (today: string): SickValues => ({ mode: 'days', fromDate: today, toDate: today, fromTime: '', toTime: '', note: '' });

/** `?datum=2026-11-23`: the day to report, from an unexcused absence in the lessons behind the absence figures. */
const DATE_PARAM = 'datum';

/** The span as the API takes it: part of a day is one date with two times. */
function spanOf(values: SickValues) {
  return values.mode === 'days'
    ? { fromDate: values.fromDate, toDate: values.toDate, fromTime: null, toTime: null }
    : { fromDate: values.fromDate, toDate: values.fromDate, fromTime: values.fromTime, toTime: values.toTime };
}

function checkValues(values: SickValues, today: string): SpanProblem[] {
  if (values.mode === 'part' && (!isClockTime(values.fromTime) || !isClockTime(values.toTime))) {
    return isIsoDate(values.fromDate) ? ['INVALID_TIME'] : ['INVALID_DATE', 'INVALID_TIME'];
  }
  return checkSickReport(spanOf(values), today, DAYS_BACK_CHECKED_BY_SERVER);
}

/** Whom a report is for: a guardian's child, the adult student themself, or a student whose home called the school. */
export interface ReportedStudent {
  id: string;
  firstName: string;
  lastName: string;
}

function SickReportForm({
  student,
  forHome,
  onReported,
}: {
  student: ReportedStudent;
  /** staff register what the home told the school: the note is theirs, e.g. who called */
  forHome: boolean;
  onReported: (report: SickReportFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const today = schoolToday();
  // After the school day the form proposes the next day with lessons; until the API has said which, today.
  const proposed = useQuery(ProposedSickReportDateDocument, { variables: { studentId: student.id }, fetchPolicy: 'network-only' });
  const proposedDate = proposed.data?.proposedSickReportDate ?? today;
  // Until the guardian changes something, the form shows the proposed date.
  const [edited, setEdited] = useState<SickValues | null>(null);
  // A day asked for in the address (from an unexcused absence) before the proposed one.
  const [params] = useSearchParams();
  const asked = params.get(DATE_PARAM);
  const values = edited ?? initialValues(asked && isIsoDate(asked) ? asked : proposedDate);
  const [problems, setProblems] = useState<SpanProblem[]>([]);
  const [failure, setFailure] = useState<'unreachable' | 'failed' | null>(null);
  const [covering, setCovering] = useState<string | null>(null);
  const [noLessons, setNoLessons] = useState(false);
  const [checking, setChecking] = useState(false);
  const [report, { loading }] = useMutation(ReportSickDocument, { refetchQueries: ['SickReports'], awaitRefetchQueries: true });
  const busy = loading || checking;

  const slotsOf = (problem: SpanProblem): SpanSlot[] => problemSlots(problem, values.mode, values);
  const errorFor = (slot: SpanSlot) => problems.filter((problem) => slotsOf(problem).includes(slot));
  const inputIds: Record<SpanSlot, string> = {
    from: `${id}-from`,
    to: values.mode === 'part' ? `${id}-from` : `${id}-to`,
    fromTime: `${id}-from-time`,
    toTime: `${id}-to-time`,
    reason: `${id}-note`,
    general: `${id}-from`,
  };

  function change(patch: Partial<SickValues>) {
    setEdited({ ...values, ...patch });
    setProblems([]);
    setFailure(null);
    setCovering(null);
    setNoLessons(false);
  }

  function show(found: SpanProblem[]) {
    setProblems(found);
    const first = found[0];
    if (first) document.getElementById(inputIds[slotsOf(first)[0] ?? 'general'])?.focus();
  }

  /**
   * Whether the span may be sent as it is: not when a report already covers it; after a warning when it holds no
   * lessons (a weekend, a break). A check that cannot be made does not stop the report: the API refuses what it must.
   */
  async function checkedBeforeSending(input: { studentId: string; fromDate: string; toDate: string }): Promise<boolean> {
    setChecking(true);
    try {
      const { data } = await client.query({ query: CheckSickReportDocument, variables: { input }, fetchPolicy: 'network-only' });
      const check = data?.checkSickReport;
      if (check?.coveringReport) {
        setCovering(formatAbsenceSpan(check.coveringReport, currentLocale()));
        return false;
      }
      if (check?.lessonCount === 0) {
        setNoLessons(true);
        return false;
      }
      return true;
    } catch {
      return true;
    } finally {
      setChecking(false);
    }
  }

  async function submit(event: FormEvent | null, sendAnyway = false) {
    event?.preventDefault();
    setFailure(null);
    const found = checkValues(values, today);
    if (found.length > 0) {
      show(found);
      return;
    }
    const note = values.note.trim();
    const input = { studentId: student.id, ...spanOf(values), note: note === '' ? null : note };
    if (!sendAnyway && !(await checkedBeforeSending(input))) return;
    setNoLessons(false);
    try {
      const { data } = await report({ variables: { input } });
      if (!data) throw new Error('reportSick returned no data');
      setEdited(null);
      setProblems([]);
      onReported(data.reportSick);
    } catch (error) {
      const fromServer = errorProblems(error);
      // Another guardian's report may have come in between the check and the sending.
      if (fromServer.includes('ALREADY_REPORTED')) setCovering(formatAbsenceSpan(input, currentLocale()));
      else if (fromServer.some(isSpanProblem)) show(fromServer.filter(isSpanProblem));
      else setFailure(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  }

  const field = (slot: SpanSlot, label: string, input: (describedBy: string | undefined, invalid: boolean) => ReactNode) => {
    const messages = errorFor(slot);
    const errorId = `${inputIds[slot]}-error`;
    return (
      <div className={`field${messages.length > 0 ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={inputIds[slot]}>
          {label}
        </label>
        {input(messages.length > 0 ? errorId : undefined, messages.length > 0)}
        {messages.length > 0 ? (
          <p id={errorId} className="field__error">
            {messages.map((problem) => t(`sickReport.problems.${problem}`)).join(' ')}
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
      value={values[key]}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => change({ [key]: event.target.value })}
    />
  );
  const timeInput = (slot: 'fromTime' | 'toTime') => (describedBy: string | undefined, invalid: boolean) => (
    <input
      id={inputIds[slot]}
      className="field__input"
      type="time"
      required
      value={values[slot]}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => change({ [slot]: event.target.value })}
    />
  );

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} data-testid="sick-report-form">
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('sickReport.modeLegend')}</legend>
        <div className="choice-group__options">
          {(['days', 'part'] as const).map((mode) => (
            <div className="checkbox" key={mode}>
              <input
                id={`${id}-mode-${mode}`}
                type="radio"
                name={`${id}-mode`}
                className="checkbox__input"
                checked={values.mode === mode}
                onChange={() => change({ mode })}
              />
              <label htmlFor={`${id}-mode-${mode}`} className="checkbox__label">
                {t(`sickReport.mode.${mode}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      {values.mode === 'days' ? (
        <div className="form__row">
          {field('from', t('sickReport.fromDate'), dateInput('from', 'fromDate'))}
          {field('to', t('sickReport.toDate'), dateInput('to', 'toDate'))}
        </div>
      ) : (
        <>
          {field('from', t('sickReport.date'), dateInput('from', 'fromDate'))}
          <div className="form__row">
            {field('fromTime', t('sickReport.fromTime'), timeInput('fromTime'))}
            {field('toTime', t('sickReport.toTime'), timeInput('toTime'))}
          </div>
        </>
      )}

      <div className="field">
        <label className="field__label" htmlFor={inputIds.reason}>
          {forHome ? t('sickReportForHome.note') : t('sickReport.note')}
        </label>
        <p id={`${id}-note-hint`} className="field__hint">
          {forHome ? t('sickReportForHome.noteHint') : t('sickReport.noteHint')}
        </p>
        <textarea
          id={inputIds.reason}
          className="field__input field__textarea"
          maxLength={MAX_REASON_LENGTH}
          aria-describedby={`${id}-note-hint`}
          value={values.note}
          onChange={(event) => change({ note: event.target.value })}
        />
      </div>

      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy} data-testid="submit-sick-report">
            {busy ? t('sickReport.submitting') : t('sickReport.submit', { name: student.firstName })}
          </button>
        </div>
        {noLessons ? (
          <div className="alert alert--info" role="alert" data-testid="sick-report-no-lessons">
            <span className="alert__icon" aria-hidden="true">
              i
            </span>
            <div className="alert__body">
              <p>{t('sickReport.noLessons', { name: student.firstName })}</p>
              <div className="form__actions">
                <button type="button" className="button button--secondary" disabled={busy} onClick={() => void submit(null, true)}>
                  {t('sickReport.sendAnyway')}
                </button>
                <button type="button" className="button button--quiet" onClick={() => document.getElementById(inputIds.from)?.focus()}>
                  {t('sickReport.changeDates')}
                </button>
              </div>
            </div>
          </div>
        ) : null}
        <Alert tone="info">{covering ? t('sickReport.alreadyReported', { span: covering }) : null}</Alert>
        <Alert tone="error">
          {errorFor('general').length > 0
            ? errorFor('general')
                .map((problem) => t(`sickReport.problems.${problem}`))
                .join(' ')
            : failure === 'unreachable'
              ? t('errors.unreachableBody')
              : failure === 'failed'
                ? t('sickReport.failed')
                : null}
        </Alert>
      </div>
    </form>
  );
}

function SickReportItem({
  report,
  onWithdrawn,
}: {
  report: SickReportFieldsFragment;
  onWithdrawn: (report: SickReportFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const client = useApolloClient();
  const [withdraw, { loading }] = useMutation(WithdrawSickReportDocument);
  const [failed, setFailed] = useState<'ALREADY_WITHDRAWN' | 'ALREADY_ENDED' | 'failed' | null>(null);
  const span = formatAbsenceSpan(report, currentLocale());

  async function onWithdraw() {
    setFailed(null);
    try {
      const { data } = await withdraw({ variables: { id: report.id } });
      if (data) onWithdrawn(data.withdrawSickReport);
    } catch (error) {
      // Withdrawn elsewhere (the other guardian) or over meanwhile: the list shows how it stands now.
      const problems = errorProblems(error);
      const known = problems.includes('ALREADY_WITHDRAWN')
        ? 'ALREADY_WITHDRAWN'
        : problems.includes('ALREADY_ENDED')
          ? 'ALREADY_ENDED'
          : null;
      setFailed(known ?? 'failed');
      if (known) void client.refetchQueries({ include: ['SickReports'] });
    }
  }

  return (
    <li className={`record${report.withdrawnAt ? ' record--muted' : ''}`} data-testid="sick-report">
      <div className="record__main">
        <p className="record__title">{span}</p>
        <p className="record__meta">
          {t(`sickReport.channel.${report.channel}`, { name: report.reportedBy, when: formatSchoolDateTime(report.createdAt, locale) })}
        </p>
        <p className="record__meta" data-testid="covered-lessons">
          {t('sickReport.coveredLessons', { count: report.coveredLessonCount })}
        </p>
        {report.note ? <p className="record__note">{t('sickReport.noteShown', { note: report.note })}</p> : null}
      </div>
      <div className="record__side">
        {report.withdrawnAt ? (
          <span className="status-badge status-badge--withdrawn" data-testid="sick-report-status">
            {t('sickReport.withdrawnAt', { when: formatSchoolDateTime(report.withdrawnAt, locale) })}
          </span>
        ) : (
          <span className="status-badge status-badge--approved" data-testid="sick-report-status">
            <span aria-hidden="true">✓ </span>
            {t('sickReport.registered')}
          </span>
        )}
        {report.canWithdraw && !report.withdrawnAt ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={loading}
            aria-label={t('sickReport.withdrawLabel', { span })}
            onClick={() => void onWithdraw()}
          >
            {loading ? t('sickReport.withdrawing') : t('sickReport.withdraw')}
          </button>
        ) : null}
        {failed ? (
          <p className="field__error" role="alert">
            {failed === 'ALREADY_WITHDRAWN'
              ? t('sickReport.alreadyWithdrawn')
              : failed === 'ALREADY_ENDED'
                ? t('sickReport.alreadyEnded')
                : t('sickReport.withdrawFailed')}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function SickReportList({ student, onWithdrawn }: { student: ReportedStudent; onWithdrawn: (report: SickReportFieldsFragment) => void }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(SickReportsDocument, {
    variables: { studentId: student.id },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <RecordsSection
      headingId="sick-reports-heading"
      heading={t('sickReport.listHeading', { name: student.firstName })}
      records={data?.sickReports}
      renderRecord={(report) => <SickReportItem key={report.id} report={report} onWithdrawn={onWithdrawn} />}
      empty={t('sickReport.listEmpty')}
      listTestId="sick-reports"
      error={error}
      loading={loading}
      loadingLabel={t('sickReport.loading')}
      onRetry={() => void refetch()}
    />
  );
}

type Notice = { kind: 'reported' | 'withdrawn'; report: SickReportFieldsFragment; name: string };

/**
 * The confirmation, the form and the student's reports: the home's page and the staff's (a guardian called the
 * school) are the same but for their headings. Give it a `key` of the student, so that another student's starts afresh.
 */
export function SickReportSection({ student, formHeading, forHome }: { student: ReportedStudent; formHeading: string; forHome: boolean }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const name = `${student.firstName} ${student.lastName}`;

  useEffect(() => {
    // The confirmation is above the (now empty) form: bring it into view and to the screen reader.
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  return (
    <>
      <Alert tone="success">
        {notice ? (
          <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="sick-report-confirmation">
            {notice.kind === 'reported' ? (
              <>
                <p className="notice-title">{t('sickReport.confirmedTitle')}</p>
                <p>
                  {t('sickReport.confirmed', { name: notice.name, span: formatAbsenceSpan(notice.report, currentLocale()) })}{' '}
                  {t('sickReport.confirmedLessons', { count: notice.report.coveredLessonCount })}
                </p>
                <p>{t('sickReport.confirmedNotified')}</p>
              </>
            ) : (
              <p>{t('sickReport.withdrawnNotice', { name: notice.name, span: formatAbsenceSpan(notice.report, currentLocale()) })}</p>
            )}
          </div>
        ) : null}
      </Alert>
      <section className="panel form-panel" aria-labelledby="sick-report-form-heading">
        <h2 id="sick-report-form-heading" className="section-heading">
          {formHeading}
        </h2>
        <SickReportForm student={student} forHome={forHome} onReported={(report) => setNotice({ kind: 'reported', report, name })} />
      </section>
      <SickReportList student={student} onWithdrawn={(report) => setNotice({ kind: 'withdrawn', report, name })} />
    </>
  );
}

/** Sjukanmälan: a guardian reports a child sick (an adult student themself), and sees and withdraws reports. */
export function SickReportPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('sickReport.pageTitle'));
  const { student, picker } = useChosenStudent(t('sickReport.childLegend'));
  const isSelf = viewer.role === 'STUDENT';

  return (
    <div className="sick-report-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('sickReport.kicker')}</p>
          <h1 className="page-header__title">{t('sickReport.heading')}</h1>
          <p className="page-header__sub">{isSelf ? t('sickReport.introSelf') : t('sickReport.intro')}</p>
        </div>
      </header>
      {student === null ? (
        <p className="week-empty">{t('sickReport.noStudents')}</p>
      ) : (
        <>
          {picker}
          {/* Another child: the previous child's confirmation and form start afresh. */}
          <SickReportSection
            key={student.id}
            student={student}
            forHome={false}
            formHeading={
              isSelf ? t('sickReport.formHeadingSelf') : t('sickReport.formHeading', { name: `${student.firstName} ${student.lastName}` })
            }
          />
        </>
      )}
    </div>
  );
}
