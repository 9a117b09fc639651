// For the rules' unit tests: a staff member as a viewer, from the duties a test gives them.
import type { DutyFacts, ViewerFacts } from './records.ts';

export const staffWith = (duties: readonly DutyFacts[], staffId = 'staff-under-test'): ViewerFacts => ({ kind: 'STAFF', staffId, duties });
