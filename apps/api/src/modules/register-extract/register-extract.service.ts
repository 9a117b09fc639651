// The register extract (registerutdrag, GDPR art. 15): for one student, guardian or staff member of the
// administrator's organisation, everything Insyn holds about them, section by section, as one versioned record that
// the routes serve as JSON and as a PDF. Only an administrator of the person's organisation may ask for it; every
// extract is audited. A person with protected identity is extracted as any other: the administration sees them in
// full, and the extract is the person's own data (the PDF marks it, see register-extract.pdf.ts).
//
// Every model of prisma/schema.prisma that names a person, and where it goes (README, "Register extract"):
//   Student, Guardian, Staff: person · UserAccount, AuthSession, ActivationCode, PasswordReset, LoginThrottle: accounts
//   Guardianship: guardians / children · GuardianConsent: consents · GroupMembership: memberships · StaffDuty: duties
//   Attendance: attendance · AttendanceChange: attendanceChanges · SickReport: sickReports · LeaveApplication:
//   leaveApplications · OutboundMessage: messages · AssessmentResult: assessmentResults · SubjectAssessment:
//   subjectAssessments · GradeWarning, GradeWarningContact: gradeWarnings · StudyPlanCourse: studyPlan ·
//   DevelopmentPlan, DevelopmentPlanEntry: developmentPlans · SupportDecision (not its document's bytes),
//   SupportDecisionAcknowledgement: supportDecisions / supportDecisionAcknowledgements · NewsRead: newsReads ·
//   LessonSeriesTeacher: teaching · Ss12000Link: person.externalIds · AuditEvent: auditLog.
//   A staff member's name on records about others (LessonTeacher, RollCallSubmission, Lesson.attendanceTakenById,
//   grade warnings, assessments, plans, decisions, news posts, list imports, API clients, the SS 12000 source and its
//   runs): counted per kind in recordedWork, not listed, for those records are the students' data, not theirs.
//   Left out: password, code and token hashes and refresh tokens (secrets that say nothing about the person);
//   AbsenceDay, AbsenceClassDay (sums of the attendance listed); AbsenceAlert (the queue step before an absence
//   message; the messages are listed); Ss12000ImportRun.changes (an import's report: each change is in the audit log);
//   ApiClientCall (another system's calls, naming no person).
import type { LeaveApplication, Prisma, SickReport } from '@insyn/db';
import type { RequestContext } from '../../context.ts';
import { badInput, notFound } from '../../errors.ts';
import { isId } from '../access/access.service.ts';
import { requireAdministration } from '../administration/administration.access.ts';
import { isoDate, isoDateOrNull } from '../administration/people/people.shared.ts';
import { personAuditEntries, type AuditLogEntryRecord } from '../audit/audit-log.service.ts';
import { audit } from '../audit/audit.service.ts';
import { userKey } from '../auth/throttle.ts';

export const REGISTER_EXTRACT_FORMAT = 'insyn-register-extract';
/** Raised when a section or field changes meaning or goes; adding one is not a new version. */
export const REGISTER_EXTRACT_VERSION = 1;

export type ExtractPersonKind = 'STUDENT' | 'GUARDIAN' | 'STAFF';
export type ExtractFormat = 'json' | 'pdf';

/** The sections of an extract, in their order, by the kind of person. */
export const EXTRACT_SECTIONS = {
  STUDENT: [
    'person',
    'accounts',
    'guardians',
    'consents',
    'memberships',
    'attendance',
    'attendanceChanges',
    'sickReports',
    'leaveApplications',
    'messages',
    'assessmentResults',
    'subjectAssessments',
    'gradeWarnings',
    'studyPlan',
    'developmentPlans',
    'supportDecisions',
    'newsReads',
    'auditLog',
  ],
  GUARDIAN: [
    'person',
    'accounts',
    'children',
    'consents',
    'messages',
    'sickReports',
    'leaveApplications',
    'supportDecisionAcknowledgements',
    'newsReads',
    'auditLog',
  ],
  STAFF: ['person', 'accounts', 'duties', 'teaching', 'recordedWork', 'auditLog'],
} as const satisfies Record<ExtractPersonKind, readonly string[]>;

export type ExtractSectionKey = (typeof EXTRACT_SECTIONS)[ExtractPersonKind][number];

const iso = (date: Date): string => date.toISOString();
const isoOrNull = (date: Date | null): string | null => date?.toISOString() ?? null;
const fullName = (person: { firstName: string; lastName: string }): string => `${person.firstName} ${person.lastName}`;

/** The names of the staff and accounts that records point to by id, looked up together. */
class Names {
  private readonly staffIds = new Set<string>();
  private readonly userIds = new Set<string>();
  private staff = new Map<string, string>();
  private users = new Map<string, string>();

  wantStaff(ids: readonly (string | null)[]): void {
    for (const id of ids) if (id) this.staffIds.add(id);
  }

  wantUsers(ids: readonly (string | null)[]): void {
    for (const id of ids) if (id) this.userIds.add(id);
  }

  async load(prisma: RequestContext['prisma']): Promise<void> {
    const staff = await prisma.staff.findMany({
      where: { id: { in: [...this.staffIds] } },
      select: { id: true, firstName: true, lastName: true },
    });
    this.staff = new Map(staff.map((member) => [member.id, fullName(member)]));
    const person = { select: { firstName: true, lastName: true } } as const;
    const users = await prisma.userAccount.findMany({
      where: { id: { in: [...this.userIds] } },
      select: { id: true, username: true, student: person, guardian: person, staff: person },
    });
    this.users = new Map(
      users.map((user) => {
        const owner = user.student ?? user.guardian ?? user.staff;
        return [user.id, owner ? fullName(owner) : user.username];
      }),
    );
  }

  ofStaff = (id: string | null): string | null => (id ? (this.staff.get(id) ?? null) : null);
  ofUser = (id: string | null): string | null => (id ? (this.users.get(id) ?? null) : null);
}

// ───────────────────────── Who may ask, about whom ─────────────────────────

interface Subject {
  kind: ExtractPersonKind;
  id: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
}

/** The person of the administrator's organisation; another organisation's, or an id of nobody, is NOT_FOUND. */
async function subjectOf(ctx: RequestContext, organisationId: string, personId: string): Promise<Subject> {
  if (!isId(personId)) throw notFound('Person');
  const where = { id: personId, organisationId };
  const name = { id: true, firstName: true, lastName: true } as const;
  const student = await ctx.prisma.student.findFirst({ where, select: { ...name, protectedIdentity: true } });
  if (student) return { kind: 'STUDENT', ...student };
  const guardian = await ctx.prisma.guardian.findFirst({ where, select: { ...name, protectedIdentity: true } });
  if (guardian) return { kind: 'GUARDIAN', ...guardian };
  const staff = await ctx.prisma.staff.findFirst({ where, select: name });
  if (staff) return { kind: 'STAFF', ...staff, protectedIdentity: false };
  throw notFound('Person');
}

/** The sections an extract of this person holds, for the administration's page; nothing of their data. */
export async function registerExtractContents(ctx: RequestContext, personId: string) {
  const { organisationId } = await requireAdministration(ctx);
  const subject = await subjectOf(ctx, organisationId, personId);
  return { personKind: subject.kind, sections: [...EXTRACT_SECTIONS[subject.kind]] };
}

// ───────────────────────── Accounts ─────────────────────────

async function accountsOf(ctx: RequestContext, names: Names, owner: { studentId: string } | { guardianId: string } | { staffId: string }) {
  const account = await ctx.prisma.userAccount.findFirst({
    where: owner,
    select: {
      id: true,
      username: true,
      locale: true,
      createdAt: true,
      activatedAt: true,
      passwordChangedAt: true,
      lastLoginAt: true,
      disabledAt: true,
      sessions: {
        select: { createdAt: true, lastUsedAt: true, revokedAt: true, revokedReason: true, userAgent: true },
        orderBy: { createdAt: 'desc' },
      },
      activationCodes: {
        select: { issuedAt: true, issuedById: true, expiresAt: true, usedAt: true, voidedAt: true },
        orderBy: { issuedAt: 'desc' },
      },
      passwordResets: { select: { createdAt: true, expiresAt: true, usedAt: true }, orderBy: { createdAt: 'desc' } },
    },
  });
  if (!account) return { accountId: null, accounts: () => [] };
  const throttle = await ctx.prisma.loginThrottle.findUnique({ where: { key: userKey(account.username) } });
  names.wantUsers(account.activationCodes.map((code) => code.issuedById));
  return {
    accountId: account.id,
    accounts: () => [
      {
        username: account.username,
        locale: account.locale,
        createdAt: iso(account.createdAt),
        activatedAt: isoOrNull(account.activatedAt),
        passwordChangedAt: iso(account.passwordChangedAt),
        lastLoginAt: isoOrNull(account.lastLoginAt),
        disabledAt: isoOrNull(account.disabledAt),
        failedLogins: throttle
          ? { failures: throttle.failures, lastFailureAt: isoOrNull(throttle.lastFailureAt), lockedUntil: isoOrNull(throttle.lockedUntil) }
          : null,
        sessions: account.sessions.map((session) => ({
          createdAt: iso(session.createdAt),
          lastUsedAt: iso(session.lastUsedAt),
          revokedAt: isoOrNull(session.revokedAt),
          revokedReason: session.revokedReason,
          userAgent: session.userAgent,
        })),
        activationCodes: account.activationCodes.map((code) => ({
          issuedAt: iso(code.issuedAt),
          issuedBy: names.ofUser(code.issuedById),
          expiresAt: iso(code.expiresAt),
          usedAt: isoOrNull(code.usedAt),
          voidedAt: isoOrNull(code.voidedAt),
        })),
        passwordResets: account.passwordResets.map((reset) => ({
          createdAt: iso(reset.createdAt),
          expiresAt: iso(reset.expiresAt),
          usedAt: isoOrNull(reset.usedAt),
        })),
      },
    ],
  };
}

async function newsReadsOf(ctx: RequestContext, accountId: string | null) {
  if (!accountId) return [];
  const reads = await ctx.prisma.newsRead.findMany({
    where: { userId: accountId },
    select: { readAt: true, post: { select: { id: true, title: true, publishedAt: true } } },
    orderBy: { readAt: 'desc' },
  });
  return reads.map((read) => ({
    postId: read.post.id,
    title: read.post.title,
    publishedAt: iso(read.post.publishedAt),
    readAt: iso(read.readAt),
  }));
}

async function externalIdsOf(ctx: RequestContext, organisationId: string, kind: 'STUDENT' | 'GUARDIAN' | 'STAFF', insynId: string) {
  const links = await ctx.prisma.ss12000Link.findMany({ where: { organisationId, kind, insynId }, select: { sourceId: true } });
  return links.map((link) => ({ system: 'SS12000', sourceId: link.sourceId }));
}

/**
 * The log's events about the person, as the audit-log viewer shows them; with their account, what they did too
 * (`byThePerson`).
 */
const auditLogOf = async (ctx: RequestContext, organisationId: string, personId: string, theirOwnAccountId: string | null) =>
  (await personAuditEntries(ctx, organisationId, personId, { theirOwn: theirOwnAccountId !== null })).map((entry: AuditLogEntryRecord) => {
    const byThePerson = theirOwnAccountId !== null && entry.actor?.userId === theirOwnAccountId;
    return {
      at: entry.at,
      action: entry.action,
      actor: entry.actor
        ? {
            username: entry.actor.username,
            name: [entry.actor.firstName, entry.actor.lastName].filter(Boolean).join(' ') || null,
            kind: entry.actor.kind,
            duties: entry.actor.duties,
          }
        : null,
      byThePerson,
      entityType: entry.entityType,
      entityId: entry.entityId,
      student: entry.student ? fullName(entry.student) : null,
      // The address is the person's data only when they were the one at it; another's is that other's.
      ip: byThePerson ? entry.ip : null,
      details: entry.summary,
    };
  });

// ───────────────────────── A student ─────────────────────────

async function studentPerson(ctx: RequestContext, organisationId: string, studentId: string) {
  const student = await ctx.prisma.student.findUniqueOrThrow({
    where: { id: studentId },
    select: {
      personalIdentityNumber: true,
      firstName: true,
      lastName: true,
      birthDate: true,
      programmeCode: true,
      protectedIdentity: true,
      createdAt: true,
      modifiedAt: true,
      school: { select: { id: true, name: true, unitCode: true } },
    },
  });
  const programme = student.programmeCode
    ? await ctx.prisma.programme.findUnique({
        where: { organisationId_code: { organisationId, code: student.programmeCode } },
        select: { code: true, nameSv: true, nameEn: true, totalPoints: true },
      })
    : null;
  return {
    id: studentId,
    personalIdentityNumber: student.personalIdentityNumber,
    firstName: student.firstName,
    lastName: student.lastName,
    birthDate: isoDate(student.birthDate),
    protectedIdentity: student.protectedIdentity,
    school: student.school,
    programme,
    createdAt: iso(student.createdAt),
    modifiedAt: iso(student.modifiedAt),
    externalIds: await externalIdsOf(ctx, organisationId, 'STUDENT', studentId),
  };
}

/** Guardians, consents and groups: what names no staff member, so it needs no names looked up. */
async function studentRelations(ctx: RequestContext, studentId: string) {
  const { prisma } = ctx;
  const guardianships = await prisma.guardianship.findMany({
    where: { studentId },
    select: { createdAt: true, guardian: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const consents = await prisma.guardianConsent.findMany({
    where: { studentId },
    select: { givenAt: true, withdrawnAt: true, guardian: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: { givenAt: 'asc' },
  });
  const memberships = await prisma.groupMembership.findMany({
    where: { studentId },
    select: {
      validFrom: true,
      validTo: true,
      group: { select: { id: true, name: true, kind: true, school: { select: { name: true } }, schoolYear: { select: { name: true } } } },
    },
    orderBy: [{ validFrom: 'asc' }, { id: 'asc' }],
  });
  return {
    guardians: guardianships.map((link) => ({ guardianId: link.guardian.id, name: fullName(link.guardian), since: iso(link.createdAt) })),
    consents: consents.map((consent) => ({
      guardianId: consent.guardian.id,
      guardian: fullName(consent.guardian),
      givenAt: iso(consent.givenAt),
      withdrawnAt: isoOrNull(consent.withdrawnAt),
    })),
    memberships: memberships.map((membership) => ({
      groupId: membership.group.id,
      group: membership.group.name,
      kind: membership.group.kind,
      school: membership.group.school.name,
      schoolYear: membership.group.schoolYear.name,
      validFrom: isoDate(membership.validFrom),
      validTo: isoDateOrNull(membership.validTo),
    })),
  };
}

const LESSON = {
  select: {
    id: true,
    date: true,
    startsAt: true,
    endsAt: true,
    status: true,
    group: { select: { name: true } },
    subject: { select: { code: true, nameSv: true, nameEn: true } },
  },
} as const satisfies Prisma.LessonDefaultArgs;

const lessonOf = (row: Prisma.LessonGetPayload<typeof LESSON>) => ({
  lessonId: row.id,
  date: isoDate(row.date),
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  cancelled: row.status === 'CANCELLED',
  group: row.group.name,
  subject: row.subject,
});

/** Every mark with its lesson, and every change to one. The sections come once `names` has loaded. */
async function studentAttendance(ctx: RequestContext, studentId: string, names: Names) {
  const attendance = await ctx.prisma.attendance.findMany({
    where: { studentId },
    select: {
      status: true,
      lateMinutes: true,
      validReason: true,
      validReasonNote: true,
      validReasonSetById: true,
      note: true,
      markedById: true,
      markedAt: true,
      sickReportId: true,
      leaveApplicationId: true,
      lesson: LESSON,
    },
    orderBy: [{ lesson: { startsAt: 'asc' } }, { id: 'asc' }],
  });
  const changes = await ctx.prisma.attendanceChange.findMany({
    where: { studentId },
    select: {
      changedAt: true,
      changedById: true,
      beforeStatus: true,
      beforeLateMinutes: true,
      beforeNote: true,
      afterStatus: true,
      afterLateMinutes: true,
      afterNote: true,
      reason: true,
      takenOfflineAt: true,
      lesson: LESSON,
    },
    orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
  });
  names.wantStaff([...attendance.flatMap((mark) => [mark.markedById, mark.validReasonSetById]), ...changes.map((c) => c.changedById)]);
  return () => ({
    attendance: attendance.map((mark) => ({
      ...lessonOf(mark.lesson),
      status: mark.status,
      lateMinutes: mark.lateMinutes,
      validReason: mark.validReason,
      validReasonNote: mark.validReasonNote,
      validReasonSetBy: names.ofStaff(mark.validReasonSetById),
      note: mark.note,
      markedBy: names.ofStaff(mark.markedById),
      markedAt: iso(mark.markedAt),
      sickReportId: mark.sickReportId,
      leaveApplicationId: mark.leaveApplicationId,
    })),
    attendanceChanges: changes.map((change) => ({
      ...lessonOf(change.lesson),
      changedAt: iso(change.changedAt),
      changedBy: names.ofStaff(change.changedById),
      before: change.beforeStatus ? { status: change.beforeStatus, lateMinutes: change.beforeLateMinutes, note: change.beforeNote } : null,
      after: { status: change.afterStatus, lateMinutes: change.afterLateMinutes, note: change.afterNote },
      reason: change.reason,
      takenOfflineAt: isoOrNull(change.takenOfflineAt),
    })),
  });
}

/** Sick reports, leave applications and the messages to the home about the student. */
async function studentReports(ctx: RequestContext, studentId: string, names: Names) {
  const { prisma } = ctx;
  const sickReports = await prisma.sickReport.findMany({ where: { studentId }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
  const leaveApplications = await prisma.leaveApplication.findMany({ where: { studentId }, orderBy: [{ fromDate: 'asc' }, { id: 'asc' }] });
  const messages = await prisma.outboundMessage.findMany({
    where: { studentId },
    select: messageFields,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const reporters = await reporterNames(ctx, names, sickReports, leaveApplications);
  return () => ({
    sickReports: sickReports.map((report) => sickReportRecord(report, names, reporters)),
    leaveApplications: leaveApplications.map((application) => leaveRecord(application, names, reporters)),
    messages: messages.map(messageRecord),
  });
}

const SUBJECT = { select: { code: true, nameSv: true, nameEn: true } } as const;
const TERM = { select: { kind: true, startDate: true, schoolYear: { select: { name: true } } } } as const;

const termOf = (term: { kind: 'AUTUMN' | 'SPRING'; schoolYear: { name: string } }) => ({
  schoolYear: term.schoolYear.name,
  kind: term.kind,
});

/** Results, subject assessments, grade warnings, the study plan, IUPs and support decisions, drafts included. */
async function studentSchoolwork(ctx: RequestContext, studentId: string, names: Names) {
  const { prisma } = ctx;
  const results = await prisma.assessmentResult.findMany({
    where: { studentId },
    select: {
      grade: true,
      comment: true,
      updatedAt: true,
      updatedByStaffId: true,
      task: {
        select: { title: true, description: true, date: true, publishedAt: true, group: { select: { name: true } }, subject: SUBJECT },
      },
    },
    orderBy: [{ task: { date: 'asc' } }, { taskId: 'asc' }],
  });
  const assessments = await prisma.subjectAssessment.findMany({
    where: { studentId },
    select: {
      grade: true,
      comment: true,
      updatedAt: true,
      publishedAt: true,
      authoredByStaffId: true,
      group: { select: { name: true } },
      subject: SUBJECT,
      term: TERM,
    },
    orderBy: [{ term: { startDate: 'asc' } }, { subject: { code: 'asc' } }, { id: 'asc' }],
  });
  const warnings = await prisma.gradeWarning.findMany({
    where: { studentId },
    select: {
      missing: true,
      issuedAt: true,
      issuedByStaffId: true,
      closedAt: true,
      closedByStaffId: true,
      closeNote: true,
      group: { select: { name: true } },
      subject: SUBJECT,
      contacts: {
        select: { contactedAt: true, method: true, withWhom: true, agreed: true, staffId: true, recordedAt: true },
        orderBy: { contactedAt: 'asc' },
      },
    },
    orderBy: [{ issuedAt: 'asc' }, { id: 'asc' }],
  });
  const studyPlan = await prisma.studyPlanCourse.findMany({
    where: { studentId },
    select: { planYear: true, course: { select: { code: true, name: true, points: true } } },
    orderBy: [{ planYear: 'asc' }, { course: { code: 'asc' } }],
  });
  const plans = await prisma.developmentPlan.findMany({
    where: { studentId },
    select: {
      summary: true,
      updatedAt: true,
      publishedAt: true,
      publishedByStaffId: true,
      term: TERM,
      entries: {
        select: { standing: true, goals: true, updatedAt: true, authoredByStaffId: true, subject: SUBJECT },
        orderBy: { subject: { code: 'asc' } },
      },
    },
    orderBy: { term: { startDate: 'asc' } },
  });
  const decisions = await prisma.supportDecision.findMany({
    where: { studentId },
    // The document's bytes stay out: the extract says that there is one, its name and size.
    select: {
      id: true,
      kind: true,
      summary: true,
      decidedOn: true,
      decidedByStaffId: true,
      documentName: true,
      documentSize: true,
      createdAt: true,
      acknowledgements: { select: { userId: true, acknowledgedAt: true }, orderBy: { acknowledgedAt: 'asc' } },
    },
    orderBy: [{ decidedOn: 'asc' }, { id: 'asc' }],
  });
  names.wantStaff([
    ...results.map((result) => result.updatedByStaffId),
    ...assessments.map((assessment) => assessment.authoredByStaffId),
    ...warnings.flatMap((warning) => [warning.issuedByStaffId, warning.closedByStaffId, ...warning.contacts.map((c) => c.staffId)]),
    ...plans.flatMap((plan) => [plan.publishedByStaffId, ...plan.entries.map((entry) => entry.authoredByStaffId)]),
    ...decisions.map((decision) => decision.decidedByStaffId),
  ]);
  names.wantUsers(decisions.flatMap((decision) => decision.acknowledgements.map((ack) => ack.userId)));
  return () => ({
    assessmentResults: results.map((result) => ({
      task: result.task.title,
      description: result.task.description,
      date: isoDate(result.task.date),
      group: result.task.group.name,
      subject: result.task.subject,
      grade: result.grade,
      comment: result.comment,
      published: result.task.publishedAt !== null,
      updatedAt: iso(result.updatedAt),
      updatedBy: names.ofStaff(result.updatedByStaffId),
    })),
    subjectAssessments: assessments.map((assessment) => ({
      term: termOf(assessment.term),
      group: assessment.group.name,
      subject: assessment.subject,
      grade: assessment.grade,
      comment: assessment.comment,
      author: names.ofStaff(assessment.authoredByStaffId),
      updatedAt: iso(assessment.updatedAt),
      publishedAt: isoOrNull(assessment.publishedAt),
    })),
    gradeWarnings: warnings.map((warning) => ({
      group: warning.group.name,
      subject: warning.subject,
      missing: warning.missing,
      issuedAt: iso(warning.issuedAt),
      issuedBy: names.ofStaff(warning.issuedByStaffId),
      closedAt: isoOrNull(warning.closedAt),
      closedBy: names.ofStaff(warning.closedByStaffId),
      closeNote: warning.closeNote,
      contacts: warning.contacts.map((contact) => ({
        contactedAt: iso(contact.contactedAt),
        method: contact.method,
        withWhom: contact.withWhom,
        agreed: contact.agreed,
        by: names.ofStaff(contact.staffId),
        recordedAt: iso(contact.recordedAt),
      })),
    })),
    studyPlan: studyPlan.map((row) => ({
      planYear: row.planYear,
      course: row.course.code,
      name: row.course.name,
      points: row.course.points,
    })),
    developmentPlans: plans.map((plan) => ({
      term: termOf(plan.term),
      summary: plan.summary,
      updatedAt: iso(plan.updatedAt),
      publishedAt: isoOrNull(plan.publishedAt),
      publishedBy: names.ofStaff(plan.publishedByStaffId),
      entries: plan.entries.map((entry) => ({
        subject: entry.subject,
        standing: entry.standing,
        goals: entry.goals,
        author: names.ofStaff(entry.authoredByStaffId),
        updatedAt: iso(entry.updatedAt),
      })),
    })),
    supportDecisions: decisions.map((decision) => ({
      id: decision.id,
      kind: decision.kind,
      summary: decision.summary,
      decidedOn: isoDate(decision.decidedOn),
      decidedBy: names.ofStaff(decision.decidedByStaffId),
      document: { name: decision.documentName, bytes: decision.documentSize },
      createdAt: iso(decision.createdAt),
      acknowledgements: decision.acknowledgements.map((ack) => ({ by: names.ofUser(ack.userId), at: iso(ack.acknowledgedAt) })),
    })),
  });
}

async function studentSections(ctx: RequestContext, organisationId: string, studentId: string) {
  const names = new Names();
  const person = await studentPerson(ctx, organisationId, studentId);
  const { accountId, accounts } = await accountsOf(ctx, names, { studentId });
  const relations = await studentRelations(ctx, studentId);
  const attendance = await studentAttendance(ctx, studentId, names);
  const reports = await studentReports(ctx, studentId, names);
  const schoolwork = await studentSchoolwork(ctx, studentId, names);
  const newsReads = await newsReadsOf(ctx, accountId);
  const auditLog = await auditLogOf(ctx, organisationId, studentId, accountId);
  await names.load(ctx.prisma);
  return {
    person,
    accounts: accounts(),
    ...relations,
    ...attendance(),
    ...reports(),
    ...schoolwork(),
    newsReads,
    auditLog,
  } satisfies Record<(typeof EXTRACT_SECTIONS.STUDENT)[number], unknown>;
}

const messageFields = {
  id: true,
  kind: true,
  channel: true,
  recipient: true,
  locale: true,
  subject: true,
  body: true,
  status: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  guardian: { select: { id: true, firstName: true, lastName: true } },
  student: { select: { id: true, firstName: true, lastName: true } },
} satisfies Prisma.OutboundMessageSelect;

function messageRecord(message: Prisma.OutboundMessageGetPayload<{ select: typeof messageFields }>) {
  return {
    id: message.id,
    kind: message.kind,
    channel: message.channel,
    to: fullName(message.guardian),
    recipient: message.recipient,
    about: fullName(message.student),
    locale: message.locale,
    subject: message.subject,
    body: message.body,
    status: message.status,
    attempts: message.attempts,
    createdAt: iso(message.createdAt),
    sentAt: isoOrNull(message.sentAt),
  };
}

interface Reporters {
  guardians: Map<string, string>;
  students: Map<string, string>;
}

/**
 * The guardians and students who reported or applied, by name; the staff and accounts the reports and applications
 * name are added to `names`.
 */
async function reporterNames(
  ctx: RequestContext,
  names: Names,
  reports: readonly SickReport[],
  applications: readonly LeaveApplication[],
): Promise<Reporters> {
  names.wantStaff([...reports.map((r) => r.reportedByStaffId), ...applications.map((a) => a.decidedByStaffId)]);
  names.wantUsers(reports.map((r) => r.withdrawnByUserId));
  const guardianIds = [...reports.map((r) => r.reportedByGuardianId), ...applications.map((a) => a.appliedByGuardianId)].filter(
    (id): id is string => id !== null,
  );
  const studentIds = [
    ...reports.flatMap((r) => [r.reportedByStudentId, r.studentId]),
    ...applications.flatMap((a) => [a.appliedByStudentId, a.studentId]),
  ].filter((id): id is string => id !== null);
  const name = { id: true, firstName: true, lastName: true } as const;
  const guardians = await ctx.prisma.guardian.findMany({ where: { id: { in: [...new Set(guardianIds)] } }, select: name });
  const students = await ctx.prisma.student.findMany({ where: { id: { in: [...new Set(studentIds)] } }, select: name });
  return {
    guardians: new Map(guardians.map((guardian) => [guardian.id, fullName(guardian)])),
    students: new Map(students.map((student) => [student.id, fullName(student)])),
  };
}

const named = (names: Map<string, string>, id: string | null): string | null => (id ? (names.get(id) ?? null) : null);

function sickReportRecord(report: SickReport, names: Names, reporters: Reporters) {
  return {
    id: report.id,
    student: named(reporters.students, report.studentId),
    fromDate: isoDate(report.fromDate),
    toDate: isoDate(report.toDate),
    fromTime: report.fromTime,
    toTime: report.toTime,
    channel: report.channel,
    reportedBy:
      named(reporters.guardians, report.reportedByGuardianId) ??
      named(reporters.students, report.reportedByStudentId) ??
      names.ofStaff(report.reportedByStaffId),
    note: report.note,
    createdAt: iso(report.createdAt),
    withdrawnAt: isoOrNull(report.withdrawnAt),
    withdrawnBy: names.ofUser(report.withdrawnByUserId),
  };
}

function leaveRecord(application: LeaveApplication, names: Names, reporters: Reporters) {
  return {
    id: application.id,
    student: named(reporters.students, application.studentId),
    fromDate: isoDate(application.fromDate),
    toDate: isoDate(application.toDate),
    schoolDays: application.schoolDays,
    reason: application.reason,
    appliedBy: named(reporters.guardians, application.appliedByGuardianId) ?? named(reporters.students, application.appliedByStudentId),
    createdAt: iso(application.createdAt),
    status: application.status,
    decider: application.decider,
    decidedBy: names.ofStaff(application.decidedByStaffId),
    decidedAt: isoOrNull(application.decidedAt),
    decisionNote: application.decisionNote,
    withdrawnAt: isoOrNull(application.withdrawnAt),
  };
}

// ───────────────────────── A guardian ─────────────────────────

async function guardianSections(ctx: RequestContext, organisationId: string, guardianId: string) {
  const { prisma } = ctx;
  const names = new Names();
  const guardian = await prisma.guardian.findUniqueOrThrow({ where: { id: guardianId } });
  names.wantUsers([guardian.preferencesChangedById]);
  const { accountId, accounts } = await accountsOf(ctx, names, { guardianId });
  const children = await prisma.guardianship.findMany({
    where: { guardianId },
    select: {
      createdAt: true,
      student: { select: { id: true, firstName: true, lastName: true, school: { select: { name: true } } } },
    },
    orderBy: { createdAt: 'asc' },
  });
  const consents = await prisma.guardianConsent.findMany({
    where: { guardianId },
    select: { givenAt: true, withdrawnAt: true, student: { select: { id: true, firstName: true, lastName: true } } },
    orderBy: { givenAt: 'asc' },
  });
  const messages = await prisma.outboundMessage.findMany({
    where: { guardianId },
    select: messageFields,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const sickReports = await prisma.sickReport.findMany({
    where: { reportedByGuardianId: guardianId },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const leaveApplications = await prisma.leaveApplication.findMany({
    where: { appliedByGuardianId: guardianId },
    orderBy: [{ fromDate: 'asc' }, { id: 'asc' }],
  });
  const reporters = await reporterNames(ctx, names, sickReports, leaveApplications);
  const acknowledgements = accountId
    ? await prisma.supportDecisionAcknowledgement.findMany({
        where: { userId: accountId },
        select: {
          acknowledgedAt: true,
          decision: { select: { id: true, kind: true, decidedOn: true, student: { select: { firstName: true, lastName: true } } } },
        },
        orderBy: { acknowledgedAt: 'asc' },
      })
    : [];
  const newsReads = await newsReadsOf(ctx, accountId);
  const auditLog = await auditLogOf(ctx, organisationId, guardianId, accountId);
  const externalIds = await externalIdsOf(ctx, organisationId, 'GUARDIAN', guardianId);
  await names.load(prisma);

  return {
    person: {
      id: guardianId,
      personalIdentityNumber: guardian.personalIdentityNumber,
      firstName: guardian.firstName,
      lastName: guardian.lastName,
      protectedIdentity: guardian.protectedIdentity,
      mobilePhone: guardian.mobilePhone,
      email: guardian.email,
      streetAddress: guardian.streetAddress,
      postalCode: guardian.postalCode,
      city: guardian.city,
      contactChoices: {
        notifyBySms: guardian.notifyBySms,
        notifyByEmail: guardian.notifyByEmail,
        emailDuringQuietHours: guardian.emailDuringQuietHours,
        messageLocale: guardian.messageLocale,
        changedAt: isoOrNull(guardian.preferencesChangedAt),
        changedBy: names.ofUser(guardian.preferencesChangedById),
      },
      createdAt: iso(guardian.createdAt),
      modifiedAt: iso(guardian.modifiedAt),
      externalIds,
    },
    accounts: accounts(),
    children: children.map((link) => ({
      studentId: link.student.id,
      name: fullName(link.student),
      school: link.student.school.name,
      since: iso(link.createdAt),
    })),
    consents: consents.map((consent) => ({
      studentId: consent.student.id,
      student: fullName(consent.student),
      givenAt: iso(consent.givenAt),
      withdrawnAt: isoOrNull(consent.withdrawnAt),
    })),
    messages: messages.map(messageRecord),
    sickReports: sickReports.map((report) => sickReportRecord(report, names, reporters)),
    leaveApplications: leaveApplications.map((application) => leaveRecord(application, names, reporters)),
    supportDecisionAcknowledgements: acknowledgements.map((ack) => ({
      decisionId: ack.decision.id,
      kind: ack.decision.kind,
      decidedOn: isoDate(ack.decision.decidedOn),
      student: fullName(ack.decision.student),
      acknowledgedAt: iso(ack.acknowledgedAt),
    })),
    newsReads,
    auditLog,
  } satisfies Record<(typeof EXTRACT_SECTIONS.GUARDIAN)[number], unknown>;
}

// ───────────────────────── A staff member ─────────────────────────

/** What a staff member recorded about others, counted: what they did at work, without the others' data. */
async function recordedWorkOf(ctx: RequestContext, staffId: string, accountId: string | null) {
  const { prisma } = ctx;
  const by = { staffId };
  return {
    attendanceMarks: await prisma.attendance.count({ where: { markedById: staffId } }),
    rollCalls: await prisma.rollCallSubmission.count({ where: { submittedById: staffId } }),
    lessonsTaught: await prisma.lessonTeacher.count({ where: by }),
    sickReportsRegistered: await prisma.sickReport.count({ where: { reportedByStaffId: staffId } }),
    leaveDecisions: await prisma.leaveApplication.count({ where: { decidedByStaffId: staffId } }),
    gradeWarningsIssued: await prisma.gradeWarning.count({ where: { issuedByStaffId: staffId } }),
    gradeWarningsClosed: await prisma.gradeWarning.count({ where: { closedByStaffId: staffId } }),
    gradeWarningContacts: await prisma.gradeWarningContact.count({ where: by }),
    assessmentTasks: await prisma.assessmentTask.count({ where: { createdByStaffId: staffId } }),
    assessmentResults: await prisma.assessmentResult.count({ where: { updatedByStaffId: staffId } }),
    subjectAssessments: await prisma.subjectAssessment.count({ where: { authoredByStaffId: staffId } }),
    developmentPlanEntries: await prisma.developmentPlanEntry.count({ where: { authoredByStaffId: staffId } }),
    developmentPlansPublished: await prisma.developmentPlan.count({ where: { publishedByStaffId: staffId } }),
    supportDecisions: await prisma.supportDecision.count({ where: { decidedByStaffId: staffId } }),
    newsPosts: await prisma.newsPost.count({ where: { authorStaffId: staffId } }),
    activationCodesIssued: accountId ? await prisma.activationCode.count({ where: { issuedById: accountId } }) : 0,
    listImports: await prisma.listImport.count({ where: { importedByStaffId: staffId } }),
    apiClientsCreated: await prisma.apiClient.count({ where: { createdById: staffId } }),
    apiClientsRevoked: await prisma.apiClient.count({ where: { revokedById: staffId } }),
    ss12000SourceChanges: await prisma.ss12000Source.count({ where: { changedById: staffId } }),
    ss12000ImportRuns: await prisma.ss12000ImportRun.count({ where: { startedById: staffId } }),
  };
}

async function staffSections(ctx: RequestContext, organisationId: string, staffId: string) {
  const { prisma } = ctx;
  const names = new Names();
  const staff = await prisma.staff.findUniqueOrThrow({ where: { id: staffId } });
  const { accountId, accounts } = await accountsOf(ctx, names, { staffId });
  const duties = await prisma.staffDuty.findMany({
    where: { staffId },
    select: { kind: true, validFrom: true, validTo: true, school: { select: { name: true } }, group: { select: { name: true } } },
    orderBy: [{ validFrom: 'asc' }, { id: 'asc' }],
  });
  const teaching = await prisma.lessonSeriesTeacher.findMany({
    where: { staffId },
    select: {
      series: {
        select: {
          weekday: true,
          startMinute: true,
          durationMinutes: true,
          room: true,
          validFrom: true,
          validTo: true,
          group: { select: { name: true } },
          subject: { select: { code: true, nameSv: true, nameEn: true } },
        },
      },
    },
    orderBy: [{ series: { validFrom: 'asc' } }, { series: { weekday: 'asc' } }, { series: { startMinute: 'asc' } }],
  });
  const recordedWork = await recordedWorkOf(ctx, staffId, accountId);
  // Only what was read or changed about them: what they did is about the students they work with.
  const auditLog = await auditLogOf(ctx, organisationId, staffId, null);
  const externalIds = await externalIdsOf(ctx, organisationId, 'STAFF', staffId);
  await names.load(prisma);

  return {
    person: {
      id: staffId,
      firstName: staff.firstName,
      lastName: staff.lastName,
      signature: staff.signature,
      email: staff.email,
      createdAt: iso(staff.createdAt),
      modifiedAt: iso(staff.modifiedAt),
      externalIds,
    },
    accounts: accounts(),
    duties: duties.map((duty) => ({
      kind: duty.kind,
      school: duty.school?.name ?? null,
      group: duty.group?.name ?? null,
      validFrom: isoDate(duty.validFrom),
      validTo: isoDateOrNull(duty.validTo),
    })),
    teaching: teaching.map(({ series }) => ({
      group: series.group.name,
      subject: series.subject,
      weekday: series.weekday,
      startMinute: series.startMinute,
      durationMinutes: series.durationMinutes,
      room: series.room,
      validFrom: isoDate(series.validFrom),
      validTo: isoDate(series.validTo),
    })),
    recordedWork,
    auditLog,
  } satisfies Record<(typeof EXTRACT_SECTIONS.STAFF)[number], unknown>;
}

// ───────────────────────── The extract ─────────────────────────

type Sections =
  | { kind: 'STUDENT'; sections: Awaited<ReturnType<typeof studentSections>> }
  | { kind: 'GUARDIAN'; sections: Awaited<ReturnType<typeof guardianSections>> }
  | { kind: 'STAFF'; sections: Awaited<ReturnType<typeof staffSections>> };

export type RegisterExtract = {
  format: typeof REGISTER_EXTRACT_FORMAT;
  version: typeof REGISTER_EXTRACT_VERSION;
  generatedAt: string;
  generatedBy: { userId: string; username: string; name: string };
  organisation: { id: string; name: string };
  subject: Subject;
  /** the section keys in their order, the same as the keys of `sections` */
  sectionOrder: readonly ExtractSectionKey[];
} & Sections;

async function sectionsOf(ctx: RequestContext, organisationId: string, subject: Subject): Promise<Sections> {
  switch (subject.kind) {
    case 'STUDENT':
      return { kind: 'STUDENT', sections: await studentSections(ctx, organisationId, subject.id) };
    case 'GUARDIAN':
      return { kind: 'GUARDIAN', sections: await guardianSections(ctx, organisationId, subject.id) };
    case 'STAFF':
      return { kind: 'STAFF', sections: await staffSections(ctx, organisationId, subject.id) };
  }
}

/**
 * Everything Insyn holds about the person, for the administrator of their organisation. The audit row is written
 * first, so that the extract's own log lists it: the person sees that this extract was made, by whom and when.
 */
export async function registerExtract(
  ctx: RequestContext,
  personId: string,
  /** `locale` as asked for (a query parameter): sv or en, or none for the requester's own language */
  request: { format: ExtractFormat; locale: unknown },
): Promise<{ extract: RegisterExtract; locale: 'sv' | 'en' }> {
  const { organisationId, viewer } = await requireAdministration(ctx);
  const subject = await subjectOf(ctx, organisationId, personId);
  if (request.locale !== undefined && request.locale !== 'sv' && request.locale !== 'en') {
    throw badInput('locale must be sv or en', 'locale');
  }
  const locale = request.locale ?? viewer.locale;
  await audit(ctx, 'registerExtract.exported', {
    ...(subject.kind === 'STUDENT' ? { studentId: subject.id } : {}),
    entityType: { STUDENT: 'Student', GUARDIAN: 'Guardian', STAFF: 'Staff' }[subject.kind],
    entityId: subject.id,
    details: { format: request.format, ...(request.format === 'pdf' ? { locale } : {}) },
  });
  const organisation = await ctx.prisma.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { id: true, name: true } });
  const sections = await sectionsOf(ctx, organisationId, subject);
  return {
    locale,
    extract: {
      format: REGISTER_EXTRACT_FORMAT,
      version: REGISTER_EXTRACT_VERSION,
      generatedAt: iso(ctx.now),
      generatedBy: { userId: viewer.userId, username: viewer.username, name: viewer.displayName },
      organisation,
      subject,
      sectionOrder: EXTRACT_SECTIONS[subject.kind],
      ...sections,
    },
  };
}
