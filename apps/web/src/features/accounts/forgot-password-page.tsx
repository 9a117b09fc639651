import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { normaliseEmail } from '@insyn/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { FieldInput } from '../../components/ui/field';
import { usePageTitle } from '../../components/ui/use-page-title';
import { errorExtension, hasErrorCode } from '../../lib/graphql-errors';
import { useAuth } from '../auth/auth-context';
import { tooManyAttemptsMessage } from '../auth/too-many-attempts';
import { RequestPasswordResetDocument } from './operations';
import { generalFailure, type GeneralFailure } from './form-failure';
import './accounts.css';

const EMAIL_PROBLEMS = ['emailRequired', 'emailFormat'] as const;
type EmailProblem = (typeof EMAIL_PROBLEMS)[number];
const isEmailProblem = (value: unknown): value is EmailProblem => EMAIL_PROBLEMS.some((problem) => problem === value);

// The API's own check of an address (@insyn/domain), so an address refused here would be refused there too.
const forgotSchema = z.object({ email: z.string() }).superRefine((values, ctx) => {
  if (values.email.trim() === '') ctx.addIssue({ code: 'custom', path: ['email'], message: 'emailRequired' });
  else if (normaliseEmail(values.email) === null) ctx.addIssue({ code: 'custom', path: ['email'], message: 'emailFormat' });
});
type ForgotValues = z.infer<typeof forgotSchema>;

type Failure = { kind: GeneralFailure; error: unknown };

/**
 * /glomt-losenord: a link to choose a new password, mailed to the address the school has on record (staff and
 * guardians). The answer is the same whether or not the address is known, so the page never says which; it says
 * what to do when no mail comes: a new letter with an activation code from the school.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { state: auth } = useAuth();
  const [requestReset] = useMutation(RequestPasswordResetDocument);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const sentRef = useRef<HTMLDivElement>(null);
  const id = useId();
  usePageTitle(t('accounts.forgot.pageTitle'));

  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ForgotValues>({ resolver: zodResolver(forgotSchema), defaultValues: { email: '' }, shouldFocusError: true });

  // The confirmation replaces the form and takes focus, so that it is read out and a phone shows it.
  useEffect(() => {
    if (sentTo !== null) sentRef.current?.focus();
  }, [sentTo]);

  if (auth.status === 'authenticated') return <Navigate to="/" replace />;

  const onSubmit = async (values: ForgotValues) => {
    setFailure(null);
    const email = normaliseEmail(values.email) ?? values.email.trim();
    try {
      await requestReset({ variables: { email } });
      setSentTo(email);
    } catch (error) {
      if (hasErrorCode(error, 'BAD_USER_INPUT') && errorExtension(error, 'BAD_USER_INPUT', 'field') === 'email') {
        setError('email', { type: 'server', message: 'emailFormat' });
        setFocus('email');
      } else {
        setFailure({ kind: generalFailure(error), error });
      }
    }
  };

  const anotherAddress = () => {
    reset({ email: '' });
    setSentTo(null);
  };

  const emailMessage = errors.email?.message;
  return (
    <div className="login">
      <div className="login__card">
        <h1 className="login__heading">{t('accounts.forgot.heading')}</h1>
        {sentTo === null ? (
          <>
            <p className="login__intro">{t('accounts.forgot.intro')}</p>
            <Alert tone="error">
              {failure
                ? failure.kind === 'TOO_MANY_ATTEMPTS'
                  ? tooManyAttemptsMessage(t, failure.error)
                  : t(`accounts.forgot.${failure.kind}`)
                : null}
            </Alert>
            <form
              className="form"
              noValidate
              onSubmit={(event) => void handleSubmit(onSubmit)(event)}
              aria-busy={isSubmitting}
              data-testid="forgot-password-form"
            >
              <FieldInput
                id={`${id}-email`}
                label={t('accounts.forgot.email')}
                errors={isEmailProblem(emailMessage) ? [t(`accounts.forgot.problems.${emailMessage}`)] : []}
                type="email"
                inputMode="email"
                autoComplete="email"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                {...register('email')}
              />
              <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
                {isSubmitting ? t('accounts.forgot.submitting') : t('accounts.forgot.submit')}
              </button>
            </form>
          </>
        ) : (
          <div ref={sentRef} tabIndex={-1} className="notice-focus password-reset__notice" data-testid="reset-link-sent">
            <Alert tone="success">
              <p>{t('accounts.forgot.sent', { email: sentTo })}</p>
              <p>{t('accounts.forgot.sentValidity')}</p>
            </Alert>
            <button type="button" className="button button--secondary password-reset__again" onClick={anotherAddress}>
              {t('accounts.forgot.anotherAddress')}
            </button>
          </div>
        )}
        <div className="login__help">
          <p>{t('accounts.forgot.noMail')}</p>
          <p>
            <Link className="text-link" to="/logga-in">
              {t('accounts.forgot.toLogin')}
            </Link>
          </p>
        </div>
      </div>
    </div>
  );
}
