import { useMutation, useQuery } from '@apollo/client/react';
import { MAX_REASON_LENGTH } from '@insyn/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { LeaveApplicationFieldsFragment } from '../../gql/graphql';
import { errorProblems, hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { LeaveFacts, leaveSpanText } from './leave-page';
import { DecideLeaveApplicationDocument, LeaveApplicationsToDecideDocument } from './operations';

type Decided = { application: LeaveApplicationFieldsFragment };

function DecisionCard({ application, onDecided }: { application: LeaveApplicationFieldsFragment; onDecided: (decided: Decided) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState<'NOTE_REQUIRED' | 'NOTE_TOO_LONG' | null>(null);
  const [failure, setFailure] = useState<'unreachable' | 'failed' | 'gone' | null>(null);
  const [decide, { loading }] = useMutation(DecideLeaveApplicationDocument, {
    refetchQueries: ['LeaveApplicationsToDecide'],
    awaitRefetchQueries: true,
  });
  const span = leaveSpanText(application);
  const headingId = `${id}-heading`;
  const noteId = `${id}-note`;

  async function onDecide(approve: boolean) {
    setFailure(null);
    const trimmed = note.trim();
    if (!approve && trimmed === '') {
      setNoteProblem('NOTE_REQUIRED');
      document.getElementById(noteId)?.focus();
      return;
    }
    try {
      const { data } = await decide({ variables: { id: application.id, approve, note: trimmed === '' ? null : trimmed } });
      if (!data) throw new Error('decideLeaveApplication returned no data');
      onDecided({ application: data.decideLeaveApplication });
    } catch (error) {
      const problems = errorProblems(error);
      const onNote = problems.find((problem) => problem === 'NOTE_REQUIRED' || problem === 'NOTE_TOO_LONG');
      if (onNote === 'NOTE_REQUIRED' || onNote === 'NOTE_TOO_LONG') {
        setNoteProblem(onNote);
        document.getElementById(noteId)?.focus();
      } else if (problems.includes('ALREADY_DECIDED') || hasErrorCode(error, 'NOT_FOUND') || hasErrorCode(error, 'FORBIDDEN')) {
        setFailure('gone');
      } else setFailure(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  }

  return (
    <li className="decision-card" aria-labelledby={headingId} data-testid="leave-to-decide">
      <h2 id={headingId} className="decision-card__title">
        {application.studentName}
        {application.className ? (
          <span className="decision-card__class"> · {t('childPicker.classSuffix', { className: application.className })}</span>
        ) : null}
      </h2>
      <p className="record__title">{span}</p>
      <LeaveFacts application={application} />
      <div className={`field${noteProblem ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={noteId}>
          {t('decisions.noteLabel')}
        </label>
        <p id={`${noteId}-hint`} className="field__hint">
          {t('decisions.noteHint')}
        </p>
        <textarea
          id={noteId}
          className="field__input field__textarea field__textarea--short"
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          aria-invalid={noteProblem ? true : undefined}
          aria-describedby={noteProblem ? `${noteId}-error ${noteId}-hint` : `${noteId}-hint`}
          onChange={(event) => {
            setNote(event.target.value);
            setNoteProblem(null);
          }}
        />
        {noteProblem ? (
          <p id={`${noteId}-error`} className="field__error">
            {noteProblem === 'NOTE_REQUIRED' ? t('decisions.noteRequired') : t('decisions.noteTooLong')}
          </p>
        ) : null}
      </div>
      <Alert tone="error">
        {failure === 'unreachable'
          ? t('errors.unreachableBody')
          : failure === 'gone'
            ? t('decisions.gone')
            : failure === 'failed'
              ? t('decisions.failed')
              : null}
      </Alert>
      <div className="decision-card__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={loading}
          aria-label={t('decisions.approveLabel', { name: application.studentName, span })}
          onClick={() => void onDecide(true)}
        >
          <span aria-hidden="true">✓</span>
          {t('decisions.approve')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={loading}
          aria-label={t('decisions.rejectLabel', { name: application.studentName, span })}
          onClick={() => void onDecide(false)}
        >
          <span aria-hidden="true">✗</span>
          {t('decisions.reject')}
        </button>
      </div>
    </li>
  );
}

/** The same limit as a reason; the API's own (1000 characters) is not in the shared rules. */
const MAX_NOTE_LENGTH = MAX_REASON_LENGTH;

/** Ledighetsansökningar att besluta: a mentor's (short leave of their class) or a principal's pending applications. */
export function LeaveDecisionsPage() {
  const { t } = useTranslation();
  usePageTitle(t('decisions.pageTitle'));
  const { data, error, loading, refetch } = useQuery(LeaveApplicationsToDecideDocument, { fetchPolicy: 'cache-and-network' });
  const [decided, setDecided] = useState<Decided | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const applications = data?.leaveApplicationsToDecide;

  useEffect(() => {
    // The decided application leaves the list: focus goes to the outcome instead of to nowhere.
    if (decided) noticeRef.current?.focus();
  }, [decided]);

  return (
    <div className="decisions-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('decisions.kicker')}</p>
          <h1 className="page-header__title">{t('decisions.heading')}</h1>
          <p className="page-header__sub">{t('decisions.intro')}</p>
        </div>
      </header>
      <Alert tone="success">
        {decided ? (
          <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="decision-confirmation">
            {t(decided.application.status === 'APPROVED' ? 'decisions.approvedNotice' : 'decisions.rejectedNotice', {
              name: decided.application.studentName,
              span: leaveSpanText(decided.application),
            })}
          </div>
        ) : null}
      </Alert>
      {applications ? (
        applications.length === 0 ? (
          <p className="week-empty" data-testid="no-leave-to-decide">
            {t('decisions.empty')}
          </p>
        ) : (
          <>
            <p className="decisions-page__count">{t('decisions.count', { count: applications.length })}</p>
            <ul className="decision-list" data-testid="leave-to-decide-list">
              {applications.map((application) => (
                <DecisionCard key={application.id} application={application} onDecided={setDecided} />
              ))}
            </ul>
          </>
        )
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('decisions.loading')} />
      ) : null}
    </div>
  );
}
