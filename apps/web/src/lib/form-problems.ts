import type { FieldPath, FieldValues, UseFormSetError, UseFormSetFocus } from 'react-hook-form';

/**
 * Puts each refusal's code on its field (the form shows it translated) and moves focus to the first refused field in
 * the form's order, so a keyboard or screen-reader user lands on what to mend. True when a field was refused.
 */
export function showFieldProblems<Values extends FieldValues, Field extends FieldPath<Values>>(
  form: { setError: UseFormSetError<Values>; setFocus: UseFormSetFocus<Values> },
  order: readonly Field[],
  problems: readonly { field: Field; code: string }[],
): boolean {
  for (const problem of problems) form.setError(problem.field, { type: problem.code, message: problem.code });
  const first = order.find((field) => problems.some((problem) => problem.field === field));
  if (first) form.setFocus(first);
  return first !== undefined;
}
