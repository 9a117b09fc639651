import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import type { ApiClientInput, ApiScope } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblemsOf } from '../schools/field-problems';
import { API_SCOPES, SCOPE_ENDPOINTS } from './scopes';
import { showFieldProblems } from '../../../lib/form-problems';

type ApiClientField = 'name' | 'scopes';
type ApiClientCode = 'REQUIRED' | 'TOO_LONG' | 'DUPLICATE';
const FIELDS: readonly ApiClientField[] = ['name', 'scopes'];
const CODES: readonly ApiClientCode[] = ['REQUIRED', 'TOO_LONG', 'DUPLICATE'];
const isCode = (value: unknown): value is ApiClientCode => CODES.some((code) => code === value);

interface ApiClientValues {
  name: string;
  scopes: ApiScope[];
  protectedIdentity: boolean;
}

/**
 * A new API client: its name, the endpoints it may read, and whether it sees protected identities. The rules are the
 * API's alone (the domain has none to share, and a copy here could drift): its refusals land on the fields.
 */
export function ApiClientForm({ onCreate }: { onCreate: (input: ApiClientInput) => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<'unreachable' | 'failed' | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<ApiClientValues>({ defaultValues: { name: '', scopes: [], protectedIdentity: false } });

  const onSubmit = async (values: ApiClientValues) => {
    setOutcome(null);
    clearErrors();
    try {
      await onCreate({ name: values.name, scopes: values.scopes, protectedIdentity: values.protectedIdentity });
    } catch (error) {
      const problems = fieldProblemsOf(error, FIELDS, CODES);
      if (!showFieldProblems({ setError, setFocus }, FIELDS, problems)) setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const nameCode = errors.name?.message;
  const scopesCode = errors.scopes?.message;
  const scopesError = scopesCode === 'REQUIRED' ? t('administration.apiClients.problems.scopes.REQUIRED') : null;

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="api-client-form"
    >
      <Field
        id={`${id}-name`}
        label={t('administration.apiClients.form.name')}
        hint={t('administration.apiClients.form.nameHint')}
        errors={isCode(nameCode) ? [t(`administration.apiClients.problems.name.${nameCode}`)] : []}
      >
        {(describedBy, invalid) => (
          <input
            id={`${id}-name`}
            className="field__input"
            autoComplete="off"
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...register('name')}
          />
        )}
      </Field>
      <fieldset
        className={`choice-group${scopesError ? ' choice-group--invalid' : ''}`}
        aria-describedby={[scopesError ? `${id}-scopes-error` : null, `${id}-scopes-hint`].filter(Boolean).join(' ')}
      >
        <legend className="choice-group__legend">{t('administration.apiClients.form.scopesLegend')}</legend>
        <p id={`${id}-scopes-hint`} className="field__hint">
          {t('administration.apiClients.form.scopesHint')}
        </p>
        <div className="choice-group__options api-scopes">
          {API_SCOPES.map((scope) => (
            <div className="checkbox" key={scope}>
              <input
                id={`${id}-scope-${scope}`}
                type="checkbox"
                className="checkbox__input"
                value={scope}
                {...register('scopes', { onChange: () => clearErrors('scopes') })}
              />
              <label htmlFor={`${id}-scope-${scope}`} className="checkbox__label api-scopes__label">
                <span>{t(`administration.apiClients.scopes.${scope}`)}</span>
                <code className="api-scopes__endpoint">/{SCOPE_ENDPOINTS[scope]}</code>
              </label>
            </div>
          ))}
        </div>
        {scopesError ? (
          <p id={`${id}-scopes-error`} className="field__error">
            {scopesError}
          </p>
        ) : null}
      </fieldset>
      <div>
        <div className="checkbox">
          <input
            id={`${id}-protected`}
            type="checkbox"
            className="checkbox__input"
            aria-describedby={`${id}-protected-hint`}
            {...register('protectedIdentity')}
          />
          <label htmlFor={`${id}-protected`} className="checkbox__label">
            {t('administration.apiClients.form.protectedIdentity')}
          </label>
        </div>
        <p id={`${id}-protected-hint`} className="field__hint">
          {t('administration.apiClients.form.protectedHint')}
        </p>
      </div>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('administration.saving') : t('administration.apiClients.form.create')}
          </button>
        </div>
        <Alert tone="error">
          {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
        </Alert>
      </div>
    </form>
  );
}
