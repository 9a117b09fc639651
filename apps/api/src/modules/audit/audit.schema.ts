import gql from 'graphql-tag';

// The audit log for the administrator: who read or changed what about whom, and when, within their own organisation.
export const auditTypeDefs = gql`
  input AuditLogFilter {
    "a student, guardian or staff member of the organisation: what was read or changed about them, or done by them"
    personId: ID
    "who did it: a username, or a user account's id"
    actor: String
    "one of auditLogActions; an administration family (admin.student) matches every change of that kind of record"
    action: String
    "the first day, in school time"
    fromDate: String
    "the last day, in school time"
    toDate: String
  }

  input AuditLogPageInput {
    "the nextCursor of the page before; none for the newest page"
    cursor: String
    "rows per page, 1–200"
    limit: Int! = 50
  }

  "A person of the organisation, as the filter names them."
  type AuditLogPerson {
    id: ID!
    kind: PersonKind!
    firstName: String!
    lastName: String!
    "a student's class today, a staff member's signature"
    detail: String
  }

  "Who did it: the account and, when it belongs to a person, the person."
  type AuditLogActor {
    userId: ID!
    username: String!
    kind: PersonKind
    firstName: String
    lastName: String
    "a staff member's duties on the day of the event"
    duties: [StaffDutyKind!]!
  }

  type AuditLogStudent {
    id: ID!
    firstName: String!
    lastName: String!
  }

  type AuditLogEntry {
    id: ID!
    at: String!
    action: String!
    "null when nobody was logged in (a phone call, a login with an unknown name)"
    actor: AuditLogActor
    entityType: String
    entityId: String
    "the student the event is about, if any"
    student: AuditLogStudent
    ip: String
    "the event's details in one line: fields, and what changed as before → after"
    summary: String!
  }

  type AuditLogPage {
    "newest first"
    entries: [AuditLogEntry!]!
    "the cursor of the next, older page; null on the last"
    nextCursor: String
    "the person of the filter"
    person: AuditLogPerson
  }

  type AuditLogExport {
    entries: [AuditLogEntry!]!
    "the most rows one export holds"
    limit: Int!
    "more rows matched than the export holds: the newest are in it"
    truncated: Boolean!
  }

  extend type Query {
    "the organisation's audit log, newest first (administrators); each read is itself logged with its filter"
    auditLog(filter: AuditLogFilter, page: AuditLogPageInput): AuditLogPage! @access(rule: STAFF)
    "everything the filter matches, up to the export's limit, for a CSV file (administrators); logged as an export"
    auditLogExport(filter: AuditLogFilter): AuditLogExport! @access(rule: STAFF)
    "the actions the filter offers"
    auditLogActions: [String!]! @access(rule: STAFF)
    "students, guardians and staff of the organisation by name, personnummer, signature or id, for the filter"
    auditLogPeople(search: String!): [AuditLogPerson!]! @access(rule: STAFF)
  }
`;
