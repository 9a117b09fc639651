import { useApolloClient, useQuery } from '@apollo/client/react';
import { MAX_ATTENDANCE_NOTE_LENGTH, MAX_CORRECTION_REASON_LENGTH } from '@insyn/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ClockIcon } from '../../components/ui/clock-icon';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { AttendanceStatus, RollCallFieldsFragment } from '../../gql/graphql';
import {
  formatAbsenceSpan,
  formatLongDate,
  formatSchoolDayTime,
  formatSchoolTime,
  formatShortDate,
  formatWeekday,
  schoolToday,
} from '../../lib/dates';
import { forgetDraft, readDraft, useConfirmUnload, writeDraft } from '../../lib/drafts';
import { currentLocale } from '../../lib/i18n';
import { useOfflineSnapshot } from '../../lib/offline-snapshot';
import { useViewer } from '../auth/auth-context';
import { historyLines } from './history-lines';
import { RollCallStateBadge } from './lesson-state';
import { RollCallDocument } from './operations';
import { PendingNotice, refusalMessage } from './pending-notice';
import { enqueueRollCall, flushQueue, pendingForLesson, queueSnapshot, refusedForLesson, type QueuedEntry } from './queue';
import { DAY_PARAM } from './today-page';
import { useRollCallQueue } from './use-roll-call-queue';

const QUICK_LATE_MINUTES = [5, 10, 15, 20] as const;

/**
 * A row's minute choices or note open below it: brought into view at once, so that a row just above the sticky save
 * bar does not open them under the bar, out of the hand's reach (the page's scroll-padding keeps the bar's height free).
 */
const bringIntoView = (panel: HTMLElement | null) => panel?.scrollIntoView({ block: 'nearest' });

type Marks = Record<string, QueuedEntry>;
type SaveOutcome = 'sent' | 'queued' | 'refused' | null;

/**
 * Marks and reason changed and not yet saved (lib/drafts.ts): only the rows the teacher changed, and the saved state
 * they were changed from, so that they are laid again over what has been saved since (the device's own queued save
 * arriving, a colleague's save) instead of being lost with the form it was typed in.
 */
interface RollCallDraft {
  base: string;
  changed: Marks;
  reason: string;
}

const isRollCallDraft = (value: unknown): value is RollCallDraft =>
  typeof value === 'object' &&
  value !== null &&
  'base' in value &&
  typeof value.base === 'string' &&
  'changed' in value &&
  typeof value.changed === 'object' &&
  value.changed !== null &&
  'reason' in value &&
  typeof value.reason === 'string';

const sameMark = (a: QueuedEntry | undefined, b: QueuedEntry | undefined) =>
  a?.status === b?.status && (a?.lateMinutes ?? null) === (b?.lateMinutes ?? null) && (a?.note ?? null) === (b?.note ?? null);

/** The rows of `marks` that differ from `start`. */
const changedFrom = (start: Marks, marks: Marks): Marks =>
  Object.fromEntries(Object.entries(marks).filter(([studentId, mark]) => !sameMark(mark, start[studentId])));

/**
 * The draft's rows over the marks the form starts from (`base`), for the students still on the list, and whether a
 * save arrived since it was typed; null when nothing of it differs from them any more (the save was the same).
 */
function restoreDraft(
  draft: RollCallDraft | undefined,
  start: Marks,
  base: string,
): { marks: Marks; reason: string; rebased: boolean } | null {
  if (!draft) return null;
  const marks = { ...start };
  for (const [studentId, mark] of Object.entries(draft.changed)) if (studentId in marks) marks[studentId] = mark;
  if (Object.keys(changedFrom(start, marks)).length === 0 && draft.reason === '') return null;
  return { marks, reason: draft.reason, rebased: draft.base !== base };
}

function initialMarks(rollCall: RollCallFieldsFragment, queued: QueuedEntry[] | null): Marks {
  const marks: Marks = {};
  for (const student of rollCall.students) {
    marks[student.id] = {
      studentId: student.id,
      // A student the home reported sick or on leave is absent (with that reason) unless the teacher sees them.
      status: student.status ?? (student.reportedAbsence ? 'ABSENT' : 'PRESENT'),
      lateMinutes: student.status === 'LATE' ? (student.lateMinutes ?? null) : null,
      note: student.note ?? null,
    };
  }
  for (const entry of queued ?? []) marks[entry.studentId] = { ...entry };
  return marks;
}

function StudentRow({
  student,
  mark,
  maxMinutes,
  onChange,
}: {
  student: RollCallFieldsFragment['students'][number];
  mark: QueuedEntry;
  maxMinutes: number;
  onChange: (mark: QueuedEntry) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'late' | 'note' | null>(null);
  const [otherMinutes, setOtherMinutes] = useState('');
  const panelId = useId();
  const name = `${student.firstName} ${student.lastName}`;
  const statusText =
    mark.status === 'LATE' ? t('rollCall.status.LATE', { count: mark.lateMinutes ?? 0 }) : t(`rollCall.status.${mark.status}`);

  function toggleAbsent() {
    onChange({ ...mark, status: mark.status === 'ABSENT' ? 'PRESENT' : 'ABSENT', lateMinutes: null });
  }

  function setLate(minutes: number | null) {
    onChange({ ...mark, status: minutes === null ? 'PRESENT' : 'LATE', lateMinutes: minutes });
    setOpen(null);
  }

  const otherValue = Number(otherMinutes);
  const otherValid = Number.isInteger(otherValue) && otherValue >= 1 && otherValue <= maxMinutes;

  return (
    <li className={`roll-row roll-row--${mark.status.toLowerCase()}`} data-testid="roll-row" data-student-id={student.id}>
      <div className="roll-row__main">
        <button type="button" className="roll-row__toggle" aria-pressed={mark.status === 'ABSENT'} onClick={toggleAbsent}>
          <span className="roll-row__mark" aria-hidden="true">
            {mark.status === 'ABSENT' ? '✗' : mark.status === 'LATE' ? <ClockIcon /> : '✓'}
          </span>
          <span className="roll-row__name">{name}</span>
          <span className="roll-row__status" data-testid="roll-status">
            {statusText}
          </span>
          {student.reportedAbsence ? (
            <span className="roll-row__reason" data-testid="reported-absence">
              {t(`rollCall.validReason.${student.reportedAbsence.reason}`)} · {formatAbsenceSpan(student.reportedAbsence, currentLocale())}
            </span>
          ) : student.validReason ? (
            <span className="roll-row__reason" data-testid="valid-reason">
              {t(`rollCall.validReason.${student.validReason}`)}
            </span>
          ) : null}
        </button>
        <button
          type="button"
          className={`roll-row__action${mark.status === 'LATE' ? ' roll-row__action--on' : ''}`}
          aria-expanded={open === 'late'}
          aria-controls={`${panelId}-late`}
          aria-label={t('rollCall.lateFor', { name })}
          onClick={() => setOpen(open === 'late' ? null : 'late')}
        >
          {t('rollCall.late')}
        </button>
        <button
          type="button"
          className={`roll-row__action${mark.note ? ' roll-row__action--on' : ''}`}
          aria-expanded={open === 'note'}
          aria-controls={`${panelId}-note`}
          aria-label={t('rollCall.noteFor', { name })}
          onClick={() => setOpen(open === 'note' ? null : 'note')}
        >
          <span aria-hidden="true">✎</span>
          <span className="roll-row__action-text">{t('rollCall.note')}</span>
        </button>
      </div>
      {mark.note && open !== 'note' ? <p className="roll-row__note-preview">{mark.note}</p> : null}
      {open === 'late' ? (
        <fieldset className="roll-row__panel" id={`${panelId}-late`} ref={bringIntoView}>
          <legend className="roll-row__legend">{t('rollCall.lateLegend', { name })}</legend>
          <div className="roll-row__choices">
            {QUICK_LATE_MINUTES.filter((minutes) => minutes <= maxMinutes).map((minutes) => (
              <button
                key={minutes}
                type="button"
                className="button button--secondary roll-row__choice"
                aria-pressed={mark.status === 'LATE' && mark.lateMinutes === minutes}
                onClick={() => setLate(minutes)}
              >
                {t('rollCall.minutes', { count: minutes })}
              </button>
            ))}
            <label className="roll-row__other">
              <span>{t('rollCall.otherMinutes')}</span>
              <input
                className="field__input roll-row__other-input"
                type="number"
                inputMode="numeric"
                min={1}
                max={maxMinutes}
                value={otherMinutes}
                onChange={(event) => setOtherMinutes(event.target.value)}
              />
            </label>
            <button
              type="button"
              className="button button--primary roll-row__choice"
              disabled={!otherValid}
              onClick={() => setLate(otherValue)}
            >
              {t('rollCall.setMinutes')}
            </button>
            {mark.status === 'LATE' ? (
              <button type="button" className="button button--quiet roll-row__choice" onClick={() => setLate(null)}>
                {t('rollCall.notLate')}
              </button>
            ) : null}
          </div>
          <p className="roll-row__hint">{t('rollCall.maxMinutes', { count: maxMinutes })}</p>
        </fieldset>
      ) : null}
      {open === 'note' ? (
        <div className="roll-row__panel" id={`${panelId}-note`} ref={bringIntoView}>
          <label className="field">
            <span className="field__label">{t('rollCall.noteLabel', { name })}</span>
            <textarea
              className="field__input roll-row__note"
              maxLength={MAX_ATTENDANCE_NOTE_LENGTH}
              value={mark.note ?? ''}
              onChange={(event) => onChange({ ...mark, note: event.target.value === '' ? null : event.target.value })}
            />
          </label>
          <button type="button" className="button button--secondary" onClick={() => setOpen(null)}>
            {t('rollCall.noteDone')}
          </button>
        </div>
      ) : null}
    </li>
  );
}

/** The roll call taken as one line (with who was not present), and each correction as a line of its own. */
function History({ history }: { history: RollCallFieldsFragment['history'] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const describe = (status: AttendanceStatus | null | undefined, minutes: number | null | undefined) =>
    !status
      ? t('rollCall.history.none')
      : status === 'LATE'
        ? t('rollCall.status.LATE', { count: minutes ?? 0 })
        : t(`rollCall.status.${status}`);
  const lines = historyLines(history);
  const corrections = lines.filter((line) => line.kind === 'correction').length;
  return (
    <details className="roll-history" data-testid="roll-call-history">
      <summary className="roll-history__summary">
        {lines.length === 0
          ? t('rollCall.history.summaryNone')
          : corrections === 0
            ? t('rollCall.history.summaryTaken')
            : t('rollCall.history.summary', { count: corrections })}
      </summary>
      {lines.length === 0 ? (
        <p>{t('rollCall.history.empty')}</p>
      ) : (
        <ol className="roll-history__list">
          {lines.map((line) => (
            <li key={line.key} className="roll-history__item" data-testid="history-entry">
              <span className="roll-history__when">
                {line.takenOfflineAt
                  ? t('rollCall.history.lateArrival', {
                      taken: formatSchoolDayTime(line.takenOfflineAt, locale),
                      arrived: formatSchoolDayTime(line.changedAt, locale),
                    })
                  : formatSchoolTime(line.changedAt)}{' '}
                · {line.changedBy}
              </span>
              {line.kind === 'taken' ? (
                <>
                  <span>{t('rollCall.history.taken', line.counts)}</span>
                  {line.notPresent.length > 0 ? (
                    <span className="roll-history__detail">
                      {line.notPresent
                        .map((change) => `${change.studentName}: ${describe(change.afterStatus, change.afterLateMinutes)}`)
                        .join(' · ')}
                    </span>
                  ) : null}
                </>
              ) : (
                <span>
                  {t('rollCall.history.change', {
                    name: line.change.studentName,
                    before: describe(line.change.beforeStatus, line.change.beforeLateMinutes),
                    after: describe(line.change.afterStatus, line.change.afterLateMinutes),
                  })}
                </span>
              )}
              {line.reason ? <span className="roll-history__reason">{t('rollCall.history.reason', { reason: line.reason })}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}

interface RollCallFormProps {
  rollCall: RollCallFieldsFragment;
  /** The marks of the newest submission the device holds unsaved: waiting to be sent, or refused. */
  queued: QueuedEntry[] | null;
  /** Why that submission was refused, if it was. */
  refusal: string | null;
  /** Where the form keeps what is changed and not yet saved, for this user and lesson. */
  draftKey: string;
  /** The saved state the form starts from (the server's history, or the device's queued save). */
  base: string;
  /** Kept by the page: the form is recreated when the saved marks change. */
  outcome: SaveOutcome;
  setOutcome: (outcome: SaveOutcome) => void;
}

function RollCallForm({ rollCall, queued, refusal, draftKey, base, outcome, setOutcome }: RollCallFormProps) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  // A teacher called away mid-register, who leaves by a link or the menu, finds their marks again when they come back;
  // and marks being changed while a save arrives (their device's own, a colleague's) stay, laid over it.
  const [start] = useState(() => initialMarks(rollCall, queued));
  const [draft] = useState(() => restoreDraft(readDraft(draftKey, isRollCallDraft), start, base));
  const [marks, setMarks] = useState<Marks>(draft?.marks ?? start);
  const [reason, setReason] = useState(draft?.reason ?? '');
  const [unsaved, setUnsaved] = useState(draft !== null);
  const [rebased, setRebased] = useState(draft?.rebased ?? false);
  const [reasonMissing, setReasonMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  useConfirmUnload(unsaved);

  function remember(nextMarks: Marks, nextReason: string) {
    setMarks(nextMarks);
    setReason(nextReason);
    setUnsaved(true);
    setOutcome(null);
    writeDraft(draftKey, { base, changed: changedFrom(start, nextMarks), reason: nextReason } satisfies RollCallDraft);
  }

  function discard() {
    forgetDraft(draftKey);
    setMarks(start);
    setReason('');
    setUnsaved(false);
    setRebased(false);
  }
  const reasonId = useId();
  const lesson = rollCall.lesson;
  // After the lesson's day the API asks for a reason whether the roll call is corrected or taken for the first time.
  const firstTaking = lesson.rollCallState === 'NOT_TAKEN';
  const values = Object.values(marks);
  const counts = {
    present: values.filter((mark) => mark.status === 'PRESENT').length,
    absent: values.filter((mark) => mark.status === 'ABSENT').length,
    late: values.filter((mark) => mark.status === 'LATE').length,
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (rollCall.reasonRequired && reason.trim() === '') {
      setReasonMissing(true);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setSaving(true);
    setOutcome(null);
    const submissionId = crypto.randomUUID();
    try {
      await enqueueRollCall({
        submissionId,
        userId: viewer.userId,
        lessonId: lesson.id,
        lessonLabel: `${lesson.subjectName} ${lesson.groupName} ${formatSchoolTime(lesson.startsAt)}`,
        entries: rollCall.students.map(
          (student) => marks[student.id] ?? { studentId: student.id, status: 'PRESENT', lateMinutes: null, note: null },
        ),
        reason: rollCall.reasonRequired ? reason.trim() : null,
        takenAt: new Date().toISOString(),
        // Sent with the save: should it reach the server only after the lesson's day, it still counts for that day.
        offlineProof: rollCall.offlineProof ?? null,
      });
      // Stored on the device: from here the queue keeps it.
      forgetDraft(draftKey);
      setUnsaved(false);
      setRebased(false);
      await flushQueue(client, viewer.userId);
      const snapshot = queueSnapshot();
      if (snapshot.pending.some((item) => item.submissionId === submissionId)) setOutcome('queued');
      else if (snapshot.refused.some((item) => item.submissionId === submissionId)) setOutcome('refused');
      else setOutcome('sent');
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="roll-call__form" onSubmit={(event) => void save(event)} noValidate>
      <ul className="roll-list" aria-label={t('rollCall.studentsLabel', { count: rollCall.students.length })}>
        {rollCall.students.map((student) => {
          const mark = marks[student.id];
          if (!mark) return null;
          return (
            <StudentRow
              key={student.id}
              student={student}
              mark={mark}
              maxMinutes={rollCall.durationMinutes}
              onChange={(next) => remember({ ...marks, [student.id]: next }, reason)}
            />
          );
        })}
      </ul>
      {rollCall.reasonRequired ? (
        <div className="field roll-call__reason">
          <label className="field__label" htmlFor={reasonId}>
            {firstTaking ? t('rollCall.reasonLabelFirst') : t('rollCall.reasonLabel')}
          </label>
          <textarea
            id={reasonId}
            className="field__input"
            required
            aria-required="true"
            aria-invalid={reasonMissing}
            aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
            maxLength={MAX_CORRECTION_REASON_LENGTH}
            value={reason}
            onChange={(event) => {
              remember(marks, event.target.value);
              setReasonMissing(false);
            }}
          />
          {reasonMissing ? (
            <p className="field__error" id={`${reasonId}-error`}>
              {firstTaking ? t('rollCall.reasonRequiredFirst') : t('rollCall.reasonRequired')}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="roll-call__save-bar">
        <Alert tone={outcome === 'queued' ? 'info' : 'success'}>
          {outcome === 'sent' ? t('rollCall.saved') : outcome === 'queued' && queued ? t('rollCall.savedOnDevice') : null}
        </Alert>
        {/* Beside the button, where the teacher looks: the page's top says it too, out of view on a long class. */}
        <Alert tone="error">{refusal && !unsaved ? t('rollCall.notSaved', { reason: refusal }) : null}</Alert>
        {unsaved ? (
          <p className="roll-call__unsaved" data-testid="roll-call-unsaved">
            {rebased ? `${t('rollCall.unsavedOverNewer')} ` : null}
            {t('rollCall.unsaved')}{' '}
            <button type="button" className="button button--quiet" onClick={discard}>
              {t('rollCall.discard')}
            </button>
          </p>
        ) : null}
        {rollCall.cannotSaveBecause ? (
          <Alert tone="info">{t(`rollCall.cannotSave.${cannotSaveKey(rollCall.cannotSaveBecause)}`)}</Alert>
        ) : (
          <button
            type="submit"
            className="button button--primary button--block roll-call__save"
            disabled={saving}
            data-testid="save-roll-call"
          >
            {saving ? t('rollCall.saving') : t('rollCall.save', counts)}
          </button>
        )}
      </div>
    </form>
  );
}

const CANNOT_SAVE_KEYS = ['NOT_YOUR_LESSON', 'TOO_EARLY', 'TOO_LATE_FOR_TEACHER', 'LESSON_CANCELLED'] as const;
type CannotSaveKey = (typeof CANNOT_SAVE_KEYS)[number] | 'OTHER';

function cannotSaveKey(value: string): CannotSaveKey {
  return (CANNOT_SAVE_KEYS as readonly string[]).includes(value) ? (value as CannotSaveKey) : 'OTHER';
}

export function RollCallPage() {
  const { t } = useTranslation();
  const { lessonId = '' } = useParams();
  const viewer = useViewer();
  const locale = currentLocale();
  const queue = useRollCallQueue();
  const { data, error, loading, refetch } = useQuery(RollCallDocument, {
    variables: { lessonId, locale },
    fetchPolicy: 'cache-and-network',
  });
  const snapshot = useOfflineSnapshot(`roll-call:${viewer.userId}:${lessonId}:${locale}`, data, error);
  const rollCall = data?.rollCall ?? snapshot?.rollCall;
  const queued = pendingForLesson(queue, lessonId, viewer.userId);
  // A refused save's marks stay on the form, to be put right and saved again (while there is no newer one waiting).
  const refused = queued ? null : refusedForLesson(queue, lessonId, viewer.userId);
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  usePageTitle(
    rollCall ? t('rollCall.pageTitle', { lesson: `${rollCall.lesson.subjectName} ${rollCall.lesson.groupName}` }) : t('rollCall.heading'),
  );

  if (!rollCall) {
    return (
      <div className="roll-call">
        <PendingNotice lessonId={lessonId} />
        {error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : loading || !queue.loaded ? (
          <LoadingState label={t('rollCall.loading')} />
        ) : null}
        <p className="today__schedule-link">
          <Link className="text-link" to="/idag">
            {t('rollCall.backToToday')}
          </Link>
        </p>
      </div>
    );
  }

  const lesson = rollCall.lesson;
  const historyKey = rollCall.history.map((change) => change.changedAt).join('|');
  const formKey = `${(queued ?? refused)?.submissionId ?? 'server'}-${historyKey}`;
  // Those not yet marked start as absent because of the report; once saved, their marks speak for themselves.
  const reportedCount = rollCall.students.filter((student) => student.reportedAbsence && !student.status).length;
  const onToday = lesson.date === schoolToday();
  const dayLink = onToday ? '/idag' : `/idag?${DAY_PARAM}=${lesson.date}`;
  return (
    <div className="roll-call">
      <header className="page-header roll-call__header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={dayLink}>
              <span aria-hidden="true" className="back-arrow">
                ‹
              </span>
              {onToday ? t('rollCall.backToToday') : t('rollCall.backToDay', { date: formatShortDate(lesson.date, locale) })}
            </Link>
          </p>
          <h1 className="page-header__title">{t('rollCall.headingFor', { subject: lesson.subjectName, group: lesson.groupName })}</h1>
          <p className="page-header__sub">
            {formatWeekday(lesson.date, locale)} {formatLongDate(lesson.date, locale)},{' '}
            {t('schedule.time', { start: formatSchoolTime(lesson.startsAt), end: formatSchoolTime(lesson.endsAt) })}
            {lesson.room ? `, ${t('schedule.room', { room: lesson.room })}` : ''}
          </p>
        </div>
        <RollCallStateBadge state={lesson.rollCallState} overdue={lesson.rollCallOverdue} queued={queued !== null} />
      </header>
      <PendingNotice lessonId={lessonId} />
      {snapshot ? <Alert tone="info">{t('today.offlineSnapshot')}</Alert> : null}
      <p className="roll-call__help">{t('rollCall.help')}</p>
      {reportedCount > 0 ? (
        <p className="roll-call__help" data-testid="reported-help">
          {t('rollCall.reportedHelp', { count: reportedCount })}
        </p>
      ) : null}
      <RollCallForm
        key={formKey}
        rollCall={rollCall}
        queued={(queued ?? refused)?.entries ?? null}
        refusal={refused ? refusalMessage(refused, t) : null}
        draftKey={`roll-call:${viewer.userId}:${lessonId}`}
        base={formKey}
        outcome={outcome}
        setOutcome={setOutcome}
      />
      <History history={rollCall.history} />
    </div>
  );
}
