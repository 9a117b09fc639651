import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../auth/auth-context';
import { browserOffline, dismissRefused, type RefusedRollCall } from './queue';
import { useRollCallQueue } from './use-roll-call-queue';

/** A save after the lesson's day that does not show it was taken on the day (the API's rollCallTiming). */
const OFFLINE_DAY_PROBLEMS = new Set(['TAKEN_AT_BEFORE_LESSON', 'OFFLINE_PROOF_INVALID', 'OFFLINE_PROOF_MISMATCH']);

export function refusalMessage(item: RefusedRollCall, t: TFunction<'translation'>): string {
  if (item.code === 'FORBIDDEN' && item.details.includes('TOO_EARLY')) return t('rollCall.refused.TOO_EARLY');
  if (item.code === 'FORBIDDEN' && item.details.includes('TOO_LATE_FOR_TEACHER')) return t('rollCall.refused.TOO_LATE_FOR_TEACHER');
  if (item.code === 'BAD_USER_INPUT' && item.details.includes('TAKEN_AT_IN_FUTURE')) return t('rollCall.refused.TAKEN_AT_IN_FUTURE');
  if (item.code === 'BAD_USER_INPUT' && item.details.some((code) => OFFLINE_DAY_PROBLEMS.has(code))) {
    return t('rollCall.refused.NOT_ON_THE_DAY');
  }
  if (item.code === 'BAD_USER_INPUT') return t('rollCall.refused.BAD_USER_INPUT');
  if (item.code === 'LESSON_CANCELLED') return t('rollCall.refused.LESSON_CANCELLED');
  return t('rollCall.refused.NOT_FOUND');
}

/**
 * What the device still holds: roll calls waiting to be sent, and roll calls the API refused.
 * With `lessonId`, only that lesson's.
 */
export function PendingNotice({ lessonId }: { lessonId?: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const queue = useRollCallQueue();
  const pending = queue.pending.filter((item) => item.userId === viewer.userId && (!lessonId || item.lessonId === lessonId));
  const refused = queue.refused.filter((item) => item.userId === viewer.userId && (!lessonId || item.lessonId === lessonId));
  return (
    <>
      <div role="status" className={pending.length > 0 ? 'queue-notice' : 'alert--empty'} data-testid="pending-roll-calls">
        {pending.length > 0 ? (
          <>
            <span className="queue-notice__icon" aria-hidden="true">
              ⇅
            </span>
            <div>
              <p className="queue-notice__title">{t('rollCall.pending', { count: pending.length })}</p>
              <p className="queue-notice__body">{browserOffline() ? t('rollCall.pendingOffline') : t('rollCall.pendingRetry')}</p>
              {!lessonId ? (
                <ul className="queue-notice__list">
                  {pending.map((item) => (
                    <li key={item.submissionId}>{item.lessonLabel}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          </>
        ) : null}
      </div>
      {refused.map((item) => (
        <div key={item.submissionId} role="alert" className="alert alert--error" data-testid="refused-roll-call">
          <span className="alert__icon" aria-hidden="true">
            !
          </span>
          <div className="alert__body">
            <p>{t('rollCall.refusedTitle', { lesson: item.lessonLabel })}</p>
            <p className="refused__detail">{refusalMessage(item, t)}</p>
            <button type="button" className="button button--quiet refused__dismiss" onClick={() => void dismissRefused(item.submissionId)}>
              {t('rollCall.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </>
  );
}
