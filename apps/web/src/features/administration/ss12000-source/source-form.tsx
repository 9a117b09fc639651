import { checkSs12000Source, type Ss12000SourceField, type Ss12000SourceProblemCode } from '@insyn/domain';
import type { ParseKeys } from 'i18next';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import type { Ss12000SourceAuth, Ss12000SourceFieldsFragment, Ss12000SourceInput } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { fieldProblemsOf } from '../field-problems';
import { isOneOf } from './codes';
import { showFieldProblems } from '../../../lib/form-problems';

/** The shared rule's codes, and the API's own two for the secret: no key to encrypt it with, or one that cannot read it. */
type SourceCode = Ss12000SourceProblemCode | 'NO_SERVER_SECRET' | 'UNREADABLE';
const FIELDS: readonly Ss12000SourceField[] = ['baseUrl', 'tokenUrl', 'clientId', 'secret'];
const CODES: readonly SourceCode[] = ['REQUIRED', 'INVALID_URL', 'NOT_HTTPS', 'TOO_LONG', 'NO_SERVER_SECRET', 'UNREADABLE'];
const AUTH_KINDS: readonly Ss12000SourceAuth[] = ['CLIENT_CREDENTIALS', 'BEARER_TOKEN'];

interface SourceValues {
  baseUrl: string;
  auth: Ss12000SourceAuth;
  tokenUrl: string;
  clientId: string;
  secret: string;
}

const valuesOf = (source: Ss12000SourceFieldsFragment | null): SourceValues => ({
  baseUrl: source?.baseUrl ?? '',
  // Client credentials are what SS 12000 sources usually offer: the form starts there.
  auth: source?.auth ?? 'CLIENT_CREDENTIALS',
  tokenUrl: source?.tokenUrl ?? '',
  clientId: source?.clientId ?? '',
  secret: '',
});

/** The text of a refusal at its field; the URL's codes read alike for both addresses. */
function problemKey(field: Ss12000SourceField, code: SourceCode, auth: Ss12000SourceAuth): ParseKeys | null {
  if (field === 'baseUrl' || field === 'tokenUrl') {
    return isOneOf(['REQUIRED', 'INVALID_URL', 'NOT_HTTPS', 'TOO_LONG'] as const, code)
      ? `administration.ss12000.problems.url.${code}`
      : null;
  }
  if (field === 'clientId')
    return isOneOf(['REQUIRED', 'TOO_LONG'] as const, code) ? `administration.ss12000.problems.clientId.${code}` : null;
  if (code === 'REQUIRED') return `administration.ss12000.problems.secretRequired.${auth}`;
  return isOneOf(['TOO_LONG', 'NO_SERVER_SECRET', 'UNREADABLE'] as const, code) ? `administration.ss12000.problems.secret.${code}` : null;
}

/**
 * Where the source is and how Insyn logs in to it. Checked with the shared rule before sending; the API's refusals,
 * and a stored secret it can no longer read (`unreadable`, found by a check or a run), land on the same fields. The
 * stored secret is never sent back: the field starts empty, and empty keeps it.
 */
export function SourceForm({
  source,
  unreadable,
  onSave,
}: {
  source: Ss12000SourceFieldsFragment | null;
  unreadable: boolean;
  /** Saves and resolves to what was stored; throws the API's error. */
  onSave: (input: Ss12000SourceInput) => Promise<Ss12000SourceFieldsFragment>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<'saved' | 'unreachable' | 'failed' | null>(null);
  // A stored secret the server cannot read is as good as none: a new one is needed.
  const hasSecret = source !== null && !unreadable;
  const {
    register,
    control,
    handleSubmit,
    setError,
    clearErrors,
    setFocus,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<SourceValues>({ defaultValues: valuesOf(source) });
  const auth = useWatch({ control, name: 'auth' });
  const clientCredentials = auth === 'CLIENT_CREDENTIALS';

  const show = (problems: readonly { field: Ss12000SourceField; code: SourceCode }[]) =>
    showFieldProblems({ setError, setFocus }, FIELDS, problems);

  const onSubmit = async (values: SourceValues) => {
    setOutcome(null);
    clearErrors();
    const input: Ss12000SourceInput = {
      baseUrl: values.baseUrl,
      auth: values.auth,
      tokenUrl: values.auth === 'CLIENT_CREDENTIALS' ? values.tokenUrl : null,
      clientId: values.auth === 'CLIENT_CREDENTIALS' ? values.clientId : null,
      secret: values.secret === '' ? null : values.secret,
    };
    const problems = checkSs12000Source(input, hasSecret);
    if (problems.length > 0) return show(problems);
    try {
      // What was stored (the address as normalised), and no secret: it is not kept in the page once sent.
      reset(valuesOf(await onSave(input)));
      setOutcome('saved');
    } catch (error) {
      const refused = fieldProblemsOf(error, FIELDS, CODES);
      if (refused.length > 0) show(refused);
      else setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    }
  };

  const errorsOf = (field: Ss12000SourceField): string[] => {
    const code = errors[field]?.message;
    const key = isOneOf(CODES, code) ? problemKey(field, code, auth) : null;
    return key ? [t(key)] : [];
  };
  /** The two addresses, the source's and its token endpoint's, are alike but for their names. */
  const urlField = (name: 'baseUrl' | 'tokenUrl') => (
    <Field
      id={`${id}-${name}`}
      label={t(`administration.ss12000.source.${name}`)}
      hint={t(`administration.ss12000.source.${name}Hint`)}
      errors={errorsOf(name)}
    >
      {(describedBy, invalid) => (
        <input
          id={`${id}-${name}`}
          className="field__input ss12000-url"
          type="url"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          {...register(name)}
        />
      )}
    </Field>
  );
  // A stored secret the server can no longer read is the secret field's problem until a new one is saved.
  const secretErrors = errors.secret || !unreadable ? errorsOf('secret') : [t('administration.ss12000.problems.secret.UNREADABLE')];

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
      aria-busy={isSubmitting}
      data-testid="ss12000-source-form"
    >
      {urlField('baseUrl')}
      <fieldset className="choice-group">
        <legend className="choice-group__legend">{t('administration.ss12000.source.authLegend')}</legend>
        <div className="ss12000-auth">
          {AUTH_KINDS.map((kind) => (
            <div className="checkbox" key={kind}>
              <input
                id={`${id}-auth-${kind}`}
                type="radio"
                className="checkbox__input"
                value={kind}
                {...register('auth', { onChange: () => clearErrors(['tokenUrl', 'clientId', 'secret']) })}
              />
              <label htmlFor={`${id}-auth-${kind}`} className="checkbox__label">
                {t(`administration.ss12000.source.auth.${kind}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {clientCredentials ? (
        <>
          {urlField('tokenUrl')}
          <Field id={`${id}-client-id`} label={t('administration.ss12000.source.clientId')} errors={errorsOf('clientId')}>
            {(describedBy, invalid) => (
              <input
                id={`${id}-client-id`}
                className="field__input"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={invalid || undefined}
                aria-describedby={describedBy}
                {...register('clientId')}
              />
            )}
          </Field>
        </>
      ) : null}
      <Field
        id={`${id}-secret`}
        label={t(`administration.ss12000.source.secret.${auth}`)}
        hint={hasSecret ? t('administration.ss12000.source.secretKeepHint') : t('administration.ss12000.source.secretHint')}
        errors={secretErrors}
      >
        {(describedBy, invalid) => (
          <input
            id={`${id}-secret`}
            className="field__input"
            type="password"
            // Not the administrator's own password: the browser should neither fill it in nor offer to save it as such.
            autoComplete="new-password"
            spellCheck={false}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            {...register('secret')}
          />
        )}
      </Field>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={isSubmitting}>
            {isSubmitting ? t('administration.saving') : t('administration.ss12000.source.save')}
          </button>
        </div>
        <Alert tone="success">{outcome === 'saved' ? t('administration.ss12000.source.saved') : null}</Alert>
        <Alert tone="error">
          {outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? t('administration.saveFailed') : null}
        </Alert>
      </div>
    </form>
  );
}
