import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../auth/auth-context';
import type { Viewer } from '../auth/session';
import { ChildPicker } from './child-picker';
import { STUDENT_PARAM } from './schedule-request';

export type ViewerStudent = Viewer['students'][number];

/**
 * The student a page is about for a guardian or a student: `?elev=<id>` when it names one of the
 * viewer's students, else the first (an adult student is their own only student). A guardian with
 * several children gets the child picker to switch.
 */
export function useChosenStudent(legend: string): { student: ViewerStudent | null; picker: ReactNode } {
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const requested = params.get(STUDENT_PARAM);
  const student = viewer.students.find((candidate) => candidate.id === requested) ?? viewer.students[0] ?? null;
  const picker =
    student && viewer.students.length > 1 ? (
      <ChildPicker
        students={viewer.students}
        selectedId={student.id}
        legend={legend}
        onSelect={(id) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              next.set(STUDENT_PARAM, id);
              return next;
            },
            { replace: true },
          )
        }
      />
    ) : null;
  return { student, picker };
}
