import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isConnectionError } from '../../lib/graphql-errors';
import { Alert } from './alert';

/** What a switch says: its label and hint, what it says once saved on or off, and when saving failed. */
export interface SavedSwitchTexts {
  label: string;
  hint: string;
  savedOn: string;
  savedOff: string;
  failed: string;
}

type Outcome = 'on' | 'off' | 'unreachable' | 'failed';

/**
 * A setting that is on or off, saved as soon as it is switched and said so. While it is being saved the box shows what
 * was asked for; a failure puts it back as it was. `save` answers the setting as saved.
 */
export function SavedSwitch({
  checked,
  save,
  texts,
  className,
  testId,
}: {
  checked: boolean;
  save: (on: boolean) => Promise<boolean>;
  texts: SavedSwitchTexts;
  className: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const change = async (on: boolean) => {
    setPending(on);
    setOutcome(null);
    try {
      setOutcome((await save(on)) ? 'on' : 'off');
    } catch (error) {
      setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
    } finally {
      setPending(null);
    }
  };

  return (
    <div className={className} aria-busy={pending !== null} data-testid={testId}>
      <div className="checkbox">
        <input
          id={`${id}-switch`}
          type="checkbox"
          className="checkbox__input"
          checked={pending ?? checked}
          aria-describedby={`${id}-hint`}
          // Not disabled while saving (that would take the focus from it): a second switch waits for the first.
          onChange={(event) => {
            if (pending === null) void change(event.target.checked);
          }}
        />
        <label htmlFor={`${id}-switch`} className="checkbox__label">
          {texts.label}
        </label>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {texts.hint}
      </p>
      <Alert tone="success">{outcome === 'on' ? texts.savedOn : outcome === 'off' ? texts.savedOff : null}</Alert>
      <Alert tone="error">{outcome === 'unreachable' ? t('errors.unreachableBody') : outcome === 'failed' ? texts.failed : null}</Alert>
    </div>
  );
}
