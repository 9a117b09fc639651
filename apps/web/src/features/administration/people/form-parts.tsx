import { useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  type Path,
  type UseFormRegisterReturn,
  type UseFormSetError,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { FieldInput, FieldSelect } from '../../../components/ui/field';
import { errorProblems } from '../../../lib/graphql-errors';

/** A `{ field, code }` problem from the API (administration.problems.ts). */
export interface FieldProblem {
  field: string;
  code: string;
}

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' &&
  value !== null &&
  'field' in value &&
  'code' in value &&
  typeof value.field === 'string' &&
  typeof value.code === 'string';

/**
 * Puts the API's problems on the form's fields (the message is the code, translated where shown) and
 * returns those it could not place, so that the page can name them.
 */
export function placeProblems<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): FieldProblem[] | null {
  const problems = errorProblems(error).filter(isFieldProblem);
  if (problems.length === 0) return null;
  const placed = new Set<FieldProblem>();
  for (const problem of problems) {
    const field = fields.find((name) => name === problem.field);
    if (field) {
      setError(field, { type: problem.code, message: problem.code }, { shouldFocus: placed.size === 0 });
      placed.add(problem);
    }
  }
  return problems.filter((problem) => !placed.has(problem));
}

/** The codes the people API answers with (the domain rules' and the services'). */
const PROBLEM_CODES = [
  'REQUIRED',
  'TOO_LONG',
  'FORMAT',
  'DATE',
  'CHECK_DIGIT',
  'DUPLICATE',
  'UNKNOWN',
  'INVALID_EMAIL',
  'INVALID_PHONE',
  'NOT_A_MOBILE',
  'PROTECTED_IDENTITY',
  'END_BEFORE_START',
  'WRONG_GROUP_KIND',
  'NOT_ALLOWED',
  'ALREADY_LINKED',
  'NOT_LINKED',
  'LAST_CHILD',
  'INVALID_DATE',
  'NOTHING_TO_END',
  'BEFORE_BEGUN',
  'TOO_SHORT',
  'CONTAINS_NAME',
  'TOO_GUESSABLE',
] as const;
type ProblemCode = (typeof PROBLEM_CODES)[number];
const isProblemCode = (code: string): code is ProblemCode => PROBLEM_CODES.some((known) => known === code);

/** The translated text of a problem code, as the field's errors (none without a code). */
export function useProblemText() {
  const { t } = useTranslation();
  return (code: string | undefined): string[] =>
    code ? [t(isProblemCode(code) ? `administration.people.problems.${code}` : 'administration.people.problems.OTHER')] : [];
}

/** The text of the first problem of a refused action without a form field (link, unlink, end a duty). */
export function useActionProblem() {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (error: unknown): string => {
    const problem = errorProblems(error).find(isFieldProblem);
    return problem ? (problemText(problem.code)[0] ?? '') : t('administration.people.saveFailed');
  };
}

interface TextFieldProps<N extends string> extends Omit<ComponentProps<'input'>, 'name' | 'id'> {
  id: string;
  name: N;
  label: string;
  hint?: string;
  /** the form's register (react-hook-form) */
  register: (name: N) => UseFormRegisterReturn;
  /** the problem code on this field, if any */
  problem: string | undefined;
}

/** A labelled text input of a react-hook-form form, with its problem under it. */
export function TextField<N extends string>({ id, name, register, problem, ...input }: TextFieldProps<N>) {
  const problemText = useProblemText();
  return <FieldInput id={id} errors={problemText(problem)} {...input} {...register(name)} />;
}

type NameField = 'firstName' | 'lastName';

/** The first and last name side by side, as every person form starts (or follows the personnummer). */
export function NameFields({
  id,
  register,
  errors,
}: {
  /** the form's id: the fields are `${id}-first` and `${id}-last` */
  id: string;
  register: (name: NameField) => UseFormRegisterReturn;
  errors: FieldErrors<Record<NameField, string>>;
}) {
  const { t } = useTranslation();
  return (
    <div className="form__row">
      <TextField
        id={`${id}-first`}
        name="firstName"
        label={t('administration.people.firstName')}
        register={register}
        problem={errors.firstName?.message}
        autoComplete="off"
      />
      <TextField
        id={`${id}-last`}
        name="lastName"
        label={t('administration.people.lastName')}
        register={register}
        problem={errors.lastName?.message}
        autoComplete="off"
      />
    </div>
  );
}

/** The school of a student or a principal's duty, one of the organisation's: a select of a react-hook-form form. */
export function SchoolSelect({
  id,
  schools,
  problem,
  ...registered
}: UseFormRegisterReturn & { id: string; schools: readonly { id: string; name: string }[]; problem: string | undefined }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  return (
    <FieldSelect id={id} label={t('administration.people.school')} errors={problemText(problem)} {...registered}>
      <option value="">{t('administration.people.chooseSchool')}</option>
      {schools.map((school) => (
        <option key={school.id} value={school.id}>
          {school.name}
        </option>
      ))}
    </FieldSelect>
  );
}

/** Blank form values are sent as null. */
export const orNull = (value: string): string | null => (value.trim() === '' ? null : value);

type SaveOutcome = 'saved' | 'failed' | null;

/**
 * A person form (student, guardian, staff): its react-hook-form state and a submit that saves, puts the API's
 * problems on their fields and says "saved" or, for a problem no field shows, "not saved".
 */
export function usePersonForm<T extends FieldValues>(
  initial: DefaultValues<T>,
  fields: readonly Path<T>[],
  save: (values: T) => Promise<void>,
) {
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const form = useForm<T>({ defaultValues: initial });
  const submit = form.handleSubmit(async (values) => {
    setOutcome(null);
    try {
      await save(values);
      setOutcome('saved');
    } catch (error) {
      const unplaced = placeProblems(error, fields, form.setError);
      if (!unplaced || unplaced.length > 0) setOutcome('failed');
    }
  });
  return { form, outcome, submit };
}

/** A person form's frame: its fields, the submit button and the outcome of the last save. */
export function PersonFormFrame({
  testId,
  submitLabel,
  busy,
  outcome,
  onSubmit,
  children,
}: {
  testId: string;
  submitLabel: string;
  busy: boolean;
  outcome: SaveOutcome;
  onSubmit: (event: FormEvent) => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form className="form form-panel" noValidate onSubmit={(event) => void onSubmit(event)} aria-busy={busy} data-testid={testId}>
      {children}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
      <Alert tone="success">{outcome === 'saved' ? t('administration.people.saved') : null}</Alert>
      <Alert tone="error">{outcome === 'failed' ? t('administration.people.saveFailed') : null}</Alert>
    </form>
  );
}
