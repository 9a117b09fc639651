import { useApolloClient } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth, useViewer } from '../features/auth/auth-context';
import { sendBeforeLogout, unsentOf } from '../features/attendance/queue';
import { useRollCallQueue } from '../features/attendance/use-roll-call-queue';

type Phase = 'idle' | 'sending' | 'warning' | 'leaving';

/**
 * Logout on a shared device (issue 17). The user's waiting roll calls are sent first; when some cannot be (offline,
 * refused), a modal alert dialog says which, and that logging out deletes them from the device: "Stay" (focused, the
 * safe choice; Escape too) keeps the session, "Log out anyway" loses them. The logout then clears the device
 * (features/auth/device-data.ts).
 */
export function LogoutButton() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const viewer = useViewer();
  const { signOut } = useAuth();
  const queue = useRollCallQueue();
  const { pending, refused } = unsentOf(queue, viewer.userId);
  const [phase, setPhase] = useState<Phase>('idle');
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const stayButton = useRef<HTMLButtonElement>(null);
  const warned = useRef(false);

  // The dialog is modal (the page behind it inert); focus goes to "Stay" when it opens and back to the button after.
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (phase === 'warning') {
      if (!element.open) element.showModal();
      stayButton.current?.focus();
    } else if (element.open) {
      element.close();
    }
    if (phase === 'idle' && warned.current) button.current?.focus();
    warned.current = phase === 'warning';
  }, [phase]);

  async function logout() {
    setPhase('sending');
    const unsent = await sendBeforeLogout(client, viewer.userId);
    if (unsent > 0) {
      setPhase('warning');
      return;
    }
    setPhase('leaving');
    await signOut(); // the route guard then shows the login page
  }

  async function logoutAnyway() {
    setPhase('leaving');
    await signOut();
  }

  const unsent = [...pending, ...refused];
  return (
    <>
      <button
        ref={button}
        type="button"
        className="button button--quiet"
        onClick={() => void logout()}
        disabled={phase === 'sending' || phase === 'leaving'}
      >
        {phase === 'sending' || phase === 'leaving' ? t('header.loggingOut') : t('header.logout')}
      </button>
      <dialog
        ref={dialog}
        role="alertdialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="warning-dialog"
        data-testid="logout-warning"
        onCancel={(event) => {
          event.preventDefault(); // Escape: stay, through the same path as the button
          setPhase('idle');
        }}
      >
        <h2 id={`${id}-title`} className="warning-dialog__title">
          {t('header.unsent.title')}
        </h2>
        <div id={`${id}-body`} className="warning-dialog__body">
          {unsent.length === 0 ? (
            <p>{t('header.unsent.allSent')}</p>
          ) : (
            <>
              {pending.length > 0 ? <p>{t('header.unsent.pending', { count: pending.length })}</p> : null}
              {refused.length > 0 ? <p>{t('header.unsent.refused', { count: refused.length })}</p> : null}
              <ul className="warning-dialog__list">
                {unsent.map((item) => (
                  <li key={item.submissionId}>{item.lessonLabel}</li>
                ))}
              </ul>
              <p className="warning-dialog__consequence">{t('header.unsent.consequence', { count: unsent.length })}</p>
            </>
          )}
        </div>
        <div className="form__actions warning-dialog__actions">
          <button ref={stayButton} type="button" className="button button--primary" onClick={() => setPhase('idle')}>
            {t('header.unsent.stay')}
          </button>
          <button
            type="button"
            className={unsent.length === 0 ? 'button button--quiet' : 'button button--danger'}
            onClick={() => void logoutAnyway()}
          >
            {unsent.length === 0 ? t('header.logout') : t('header.unsent.logoutAnyway')}
          </button>
        </div>
      </dialog>
    </>
  );
}
