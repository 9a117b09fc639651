import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { checkSickReport, isClockTime, isIsoDate, MAX_REASON_LENGTH, type SpanProblem } from '@insyn/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { SickReportFieldsFragment } from '../../gql/graphql';
import { formatDateSpan, formatSchoolDateTime, schoolToday } from '../../lib/dates';
import { errorProblems, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { useChosenStudent, type ViewerStudent } from '../schedule/chosen-student';
import { isSpanProblem, problemSlot, type SpanSlot } from './span-problems';
import { ReportSickDocument, SickReportsDocument, WithdrawSickReportDocument } from './operations';

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

/** "25 november 2026" or "25 november 2026, 08:00–12:00". */
export function sickSpanText(report: Pick<SickReportFieldsFragment, 'fromDate' | 'toDate' | 'fromTime' | 'toTime'>): string {
  const dates = formatDateSpan(report.fromDate, report.toDate, currentLocale());
  return report.fromTime && report.toTime ? `${dates}, ${report.fromTime}–${report.toTime}` : dates;
}

function SickReportForm({ student, onReported }: { student: ViewerStudent; onReported: (report: SickReportFieldsFragment) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const today = schoolToday();
  const [values, setValues] = useState<SickValues>(() => initialValues(today));
  const [problems, setProblems] = useState<SpanProblem[]>([]);
  const [failure, setFailure] = useState<'unreachable' | 'failed' | null>(null);
  const [report, { loading }] = useMutation(ReportSickDocument, { refetchQueries: ['SickReports'], awaitRefetchQueries: true });

  const slotOf = (problem: SpanProblem): SpanSlot => problemSlot(problem, values.mode, values);
  const errorFor = (slot: SpanSlot) => problems.filter((problem) => slotOf(problem) === slot);
  const inputIds: Record<SpanSlot, string> = {
    from: `${id}-from`,
    to: values.mode === 'part' ? `${id}-from` : `${id}-to`,
    fromTime: `${id}-from-time`,
    toTime: `${id}-to-time`,
    reason: `${id}-note`,
    general: `${id}-from`,
  };

  function change(patch: Partial<SickValues>) {
    setValues((previous) => ({ ...previous, ...patch }));
    setProblems([]);
    setFailure(null);
  }

  function show(found: SpanProblem[]) {
    setProblems(found);
    const first = found[0];
    if (first) document.getElementById(inputIds[slotOf(first)])?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = checkValues(values, today);
    if (found.length > 0) {
      show(found);
      return;
    }
    const note = values.note.trim();
    try {
      const { data } = await report({
        variables: { input: { studentId: student.id, ...spanOf(values), note: note === '' ? null : note } },
      });
      if (!data) throw new Error('reportSick returned no data');
      setValues(initialValues(today));
      setProblems([]);
      onReported(data.reportSick);
    } catch (error) {
      const fromServer = errorProblems(error).filter(isSpanProblem);
      if (fromServer.length > 0) show(fromServer);
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
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="sick-report-form">
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
          {t('sickReport.note')}
        </label>
        <p id={`${id}-note-hint`} className="field__hint">
          {t('sickReport.noteHint')}
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
          <button type="submit" className="button button--primary" disabled={loading} data-testid="submit-sick-report">
            {loading ? t('sickReport.submitting') : t('sickReport.submit', { name: student.firstName })}
          </button>
        </div>
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
  const span = sickSpanText(report);

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

function SickReportList({ student, onWithdrawn }: { student: ViewerStudent; onWithdrawn: (report: SickReportFieldsFragment) => void }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(SickReportsDocument, {
    variables: { studentId: student.id },
    fetchPolicy: 'cache-and-network',
  });
  const reports = data?.sickReports;
  return (
    <section className="records-section" aria-labelledby="sick-reports-heading">
      <h2 id="sick-reports-heading" className="section-heading">
        {t('sickReport.listHeading', { name: student.firstName })}
      </h2>
      {reports ? (
        reports.length === 0 ? (
          <p className="week-empty">{t('sickReport.listEmpty')}</p>
        ) : (
          <ul className="records" data-testid="sick-reports">
            {reports.map((report) => (
              <SickReportItem key={report.id} report={report} onWithdrawn={onWithdrawn} />
            ))}
          </ul>
        )
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('sickReport.loading')} />
      ) : null}
    </section>
  );
}

type Notice = { kind: 'reported' | 'withdrawn'; report: SickReportFieldsFragment; name: string };

/** Sjukanmälan: a guardian reports a child sick (an adult student themself), and sees and withdraws reports. */
export function SickReportPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  usePageTitle(t('sickReport.pageTitle'));
  const { student, picker } = useChosenStudent(t('sickReport.childLegend'));
  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const isSelf = viewer.role === 'STUDENT';

  useEffect(() => {
    // The confirmation is above the (now empty) form: bring it into view and to the screen reader.
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const studentId = student?.id ?? null;
  const [shownFor, setShownFor] = useState(studentId);
  if (shownFor !== studentId) {
    // Another child: the previous child's confirmation no longer applies.
    setShownFor(studentId);
    setNotice(null);
  }

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
          <Alert tone="success">
            {notice ? (
              <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="sick-report-confirmation">
                {notice.kind === 'reported' ? (
                  <>
                    <p className="notice-title">{t('sickReport.confirmedTitle')}</p>
                    <p>
                      {t('sickReport.confirmed', { name: notice.name, span: sickSpanText(notice.report) })}{' '}
                      {t('sickReport.confirmedLessons', { count: notice.report.coveredLessonCount })}
                    </p>
                    <p>{t('sickReport.confirmedNotified')}</p>
                  </>
                ) : (
                  <p>{t('sickReport.withdrawnNotice', { name: notice.name, span: sickSpanText(notice.report) })}</p>
                )}
              </div>
            ) : null}
          </Alert>
          <section className="panel form-panel" aria-labelledby="sick-report-form-heading">
            <h2 id="sick-report-form-heading" className="section-heading">
              {isSelf ? t('sickReport.formHeadingSelf') : t('sickReport.formHeading', { name: `${student.firstName} ${student.lastName}` })}
            </h2>
            <SickReportForm
              key={student.id}
              student={student}
              onReported={(report) => setNotice({ kind: 'reported', report, name: `${student.firstName} ${student.lastName}` })}
            />
          </section>
          <SickReportList
            student={student}
            onWithdrawn={(report) => setNotice({ kind: 'withdrawn', report, name: `${student.firstName} ${student.lastName}` })}
          />
        </>
      )}
    </div>
  );
}
