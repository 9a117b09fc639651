import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { normaliseActivationCode } from '@insyn/domain';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { FieldInput } from '../../components/ui/field';
import { usePageTitle } from '../../components/ui/use-page-title';
import { hasErrorCode, type ActivationRefusal } from '../../lib/graphql-errors';
import { useAuth } from '../auth/auth-context';
import { tooManyAttemptsMessage } from '../auth/too-many-attempts';
import { ActivateAccountDocument } from './operations';
import { checkNewPassword, NewPasswordFields, refusedPassword, useProblemTexts } from './password-fields';
import { generalFailure, useFocusedFailure, type GeneralFailure } from './form-failure';
import './accounts.css';

// Every check is in the refinement, so that one press of the button shows every field's problem at once.
const activationSchema = z
  .object({ username: z.string(), code: z.string(), newPassword: z.string(), confirmation: z.string() })
  .superRefine((values, ctx) => {
    if (values.username.trim() === '') ctx.addIssue({ code: 'custom', path: ['username'], message: 'usernameRequired' });
    if (values.code.trim() === '') ctx.addIssue({ code: 'custom', path: ['code'], message: 'codeRequired' });
    else if (normaliseActivationCode(values.code) === null) ctx.addIssue({ code: 'custom', path: ['code'], message: 'codeFormat' });
    checkNewPassword(values, [values.username.trim()], ctx);
  });
type ActivationValues = z.infer<typeof activationSchema>;

/** Refusals told above the form: nothing in a field would mend them. */
type Failure = Exclude<ActivationRefusal, 'INVALID_ACTIVATION_CODE'> | GeneralFailure;
const FORM_REFUSALS = ['ACTIVATION_CODE_USED', 'ACTIVATION_CODE_REPLACED', 'ACTIVATION_CODE_EXPIRED', 'ACCOUNT_LOCKED'] as const;

/**
 * /aktivera: the first password, with the username and the one-time code from a letter or a class sheet. The code
 * may be typed in any case, with or without spaces and dashes. Success logs the person in, as a login does.
 */
export function ActivationPage() {
  const { t } = useTranslation();
  const { state: auth, signIn } = useAuth();
  const [activate] = useMutation(ActivateAccountDocument);
  const { failure, setFailure, failureRef } = useFocusedFailure<Failure>();
  const [visible, setVisible] = useState(false);
  const problemTexts = useProblemTexts();
  const id = useId();
  usePageTitle(t('accounts.activate.pageTitle'));

  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ActivationValues>({
    resolver: zodResolver(activationSchema),
    defaultValues: { username: '', code: '', newPassword: '', confirmation: '' },
    shouldFocusError: true,
  });
  const [username, password] = useWatch({ control, name: ['username', 'newPassword'] });
  const personal = useMemo(() => [username.trim()], [username]);

  if (auth.status === 'authenticated') return <Navigate to="/" replace />;

  const onSubmit = async (values: ActivationValues) => {
    setFailure(null);
    try {
      const { data } = await activate({
        variables: { username: values.username.trim(), code: values.code, newPassword: values.newPassword },
      });
      if (!data) throw new Error('Activation returned no data');
      await signIn(data.activateAccount); // the re-render's <Navigate> takes the person to their start page
    } catch (error) {
      const password = refusedPassword(error);
      if (password && password !== 'other') {
        setError('newPassword', { type: 'server', message: password });
        setFocus('newPassword');
      } else if (hasErrorCode(error, 'INVALID_ACTIVATION_CODE')) {
        setError('code', { type: 'server', message: 'invalidCode' });
        setFocus('code');
      } else {
        const refusal = FORM_REFUSALS.find((code) => hasErrorCode(error, code));
        const kind: Failure = refusal ?? generalFailure(error);
        setFailure({ kind, error });
      }
    }
  };

  function failureText({ kind, error }: { kind: Failure; error: unknown }): ReactNode {
    if (kind === 'TOO_MANY_ATTEMPTS') return tooManyAttemptsMessage(t, error);
    if (kind === 'ACTIVATION_CODE_USED') {
      return (
        <>
          {t('accounts.activate.refusals.ACTIVATION_CODE_USED')}{' '}
          <Link className="text-link" to="/logga-in">
            {t('accounts.activate.toLogin')}
          </Link>
        </>
      );
    }
    return t(`accounts.activate.refusals.${kind}`);
  }

  return (
    <div className="login">
      <div className="login__card">
        <h1 className="login__heading">{t('accounts.activate.heading')}</h1>
        <p className="login__intro">{t('accounts.activate.intro')}</p>

        <div ref={failureRef} tabIndex={-1} className="notice-focus" data-testid="activation-failure">
          <Alert tone="error">{failure ? failureText(failure) : null}</Alert>
        </div>

        <form
          className="form"
          noValidate
          onSubmit={(event) => void handleSubmit(onSubmit)(event)}
          aria-busy={isSubmitting}
          data-testid="activation-form"
        >
          <FieldInput
            id={`${id}-username`}
            label={t('login.username')}
            errors={problemTexts(errors.username?.message)}
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            {...register('username')}
          />
          <FieldInput
            id={`${id}-code`}
            label={t('accounts.activate.code')}
            hint={t('accounts.activate.codeHint')}
            errors={problemTexts(errors.code?.message)}
            type="text"
            className="field__input activation-code"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            autoCorrect="off"
            spellCheck={false}
            {...register('code')}
          />
          <NewPasswordFields
            id={id}
            password={password}
            personal={personal}
            visible={visible}
            onVisibleChange={setVisible}
            errors={{ newPassword: problemTexts(errors.newPassword?.message), confirmation: problemTexts(errors.confirmation?.message) }}
            newPassword={register('newPassword')}
            confirmation={register('confirmation')}
          />
          <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
            {isSubmitting ? t('accounts.activate.submitting') : t('accounts.activate.submit')}
          </button>
        </form>
        <div className="login__help">
          <p>
            {t('accounts.activate.haveAccount')}{' '}
            <Link className="text-link" to="/logga-in">
              {t('accounts.activate.toLogin')}
            </Link>
          </p>
          <p>{t('accounts.activate.help')}</p>
        </div>
      </div>
    </div>
  );
}
