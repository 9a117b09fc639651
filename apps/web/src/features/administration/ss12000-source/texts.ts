import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, isOneOf, RECORD_FIELDS, RECORD_PROBLEM_CODES, SOURCE_ENDPOINTS, SOURCE_PROBLEM_CODES } from './codes';

/** The words for the source's codes, shared by the check, the report and the history; unknown codes as they came. */
export function useSs12000Texts() {
  const { t } = useTranslation();
  /** Where in the source: its token address, or an endpoint's path. */
  const where = (endpoint: string) => (endpoint === 'token' ? t('administration.ss12000.endpoints.tokenWhere') : `/${endpoint}`);
  const sourceProblem = (code: string, endpoint: string, status: number | null) => {
    const text = isOneOf(SOURCE_PROBLEM_CODES, code)
      ? t(`administration.ss12000.sourceProblems.${code}`, { where: where(endpoint) })
      : t('administration.ss12000.unknownProblem', { code });
    return status ? `${text} ${t('administration.ss12000.httpStatus', { status })}` : text;
  };
  return {
    where,
    sourceProblem,
    endpointName: (endpoint: string) =>
      isOneOf(SOURCE_ENDPOINTS, endpoint) ? t(`administration.ss12000.endpoints.${endpoint}`) : endpoint,
    /** A record's problem in a run, or the source's (its status is then in the problem's field). */
    recordProblem: (code: string, endpoint: string) =>
      isOneOf(RECORD_PROBLEM_CODES, code)
        ? t(`administration.ss12000.recordProblems.${code}`)
        : isOneOf(SOURCE_PROBLEM_CODES, code)
          ? sourceProblem(code, endpoint, null)
          : t('administration.ss12000.unknownProblem', { code }),
    fieldName: (field: string) => (isOneOf(RECORD_FIELDS, field) ? t(`administration.ss12000.fields.${field}`) : field),
    kindName: (kind: string) => (isOneOf(IMPORT_KINDS, kind) ? t(`administration.ss12000.kinds.${kind}`) : kind),
    kindOne: (kind: string) => (isOneOf(IMPORT_KINDS, kind) ? t(`administration.ss12000.kindOne.${kind}`) : kind),
  };
}
