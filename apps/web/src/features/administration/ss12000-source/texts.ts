import { useTranslation } from 'react-i18next';
import {
  ENDPOINT_PROBLEM_CODES,
  IMPORT_KINDS,
  isOneOf,
  MEMBERSHIP_FIELD_PREFIX,
  PROBLEM_ENDPOINTS,
  RECORD_FIELDS,
  RECORD_PROBLEM_CODES,
  RUN_ENDPOINTS,
  SOURCE_ENDPOINTS,
  SOURCE_PROBLEM_CODES,
} from './codes';

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
  /** A problem of a group, a duty or a syllabus, in its endpoint's words; null for a code it does not have. */
  const endpointProblem = (code: string, endpoint: string): string | null => {
    if (!isOneOf(PROBLEM_ENDPOINTS, endpoint)) return null;
    if (endpoint === 'groups')
      return isOneOf(ENDPOINT_PROBLEM_CODES.groups, code) ? t(`administration.ss12000.groupProblems.${code}`) : null;
    if (endpoint === 'duties')
      return isOneOf(ENDPOINT_PROBLEM_CODES.duties, code) ? t(`administration.ss12000.dutyProblems.${code}`) : null;
    if (endpoint === 'calendarEvents')
      return isOneOf(ENDPOINT_PROBLEM_CODES.calendarEvents, code) ? t(`administration.ss12000.lessonProblems.${code}`) : null;
    return isOneOf(ENDPOINT_PROBLEM_CODES.syllabuses, code) ? t(`administration.ss12000.syllabusProblems.${code}`) : null;
  };
  const fieldName = (field: string) => {
    if (field.startsWith(MEMBERSHIP_FIELD_PREFIX))
      return `${t('administration.ss12000.fields.membershipOf')} ${field.slice(MEMBERSHIP_FIELD_PREFIX.length)}`;
    return isOneOf(RECORD_FIELDS, field) ? t(`administration.ss12000.fields.${field}`) : field;
  };
  return {
    where,
    sourceProblem,
    endpointName: (endpoint: string) =>
      isOneOf(SOURCE_ENDPOINTS, endpoint) ? t(`administration.ss12000.endpoints.${endpoint}`) : endpoint,
    /** A record's problem in a run, or the source's (its status is then in the problem's field). */
    recordProblem: (code: string, endpoint: string) =>
      endpointProblem(code, endpoint) ??
      (isOneOf(RECORD_PROBLEM_CODES, code)
        ? t(`administration.ss12000.recordProblems.${code}`)
        : isOneOf(SOURCE_PROBLEM_CODES, code)
          ? sourceProblem(code, endpoint, null)
          : t('administration.ss12000.unknownProblem', { code })),
    fieldName,
    kindName: (kind: string) => (isOneOf(IMPORT_KINDS, kind) ? t(`administration.ss12000.kinds.${kind}`) : kind),
    kindOne: (kind: string) => (isOneOf(IMPORT_KINDS, kind) ? t(`administration.ss12000.kindOne.${kind}`) : kind),
    /** How far a running import has come: "Steg 3 av 7: läser personer", or that it is starting. */
    progress: (progress: { step: number; steps: number; endpoint: string } | null) =>
      progress && progress.step > 0
        ? t('administration.ss12000.progress.step', {
            step: progress.step,
            steps: progress.steps,
            what: isOneOf(RUN_ENDPOINTS, progress.endpoint)
              ? t(`administration.ss12000.progress.reading.${progress.endpoint}`)
              : t('administration.ss12000.progress.readingOther', { endpoint: progress.endpoint }),
          })
        : t('administration.ss12000.progress.starting'),
    /** Who started a run: the administrator, or nobody for the nightly run. */
    starter: (name: string | null) => name ?? t('administration.ss12000.nightlyRun'),
  };
}
