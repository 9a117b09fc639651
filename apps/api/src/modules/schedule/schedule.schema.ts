import gql from 'graphql-tag';

export const scheduleTypeDefs = gql`
  enum LessonStatus {
    SCHEDULED
    CANCELLED
  }

  type ScheduleTeacher {
    id: ID!
    name: String!
    signature: String!
  }

  type ScheduleLesson {
    id: ID!
    "Local school date, YYYY-MM-DD."
    date: String!
    "ISO 8601 instants."
    startsAt: String!
    endsAt: String!
    subjectCode: String!
    "In the given language; by default the viewer's saved language."
    subjectName(locale: Locale): String!
    groupName: String!
    room: String
    teachers: [ScheduleTeacher!]!
    status: LessonStatus!
    "True when time or room differ from the weekly schedule, or the lesson carries a note of a change (e.g. a substitute)."
    changed: Boolean!
    originalStartsAt: String
    originalRoom: String
    changeNote: String
  }

  type ScheduleDay {
    date: String!
    "ISO weekday, 1 = Monday."
    weekday: Int!
    lessons: [ScheduleLesson!]!
  }

  type WeekSchedule {
    isoYear: Int!
    isoWeek: Int!
    "Monday to Friday."
    days: [ScheduleDay!]!
  }

  input IsoWeekInput {
    isoYear: Int!
    isoWeek: Int!
  }

  extend type Query {
    "A student's lessons Monday–Friday of an ISO week."
    studentWeekSchedule(studentId: ID!, week: IsoWeekInput!): WeekSchedule! @access(rule: SIGNED_IN)
    "The logged-in staff member's own teaching, Monday–Friday of an ISO week."
    myTeachingWeekSchedule(week: IsoWeekInput!): WeekSchedule! @access(rule: STAFF)
  }
`;
