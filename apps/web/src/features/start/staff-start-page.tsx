import { useSearchParams } from 'react-router';
import { useViewer } from '../auth/auth-context';
import { DAY_PARAM, TodayPage } from '../attendance/today-page';
import { LeaderStartPage } from './lazy-pages';

/**
 * /idag, the staff's start page. Teachers and mentors see their lessons of the day; a principal or an administrator
 * sees what they act on first (with their own lessons below if they teach too). A chosen day (?dag=) is always the
 * day's lessons.
 */
export function StaffStartPage() {
  const viewer = useViewer();
  const [params] = useSearchParams();
  const leads = viewer.duties.includes('PRINCIPAL') || viewer.duties.includes('ADMINISTRATOR');
  return leads && !params.has(DAY_PARAM) ? <LeaderStartPage /> : <TodayPage />;
}
