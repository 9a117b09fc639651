import type { ApolloClient } from '@apollo/client';
import { isoWeekOf, parseIsoWeek, schoolDateOf, type IsoWeek } from '@insyn/domain';
import type { StudentWeekScheduleQueryVariables, TeachingWeekScheduleQueryVariables } from '../../gql/graphql';
import type { AppLocale } from '../../lib/i18n';
import type { Viewer } from '../auth/session';
import { StudentWeekScheduleDocument, TeachingWeekScheduleDocument } from './operations';

/**
 * Which week and whose schedule the page at /schema shows for an address, with its query's variables: one place, so
 * that the query sent at the app's start (main.tsx, while the page's code still loads) is exactly the page's own.
 * Imports nothing heavy: it is part of the app's start.
 */

export const WEEK_PARAM = 'vecka';
export const STUDENT_PARAM = 'elev';

/** The shown week lives in the address as `?vecka=2026-W48`; without it, or with a week that does not exist, today's. */
export function weekOfAddress(params: URLSearchParams, now: Date = new Date()): { week: IsoWeek; invalid: boolean } {
  const raw = params.get(WEEK_PARAM);
  const parsed = raw === null ? null : parseIsoWeek(raw);
  return { week: parsed ?? isoWeekOf(schoolDateOf(now)), invalid: raw !== null && parsed === null };
}

export type ScheduleSubject = { kind: 'teaching' } | { kind: 'student'; studentId: string } | { kind: 'none' };

/**
 * Whose schedule: `?elev=<id>` names a student (a guardian's chosen child, or a student a staff member opened from a
 * class list); without it a student sees their own, a guardian their first child, and staff their own teaching.
 */
export function scheduleSubject(viewer: Viewer, params: URLSearchParams): ScheduleSubject {
  const requested = params.get(STUDENT_PARAM);
  if (requested === null && viewer.role === 'STAFF') return { kind: 'teaching' };
  const studentId = requested ?? viewer.students[0]?.id ?? null;
  return studentId === null ? { kind: 'none' } : { kind: 'student', studentId };
}

export function studentScheduleVariables(studentId: string, week: IsoWeek, locale: AppLocale): StudentWeekScheduleQueryVariables {
  return { studentId, week: { isoYear: week.isoYear, isoWeek: week.isoWeek }, locale };
}

export function teachingScheduleVariables(week: IsoWeek, locale: AppLocale): TeachingWeekScheduleQueryVariables {
  return { week: { isoYear: week.isoYear, isoWeek: week.isoWeek }, locale };
}

/** How long a week asked for at the start counts as fresh for the page that then opens: it need not ask again. */
const PREFETCH_FRESH_MS = 30_000;
const prefetchedAt = new Map<string, number>();
/** Weeks a page has already decided to fetch itself: asking for them at the start too would only ask twice. */
const askedByPage = new Set<string>();
const keyOf = (operation: string, variables: object) => `${operation} ${JSON.stringify(variables)}`;

/**
 * Asks for the week the page at this address will show, as soon as the session says who is looking, rather than
 * after the page's code has loaded and rendered: the answer is in Apollo's cache when the page asks, or on its way
 * (Apollo then shares the one request). Resolves when answered or failed.
 */
export function prefetchSchedule(client: ApolloClient, viewer: Viewer, params: URLSearchParams, locale: AppLocale): Promise<void> {
  const subject = scheduleSubject(viewer, params);
  const { week } = weekOfAddress(params);
  let key: string;
  let send: () => Promise<unknown>;
  if (subject.kind === 'student') {
    const variables = studentScheduleVariables(subject.studentId, week, locale);
    key = keyOf('StudentWeekSchedule', variables);
    send = () => client.query({ query: StudentWeekScheduleDocument, variables });
  } else if (subject.kind === 'teaching') {
    const variables = teachingScheduleVariables(week, locale);
    key = keyOf('TeachingWeekSchedule', variables);
    send = () => client.query({ query: TeachingWeekScheduleDocument, variables });
  } else {
    return Promise.resolve();
  }
  // The page was quicker (its code came first): it has decided to fetch the week itself.
  if (askedByPage.has(key)) return Promise.resolve();
  prefetchedAt.set(key, Date.now());
  // A failed prefetch is nothing to show here: the page asks again and shows its own error.
  return send().then(
    () => undefined,
    () => {
      prefetchedAt.delete(key);
    },
  );
}

/**
 * The page's fetch policy for its first query: the cache when the start has just asked for this very week (answered,
 * or still on its way: Apollo shares the request), else the cache at once and the network behind it (a week seen
 * earlier may have changed since); the start then leaves this week to the page.
 */
export function initialSchedulePolicy(
  operation: 'StudentWeekSchedule' | 'TeachingWeekSchedule',
  variables: object,
): 'cache-first' | 'cache-and-network' {
  const key = keyOf(operation, variables);
  const at = prefetchedAt.get(key);
  if (at !== undefined && Date.now() - at < PREFETCH_FRESH_MS) return 'cache-first';
  askedByPage.add(key);
  return 'cache-and-network';
}
