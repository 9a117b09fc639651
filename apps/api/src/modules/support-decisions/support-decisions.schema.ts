import gql from 'graphql-tag';

export const supportDecisionsTypeDefs = gql`
  enum SupportDecisionKind {
    "särskilt stöd"
    SPECIAL_SUPPORT
    "åtgärdsprogram"
    ACTION_PROGRAMME
    "anpassad studiegång"
    ADAPTED_STUDY_PATH
  }

  "Who confirmed having read a decision, and when."
  type SupportDecisionAcknowledgement {
    name: String!
    "GUARDIAN or STUDENT"
    role: ViewerRole!
    "ISO 8601 instant"
    acknowledgedAt: String!
  }

  """
  A decision on special support, an action programme or an adapted study path, published to the home at once.
  It is recorded (with its PDF) by POST /api/support-decisions; the PDF is at GET /api/support-decisions/{id}/document.
  """
  type SupportDecision {
    id: ID!
    studentId: ID!
    kind: SupportDecisionKind!
    summary: String!
    "YYYY-MM-DD, the date on the decision"
    decidedOn: String!
    decidedBy: String!
    documentName: String!
    "bytes"
    documentSize: Int!
    "ISO 8601 instant"
    recordedAt: String!
    "oldest first"
    acknowledgements: [SupportDecisionAcknowledgement!]!
    "whether the viewer has confirmed having read it (always false for staff)"
    acknowledgedByMe: Boolean!
    "whether the viewer may confirm it: the student, or a guardian who may see the student"
    canAcknowledge: Boolean!
  }

  "A student's decisions and what the viewer may do with them."
  type StudentSupportDecisions {
    studentId: ID!
    "the principal of the student's school and administrators record decisions"
    canRecord: Boolean!
    "newest first"
    decisions: [SupportDecision!]!
  }

  extend type Query {
    "The student's decisions: the student, guardians under rule 2, the mentor, the principal, administrators."
    studentSupportDecisions(studentId: ID!): StudentSupportDecisions! @access(rule: SIGNED_IN)
  }

  extend type Mutation {
    "Jag har tagit del av beslutet: the student or a guardian confirms; confirming twice keeps the first time."
    acknowledgeSupportDecision(id: ID!): SupportDecision! @access(rule: SIGNED_IN)
  }
`;
