import gql from 'graphql-tag';

export const newsTypeDefs = gql`
  enum NewsTargetKind {
    SCHOOL
    CLASS
    TEACHING
  }

  "Where a post goes: a whole school (groupId null), a class or a teaching group."
  type NewsTarget {
    schoolId: ID!
    groupId: ID
    kind: NewsTargetKind!
    name: String!
  }

  type NewsChild {
    id: ID!
    firstName: String!
  }

  "A post as its reader sees it."
  type NewsItem {
    id: ID!
    title: String!
    body: String!
    "ISO 8601 instant"
    publishedAt: String!
    author: String!
    target: NewsTarget!
    "ISO 8601 instant when the viewer opened it; null: not read"
    readAt: String
    "For a guardian: the children the post reaches them through (of those asked about). Empty for a student."
    children: [NewsChild!]!
  }

  enum NewsRecipientRole {
    GUARDIAN
    STUDENT
  }

  "One person a post reaches today."
  type NewsRecipient {
    "the student's or guardian's id"
    id: ID!
    name: String!
    role: NewsRecipientRole!
    "a guardian's children in the audience, by first name"
    children: [String!]!
    "null: not read"
    readAt: String
  }

  "A post as its sender (and the school's principal, administrators) follow it."
  type SentNewsPost {
    id: ID!
    title: String!
    body: String!
    publishedAt: String!
    author: String!
    target: NewsTarget!
    toGuardians: Boolean!
    toStudents: Boolean!
    "those the post reaches today: the school's or group's current students and/or their guardians (rule 2 applies)"
    recipientCount: Int!
    readCount: Int!
    "by name"
    recipients: [NewsRecipient!]!
  }

  input NewsPostInput {
    schoolId: ID!
    "a class or teaching group of the school; null: the whole school"
    groupId: ID
    toGuardians: Boolean!
    toStudents: Boolean!
    title: String!
    body: String!
  }

  extend type Query {
    "Posts to a guardian or student, newest first. A guardian may name one child (studentId); else all children."
    myNews(studentId: ID): [NewsItem!]! @access(rule: SIGNED_IN)
    "Where the viewer may post: the principal's school and its groups, a mentor's classes, a teacher's teaching groups."
    newsTargets: [NewsTarget!]! @access(rule: STAFF)
    "Posts the viewer wrote; the principal also sees the school's, administrators their organisation's. Newest first."
    sentNews: [SentNewsPost!]! @access(rule: STAFF)
    "One post with its recipients and who has read it: its author, the school's principal, administrators."
    newsPost(id: ID!): SentNewsPost! @access(rule: SIGNED_IN)
  }

  # Refusals are BAD_USER_INPUT with extensions.problems: NO_AUDIENCE, TITLE_REQUIRED, TITLE_TOO_LONG, BODY_REQUIRED,
  # BODY_TOO_LONG, NO_RECIPIENTS. Posting where one may not, or reading a post one does not receive or follow: NOT_FOUND.
  extend type Mutation {
    "Publishes at once; guardians who chose e-mail get the post by e-mail (news is never sent by SMS)."
    postNews(input: NewsPostInput!): SentNewsPost! @access(rule: STAFF)
    "The viewer has opened the post; a second call changes nothing."
    markNewsRead(id: ID!): NewsItem! @access(rule: SIGNED_IN)
  }
`;
