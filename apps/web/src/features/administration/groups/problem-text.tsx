import { useTranslation } from 'react-i18next';
import { PROBLEM_CODES, type ProblemCode } from './problems';

const isProblemCode = (value: string): value is ProblemCode => PROBLEM_CODES.some((code) => code === value);

/** The words of a problem code, as a field's errors (none without a code). */
export function useProblemText() {
  const { t } = useTranslation();
  return (code: string | undefined): string[] =>
    code ? [isProblemCode(code) ? t(`administration.groups.problems.${code}`) : t('administration.groups.failed')] : [];
}

/** A field's error under it, in words; `id` ties it to the input's aria-describedby. */
export function ProblemText({ id, code }: { id: string; code: string }) {
  const problemText = useProblemText();
  return (
    <p id={id} className="field__error">
      {problemText(code)}
    </p>
  );
}
