import { FROM_PARAM, PERIOD_PARAM, TO_PARAM, type RangeParam } from './range-param';

// Here rather than in a page, so that linking to the list loads no other page's code.
export const CLASS_PARAM = 'klass';
export const SCHOOL_PARAM = 'skola';

export type MissingRollCallsScope = { classId: string } | { schoolId: string } | null;

/** The list of lessons without a roll call for a class, a school or (null) the viewer's own, over the same period. */
export function missingRollCallsHref(scope: MissingRollCallsScope, range: Pick<RangeParam, 'period' | 'from' | 'to'>): string {
  const params = new URLSearchParams();
  if (scope && 'classId' in scope) params.set(CLASS_PARAM, scope.classId);
  if (scope && 'schoolId' in scope) params.set(SCHOOL_PARAM, scope.schoolId);
  params.set(PERIOD_PARAM, range.period);
  if (range.period === 'CUSTOM') {
    params.set(FROM_PARAM, range.from);
    params.set(TO_PARAM, range.to);
  }
  return `/narvaro/saknas?${params.toString()}`;
}
