import { statisticsRange, type RangeProblem, type StatisticsPeriod } from '@insyn/domain';
import { useSearchParams } from 'react-router';
import type { StatisticsRangeInput } from '../../gql/graphql';
import { schoolToday } from '../../lib/dates';

export const PERIOD_PARAM = 'period';
export const FROM_PARAM = 'fran';
export const TO_PARAM = 'till';
export const PERIODS: readonly StatisticsPeriod[] = ['WEEK', 'MONTH', 'TERM', 'SCHOOL_YEAR', 'CUSTOM'];
const DEFAULT_PERIOD: StatisticsPeriod = 'TERM';

const isPeriod = (value: string | null): value is StatisticsPeriod => PERIODS.some((period) => period === value);

export interface RangeParam {
  period: StatisticsPeriod;
  from: string;
  to: string;
  /** What the API is asked; null while a custom range is incomplete or wrong. */
  range: StatisticsRangeInput | null;
  problem: RangeProblem | null;
  setPeriod: (period: StatisticsPeriod) => void;
  setCustom: (from: string, to: string) => void;
}

/** The period lives in the address: `?period=CUSTOM&fran=2026-09-01&till=2026-10-31` (the term unless given). */
export function useRangeParam(): RangeParam {
  const [params, setParams] = useSearchParams();
  const raw = params.get(PERIOD_PARAM);
  const period = isPeriod(raw) ? raw : DEFAULT_PERIOD;
  const from = params.get(FROM_PARAM) ?? '';
  const to = params.get(TO_PARAM) ?? '';
  let range: StatisticsRangeInput | null = { period };
  let problem: RangeProblem | null = null;
  if (period === 'CUSTOM') {
    const checked = statisticsRange('CUSTOM', schoolToday(), { custom: { from, to } });
    if (checked.ok) range = { period, from: checked.value.from, to: checked.value.to };
    else {
      range = null;
      problem = checked.problem;
    }
  }
  const update = (patch: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return {
    period,
    from,
    to,
    range,
    problem,
    setPeriod: (next) => update({ [PERIOD_PARAM]: next, ...(next === 'CUSTOM' ? {} : { [FROM_PARAM]: null, [TO_PARAM]: null }) }),
    setCustom: (nextFrom, nextTo) => update({ [PERIOD_PARAM]: 'CUSTOM', [FROM_PARAM]: nextFrom, [TO_PARAM]: nextTo }),
  };
}
