import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Messages for this field, shown under it and tied to the input with aria-describedby. */
  errors: string[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A labelled field with its hint and its errors, as the other forms lay them out. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const invalid = errors.length > 0;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [invalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children(describedBy, invalid)}
      {invalid ? (
        <p id={errorId} className="field__error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
