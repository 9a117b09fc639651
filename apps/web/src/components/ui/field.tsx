import type { ComponentProps, ReactNode } from 'react';

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

interface ControlProps {
  id: string;
  label: string;
  hint?: string;
  /** Messages for this field (none where nothing can be wrong, as in a list's filter). */
  errors?: string[];
  /** the control's class, `field__input` unless told */
  className?: string;
}

const NO_ERRORS: string[] = [];

/**
 * A Field with its input: marked invalid and described by its hint and errors. The other props go to the input
 * (react-hook-form's `register(name)` among them, its ref too).
 */
export function FieldInput({
  id,
  label,
  hint,
  errors = NO_ERRORS,
  className = 'field__input',
  ...input
}: ControlProps & ComponentProps<'input'>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <input id={id} className={className} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...input} />
      )}
    </Field>
  );
}

/** A Field with its select, as FieldInput; the options are its children. */
export function FieldSelect({
  id,
  label,
  hint,
  errors = NO_ERRORS,
  className = 'field__input',
  ...select
}: ControlProps & ComponentProps<'select'>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy, invalid) => (
        <select id={id} className={className} aria-invalid={invalid || undefined} aria-describedby={describedBy} {...select} />
      )}
    </Field>
  );
}

/** A checkbox with its label, and the hint under it that describes it (`${id}-hint`). */
export function CheckboxField({
  id,
  label,
  hint,
  ...input
}: { id: string; label: string; hint: string } & Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <>
      <div className="checkbox">
        <input id={id} type="checkbox" className="checkbox__input" aria-describedby={`${id}-hint`} {...input} />
        <label htmlFor={id} className="checkbox__label">
          {label}
        </label>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
    </>
  );
}
