// Rule 9: who sees the name of a person with protected identity (skyddade personuppgifter).
import { canAccessStudent, type StudentFacts, type ViewerFacts } from './records.ts';

/**
 * Rule 9: a student with protected identity is named (name, class) only to those who may read the student
 * anyway — staff with a duty for them, the student and their own guardians. Everyone else sees no name.
 */
export function mayNameStudent(viewer: ViewerFacts, student: StudentFacts & { protectedIdentity: boolean }, today: string): boolean {
  return !student.protectedIdentity || canAccessStudent(viewer, 'student:read', student, today);
}

/**
 * Rule 9 for a guardian: named only to themself, to their own children, and to staff with a duty for one of
 * the children. `children` are the guardian's children as access facts.
 */
export function mayNameGuardian(
  viewer: ViewerFacts,
  guardian: { id: string; protectedIdentity: boolean; children: readonly StudentFacts[] },
  today: string,
): boolean {
  if (!guardian.protectedIdentity) return true;
  switch (viewer.kind) {
    case 'GUARDIAN':
      return viewer.guardianId === guardian.id;
    case 'STUDENT':
      return guardian.children.some((child) => child.id === viewer.studentId);
    case 'STAFF':
      return guardian.children.some((child) => canAccessStudent(viewer, 'student:read', child, today));
  }
}
