// The register extract's PDF in Swedish and English: headings, column names, the codes of the record in words. The
// audit log's actions are the words the log viewer shows (apps/web/src/locales/administration, administration.auditLog); a test
// holds the two to the same words.
import type {
  AttendanceStatus,
  ContactMethod,
  DutyKind,
  GroupKind,
  LeaveDecider,
  LeaveStatus,
  MessageChannel,
  MessageKind,
  MessageStatus,
  ReportChannel,
  SupportDecisionKind,
  TermKind,
  ValidAbsenceReason,
} from '@insyn/db';
import type { AdministeredEntity, ChangeKind } from '../administration/administration.changes.ts';
import type { AuditAction } from '../audit/audit.service.ts';
import type { ExtractPersonKind, ExtractSectionKey } from './register-extract.service.ts';

type PlainAction = Exclude<AuditAction, `admin.${string}`>;

export type RecordedWorkKey =
  | 'attendanceMarks'
  | 'rollCalls'
  | 'lessonsTaught'
  | 'sickReportsRegistered'
  | 'leaveDecisions'
  | 'gradeWarningsIssued'
  | 'gradeWarningsClosed'
  | 'gradeWarningContacts'
  | 'assessmentTasks'
  | 'assessmentResults'
  | 'subjectAssessments'
  | 'developmentPlanEntries'
  | 'developmentPlansPublished'
  | 'supportDecisions'
  | 'newsPosts'
  | 'activationCodesIssued'
  | 'listImports'
  | 'apiClientsCreated'
  | 'apiClientsRevoked'
  | 'ss12000SourceChanges'
  | 'ss12000ImportRuns';

export interface ExtractTexts {
  /** Intl locale of numbers and lists */
  intl: string;
  title: string;
  subtitle: string;
  intro: (organisation: string) => string;
  protectedIdentity: string;
  contentsHeading: string;
  cover: {
    organisation: string;
    person: string;
    personalIdentityNumber: string;
    kind: string;
    generatedAt: string;
    generatedBy: string;
  };
  personKinds: Record<ExtractPersonKind, string>;
  sections: Record<ExtractSectionKey, string>;
  notIncludedHeading: string;
  notIncluded: readonly string[];
  empty: string;
  none: string;
  yes: string;
  no: string;
  page: (page: number, pages: number) => string;
  field: Record<FieldKey, string>;
  subheading: {
    sessions: string;
    activationCodes: string;
    passwordResets: string;
    contacts: string;
    entries: string;
    message: (at: string) => string;
    warning: (subject: string, at: string) => string;
    plan: (term: string) => string;
    decision: (kind: string, decidedOn: string) => string;
    account: (username: string) => string;
  };
  termKinds: Record<TermKind, string>;
  weekdays: readonly string[];
  attendanceStatus: Record<AttendanceStatus, string>;
  validReason: Record<ValidAbsenceReason, string>;
  reportChannel: Record<ReportChannel, string>;
  leaveStatus: Record<LeaveStatus, string>;
  leaveDecider: Record<LeaveDecider, string>;
  messageKind: Record<MessageKind, string>;
  messageChannel: Record<MessageChannel, string>;
  messageStatus: Record<MessageStatus, string>;
  contactMethod: Record<ContactMethod, string>;
  supportDecisionKind: Record<SupportDecisionKind, string>;
  dutyKind: Record<DutyKind, string>;
  groupKind: Record<GroupKind, string>;
  recordedWork: Record<RecordedWorkKey, string>;
  actions: Record<PlainAction, string>;
  records: Record<AdministeredEntity, string>;
  changes: Record<ChangeKind, string>;
  bytes: (count: number) => string;
  documentKept: string;
}

export type FieldKey =
  | 'name'
  | 'personalIdentityNumber'
  | 'birthDate'
  | 'protectedIdentity'
  | 'school'
  | 'programme'
  | 'createdAt'
  | 'modifiedAt'
  | 'insynId'
  | 'externalIds'
  | 'signature'
  | 'email'
  | 'mobilePhone'
  | 'address'
  | 'notifyBySms'
  | 'notifyByEmail'
  | 'emailDuringQuietHours'
  | 'messageLocale'
  | 'contactChoicesChanged'
  | 'username'
  | 'locale'
  | 'activatedAt'
  | 'passwordChangedAt'
  | 'lastLoginAt'
  | 'disabledAt'
  | 'failedLogins'
  | 'started'
  | 'lastUsed'
  | 'ended'
  | 'reason'
  | 'browser'
  | 'issued'
  | 'by'
  | 'validUntil'
  | 'used'
  | 'voided'
  | 'since'
  | 'guardian'
  | 'student'
  | 'given'
  | 'withdrawn'
  | 'group'
  | 'kind'
  | 'schoolYear'
  | 'from'
  | 'to'
  | 'date'
  | 'time'
  | 'subject'
  | 'status'
  | 'lateMinutes'
  | 'validReason'
  | 'note'
  | 'lesson'
  | 'changedAt'
  | 'before'
  | 'after'
  | 'channel'
  | 'reportedBy'
  | 'reportedAt'
  | 'schoolDays'
  | 'appliedBy'
  | 'decidedBy'
  | 'decidedAt'
  | 'decisionNote'
  | 'recipient'
  | 'messageSubject'
  | 'sentAt'
  | 'task'
  | 'result'
  | 'comment'
  | 'published'
  | 'term'
  | 'grade'
  | 'missing'
  | 'issuedBy'
  | 'closed'
  | 'closeNote'
  | 'method'
  | 'withWhom'
  | 'agreed'
  | 'planYear'
  | 'course'
  | 'points'
  | 'summary'
  | 'standing'
  | 'goals'
  | 'decidedOn'
  | 'document'
  | 'acknowledged'
  | 'title'
  | 'read'
  | 'at'
  | 'who'
  | 'action'
  | 'details'
  | 'ip'
  | 'duty'
  | 'weekday'
  | 'room'
  | 'what'
  | 'count';

const SV: ExtractTexts = {
  intl: 'sv-SE',
  title: 'Registerutdrag',
  subtitle: 'Enligt artikel 15 i dataskyddsförordningen (GDPR)',
  intro: (organisation) =>
    `Det här är alla uppgifter om dig som ${organisation} har i Insyn, skolans system för närvaro, frånvaro, omdömen och ` +
    'kontakt med hemmet, den dag utdraget togs ut. Uppgifterna behandlas för skolans uppdrag enligt skollagen. ' +
    'Loggen i slutet visar vem som har läst eller ändrat uppgifterna och när. Är något fel har du rätt att få det ' +
    'rättat: kontakta skolan.',
  protectedIdentity:
    'Skyddad personuppgift. Utdraget lämnas bara till den registrerade själv, på ett sätt som inte röjer personens ' +
    'uppgifter för någon annan.',
  contentsHeading: 'Innehåll',
  cover: {
    organisation: 'Huvudman',
    person: 'Person',
    personalIdentityNumber: 'Personnummer',
    kind: 'Roll',
    generatedAt: 'Uttaget',
    generatedBy: 'Uttaget av',
  },
  personKinds: { STUDENT: 'Elev', GUARDIAN: 'Vårdnadshavare', STAFF: 'Personal' },
  sections: {
    person: 'Personuppgifter',
    accounts: 'Konto och inloggningar',
    guardians: 'Vårdnadshavare',
    children: 'Barn',
    consents: 'Samtycken',
    memberships: 'Klasser och grupper',
    duties: 'Uppdrag',
    teaching: 'Undervisning (grundschema)',
    attendance: 'Närvaro',
    attendanceChanges: 'Ändringar av närvaro',
    sickReports: 'Sjukanmälningar',
    leaveApplications: 'Ledighetsansökningar och beslut',
    messages: 'Meddelanden till hemmet',
    assessmentResults: 'Resultat på uppgifter och prov',
    subjectAssessments: 'Ämnesomdömen och terminsbetyg',
    gradeWarnings: 'Varningar för F',
    studyPlan: 'Studieplan',
    developmentPlans: 'IUP (individuella utvecklingsplaner)',
    supportDecisions: 'Beslut om stöd',
    supportDecisionAcknowledgements: 'Bekräftade beslut om stöd',
    newsReads: 'Lästa nyheter',
    recordedWork: 'Registrerat i tjänsten',
    auditLog: 'Logg: vem som har läst eller ändrat uppgifterna',
  },
  notIncludedHeading: 'Det här finns inte med',
  notIncluded: [
    'Beslutsdokumenten om stöd: utdraget säger att de finns, deras namn och storlek. Du får dem av skolan.',
    'Lösenord, aktiveringskoder och inloggningsnycklar: Insyn sparar bara kontrollsummor av dem, som inte säger något om dig.',
    'Summor av frånvaron per dag: de räknas fram ur närvaron som finns med här.',
    'För personal: vad du har registrerat om elever räknas upp per slag men listas inte, eftersom det är elevernas uppgifter. ' +
      'Loggen visar vad som har lästs eller ändrats om dig.',
    'Andra personers IP-adresser i loggen.',
  ],
  empty: 'Inga uppgifter.',
  none: '–',
  yes: 'Ja',
  no: 'Nej',
  page: (page, pages) => `Sida ${page} av ${pages}`,
  field: {
    name: 'Namn',
    personalIdentityNumber: 'Personnummer',
    birthDate: 'Födelsedatum',
    protectedIdentity: 'Skyddad personuppgift',
    school: 'Skola',
    programme: 'Program',
    createdAt: 'Registrerad',
    modifiedAt: 'Senast ändrad',
    insynId: 'Id i Insyn',
    externalIds: 'Id i andra system',
    signature: 'Signatur',
    email: 'E-post',
    mobilePhone: 'Mobilnummer',
    address: 'Adress',
    notifyBySms: 'Meddelanden med sms',
    notifyByEmail: 'Meddelanden med e-post',
    emailDuringQuietHours: 'E-post även under tysta timmar',
    messageLocale: 'Språk i meddelanden',
    contactChoicesChanged: 'Kontaktvalen ändrade',
    username: 'Användarnamn',
    locale: 'Språk',
    activatedAt: 'Aktiverat',
    passwordChangedAt: 'Lösenordet bytt',
    lastLoginAt: 'Senast inloggad',
    disabledAt: 'Låst',
    failedLogins: 'Misslyckade inloggningar',
    started: 'Började',
    lastUsed: 'Senast använd',
    ended: 'Avslutad',
    reason: 'Skäl',
    browser: 'Webbläsare',
    issued: 'Utfärdad',
    by: 'Av',
    validUntil: 'Giltig till',
    used: 'Använd',
    voided: 'Ersatt',
    since: 'Sedan',
    guardian: 'Vårdnadshavare',
    student: 'Elev',
    given: 'Givet',
    withdrawn: 'Återkallat',
    group: 'Grupp',
    kind: 'Slag',
    schoolYear: 'Läsår',
    from: 'Från',
    to: 'Till',
    date: 'Datum',
    time: 'Tid',
    subject: 'Ämne',
    status: 'Status',
    lateMinutes: 'Minuter sen',
    validReason: 'Giltigt skäl',
    note: 'Anteckning',
    lesson: 'Lektion',
    changedAt: 'Ändrad',
    before: 'Före',
    after: 'Efter',
    channel: 'Kanal',
    reportedBy: 'Anmäld av',
    reportedAt: 'Anmäld',
    schoolDays: 'Skoldagar',
    appliedBy: 'Ansökt av',
    decidedBy: 'Beslut av',
    decidedAt: 'Beslutad',
    decisionNote: 'Motivering',
    recipient: 'Till',
    messageSubject: 'Ämnesrad',
    sentAt: 'Skickat',
    task: 'Uppgift',
    result: 'Resultat',
    comment: 'Kommentar',
    published: 'Publicerad',
    term: 'Termin',
    grade: 'Betyg',
    missing: 'Det som saknas',
    issuedBy: 'Utfärdad av',
    closed: 'Avslutad',
    closeNote: 'Hur den avslutades',
    method: 'Hur',
    withWhom: 'Med vem',
    agreed: 'Överenskommet',
    planYear: 'År',
    course: 'Kurs',
    points: 'Poäng',
    summary: 'Sammanfattning',
    standing: 'Nuläge',
    goals: 'Mål',
    decidedOn: 'Beslutsdatum',
    document: 'Beslutsdokument',
    acknowledged: 'Bekräftat',
    title: 'Rubrik',
    read: 'Läst',
    at: 'Tid',
    who: 'Vem',
    action: 'Händelse',
    details: 'Detaljer',
    ip: 'IP-adress',
    duty: 'Uppdrag',
    weekday: 'Dag',
    room: 'Sal',
    what: 'Vad',
    count: 'Antal',
  },
  subheading: {
    sessions: 'Inloggningar',
    activationCodes: 'Aktiveringskoder',
    passwordResets: 'Länkar för nytt lösenord',
    contacts: 'Kontakter med hemmet',
    entries: 'Ämnen',
    message: (at) => `Meddelande ${at}`,
    warning: (subject, at) => `${subject}, ${at}`,
    plan: (term) => `IUP ${term}`,
    decision: (kind, decidedOn) => `${kind}, ${decidedOn}`,
    account: (username) => `Konto ${username}`,
  },
  termKinds: { AUTUMN: 'HT', SPRING: 'VT' },
  weekdays: ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'],
  attendanceStatus: { PRESENT: 'Närvarande', ABSENT: 'Frånvarande', LATE: 'Sen' },
  validReason: { SICK: 'Sjuk', LEAVE: 'Beviljad ledighet', SCHOOL_ACTIVITY: 'Skolaktivitet', OTHER: 'Annat' },
  reportChannel: { WEB: 'Webben', PHONE: 'Telefon', STAFF: 'Via skolans personal' },
  leaveStatus: { PENDING: 'Väntar på beslut', APPROVED: 'Beviljad', REJECTED: 'Avslagen', WITHDRAWN: 'Återtagen' },
  leaveDecider: { MENTOR: 'Mentor', PRINCIPAL: 'Rektor' },
  messageKind: {
    ABSENCE: 'Frånvaro',
    SICK_REPORT: 'Sjukanmälan',
    SICK_REPORT_WITHDRAWN: 'Sjukanmälan återtagen',
    LEAVE_DECISION: 'Beslut om ledighet',
    GRADE_WARNING: 'Varning för F',
    ASSESSMENT_PUBLISHED: 'Omdömen publicerade',
    DEVELOPMENT_PLAN_PUBLISHED: 'IUP publicerad',
    SUPPORT_DECISION: 'Beslut om stöd',
    NEWS: 'Nyhet',
    CONSENT_GIVEN: 'Samtycke givet',
    CONSENT_WITHDRAWN: 'Samtycke återkallat',
  },
  messageChannel: { SMS: 'Sms', EMAIL: 'E-post' },
  messageStatus: { QUEUED: 'I kö', SENDING: 'Skickas', SENT: 'Skickat', FAILED: 'Misslyckades' },
  contactMethod: { PHONE: 'Telefon', MEETING: 'Möte', DIGITAL_MEETING: 'Digitalt möte', EMAIL: 'E-post', LETTER: 'Brev' },
  supportDecisionKind: { SPECIAL_SUPPORT: 'Särskilt stöd', ACTION_PROGRAMME: 'Åtgärdsprogram', ADAPTED_STUDY_PATH: 'Anpassad studiegång' },
  dutyKind: { TEACHER: 'Lärare', MENTOR: 'Mentor', PRINCIPAL: 'Rektor', ADMINISTRATOR: 'Administratör' },
  groupKind: { CLASS: 'Klass', TEACHING: 'Undervisningsgrupp' },
  recordedWork: {
    attendanceMarks: 'Närvaromarkeringar',
    rollCalls: 'Sparade upprop',
    lessonsTaught: 'Lektioner som lärare',
    sickReportsRegistered: 'Sjukanmälningar registrerade åt hemmet',
    leaveDecisions: 'Beslut om ledighet',
    gradeWarningsIssued: 'Varningar för F utfärdade',
    gradeWarningsClosed: 'Varningar för F avslutade',
    gradeWarningContacts: 'Kontakter med hemmet om varningar',
    assessmentTasks: 'Uppgifter och prov',
    assessmentResults: 'Resultat',
    subjectAssessments: 'Ämnesomdömen',
    developmentPlanEntries: 'IUP-ämnen skrivna',
    developmentPlansPublished: 'IUP:er publicerade',
    supportDecisions: 'Beslut om stöd',
    newsPosts: 'Nyheter',
    activationCodesIssued: 'Aktiveringskoder utskrivna',
    listImports: 'Listimporter',
    apiClientsCreated: 'API-klienter skapade',
    apiClientsRevoked: 'API-klienter återkallade',
    ss12000SourceChanges: 'Ändringar av SS 12000-källan',
    ss12000ImportRuns: 'SS 12000-importer',
  },
  actions: {
    'auth.login': 'Loggade in',
    'auth.loginFailed': 'Misslyckad inloggning',
    'auth.logout': 'Loggade ut',
    'auth.refreshReuse': 'Återanvänd förnyelsenyckel (sessionen avslutad)',
    'auth.passwordChanged': 'Bytte lösenord',
    'account.activated': 'Aktiverade kontot',
    'account.passwordResetRequested': 'Bad om länk för nytt lösenord',
    'account.passwordReset': 'Valde nytt lösenord med länk',
    'account.credentialsIssued': 'Skrev ut inloggningsuppgifter',
    'account.locked': 'Låste konto',
    'account.unlocked': 'Låste upp konto',
    'student.read': 'Läste elevens uppgifter',
    'student.readSchedule': 'Läste elevens schema',
    'group.readRoster': 'Läste klasslista',
    'absenceStatistics.read': 'Läste frånvarostatistik',
    'absenceLessons.read': 'Läste frånvarolektioner',
    'contact.changed': 'Ändrade kontaktval',
    'consent.given': 'Gav samtycke',
    'consent.withdrawn': 'Återkallade samtycke',
    'sickReport.created': 'Sjukanmälde',
    'sickReport.withdrawn': 'Återtog sjukanmälan',
    'sickReport.phoneRefused': 'Sjukanmälan per telefon nekad',
    'attendance.reasonSet': 'Angav skäl för frånvaro',
    'leave.applied': 'Ansökte om ledighet',
    'leave.withdrawn': 'Återtog ledighetsansökan',
    'leave.decided': 'Beslutade om ledighet',
    'gradeWarning.issued': 'Varnade för F',
    'gradeWarning.contactRecorded': 'Registrerade kontakt med hemmet',
    'gradeWarning.closed': 'Avslutade betygsvarning',
    'gradeWarning.read': 'Läste betygsvarningar',
    'developmentPlan.read': 'Läste IUP',
    'developmentPlan.entrySaved': 'Sparade IUP för ett ämne',
    'developmentPlan.summarySaved': 'Sparade IUP:ns sammanfattning',
    'developmentPlan.published': 'Publicerade IUP',
    'studyPlan.read': 'Läste studieplan',
    'studyPlan.changed': 'Ändrade studieplan',
    'assessment.read': 'Läste omdömen',
    'assessment.taskSaved': 'Sparade uppgift',
    'assessment.resultsSaved': 'Sparade resultat',
    'assessment.subjectAssessmentSaved': 'Sparade ämnesomdöme',
    'assessment.published': 'Publicerade omdömen',
    'news.posted': 'Publicerade nyhet',
    'news.recipientsRead': 'Läste nyhetens mottagare',
    'supportDecision.recorded': 'Registrerade beslut om stöd',
    'supportDecision.read': 'Läste beslut om stöd',
    'supportDecision.documentRead': 'Öppnade beslutsdokument',
    'supportDecision.acknowledged': 'Bekräftade beslut om stöd',
    'message.retried': 'Skickade meddelande igen',
    'apiClient.created': 'Skapade API-klient',
    'apiClient.revoked': 'Återkallade API-klient',
    'ss12000Source.saved': 'Sparade SS 12000-källan',
    'ss12000Source.checked': 'Testade SS 12000-källan',
    'auditLog.read': 'Läste loggen',
    'auditLog.exported': 'Exporterade loggen',
    'registerExtract.exported': 'Tog ut registerutdrag',
    'retention.policyChanged': 'Ändrade gallringen',
    'retention.run': 'Gallrade',
  },
  records: {
    organisation: 'Huvudman',
    school: 'Skola',
    schoolYear: 'Läsår',
    term: 'Termin',
    schoolBreak: 'Lov eller studiedag',
    student: 'Elev',
    guardian: 'Vårdnadshavare',
    guardianship: 'Vårdnadshavarskap',
    staff: 'Personal',
    staffDuty: 'Uppdrag',
    group: 'Grupp',
    groupMembership: 'Gruppmedlemskap',
    subject: 'Ämne',
    course: 'Kurs',
    lessonSeries: 'Lektionsserie',
    lesson: 'Lektion',
    account: 'Konto',
  },
  changes: { created: 'skapades', updated: 'ändrades', ended: 'avslutades', deleted: 'togs bort', generated: 'genererades' },
  bytes: (count) => `${new Intl.NumberFormat('sv-SE').format(count)} byte`,
  documentKept: 'finns i Insyn, bifogas inte',
};

const EN: ExtractTexts = {
  intl: 'en-GB',
  title: 'Register extract',
  subtitle: 'Under Article 15 of the General Data Protection Regulation (GDPR)',
  intro: (organisation) =>
    `This is all the data about you that ${organisation} holds in Insyn, the school's system for attendance, absence, ` +
    'assessments and contact with the home, on the day the extract was made. The data is processed for the ' +
    "school's duties under the Education Act. The log at the end shows who has read or changed the data, and when. " +
    'If anything is wrong, you have the right to have it corrected: contact the school.',
  protectedIdentity:
    "Protected identity. The extract is given only to the person themselves, in a way that reveals the person's " +
    'details to nobody else.',
  contentsHeading: 'Contents',
  cover: {
    organisation: 'Organisation',
    person: 'Person',
    personalIdentityNumber: 'Personal identity number',
    kind: 'Role',
    generatedAt: 'Made',
    generatedBy: 'Made by',
  },
  personKinds: { STUDENT: 'Student', GUARDIAN: 'Guardian', STAFF: 'Staff member' },
  sections: {
    person: 'Personal data',
    accounts: 'Account and logins',
    guardians: 'Guardians',
    children: 'Children',
    consents: 'Consents',
    memberships: 'Classes and groups',
    duties: 'Duties',
    teaching: 'Teaching (basic schedule)',
    attendance: 'Attendance',
    attendanceChanges: 'Changes to attendance',
    sickReports: 'Sick reports',
    leaveApplications: 'Leave applications and decisions',
    messages: 'Messages to the home',
    assessmentResults: 'Results of tasks and tests',
    subjectAssessments: 'Subject assessments and term grades',
    gradeWarnings: 'Warnings of an F',
    studyPlan: 'Study plan',
    developmentPlans: 'IDPs (individual development plans)',
    supportDecisions: 'Support decisions',
    supportDecisionAcknowledgements: 'Support decisions acknowledged',
    newsReads: 'News read',
    recordedWork: 'Recorded at work',
    auditLog: 'Log: who has read or changed the data',
  },
  notIncludedHeading: 'What is not included',
  notIncluded: [
    'The support decisions’ documents: the extract says that they exist, their names and sizes. The school gives you them.',
    'Passwords, activation codes and login keys: Insyn keeps only checksums of them, which say nothing about you.',
    'Sums of absence per day: they are worked out from the attendance listed here.',
    'For staff: what you have recorded about students is counted by kind but not listed, as it is the students’ data. ' +
      'The log shows what has been read or changed about you.',
    'Other people’s IP addresses in the log.',
  ],
  empty: 'No data.',
  none: '–',
  yes: 'Yes',
  no: 'No',
  page: (page, pages) => `Page ${page} of ${pages}`,
  field: {
    name: 'Name',
    personalIdentityNumber: 'Personal identity number',
    birthDate: 'Date of birth',
    protectedIdentity: 'Protected identity',
    school: 'School',
    programme: 'Programme',
    createdAt: 'Registered',
    modifiedAt: 'Last changed',
    insynId: 'Id in Insyn',
    externalIds: 'Ids in other systems',
    signature: 'Signature',
    email: 'E-mail',
    mobilePhone: 'Mobile number',
    address: 'Address',
    notifyBySms: 'Messages by SMS',
    notifyByEmail: 'Messages by e-mail',
    emailDuringQuietHours: 'E-mail in quiet hours too',
    messageLocale: 'Language of messages',
    contactChoicesChanged: 'Contact choices changed',
    username: 'Username',
    locale: 'Language',
    activatedAt: 'Activated',
    passwordChangedAt: 'Password changed',
    lastLoginAt: 'Last login',
    disabledAt: 'Locked',
    failedLogins: 'Failed logins',
    started: 'Started',
    lastUsed: 'Last used',
    ended: 'Ended',
    reason: 'Reason',
    browser: 'Browser',
    issued: 'Issued',
    by: 'By',
    validUntil: 'Valid until',
    used: 'Used',
    voided: 'Replaced',
    since: 'Since',
    guardian: 'Guardian',
    student: 'Student',
    given: 'Given',
    withdrawn: 'Withdrawn',
    group: 'Group',
    kind: 'Kind',
    schoolYear: 'School year',
    from: 'From',
    to: 'To',
    date: 'Date',
    time: 'Time',
    subject: 'Subject',
    status: 'Status',
    lateMinutes: 'Minutes late',
    validReason: 'Valid reason',
    note: 'Note',
    lesson: 'Lesson',
    changedAt: 'Changed',
    before: 'Before',
    after: 'After',
    channel: 'Channel',
    reportedBy: 'Reported by',
    reportedAt: 'Reported',
    schoolDays: 'School days',
    appliedBy: 'Applied by',
    decidedBy: 'Decided by',
    decidedAt: 'Decided',
    decisionNote: 'Grounds',
    recipient: 'To',
    messageSubject: 'Subject line',
    sentAt: 'Sent',
    task: 'Task',
    result: 'Result',
    comment: 'Comment',
    published: 'Published',
    term: 'Term',
    grade: 'Grade',
    missing: 'What is missing',
    issuedBy: 'Issued by',
    closed: 'Closed',
    closeNote: 'How it was closed',
    method: 'How',
    withWhom: 'With whom',
    agreed: 'Agreed',
    planYear: 'Year',
    course: 'Course',
    points: 'Points',
    summary: 'Summary',
    standing: 'Where the student stands',
    goals: 'Goals',
    decidedOn: 'Date of decision',
    document: 'Decision document',
    acknowledged: 'Acknowledged',
    title: 'Title',
    read: 'Read',
    at: 'Time',
    who: 'Who',
    action: 'Event',
    details: 'Details',
    ip: 'IP address',
    duty: 'Duty',
    weekday: 'Day',
    room: 'Room',
    what: 'What',
    count: 'Number',
  },
  subheading: {
    sessions: 'Logins',
    activationCodes: 'Activation codes',
    passwordResets: 'New-password links',
    contacts: 'Contacts with the home',
    entries: 'Subjects',
    message: (at) => `Message ${at}`,
    warning: (subject, at) => `${subject}, ${at}`,
    plan: (term) => `IDP ${term}`,
    decision: (kind, decidedOn) => `${kind}, ${decidedOn}`,
    account: (username) => `Account ${username}`,
  },
  termKinds: { AUTUMN: 'autumn', SPRING: 'spring' },
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  attendanceStatus: { PRESENT: 'Present', ABSENT: 'Absent', LATE: 'Late' },
  validReason: { SICK: 'Sick', LEAVE: 'Leave granted', SCHOOL_ACTIVITY: 'School activity', OTHER: 'Other' },
  reportChannel: { WEB: 'Web', PHONE: 'Phone', STAFF: "Through the school's staff" },
  leaveStatus: { PENDING: 'Awaiting decision', APPROVED: 'Granted', REJECTED: 'Refused', WITHDRAWN: 'Withdrawn' },
  leaveDecider: { MENTOR: 'Mentor', PRINCIPAL: 'Principal' },
  messageKind: {
    ABSENCE: 'Absence',
    SICK_REPORT: 'Sick report',
    SICK_REPORT_WITHDRAWN: 'Sick report withdrawn',
    LEAVE_DECISION: 'Leave decision',
    GRADE_WARNING: 'Warning of an F',
    ASSESSMENT_PUBLISHED: 'Assessments published',
    DEVELOPMENT_PLAN_PUBLISHED: 'IDP published',
    SUPPORT_DECISION: 'Support decision',
    NEWS: 'News',
    CONSENT_GIVEN: 'Consent given',
    CONSENT_WITHDRAWN: 'Consent withdrawn',
  },
  messageChannel: { SMS: 'SMS', EMAIL: 'E-mail' },
  messageStatus: { QUEUED: 'Queued', SENDING: 'Sending', SENT: 'Sent', FAILED: 'Failed' },
  contactMethod: { PHONE: 'Phone', MEETING: 'Meeting', DIGITAL_MEETING: 'Online meeting', EMAIL: 'E-mail', LETTER: 'Letter' },
  supportDecisionKind: {
    SPECIAL_SUPPORT: 'Special support',
    ACTION_PROGRAMME: 'Action programme',
    ADAPTED_STUDY_PATH: 'Adapted study path',
  },
  dutyKind: { TEACHER: 'Teacher', MENTOR: 'Mentor', PRINCIPAL: 'Principal', ADMINISTRATOR: 'Administrator' },
  groupKind: { CLASS: 'Class', TEACHING: 'Teaching group' },
  recordedWork: {
    attendanceMarks: 'Attendance marks',
    rollCalls: 'Roll calls saved',
    lessonsTaught: 'Lessons as teacher',
    sickReportsRegistered: 'Sick reports registered for the home',
    leaveDecisions: 'Leave decisions',
    gradeWarningsIssued: 'Warnings of an F issued',
    gradeWarningsClosed: 'Warnings of an F closed',
    gradeWarningContacts: 'Contacts with the home about warnings',
    assessmentTasks: 'Tasks and tests',
    assessmentResults: 'Results',
    subjectAssessments: 'Subject assessments',
    developmentPlanEntries: 'IDP subject entries written',
    developmentPlansPublished: 'IDPs published',
    supportDecisions: 'Support decisions',
    newsPosts: 'News posts',
    activationCodesIssued: 'Activation codes printed',
    listImports: 'List imports',
    apiClientsCreated: 'API clients created',
    apiClientsRevoked: 'API clients revoked',
    ss12000SourceChanges: 'Changes to the SS 12000 source',
    ss12000ImportRuns: 'SS 12000 imports',
  },
  actions: {
    'auth.login': 'Logged in',
    'auth.loginFailed': 'Failed login',
    'auth.logout': 'Logged out',
    'auth.refreshReuse': 'Renewal key reused (session ended)',
    'auth.passwordChanged': 'Changed password',
    'account.activated': 'Activated the account',
    'account.passwordResetRequested': 'Asked for a new-password link',
    'account.passwordReset': 'Chose a new password with a link',
    'account.credentialsIssued': 'Printed login details',
    'account.locked': 'Locked an account',
    'account.unlocked': 'Unlocked an account',
    'student.read': "Read the student's details",
    'student.readSchedule': "Read the student's schedule",
    'group.readRoster': 'Read a class list',
    'absenceStatistics.read': 'Read absence statistics',
    'absenceLessons.read': 'Read absence lessons',
    'contact.changed': 'Changed contact choices',
    'consent.given': 'Gave consent',
    'consent.withdrawn': 'Withdrew consent',
    'sickReport.created': 'Reported sick',
    'sickReport.withdrawn': 'Withdrew a sick report',
    'sickReport.phoneRefused': 'Sick report by phone refused',
    'attendance.reasonSet': 'Gave a reason for absence',
    'leave.applied': 'Applied for leave',
    'leave.withdrawn': 'Withdrew a leave application',
    'leave.decided': 'Decided on leave',
    'gradeWarning.issued': 'Warned of an F',
    'gradeWarning.contactRecorded': 'Recorded contact with the home',
    'gradeWarning.closed': 'Closed a grade warning',
    'gradeWarning.read': 'Read grade warnings',
    'developmentPlan.read': 'Read an IDP',
    'developmentPlan.entrySaved': 'Saved an IDP subject entry',
    'developmentPlan.summarySaved': 'Saved an IDP summary',
    'developmentPlan.published': 'Published an IDP',
    'studyPlan.read': 'Read a study plan',
    'studyPlan.changed': 'Changed a study plan',
    'assessment.read': 'Read assessments',
    'assessment.taskSaved': 'Saved a task',
    'assessment.resultsSaved': 'Saved results',
    'assessment.subjectAssessmentSaved': 'Saved a subject assessment',
    'assessment.published': 'Published assessments',
    'news.posted': 'Posted news',
    'news.recipientsRead': "Read a post's recipients",
    'supportDecision.recorded': 'Recorded a support decision',
    'supportDecision.read': 'Read support decisions',
    'supportDecision.documentRead': 'Opened a decision document',
    'supportDecision.acknowledged': 'Acknowledged a support decision',
    'message.retried': 'Sent a message again',
    'apiClient.created': 'Created an API client',
    'apiClient.revoked': 'Revoked an API client',
    'ss12000Source.saved': 'Saved the SS 12000 source',
    'ss12000Source.checked': 'Tested the SS 12000 source',
    'auditLog.read': 'Read the audit log',
    'auditLog.exported': 'Exported the audit log',
    'registerExtract.exported': 'Made a register extract',
    'retention.policyChanged': 'Changed the retention',
    'retention.run': 'Ran retention',
  },
  records: {
    organisation: 'Organisation',
    school: 'School',
    schoolYear: 'School year',
    term: 'Term',
    schoolBreak: 'Break or study day',
    student: 'Student',
    guardian: 'Guardian',
    guardianship: 'Guardianship',
    staff: 'Staff member',
    staffDuty: 'Duty',
    group: 'Group',
    groupMembership: 'Group membership',
    subject: 'Subject',
    course: 'Course',
    lessonSeries: 'Lesson series',
    lesson: 'Lesson',
    account: 'Account',
  },
  changes: { created: 'created', updated: 'changed', ended: 'ended', deleted: 'deleted', generated: 'generated' },
  bytes: (count) => `${new Intl.NumberFormat('en-GB').format(count)} bytes`,
  documentKept: 'kept in Insyn, not attached',
};

export const EXTRACT_TEXTS: Record<'sv' | 'en', ExtractTexts> = { sv: SV, en: EN };

/** An audit action in words: one of the list, or an administration change as "Elev ändrades"; an unknown code as it is. */
export function actionWords(texts: ExtractTexts, action: string): string {
  const [area = '', record = '', change = ''] = action.split('.');
  if (area === 'admin') {
    const recordWords = (texts.records as Record<string, string | undefined>)[record] ?? record;
    const changeWords = (texts.changes as Record<string, string | undefined>)[change] ?? change;
    return `${recordWords} ${changeWords}`;
  }
  return (texts.actions as Record<string, string | undefined>)[action] ?? action;
}
