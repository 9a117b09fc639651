import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../auth/session';
import { StudentWeekScheduleDocument } from './operations';
import { initialSchedulePolicy, prefetchSchedule, scheduleSubject, studentScheduleVariables, weekOfAddress } from './schedule-request';

const viewer = (role: Viewer['role'], studentIds: string[]): Viewer => ({
  __typename: 'Viewer',
  userId: `user-${role}`,
  username: role.toLowerCase(),
  displayName: role,
  role,
  locale: 'sv',
  duties: [],
  isAdultStudent: false,
  ownPlans: { __typename: 'OwnPlans', developmentPlans: false, studyPlans: false },
  students: studentIds.map((id) => ({
    __typename: 'StudentSummary',
    id,
    firstName: 'Elsa',
    lastName: 'Ek',
    className: '7A',
    classId: 'class-7a',
    schoolName: 'Skolan',
  })),
});

/** A client whose server answers each operation with `answer`, and notes what it was asked. */
function clientAnswering(answer: (operationName: string, variables: Record<string, unknown>) => Record<string, unknown> | Error) {
  const asked: { operationName: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        asked.push({ operationName: operation.operationName ?? '', variables: operation.variables });
        const result = answer(operation.operationName ?? '', operation.variables);
        if (result instanceof Error) observer.error(result);
        else {
          observer.next({ data: result });
          observer.complete();
        }
      }),
  );
  return { client: new ApolloClient({ link, cache: new InMemoryCache() }), asked };
}

const studentWeek = (studentId: string, week: { isoYear: number; isoWeek: number }) => ({
  student: {
    __typename: 'StudentSummary',
    id: studentId,
    firstName: 'Elsa',
    lastName: 'Ek',
    className: '7A',
    classId: 'class-7a',
    schoolName: 'Skolan',
  },
  studentWeekSchedule: { __typename: 'WeekSchedule', isoYear: week.isoYear, isoWeek: week.isoWeek, days: [] },
});

describe('the schedule an address shows', () => {
  it('takes the week from ?vecka, and today’s school week without it or when it names no week', () => {
    const sundayNight = new Date('2026-11-29T23:30:00Z'); // Monday 00:30 in Sweden: week 49
    expect(weekOfAddress(new URLSearchParams('vecka=2026-W48'), sundayNight)).toEqual({
      week: { isoYear: 2026, isoWeek: 48 },
      invalid: false,
    });
    expect(weekOfAddress(new URLSearchParams(), sundayNight)).toEqual({ week: { isoYear: 2026, isoWeek: 49 }, invalid: false });
    expect(weekOfAddress(new URLSearchParams('vecka=2026-W60'), sundayNight)).toEqual({
      week: { isoYear: 2026, isoWeek: 49 },
      invalid: true,
    });
  });

  it('shows staff their teaching, a named student when ?elev says so, else the first student of the viewer', () => {
    expect(scheduleSubject(viewer('STAFF', []), new URLSearchParams())).toEqual({ kind: 'teaching' });
    expect(scheduleSubject(viewer('STAFF', []), new URLSearchParams('elev=s9'))).toEqual({ kind: 'student', studentId: 's9' });
    expect(scheduleSubject(viewer('GUARDIAN', ['s1', 's2']), new URLSearchParams())).toEqual({ kind: 'student', studentId: 's1' });
    expect(scheduleSubject(viewer('GUARDIAN', ['s1', 's2']), new URLSearchParams('elev=s2'))).toEqual({ kind: 'student', studentId: 's2' });
    expect(scheduleSubject(viewer('GUARDIAN', []), new URLSearchParams())).toEqual({ kind: 'none' });
  });
});

describe('the week asked for at the start', () => {
  it('is asked with the page’s own variables, and the page then takes it from the cache', async () => {
    const week = { isoYear: 2026, isoWeek: 50 };
    const { client, asked } = clientAnswering((_, variables) => studentWeek(String(variables.studentId), week));
    const guardian = viewer('GUARDIAN', ['s1', 's2']);
    const variables = studentScheduleVariables('s2', week, 'en');
    const prefetched = prefetchSchedule(client, guardian, new URLSearchParams('elev=s2&vecka=2026-W50'), 'en');
    // Still on its way, the page's own query joins it (Apollo sends one request for both).
    expect(initialSchedulePolicy('StudentWeekSchedule', variables)).toBe('cache-first');
    await prefetched;
    expect(asked).toEqual([{ operationName: 'StudentWeekSchedule', variables }]);
    expect(initialSchedulePolicy('StudentWeekSchedule', variables)).toBe('cache-first');
    expect(client.readQuery({ query: StudentWeekScheduleDocument, variables })?.studentWeekSchedule.isoWeek).toBe(50);
    // Any other week, student or language was not fetched: the page asks the network as always.
    expect(initialSchedulePolicy('StudentWeekSchedule', studentScheduleVariables('s2', week, 'sv'))).toBe('cache-and-network');
    expect(initialSchedulePolicy('StudentWeekSchedule', studentScheduleVariables('s1', week, 'en'))).toBe('cache-and-network');
    expect(initialSchedulePolicy('StudentWeekSchedule', studentScheduleVariables('s2', { isoYear: 2026, isoWeek: 51 }, 'en'))).toBe(
      'cache-and-network',
    );
  });

  it('asks nothing when the page came first and has decided to fetch the week itself', async () => {
    const week = { isoYear: 2026, isoWeek: 52 };
    const { client, asked } = clientAnswering((_, variables) => studentWeek(String(variables.studentId), week));
    const variables = studentScheduleVariables('s3', week, 'sv');
    expect(initialSchedulePolicy('StudentWeekSchedule', variables)).toBe('cache-and-network');
    await prefetchSchedule(client, viewer('STUDENT', ['s3']), new URLSearchParams('vecka=2026-W52'), 'sv');
    expect(asked).toEqual([]);
  });

  it('leaves the page to ask again when it failed, and asks nothing for a viewer without a schedule', async () => {
    const { client, asked } = clientAnswering(() => new Error('offline'));
    await prefetchSchedule(client, viewer('STUDENT', ['s7']), new URLSearchParams('vecka=2026-W50'), 'sv');
    expect(asked).toHaveLength(1);
    expect(initialSchedulePolicy('StudentWeekSchedule', studentScheduleVariables('s7', { isoYear: 2026, isoWeek: 50 }, 'sv'))).toBe(
      'cache-and-network',
    );

    await prefetchSchedule(client, viewer('GUARDIAN', []), new URLSearchParams(), 'sv');
    expect(asked).toHaveLength(1);
  });
});
