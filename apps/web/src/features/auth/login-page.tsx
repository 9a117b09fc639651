import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { usePageTitle } from '../../components/ui/use-page-title';
import { hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { useAuth } from './auth-context';
import { LoginDocument } from './operations';
import { tooManyAttemptsMessage } from './too-many-attempts';

interface LoginValues {
  username: string;
  password: string;
}

type FieldMessageKey = 'login.usernameRequired' | 'login.passwordRequired';
const isFieldMessageKey = (value: unknown): value is FieldMessageKey =>
  value === 'login.usernameRequired' || value === 'login.passwordRequired';

type Failure = { kind: 'invalidCredentials' | 'unreachable' | 'unknownError' } | { kind: 'tooManyAttempts'; error: unknown };

function classifyLoginError(error: unknown): Failure {
  if (hasErrorCode(error, 'TOO_MANY_ATTEMPTS')) return { kind: 'tooManyAttempts', error };
  if (hasErrorCode(error, 'INVALID_CREDENTIALS') || hasErrorCode(error, 'BAD_USER_INPUT')) return { kind: 'invalidCredentials' };
  if (isConnectionError(error)) return { kind: 'unreachable' };
  return { kind: 'unknownError' };
}

/** Where to go after logging in: the page that asked for a login, if it is one of ours. */
function targetFrom(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = state.from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/logga-in')) return from;
  }
  return '/'; // the start page: the day's lessons for staff, the schedule for everyone else
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state: auth, signIn } = useAuth();
  const location = useLocation();
  const [login] = useMutation(LoginDocument);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [showPassword, setShowPassword] = useState(false);
  const id = useId();
  usePageTitle(t('login.pageTitle'));

  const {
    register,
    handleSubmit,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({
    defaultValues: { username: '', password: '' },
    shouldFocusError: true,
  });

  if (auth.status === 'authenticated') return <Navigate to={targetFrom(location.state)} replace />;

  const onSubmit = async (values: LoginValues) => {
    setFailure(null);
    try {
      const { data } = await login({ variables: { username: values.username.trim(), password: values.password } });
      if (!data) throw new Error('Login returned no data');
      await signIn(data.login); // the re-render's <Navigate> takes the user on
    } catch (error) {
      const failed = classifyLoginError(error);
      setFailure(failed);
      if (failed.kind === 'invalidCredentials') {
        resetField('password');
        setFocus('password');
      }
    }
  };

  const notice =
    auth.status !== 'anonymous'
      ? null
      : auth.reason === 'expired'
        ? t('login.sessionExpired')
        : auth.reason === 'logged-out'
          ? t('login.loggedOut')
          : auth.reason === 'password-changed'
            ? t('login.passwordChanged')
            : null;

  const failureMessage = (failed: Failure): string =>
    failed.kind === 'tooManyAttempts' ? tooManyAttemptsMessage(t, failed.error) : t(`login.${failed.kind}`);

  const fieldError = (message: unknown) => (isFieldMessageKey(message) ? t(message) : null);
  const usernameError = fieldError(errors.username?.message);
  const passwordError = fieldError(errors.password?.message);
  const usernameErrorId = `${id}-username-error`;
  const passwordErrorId = `${id}-password-error`;

  return (
    <div className="login">
      <div className="login__card">
        <h1 className="login__heading">{t('login.heading')}</h1>
        <p className="login__intro">{t('login.intro')}</p>

        {notice && !failure ? <Alert tone="info">{notice}</Alert> : null}
        <Alert tone="error">{failure ? failureMessage(failure) : null}</Alert>

        <form className="form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)} aria-busy={isSubmitting}>
          <div className={`field${usernameError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-username`}>
              {t('login.username')}
            </label>
            <input
              id={`${id}-username`}
              className="field__input"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              aria-invalid={usernameError ? true : undefined}
              aria-describedby={usernameError ? usernameErrorId : undefined}
              {...register('username', { validate: (value) => value.trim() !== '' || 'login.usernameRequired' })}
            />
            {usernameError ? (
              <p id={usernameErrorId} className="field__error">
                {usernameError}
              </p>
            ) : null}
          </div>

          <div className={`field${passwordError ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}-password`}>
              {t('login.password')}
            </label>
            <input
              id={`${id}-password`}
              className="field__input"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              aria-invalid={passwordError ? true : undefined}
              aria-describedby={passwordError ? passwordErrorId : undefined}
              {...register('password', { validate: (value) => value !== '' || 'login.passwordRequired' })}
            />
            {passwordError ? (
              <p id={passwordErrorId} className="field__error">
                {passwordError}
              </p>
            ) : null}
          </div>

          <div className="checkbox">
            <input
              id={`${id}-show-password`}
              type="checkbox"
              className="checkbox__input"
              checked={showPassword}
              onChange={(event) => setShowPassword(event.target.checked)}
            />
            <label htmlFor={`${id}-show-password`} className="checkbox__label">
              {t('login.showPassword')}
            </label>
          </div>

          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <div className="login__help">
          <p>
            <Link className="text-link" to="/glomt-losenord" data-testid="forgot-password-link">
              {t('login.forgotLink')}
            </Link>
          </p>
          <p>
            {t('login.activationQuestion')}{' '}
            <Link className="text-link" to="/aktivera" data-testid="activation-link">
              {t('login.activationLink')}
            </Link>
          </p>
          <p>{t('login.help')}</p>
        </div>
      </div>
    </div>
  );
}
