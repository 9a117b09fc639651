import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadingState } from '../components/ui/loading-state';
import { useAuth } from '../features/auth/auth-context';

/** Lets authenticated users through; sends everyone else to the login page and back afterwards. */
export function RequireAuth() {
  const { state } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'restoring' || state.status === 'ending') {
    return (
      <div className="app-loading">
        <LoadingState label={t('app.loading')} />
      </div>
    );
  }
  if (state.status === 'anonymous') {
    // After a logout (or a new password) the next login starts afresh, not on the page the session ended on.
    const from =
      state.reason === 'logged-out' || state.reason === 'password-changed' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/logga-in" replace state={from ? { from } : null} />;
  }
  return <Outlet />;
}

/** The login page waits for the session restore, so a reload does not flash the login form. */
export function PublicOnly() {
  const { state } = useAuth();
  const { t } = useTranslation();
  if (state.status === 'restoring' || state.status === 'ending') {
    return (
      <div className="app-loading">
        <LoadingState label={t('app.loading')} />
      </div>
    );
  }
  return <Outlet />;
}
