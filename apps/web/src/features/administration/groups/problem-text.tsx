import { useTranslation } from 'react-i18next';
import { PROBLEM_CODES, type ProblemCode } from './problems';

const isProblemCode = (value: string): value is ProblemCode => PROBLEM_CODES.some((code) => code === value);

/** A field's error under it, in words; `id` ties it to the input's aria-describedby. */
export function ProblemText({ id, code }: { id: string; code: string }) {
  const { t } = useTranslation();
  return (
    <p id={id} className="field__error">
      {isProblemCode(code) ? t(`administration.groups.problems.${code}`) : t('administration.groups.failed')}
    </p>
  );
}
