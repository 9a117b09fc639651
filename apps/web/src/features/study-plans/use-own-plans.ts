import { useQuery } from '@apollo/client/react';
import type { Viewer } from '../auth/session';
import { OwnPlansDocument } from './operations';

/** Which plan pages a student's or guardian's navigation shows: the IUP in compulsory school, the study plan in upper secondary. */
export function useOwnPlans(viewer: Viewer): { developmentPlans: boolean; studyPlans: boolean } {
  const { data } = useQuery(OwnPlansDocument, { skip: viewer.role === 'STAFF' || viewer.students.length === 0 });
  return data?.ownPlans ?? { developmentPlans: false, studyPlans: false };
}
