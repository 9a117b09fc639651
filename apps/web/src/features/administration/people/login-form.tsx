import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import type { PersonKind } from '../../../gql/graphql';
import { SetLoginDocument } from './operations';
import { placeProblems, TextField } from './form-parts';

interface LoginValues {
  username: string;
  password: string;
}

/**
 * The username and a password the administrator sets and tells the person (letters with activation codes come
 * later). A new password ends the person's open sessions.
 */
export function LoginForm({ personKind, personId, username }: { personKind: PersonKind; personId: string; username: string | null }) {
  const { t } = useTranslation();
  const id = useId();
  const [setLogin] = useMutation(SetLoginDocument);
  const [saved, setSaved] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ defaultValues: { username: username ?? '', password: '' } });

  const onSubmit = async (values: LoginValues) => {
    setSaved(null);
    setFailed(false);
    try {
      const result = await setLogin({ variables: { input: { personKind, personId, ...values } } });
      const savedName = result.data?.setLogin.username ?? values.username;
      reset({ username: savedName, password: '' });
      setSaved(savedName);
    } catch (error) {
      const unplaced = placeProblems(error, ['username', 'password'], setError);
      if (!unplaced || unplaced.length > 0) setFailed(true);
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="form-panel">
      <h2 id={`${id}-heading`}>{t('administration.people.login.heading')}</h2>
      <p>{username ? t('administration.people.login.has', { username }) : t('administration.people.login.none')}</p>
      <form className="form" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)} aria-busy={isSubmitting}>
        <div className="form__row">
          <TextField
            id={`${id}-username`}
            name="username"
            label={t('administration.people.login.username')}
            register={register}
            problem={errors.username?.message}
            autoComplete="off"
          />
          <TextField
            id={`${id}-password`}
            name="password"
            type="password"
            label={t('administration.people.login.password')}
            hint={t('administration.people.login.passwordHint')}
            register={register}
            problem={errors.password?.message}
            autoComplete="new-password"
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={isSubmitting}>
            {t('administration.people.login.save')}
          </button>
        </div>
        <Alert tone="success">{saved ? t('administration.people.login.saved', { username: saved }) : null}</Alert>
        <Alert tone="error">{failed ? t('administration.people.saveFailed') : null}</Alert>
      </form>
    </section>
  );
}
