import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, FieldInput } from '../../../components/ui/field';
import type { ApiClientInput, ApiScope } from '../../../gql/graphql';
import { AdminForm, useAdminForm } from '../admin-form';
import { API_SCOPES, SCOPE_ENDPOINTS } from './scopes';

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
  const {
    form: {
      register,
      clearErrors,
      formState: { errors, isSubmitting },
    },
    outcome,
    submit,
  } = useAdminForm<ApiClientValues, ApiClientField, ApiClientCode>({ name: '', scopes: [], protectedIdentity: false }, FIELDS, CODES);
  const onSubmit = submit(async (values) => {
    await onCreate({ name: values.name, scopes: values.scopes, protectedIdentity: values.protectedIdentity });
  });

  const nameCode = errors.name?.message;
  const scopesCode = errors.scopes?.message;
  const scopesError = scopesCode === 'REQUIRED' ? t('administration.apiClients.problems.scopes.REQUIRED') : null;

  return (
    <AdminForm
      testId="api-client-form"
      busy={isSubmitting}
      onSubmit={onSubmit}
      submitLabel={t('administration.apiClients.form.create')}
      outcome={outcome}
    >
      <FieldInput
        id={`${id}-name`}
        label={t('administration.apiClients.form.name')}
        hint={t('administration.apiClients.form.nameHint')}
        errors={isCode(nameCode) ? [t(`administration.apiClients.problems.name.${nameCode}`)] : []}
        autoComplete="off"
        {...register('name')}
      />
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
        <CheckboxField
          id={`${id}-protected`}
          label={t('administration.apiClients.form.protectedIdentity')}
          hint={t('administration.apiClients.form.protectedHint')}
          {...register('protectedIdentity')}
        />
      </div>
    </AdminForm>
  );
}
