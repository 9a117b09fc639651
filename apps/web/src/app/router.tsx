import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
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
 */
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
            <Route index element={<Navigate to="/schema" replace />} />
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
