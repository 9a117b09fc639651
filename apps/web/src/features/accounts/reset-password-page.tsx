import { zodResolver } from '@hookform/resolvers/zod';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { usePageTitle } from '../../components/ui/use-page-title';
import { hasErrorCode, type ResetRefusal } from '../../lib/graphql-errors';
import { useAuth } from '../auth/auth-context';
import { tooManyAttemptsMessage } from '../auth/too-many-attempts';
import { ResetPasswordDocument } from './operations';
import { checkNewPassword, NewPasswordFields, refusedPassword, useProblemTexts } from './password-fields';
import { generalFailure, useFocusedFailure, type GeneralFailure } from './form-failure';
import './accounts.css';

const NO_PERSONAL_WORDS: readonly string[] = [];

// Every check is in the refinement, so that one press of the button shows both fields' problems at once. The
// page does not know whose link it is: the API refuses a password with the person's name (CONTAINS_NAME).
const resetSchema = z
  .object({ newPassword: z.string(), confirmation: z.string() })
  .superRefine((values, ctx) => checkNewPassword(values, NO_PERSONAL_WORDS, ctx));
type ResetValues = z.infer<typeof resetSchema>;

/** Refusals after which this link cannot set a password: the form goes, and but for a locked account a new link is offered. */
const LINK_REFUSALS = ['INVALID_RESET_LINK', 'RESET_LINK_USED', 'RESET_LINK_EXPIRED', 'ACCOUNT_LOCKED'] as const satisfies ResetRefusal[];
type Failure = ResetRefusal | GeneralFailure;
const isLinkRefusal = (kind: Failure): kind is ResetRefusal => LINK_REFUSALS.some((refusal) => refusal === kind);

/** What went wrong, and the way to a link that works. */
function WithNewLink({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <p>{children}</p>
      <p>
        <Link className="text-link" to="/glomt-losenord">
          {t('accounts.reset.newLink')}
        </Link>
      </p>
    </>
  );
}

/**
 * /nytt-losenord#<token>: the new password, with the single-use link mailed from /glomt-losenord. The token is in the
 * fragment, which a browser never sends to a server; the page reads it once and takes it out of the address bar and
 * the history, and only the resetPassword mutation carries it. Success logs the person in and ends their other
 * sessions; then the start page.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const client = useApolloClient();
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => location.hash.replace(/^#/, '').trim());
  const [resetPassword] = useMutation(ResetPasswordDocument);
  const { failure, setFailure, failureRef } = useFocusedFailure<Failure>();
  const [visible, setVisible] = useState(false);
  const problemTexts = useProblemTexts();
  const id = useId();
  usePageTitle(t('accounts.reset.pageTitle'));

  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ResetValues>({
    resolver: zodResolver(resetSchema),
    defaultValues: { newPassword: '', confirmation: '' },
    shouldFocusError: true,
  });
  const password = useWatch({ control, name: 'newPassword' });

  useEffect(() => {
    if (location.hash !== '') void navigate({ pathname: location.pathname, search: location.search }, { replace: true });
  }, [location.hash, location.pathname, location.search, navigate]);

  const onSubmit = async (values: ResetValues) => {
    setFailure(null);
    try {
      const { data } = await resetPassword({ variables: { token, newPassword: values.newPassword } });
      if (!data) throw new Error('resetPassword returned no data');
      // Whoever was logged in in this browser before, nothing of theirs stays in the cache.
      await client.clearStore();
      await signIn(data.resetPassword);
      void navigate('/', { replace: true }); // the start page: the day's lessons for staff, the schedule for everyone else
    } catch (error) {
      const problem = refusedPassword(error);
      if (problem && problem !== 'other') {
        setError('newPassword', { type: 'server', message: problem });
        setFocus('newPassword');
      } else {
        const refusal = LINK_REFUSALS.find((code) => hasErrorCode(error, code));
        const kind: Failure = refusal ?? generalFailure(error);
        setFailure({ kind, error });
      }
    }
  };

  function failureText({ kind, error }: { kind: Failure; error: unknown }): ReactNode {
    if (kind === 'TOO_MANY_ATTEMPTS') return tooManyAttemptsMessage(t, error);
    if (kind === 'ACCOUNT_LOCKED' || !isLinkRefusal(kind)) return t(`accounts.reset.refusals.${kind}`);
    return <WithNewLink>{t(`accounts.reset.refusals.${kind}`)}</WithNewLink>;
  }

  const linkRefused = failure !== null && isLinkRefusal(failure.kind);
  return (
    <div className="login">
      <div className="login__card">
        <h1 className="login__heading">{t('accounts.reset.heading')}</h1>
        {token === '' ? (
          <div className="password-reset__notice">
            <Alert tone="error">
              <WithNewLink>{t('accounts.reset.noToken')}</WithNewLink>
            </Alert>
          </div>
        ) : (
          <>
            {linkRefused ? null : <p className="login__intro">{t('accounts.reset.intro')}</p>}
            <div ref={failureRef} tabIndex={-1} className="notice-focus password-reset__notice" data-testid="reset-failure">
              <Alert tone="error">{failure ? failureText(failure) : null}</Alert>
            </div>
            {linkRefused ? null : (
              <form
                className="form"
                noValidate
                onSubmit={(event) => void handleSubmit(onSubmit)(event)}
                aria-busy={isSubmitting}
                data-testid="reset-password-form"
              >
                <NewPasswordFields
                  id={id}
                  password={password}
                  personal={NO_PERSONAL_WORDS}
                  visible={visible}
                  onVisibleChange={setVisible}
                  errors={{
                    newPassword: problemTexts(errors.newPassword?.message),
                    confirmation: problemTexts(errors.confirmation?.message),
                  }}
                  newPassword={register('newPassword')}
                  confirmation={register('confirmation')}
                />
                <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
                  {isSubmitting ? t('accounts.reset.submitting') : t('accounts.reset.submit')}
                </button>
              </form>
            )}
          </>
        )}
        <div className="login__help">
          <p>
            <Link className="text-link" to="/logga-in">
              {t('accounts.reset.toLogin')}
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
