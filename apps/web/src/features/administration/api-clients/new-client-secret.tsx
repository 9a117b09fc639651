import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';

/**
 * A client just made, with its secret: the API keeps only its hash, so this is the one time it can be read. The
 * heading takes focus, so the one who pressed "create" hears that there is something to copy.
 */
export function NewClientSecret({
  name,
  clientId,
  secret,
  onDone,
}: {
  name: string;
  clientId: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <div className="api-secret" data-testid="api-client-secret">
      <h3 ref={heading} tabIndex={-1} className="api-secret__heading">
        {t('administration.apiClients.secret.heading', { name })}
      </h3>
      <p className="api-secret__once">{t('administration.apiClients.secret.once')}</p>
      <CopyField id={`${id}-client-id`} label={t('administration.apiClients.secret.clientId')} value={clientId} />
      <CopyField id={`${id}-secret`} label={t('administration.apiClients.secret.secret')} value={secret} />
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('administration.apiClients.secret.done')}
        </button>
      </div>
    </div>
  );
}

/**
 * A value to copy into the other system: read-only, selected whole on focus, with a button that copies it. A text
 * area rather than an input, so that a secret longer than a phone is wide is seen whole, wrapped.
 */
function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const field = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('copied');
    } catch {
      // No clipboard (a page not served over HTTPS, or permission refused): selected, it is one keystroke away.
      field.current?.select();
      setCopied('failed');
    }
  };
  return (
    <div className="api-secret__field">
      <Field id={id} label={label} errors={[]}>
        {(describedBy) => (
          <div className="api-secret__row">
            <textarea
              ref={field}
              id={id}
              className="field__input api-secret__value"
              readOnly
              rows={1}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={describedBy}
              value={value}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className="button button--secondary"
              aria-label={t('administration.apiClients.secret.copyLabel', { field: label })}
              onClick={() => void copy()}
            >
              {t('administration.apiClients.secret.copy')}
            </button>
          </div>
        )}
      </Field>
      <Alert tone="success">{copied === 'copied' ? t('administration.apiClients.secret.copied', { field: label }) : null}</Alert>
      <Alert tone="error">{copied === 'failed' ? t('administration.apiClients.secret.copyFailed') : null}</Alert>
    </div>
  );
}
