import gql from 'graphql-tag';

// The basic schedule (grundschema) of a term, generating its dated lessons, and changes to one lesson.
export const adminScheduleTypeDefs = gql`
  "A term an administrator can schedule, with the days inside it without lessons."
  type ScheduleTermOption {
    id: ID!
    kind: TermKind!
    "the school year, e.g. 2026/27"
    schoolYear: String!
    "YYYY-MM-DD"
    startDate: String!
    endDate: String!
    breaks: [ScheduleBreak!]!
  }

  "lov, holiday or studiedag"
  type ScheduleBreak {
    name: String!
    startDate: String!
    endDate: String!
  }

  type ScheduleGroupOption {
    id: ID!
    name: String!
    "the group's own subject (a teaching group's), to preselect"
    subjectId: ID
  }

  type ScheduleSubjectOption {
    id: ID!
    code: String!
    name(locale: Locale): String!
  }

  "What the schedule forms choose from: the organisation's terms, subjects and staff, and the school's groups in a term."
  type ScheduleOptions {
    terms: [ScheduleTermOption!]!
    "the school's groups of the term's school year (none without a term)"
    groups: [ScheduleGroupOption!]!
    subjects: [ScheduleSubjectOption!]!
    teachers: [ScheduleTeacher!]!
  }

  "A weekly recurring lesson of a group in a term (grundschema)."
  type AdminLessonSeries {
    id: ID!
    termId: ID!
    groupId: ID!
    groupName: String!
    subjectId: ID!
    subjectName(locale: Locale): String!
    "ISO weekday, 1 = Monday … 5 = Friday"
    weekday: Int!
    "HH:MM, local school time"
    startTime: String!
    endTime: String!
    durationMinutes: Int!
    room: String
    teachers: [ScheduleTeacher!]!
    "YYYY-MM-DD, inside the term"
    validFrom: String!
    validTo: String!
    "dated lessons generated from it"
    lessonCount: Int!
  }

  type LessonSeriesPage {
    items: [AdminLessonSeries!]!
    pageInfo: PageInfo!
  }

  enum LessonSeriesSortField {
    GROUP
    WEEKDAY
    SUBJECT
    ROOM
    VALID_FROM
  }

  input LessonSeriesSort {
    field: LessonSeriesSortField!
    direction: SortDirection!
  }

  input LessonSeriesInput {
    groupId: ID!
    subjectId: ID!
    weekday: Int!
    "HH:MM"
    startTime: String!
    durationMinutes: Int!
    room: String
    teacherIds: [ID!]!
    "YYYY-MM-DD, inside the term"
    validFrom: String!
    validTo: String!
  }

  "What generating a term's lessons did; lessons with attendance are never changed or removed."
  type LessonGenerationResult {
    termId: ID!
    "the first date generated"
    from: String!
    created: Int!
    updated: Int!
    removed: Int!
    unchanged: Int!
    "kept as they are: a roll call was saved"
    keptWithAttendance: Int!
    "kept as they are: cancelled, moved or otherwise changed by hand"
    keptChanged: Int!
  }

  "One dated lesson, as an administrator changes it."
  type AdminLesson {
    id: ID!
    seriesId: ID
    groupId: ID!
    groupName: String!
    subjectName(locale: Locale): String!
    "YYYY-MM-DD"
    date: String!
    "ISO 8601 instants"
    startsAt: String!
    endsAt: String!
    "HH:MM, local school time"
    startTime: String!
    durationMinutes: Int!
    room: String
    status: LessonStatus!
    "the series' time and room, kept when changed"
    originalStartsAt: String
    originalRoom: String
    changeNote: String
    teachers: [ScheduleTeacher!]!
    "a roll call was saved: time and date can no longer change, nor can it be cancelled"
    attendanceTaken: Boolean!
    "the term the lesson belongs to, with its breaks"
    term: ScheduleTermOption!
    schoolId: ID!
  }

  input LessonChangeInput {
    "YYYY-MM-DD, a school day of the lesson's term"
    date: String!
    "HH:MM"
    startTime: String!
    room: String
    teacherIds: [ID!]!
    "why, shown in the schedule (e.g. Vikarie, Flyttad till aulan)"
    note: String!
  }

  extend type Query {
    "Choices for the schedule forms at a school."
    scheduleOptions(schoolId: ID!, termId: ID): ScheduleOptions! @access(rule: STAFF)
    "The basic schedule of a school in a term, optionally of one group, searched by group, subject, room or teacher."
    lessonSeriesList(schoolId: ID!, termId: ID!, groupId: ID, search: String, sort: LessonSeriesSort, page: PageInput): LessonSeriesPage!
      @access(rule: STAFF)
    "A group's lessons Monday–Friday of an ISO week, to pick one to change."
    scheduleGroupLessons(groupId: ID!, week: IsoWeekInput!): [AdminLesson!]! @access(rule: STAFF)
    administeredLesson(id: ID!): AdminLesson! @access(rule: STAFF)
  }

  extend type Mutation {
    createLessonSeries(termId: ID!, input: LessonSeriesInput!): AdminLessonSeries! @access(rule: STAFF)
    updateLessonSeries(id: ID!, input: LessonSeriesInput!): AdminLessonSeries! @access(rule: STAFF)
    "Ends a series after lastDate (validTo); its later lessons go at the next generation."
    endLessonSeries(id: ID!, lastDate: String!): AdminLessonSeries! @access(rule: STAFF)
    "Generates a school's lessons of a term from its series, from a date (default today or the term's start) on."
    generateTermLessons(termId: ID!, schoolId: ID!, from: String): LessonGenerationResult! @access(rule: STAFF)
    cancelLesson(id: ID!, reason: String!): AdminLesson! @access(rule: STAFF)
    "Takes a cancellation back: the lesson is held after all, with the note it had before it was cancelled."
    restoreLesson(id: ID!): AdminLesson! @access(rule: STAFF)
    "Moves a lesson, gives it another room or a substitute teacher; the series' time and room are kept as original values."
    changeLesson(id: ID!, input: LessonChangeInput!): AdminLesson! @access(rule: STAFF)
  }
`;
