// The demo data as plain records, built in memory before anything is written. Dates are `YYYY-MM-DD`.
import type { DutyKind, GroupKind, SchoolForm } from '@insyn/db';
import type { Gender } from './people.ts';

export interface SchoolRecord {
  id: string;
  name: string;
  unitCode: string;
  form: SchoolForm;
}

export interface ClassRecord {
  id: string;
  schoolId: string;
  name: string;
  /** 0 = förskoleklass, 1–9, 10–12 = upper secondary years 1–3 */
  yearLevel: number;
  programmeCode: string | null;
  homeRoom: string;
  studentIds: string[];
}

export interface StudentRecord {
  id: string;
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  birthDate: string;
  schoolId: string;
  programmeCode: string | null;
  classId: string;
  yearLevel: number;
  /** språkval, years 6–9 */
  modernLanguage: string | null;
}

export interface GuardianRecord {
  id: string;
  personalIdentityNumber: string;
  firstName: string;
  lastName: string;
  mobilePhone: string;
  email: string;
  /** the home's postal address, for letters; a few homes have none on record */
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  notifyBySms: boolean;
  notifyByEmail: boolean;
  messageLocale: 'sv' | 'en';
}

export interface ConsentRecord {
  id: string;
  studentId: string;
  guardianId: string;
  givenAt: Date;
  withdrawnAt: Date | null;
}

export interface StaffRecord {
  id: string;
  firstName: string;
  lastName: string;
  signature: string;
  email: string;
}

export interface DutyRecord {
  id: string;
  staffId: string;
  kind: DutyKind;
  schoolId: string | null;
  groupId: string | null;
}

export interface GroupRecord {
  id: string;
  schoolId: string;
  kind: GroupKind;
  name: string;
  yearLevel: number;
  subjectId: string | null;
  courseId: string | null;
  /** the class a teaching group belongs to; null for groups that mix classes */
  classId: string | null;
}

export interface MembershipRecord {
  id: string;
  groupId: string;
  studentId: string;
  validFrom: string;
  validTo: string | null;
}

export interface SeriesRecord {
  id: string;
  groupId: string;
  subjectId: string;
  weekday: number;
  startMinute: number;
  durationMinutes: number;
  room: string;
  /** the first one marks the roll call */
  teacherIds: string[];
}

export interface AccountRecord {
  id: string;
  username: string;
  studentId?: string;
  guardianId?: string;
  staffId?: string;
}

export type DemoRole = 'student' | 'adult-student' | 'guardian' | 'mentor' | 'teacher' | 'principal' | 'administrator';

export interface DemoLogin {
  role: DemoRole;
  username: string;
  displayName: string;
  /** Swedish, for the demo login page */
  description: string;
  descriptionEn: string;
}

/** A change against the weekly schedule for one dated lesson, found by its series and date. */
export interface LessonChange {
  seriesId: string;
  date: string;
  cancelled: boolean;
  /** new instants when the lesson moved in time */
  startsAt: Date | null;
  endsAt: Date | null;
  /** new room when it moved room */
  room: string | null;
  note: string;
}
