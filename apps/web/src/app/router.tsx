import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ClassDayPage } from '../features/attendance/class-day-page';
import { RollCallPage } from '../features/attendance/roll-call-page';
import { TodayPage } from '../features/attendance/today-page';
import { useViewer } from '../features/auth/auth-context';
import { NotFoundState } from '../components/ui/error-state';
import { LoginPage } from '../features/auth/login-page';
import { GroupPage } from '../features/groups/group-page';
import { MyGroupsPage } from '../features/groups/my-groups-page';
import { SchedulePage } from '../features/schedule/schedule-page';
import { AppLayout } from './app-layout';
import { PublicLayout } from './public-layout';
import { PublicOnly, RequireAuth } from './require-auth';

/**
 * Routes (Swedish paths, as the product is Swedish first):
 *   /logga-in                         login
 *   /schema?vecka=2026-W48&elev=<id>  week schedule (own, a chosen child's, or a staff member's teaching)
 *   /grupper                          a staff member's classes and groups
 *   /grupp/:groupId                   class list
 *   /idag?dag=2026-11-25              a staff member's lessons of a day with their roll-call state (staff start page)
 *   /lektion/:lessonId/narvaro        roll call of a lesson
 *   /klass/:classId/idag?dag=…        a mentor's class across the day's lessons
 */

/** Staff start on their day's lessons; students and guardians on the schedule. */
function StartPage() {
  const viewer = useViewer();
  return <Navigate to={viewer.role === 'STAFF' ? '/idag' : '/schema'} replace />;
}
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<PublicOnly />}>
          <Route element={<PublicLayout />}>
            <Route path="/logga-in" element={<LoginPage />} />
          </Route>
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<StartPage />} />
            <Route path="/idag" element={<TodayPage />} />
            <Route path="/lektion/:lessonId/narvaro" element={<RollCallPage />} />
            <Route path="/klass/:classId/idag" element={<ClassDayPage />} />
            <Route path="/schema" element={<SchedulePage />} />
            <Route path="/grupper" element={<MyGroupsPage />} />
            <Route path="/grupp/:groupId" element={<GroupPage />} />
            <Route path="*" element={<NotFoundState />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
