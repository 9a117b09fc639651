import { useSearchParams } from 'react-router';
import { formatIsoWeek, type IsoWeek } from '../../lib/dates';
import { WEEK_PARAM, weekOfAddress } from './schedule-request';

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
  const { week, invalid } = weekOfAddress(params);
  return {
    week,
    invalid,
    searchFor: (target) => {
      const next = new URLSearchParams(params);
      next.set(WEEK_PARAM, formatIsoWeek(target));
      return `?${next.toString()}`;
    },
  };
}
