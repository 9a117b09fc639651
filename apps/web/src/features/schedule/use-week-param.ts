import { useSearchParams } from 'react-router';
import { currentIsoWeek, formatIsoWeek, parseIsoWeek, type IsoWeek } from '../../lib/dates';

export const WEEK_PARAM = 'vecka';
export const STUDENT_PARAM = 'elev';

export interface WeekParam {
  week: IsoWeek;
  /** The address named a week that does not exist (e.g. 2026-W60); the current week is shown. */
  invalid: boolean;
  /** A link target for another week, keeping the other parameters (e.g. the chosen child). */
  searchFor: (week: IsoWeek) => string;
}

/** The shown week lives in the address as `?vecka=2026-W48`; without it, the current week. */
export function useWeekParam(): WeekParam {
  const [params] = useSearchParams();
  const raw = params.get(WEEK_PARAM);
  const parsed = raw === null ? null : parseIsoWeek(raw);
  const week = parsed ?? currentIsoWeek();
  return {
    week,
    invalid: raw !== null && parsed === null,
    searchFor: (target) => {
      const next = new URLSearchParams(params);
      next.set(WEEK_PARAM, formatIsoWeek(target));
      return `?${next.toString()}`;
    },
  };
}
