import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '../../../components/ui/field';
import { useProblemText } from './problem-text';

interface InputFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** the problem code on this field, from the shared rules or the API */
  problem?: string | undefined;
}

/** A labelled input of the groups' small forms, with its problem under it. */
export function InputField({ id, label, value, onChange, problem, ...input }: InputFieldProps) {
  const problemText = useProblemText();
  return (
    <Field id={id} label={label} errors={problemText(problem)}>
      {(describedBy, invalid) => (
        <input
          id={id}
          className="field__input"
          {...input}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** A labelled select of the groups' small forms, as InputField; the options are its children. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  problem,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string | undefined;
  children: ReactNode;
}) {
  const problemText = useProblemText();
  return (
    <Field id={id} label={label} errors={problemText(problem)}>
      {(describedBy, invalid) => (
        <select
          id={id}
          className="field__input"
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    </Field>
  );
}
