import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@apollo/client/react';
import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../components/ui/alert';
import { FieldInput } from '../../components/ui/field';
import { usePageTitle } from '../../components/ui/use-page-title';
import { hasErrorCode } from '../../lib/graphql-errors';
import { useAuth, useViewer } from '../auth/auth-context';
import { tooManyAttemptsMessage } from '../auth/too-many-attempts';
import { ChangePasswordDocument } from './operations';
import { checkNewPassword, NewPasswordFields, refusedPassword, useProblemTexts } from './password-fields';
import { generalFailure, useFocusedFailure, type GeneralFailure } from './form-failure';
import './accounts.css';

type ChangeValues = { currentPassword: string; newPassword: string; confirmation: string };

/**
 * /konto/losenord: a new password for the logged-in person. The API then ends every session of theirs, this one
 * too, so they are sent to log in again with it.
 */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { passwordChanged } = useAuth();
  const [changePassword] = useMutation(ChangePasswordDocument);
  const { failure, setFailure, failureRef } = useFocusedFailure<GeneralFailure>();
  const [visible, setVisible] = useState(false);
  const problemTexts = useProblemTexts();
  const id = useId();
  usePageTitle(t('accounts.change.pageTitle'));

  // The API refuses a password holding the person's name or username; the meter warns of it first.
  const personal = useMemo(() => [viewer.displayName, viewer.username], [viewer.displayName, viewer.username]);
  const schema = useMemo(
    () =>
      z.object({ currentPassword: z.string(), newPassword: z.string(), confirmation: z.string() }).superRefine((values, ctx) => {
        if (values.currentPassword === '') ctx.addIssue({ code: 'custom', path: ['currentPassword'], message: 'currentRequired' });
        checkNewPassword(values, personal, ctx);
        if (values.newPassword !== '' && values.newPassword === values.currentPassword) {
          ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'sameAsCurrent' });
        }
      }),
    [personal],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    setFocus,
    resetField,
    formState: { errors, isSubmitting },
  } = useForm<ChangeValues>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: '', newPassword: '', confirmation: '' },
    shouldFocusError: true,
  });
  const password = useWatch({ control, name: 'newPassword' });

  const onSubmit = async (values: ChangeValues) => {
    setFailure(null);
    try {
      await changePassword({ variables: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      await passwordChanged(); // the route guard shows the login page, which says why
    } catch (error) {
      const refused = refusedPassword(error);
      if (refused) {
        setError('newPassword', { type: 'server', message: refused === 'other' ? 'sameAsCurrent' : refused });
        setFocus('newPassword');
      } else if (hasErrorCode(error, 'INVALID_CREDENTIALS')) {
        resetField('currentPassword');
        setError('currentPassword', { type: 'server', message: 'wrongCurrent' });
        setFocus('currentPassword');
      } else {
        setFailure({ kind: generalFailure(error), error });
      }
    }
  };

  return (
    <div className="account-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('accounts.change.heading')}</h1>
          <p className="page-header__sub">{t('accounts.change.who', { name: viewer.displayName, username: viewer.username })}</p>
        </div>
      </header>
      <section className="panel form-panel" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="section-heading">
          {t('accounts.change.formHeading')}
        </h2>
        <p className="account-page__intro">{t('accounts.change.intro')}</p>
        <div ref={failureRef} tabIndex={-1} className="notice-focus">
          <Alert tone="error">
            {failure
              ? failure.kind === 'TOO_MANY_ATTEMPTS'
                ? tooManyAttemptsMessage(t, failure.error)
                : t(`accounts.change.${failure.kind}`)
              : null}
          </Alert>
        </div>
        <form
          className="form"
          noValidate
          onSubmit={(event) => void handleSubmit(onSubmit)(event)}
          aria-busy={isSubmitting}
          data-testid="change-password-form"
        >
          {/* The username lets a password manager file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={viewer.username} readOnly hidden />
          <FieldInput
            id={`${id}-current`}
            label={t('accounts.change.current')}
            errors={problemTexts(errors.currentPassword?.message)}
            type={visible ? 'text' : 'password'}
            autoComplete="current-password"
            {...register('currentPassword')}
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
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={isSubmitting}>
              {isSubmitting ? t('accounts.change.submitting') : t('accounts.change.submit')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
