import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorProblems } from '../../../lib/graphql-errors';

/** The codes the schedule's rules refuse with (packages/domain/src/administration/schedule.ts and the API). */
const PROBLEM_CODES = [
  'OUTSIDE_TERM',
  'BEFORE_START',
  'AFTER_END',
  'INVALID_DATE',
  'OTHER_SCHOOL_YEAR',
  'UNKNOWN',
  'REQUIRED',
  'TOO_MANY',
  'NOT_A_WEEKDAY',
  'INVALID_TIME',
  'OUTSIDE_SCHOOL_DAY',
  'OUT_OF_RANGE',
  'TOO_LONG',
  'ON_BREAK',
  'ATTENDANCE_TAKEN',
  'ALREADY_CANCELLED',
  'CANCELLED',
  'NOT_CANCELLED',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ScheduleFieldProblem {
  field: string;
  code: ProblemCode;
}

const isProblemCode = (value: unknown): value is ProblemCode => PROBLEM_CODES.some((code) => code === value);

/** Known `{ field, code }` problems, from the shared rules or from the API's refusal. */
export function scheduleProblems(source: readonly unknown[]): ScheduleFieldProblem[] {
  return source.flatMap((problem) => {
    if (typeof problem !== 'object' || problem === null || !('field' in problem) || !('code' in problem)) return [];
    const { field, code } = problem;
    return typeof field === 'string' && isProblemCode(code) ? [{ field, code }] : [];
  });
}

export const problemsOfError = (error: unknown) => scheduleProblems(errorProblems(error));

/**
 * What a form that sends one mutation shows of a refusal: the known problems, found on the device (`showProblems`)
 * or refused by the API, or `failed` when it failed otherwise (the network, a server error). `attempt` clears both,
 * runs the mutation and keeps what it refused; it answers whether the mutation went through.
 */
export function useRefusal() {
  const [problems, setProblems] = useState<ScheduleFieldProblem[]>([]);
  const [failed, setFailed] = useState(false);
  const showProblems = (found: ScheduleFieldProblem[]) => {
    setProblems(found);
    setFailed(false);
  };
  const attempt = async (send: () => Promise<unknown>): Promise<boolean> => {
    showProblems([]);
    try {
      await send();
      return true;
    } catch (error) {
      const found = problemsOfError(error);
      setProblems(found);
      setFailed(found.length === 0);
      return false;
    }
  };
  return { problems, failed, showProblems, attempt };
}

/** The messages of one field's problems, translated. */
export function useProblemMessages(problems: readonly ScheduleFieldProblem[]) {
  const { t } = useTranslation();
  return (field: string): string[] =>
    problems.filter((problem) => problem.field === field).map((problem) => t(`administration.schedule.problems.${problem.code}`));
}

const WEEKDAY_KEYS = [
  'administration.schedule.weekdays.1',
  'administration.schedule.weekdays.2',
  'administration.schedule.weekdays.3',
  'administration.schedule.weekdays.4',
  'administration.schedule.weekdays.5',
] as const;

/** The name of an ISO weekday, Monday–Friday. */
export function useWeekdayName() {
  const { t } = useTranslation();
  return useCallback((weekday: number): string => t(WEEKDAY_KEYS[weekday - 1] ?? WEEKDAY_KEYS[0]), [t]);
}
