import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ClassDayPage, RollCallPage } from '../features/attendance/lazy-pages';
import { useViewer } from '../features/auth/auth-context';
import type { Viewer } from '../features/auth/session';
import { StaffStartPage } from '../features/start/lazy-pages';
import { NotFoundState } from '../components/ui/error-state';
import { apolloClient } from './apollo';
import { LoginPage } from '../features/auth/lazy-pages';
import {
  ActivationPage,
  ChangePasswordPage,
  ForgotPasswordPage,
  GuardianLettersPage,
  ResetPasswordPage,
} from '../features/accounts/lazy-pages';
import { GroupPage, MyGroupsPage } from '../features/groups/lazy-pages';
import { GroupWarningsPage, MyWarningsPage, SchoolRoutinePage } from '../features/grade-warnings/lazy-pages';
import { GroupAssessmentsPage, MyAssessmentsPage } from '../features/assessments/lazy-pages';
import { GroupDevelopmentPlansPage, MyDevelopmentPlansPage, StudentDevelopmentPlanPage } from '../features/development-plans/lazy-pages';
import { MyStudyPlanPage, StaffStudyPlanPage } from '../features/study-plans/lazy-pages';
import { ContactPreferencesPage, GuardianContactsPage } from '../features/contact-preferences/lazy-pages';
import { ConsentPage } from '../features/consent/lazy-pages';
import { NewsPage, NewsPostPage } from '../features/news/lazy-pages';
import { LeaveDecisionsPage, LeavePage } from '../features/leave/lazy-pages';
import { OutboxPage } from '../features/outbox/lazy-pages';
import { SchedulePage } from '../features/schedule/lazy-pages';
import { SickReportPage, StaffSickReportPage } from '../features/sick-reports/lazy-pages';
import { MyDecisionsPage, StaffDecisionsPage } from '../features/support-decisions/lazy-pages';
import { RoutinesPage } from '../features/routines/lazy-pages';
import {
  AbsenceLessonsPage,
  ClassAbsencePage,
  MissingRollCallsPage,
  OwnAbsencePage,
  SchoolAbsencePage,
  StaffStudentAbsencePage,
} from '../features/statistics/lazy-pages';
import { AdministrationHomePage } from '../features/administration/lazy-pages';
import { GuardianListImportPage, StaffListImportPage, StudentListImportPage } from '../features/administration/imports/lazy-pages';
import { AdministeredGroupPage, GroupsListPage, NewGroupPage, SubjectsPage } from '../features/administration/groups/lazy-pages';
import { CalendarPage, SchoolYearPage } from '../features/administration/calendar/lazy-pages';
import { NewSchoolPage, SchoolPage, SchoolsPage } from '../features/administration/schools/lazy-pages';
import {
  GuardianNewPage,
  GuardianPage,
  GuardiansPage,
  StaffListPage,
  StaffNewPage,
  StaffPage,
  StudentNewPage,
  StudentPage,
  StudentsPage,
} from '../features/administration/people/lazy-pages';
import { RetentionPage } from '../features/administration/retention/lazy-pages';
import { AdminLessonPage, BasicSchedulePage } from '../features/administration/schedule/lazy-pages';
import { ApiClientsPage } from '../features/administration/api-clients/lazy-pages';
import { Ss12000SourcePage } from '../features/administration/ss12000-source/lazy-pages';
import { AuditLogPage } from '../features/administration/audit-log/lazy-pages';
import { AppLayout } from './app-layout';
import { PublicLayout } from './public-layout';
import { PublicOnly, RequireAuth } from './require-auth';

/**
 * Routes (Swedish paths, as the product is Swedish first):
 *   /logga-in                         login
 *   /aktivera                         the first password with the activation code from a letter or a class sheet (logged out)
 *   /glomt-losenord                   "forgot password": a link to choose a new one, mailed to the address on record (logged out)
 *   /nytt-losenord#<token>            the new password with that mailed link's token; then logged in
 *   /konto/losenord                   the logged-in person changes their password (then logs in again)
 *   /inloggningsbrev                  letters with activation codes to a school's or a class's guardians, for principal and administrators
 *   /schema?vecka=2026-W48&elev=<id>  week schedule (own, a chosen child's, or a staff member's teaching)
 *   /grupper                          a staff member's classes and groups
 *   /grupp/:groupId                   class list
 *   /idag?dag=2026-11-25              a staff member's lessons of a day with their roll-call state (staff start page)
 *   /idag                             a principal's and an administrator's start page: what they act on first, with counts and links
 *   /lektion/:lessonId/narvaro        roll call of a lesson
 *   /klass/:classId/idag?dag=…        a mentor's class across the day's lessons
 *   /sjukanmalan?elev=<id>            sick reports of a guardian's child or an adult student
 *   /elev/:studentId/sjukanmalan?datum=…  a sick report the home phoned in, registered by the mentor or an administrator
 *   /ledighet?elev=<id>               leave applications, likewise
 *   /ledighet/beslut                  leave applications a mentor or principal may decide
 *   /installningar/aviseringar        a guardian's choices of SMS and e-mail
 *   /elev/:studentId/kontakt          a student's guardians' choices, for mentor, principal, administrator
 *   /samtycke                         an adult student gives or withdraws each guardian's access to their data
 *   /utkorg?status=FAILED             messages to the home and their delivery, for administrators
 *   /franvaro?elev=<id>&period=TERM   absence statistics of the student, or a guardian's child
 *   /franvaro/lektioner?elev=<id>&period=TERM&amne=MA&typ=sen&giltig=nej&lektion=<id>  the lessons behind a figure of a student's absence
 *   /elev/:studentId/franvaro         a student's absence statistics, for mentor, principal, administrator
 *   /klass/:classId/franvaro          a class's absence by student, for its mentor, principal, administrator
 *   /skola/franvaro?skola=<id>        a school's absence by week and class, and the CSN list
 *   /narvaro/saknas?klass=<id>        lessons without a roll call of a class (skola=<id>: a school; neither: my own)
 *   /grupp/:groupId/betygsvarningar   a teaching group's grade warnings (its teachers issue), or a class's (its mentor)
 *   /betygsvarningar?elev=<id>        grade warnings of a guardian's child, or a student's own
 *   /skola/betygsvarningar?skola=<id> the principal's follow-up of a school's open grade warnings
 *   /skola/rutiner?skola=<id>         the routine view: assessments published, grade warnings, support decisions; schools side by side
 *   /grupp/:groupId/omdomen           a teaching group's tasks, results and subject assessments (its teachers enter them)
 *   /omdomen?elev=<id>                published assessments of a guardian's child, or a student's own
 *   /iup?elev=<id>                    published IUPs of a guardian's child or a student's own; for staff, their groups
 *   /grupp/:groupId/iup               a group's members with this term's IUP state (upper secondary: their study plans)
 *   /elev/:studentId/iup              this term's IUP: teachers write their subjects, the mentor the summary and publishes
 *   /studieplan?elev=<id>             the study plan of an upper-secondary student or a guardian's child
 *   /elev/:studentId/studieplan       a student's study plan, for the mentor, principal, administrators
 *   /elev/:studentId/beslut-om-stod   a student's support decisions; the principal records them with the PDF
 *   /beslut-om-stod?elev=<id>         support decisions of a guardian's child, or a student's own, to read and confirm
 *   /nyheter?elev=<id>                news: a guardian's or student's posts (one child's with elev); for staff, write and follow
 *   /nyheter/:postId                  a sent post's recipients and who has read it, for its author, the principal, administrators
 *   /administration                   an administrator's organisation and its sections (/administration/…)
 *   /administration/grupper           the organisation's classes and teaching groups: search, filters, sorting, paging
 *   /administration/grupper/ny        a new class or teaching group
 *   /administration/grupper/:groupId  a group: its details, members with their dates; enrol, move to another class, end
 *   /administration/amnen             the organisation's subjects and courses
 *   /administration/skolor            the organisation's schools; /ny a new one, /:schoolId its details and settings
 *   /administration/kalender          school years with their terms and breaks; /:schoolYearId one year, edited
 *   /administration/elever            the organisation's students: search, filter, sort, page; /ny a new one
 *   /administration/elever/:studentId a student's details, guardians, groups and login
 *   /administration/vardnadshavare    guardians; /ny?elev=<id> a new guardian of a student; /:guardianId one guardian
 *   /administration/personal          staff; /ny a new staff member; /:staffId details, dated duties, login
 *   /administration/gallring          retention: how long each kind of record is kept, what would go now, deleting it, nightly deletion, runs
 *   /administration/schema?skola=<id>&termin=<id>&grupp=<id>  the basic schedule of a term: lesson series, generating lessons, finding one
 *   /administration/lektioner/:lessonId  one lesson: move it, another room or a substitute, or cancel it
 *   /administration/ss12000-kalla     the SS 12000 source schools and people are imported from: its settings, a check, dry run and import, history
 *   /administration/api-klienter      systems reading the data over SS 12000: new ones (the secret shown once), calls, revoking
 *   /administration/logg?person=&anvandare=&handelse=&fran=&till=  the audit log: who read or changed what about whom, filtered, exported
 */

const startPageOf = (viewer: Viewer) => (viewer.role === 'STAFF' ? '/idag' : '/schema');

/** Staff start on their day's lessons; students and guardians on the schedule. */
function StartPage() {
  const viewer = useViewer();
  return <Navigate to={startPageOf(viewer)} replace />;
}

/**
 * The code of the page a returning user starts on, and for the schedule its week's data, asked for as soon as the
 * restored session says who they are, while the rest of the start goes on (main.tsx). The account's language is the
 * one the start then shows (auth-context.tsx).
 */
export function preloadStartPage(viewer: Viewer, location: Pick<Location, 'pathname' | 'search'>): void {
  // The start page's redirect drops the address's parameters.
  const [path, params] =
    location.pathname === '/' ? [startPageOf(viewer), new URLSearchParams()] : [location.pathname, new URLSearchParams(location.search)];
  if (path === '/schema') {
    SchedulePage.preload();
    // Loaded beside the page's code rather than in the app's start: it brings the week's rules and dates along.
    void import('../features/schedule/schedule-request').then(({ prefetchSchedule }) =>
      prefetchSchedule(apolloClient, viewer, params, viewer.locale),
    );
  } else if (path === '/idag') StaffStartPage.preload();
}

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<PublicOnly />}>
          <Route element={<PublicLayout />}>
            <Route path="/logga-in" element={<LoginPage />} />
            <Route path="/aktivera" element={<ActivationPage />} />
            <Route path="/glomt-losenord" element={<ForgotPasswordPage />} />
            <Route path="/nytt-losenord" element={<ResetPasswordPage />} />
          </Route>
        </Route>
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<StartPage />} />
            <Route path="/idag" element={<StaffStartPage />} />
            <Route path="/konto/losenord" element={<ChangePasswordPage />} />
            <Route path="/inloggningsbrev" element={<GuardianLettersPage />} />
            <Route path="/lektion/:lessonId/narvaro" element={<RollCallPage />} />
            <Route path="/klass/:classId/idag" element={<ClassDayPage />} />
            <Route path="/schema" element={<SchedulePage />} />
            <Route path="/grupper" element={<MyGroupsPage />} />
            <Route path="/grupp/:groupId" element={<GroupPage />} />
            <Route path="/sjukanmalan" element={<SickReportPage />} />
            <Route path="/elev/:studentId/sjukanmalan" element={<StaffSickReportPage />} />
            <Route path="/ledighet" element={<LeavePage />} />
            <Route path="/ledighet/beslut" element={<LeaveDecisionsPage />} />
            <Route path="/installningar/aviseringar" element={<ContactPreferencesPage />} />
            <Route path="/elev/:studentId/kontakt" element={<GuardianContactsPage />} />
            <Route path="/samtycke" element={<ConsentPage />} />
            <Route path="/utkorg" element={<OutboxPage />} />
            <Route path="/franvaro" element={<OwnAbsencePage />} />
            <Route path="/franvaro/lektioner" element={<AbsenceLessonsPage />} />
            <Route path="/elev/:studentId/franvaro" element={<StaffStudentAbsencePage />} />
            <Route path="/klass/:classId/franvaro" element={<ClassAbsencePage />} />
            <Route path="/skola/franvaro" element={<SchoolAbsencePage />} />
            <Route path="/narvaro/saknas" element={<MissingRollCallsPage />} />
            <Route path="/grupp/:groupId/betygsvarningar" element={<GroupWarningsPage />} />
            <Route path="/betygsvarningar" element={<MyWarningsPage />} />
            <Route path="/skola/betygsvarningar" element={<SchoolRoutinePage />} />
            <Route path="/skola/rutiner" element={<RoutinesPage />} />
            <Route path="/grupp/:groupId/omdomen" element={<GroupAssessmentsPage />} />
            <Route path="/omdomen" element={<MyAssessmentsPage />} />
            <Route path="/elev/:studentId/beslut-om-stod" element={<StaffDecisionsPage />} />
            <Route path="/beslut-om-stod" element={<MyDecisionsPage />} />
            <Route path="/nyheter" element={<NewsPage />} />
            <Route path="/nyheter/:postId" element={<NewsPostPage />} />
            <Route path="/iup" element={<MyDevelopmentPlansPage />} />
            <Route path="/grupp/:groupId/iup" element={<GroupDevelopmentPlansPage />} />
            <Route path="/elev/:studentId/iup" element={<StudentDevelopmentPlanPage />} />
            <Route path="/studieplan" element={<MyStudyPlanPage />} />
            <Route path="/elev/:studentId/studieplan" element={<StaffStudyPlanPage />} />
            <Route path="/administration" element={<AdministrationHomePage />} />
            <Route path="/administration/grupper" element={<GroupsListPage />} />
            <Route path="/administration/grupper/ny" element={<NewGroupPage />} />
            <Route path="/administration/grupper/:groupId" element={<AdministeredGroupPage />} />
            <Route path="/administration/amnen" element={<SubjectsPage />} />
            <Route path="/administration/skolor" element={<SchoolsPage />} />
            <Route path="/administration/skolor/ny" element={<NewSchoolPage />} />
            <Route path="/administration/skolor/:schoolId" element={<SchoolPage />} />
            <Route path="/administration/kalender" element={<CalendarPage />} />
            <Route path="/administration/kalender/:schoolYearId" element={<SchoolYearPage />} />
            <Route path="/administration/elever" element={<StudentsPage />} />
            <Route path="/administration/elever/ny" element={<StudentNewPage />} />
            <Route path="/administration/elever/:studentId" element={<StudentPage />} />
            <Route path="/administration/elevlista" element={<StudentListImportPage />} />
            <Route path="/administration/vardnadshavarlista" element={<GuardianListImportPage />} />
            <Route path="/administration/personallista" element={<StaffListImportPage />} />
            <Route path="/administration/vardnadshavare" element={<GuardiansPage />} />
            <Route path="/administration/vardnadshavare/ny" element={<GuardianNewPage />} />
            <Route path="/administration/vardnadshavare/:guardianId" element={<GuardianPage />} />
            <Route path="/administration/personal" element={<StaffListPage />} />
            <Route path="/administration/personal/ny" element={<StaffNewPage />} />
            <Route path="/administration/personal/:staffId" element={<StaffPage />} />
            <Route path="/administration/gallring" element={<RetentionPage />} />
            <Route path="/administration/schema" element={<BasicSchedulePage />} />
            <Route path="/administration/lektioner/:lessonId" element={<AdminLessonPage />} />
            <Route path="/administration/ss12000-kalla" element={<Ss12000SourcePage />} />
            <Route path="/administration/api-klienter" element={<ApiClientsPage />} />
            <Route path="/administration/logg" element={<AuditLogPage />} />
            <Route path="*" element={<NotFoundState />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
