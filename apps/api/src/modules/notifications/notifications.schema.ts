import gql from 'graphql-tag';

export const notificationsTypeDefs = gql`
  enum MessageChannel {
    SMS
    EMAIL
  }

  enum MessageKind {
    ABSENCE
    SICK_REPORT
    SICK_REPORT_WITHDRAWN
    LEAVE_DECISION
    GRADE_WARNING
    ASSESSMENT_PUBLISHED
    DEVELOPMENT_PLAN_PUBLISHED
    SUPPORT_DECISION
    NEWS
    "an adult student gave the guardian access to their data"
    CONSENT_GIVEN
    "an adult student withdrew it"
    CONSENT_WITHDRAWN
  }

  "QUEUED (waiting or retrying), SENDING, SENT (also: kept in the outbox when no provider is configured), FAILED (gave up)."
  enum MessageStatus {
    QUEUED
    SENDING
    SENT
    FAILED
  }

  "How a guardian wants to be told of unexcused absence, sick reports and leave decisions."
  type ContactPreferences {
    guardianId: ID!
    firstName: String!
    lastName: String!
    bySms: Boolean!
    byEmail: Boolean!
    "E-mail may come during the school's quiet hours too (SMS never does); confirmations of the guardian's own reports come at once anyway."
    emailDuringQuietHours: Boolean!
    "E.164, e.g. +46701234567"
    mobilePhone: String
    email: String
    "The language of the messages."
    locale: Locale!
    "When the choices were last changed (ISO 8601), null if never."
    changedAt: String
    "True when staff last changed them on the guardian's behalf."
    changedByStaff: Boolean!
  }

  input ContactPreferencesInput {
    bySms: Boolean!
    byEmail: Boolean!
    "Left as it is when not given."
    emailDuringQuietHours: Boolean
    "Any common way of writing a Swedish mobile number, or +<country code>…; stored as E.164."
    mobilePhone: String
    email: String
    locale: Locale!
  }

  type OutboundMessage {
    id: ID!
    kind: MessageKind!
    channel: MessageChannel!
    "The number or address it was sent to."
    recipient: String!
    guardianName: String!
    studentName: String!
    subject: String
    body: String!
    status: MessageStatus!
    attempts: Int!
    lastError: String
    "SMTP, 46ELKS, or OUTBOX when no provider is configured."
    provider: String
    createdAt: String!
    sentAt: String
    nextAttemptAt: String!
  }

  type MessagePage {
    messages: [OutboundMessage!]!
    totalCount: Int!
    "Messages that gave up after their retries: they need an administrator's look."
    failedCount: Int!
    "Whether real providers are configured; when not, every message is kept here in the outbox."
    smsProviderConfigured: Boolean!
    emailProviderConfigured: Boolean!
  }

  extend type Query {
    "The logged-in guardian's own choices."
    myContactPreferences: ContactPreferences! @access(rule: SIGNED_IN)
    "A student's guardians and their choices: for the mentor, the principal and administrators."
    guardianContacts(studentId: ID!): [ContactPreferences!]! @access(rule: STAFF)
    "Messages to the home, newest first: administrators only."
    outbox(status: MessageStatus, limit: Int = 50, offset: Int = 0): MessagePage! @access(rule: STAFF)
  }

  extend type Mutation {
    updateMyContactPreferences(input: ContactPreferencesInput!): ContactPreferences! @access(rule: SIGNED_IN)
    "Staff set a guardian's choices on their behalf (e.g. from the paper form)."
    updateGuardianContactPreferences(studentId: ID!, guardianId: ID!, input: ContactPreferencesInput!): ContactPreferences!
      @access(rule: STAFF)
    "Queues a message that gave up once more: administrators only."
    retryMessage(id: ID!): OutboundMessage! @access(rule: STAFF)
  }
`;
