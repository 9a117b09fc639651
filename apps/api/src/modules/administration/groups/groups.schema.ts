import gql from 'graphql-tag';

// Classes and teaching groups of a school and school year, students' dated memberships of them, and the
// organisation's subjects and courses.
export const administrationGroupsTypeDefs = gql`
  type AdministeredGroupSchoolYear {
    id: ID!
    name: String!
    startDate: String!
    endDate: String!
  }

  type AdministeredSubject {
    id: ID!
    code: String!
    nameSv: String!
    nameEn: String!
    "courses of the subject"
    courseCount: Int!
  }

  type AdministeredCourse {
    id: ID!
    code: String!
    name: String!
    points: Int!
    subject: AdministeredSubject!
  }

  type GroupMembershipStudent {
    id: ID!
    firstName: String!
    lastName: String!
  }

  "A student's membership of a group from validFrom through validTo (null: until further notice)."
  type AdministeredGroupMembership {
    id: ID!
    groupId: ID!
    student: GroupMembershipStudent!
    validFrom: String!
    validTo: String
    "in force today"
    current: Boolean!
  }

  type AdministeredGroup {
    id: ID!
    kind: GroupKind!
    name: String!
    "0 = förskoleklass, 1–9, 10–12 upper secondary years 1–3; classes only"
    yearLevel: Int
    school: AdministeredSchoolSummary!
    schoolYear: AdministeredGroupSchoolYear!
    subject: AdministeredSubject
    course: AdministeredCourse
    "distinct students with a membership in force today"
    currentStudents: Int!
    "every membership, the current and the ended, by last name and start"
    memberships: [AdministeredGroupMembership!]!
  }

  type AdministeredGroupPage {
    groups: [AdministeredGroup!]!
    pageInfo: PageInfo!
  }

  enum AdministeredGroupSortField {
    NAME
    KIND
    YEAR_LEVEL
    SCHOOL
  }

  input AdministeredGroupSort {
    field: AdministeredGroupSortField!
    direction: SortDirection! = ASC
  }

  input AdministeredGroupFilter {
    schoolId: ID
    schoolYearId: ID
    kind: GroupKind
    "part of the name, any case"
    search: String
  }

  "What the group filters and forms choose from: the organisation's schools, school years, subjects and courses."
  type AdministeredGroupOptions {
    schools: [AdministeredSchoolSummary!]!
    schoolYears: [AdministeredGroupSchoolYear!]!
    subjects: [AdministeredSubject!]!
    courses: [AdministeredCourse!]!
  }

  type AdministeredSubjectPage {
    subjects: [AdministeredSubject!]!
    pageInfo: PageInfo!
  }

  type AdministeredCoursePage {
    courses: [AdministeredCourse!]!
    pageInfo: PageInfo!
  }

  enum CatalogueSortField {
    CODE
    NAME
  }

  input CatalogueSort {
    field: CatalogueSortField!
    direction: SortDirection! = ASC
  }

  input GroupInput {
    schoolId: ID!
    schoolYearId: ID!
    kind: GroupKind!
    name: String!
    yearLevel: Int
    subjectId: ID
    courseId: ID
  }

  "What may change of a group: kind, school and school year stay."
  input GroupChangesInput {
    name: String!
    yearLevel: Int
    subjectId: ID
    courseId: ID
  }

  input EnrolmentInput {
    groupId: ID!
    studentId: ID!
    validFrom: String!
    validTo: String
  }

  input ClassMoveInput {
    "the student's current class membership"
    membershipId: ID!
    toGroupId: ID!
    "the first day in the new class; the old membership ends the day before"
    fromDate: String!
  }

  input MembershipEndInput {
    membershipId: ID!
    "the last day in the group"
    validTo: String!
  }

  input SubjectInput {
    code: String!
    nameSv: String!
    nameEn: String!
  }

  input CourseInput {
    code: String!
    name: String!
    points: Int!
    subjectId: ID!
  }

  extend type Query {
    "The organisation's classes and teaching groups, filtered, sorted (name by default) and paged."
    administeredGroups(filter: AdministeredGroupFilter, sort: AdministeredGroupSort, page: PageInput): AdministeredGroupPage!
      @access(rule: STAFF)
    "One class or teaching group of the organisation with all its memberships."
    administeredGroup(id: ID!): AdministeredGroup! @access(rule: STAFF)
    administeredGroupOptions: AdministeredGroupOptions! @access(rule: STAFF)
    "Students of the group's school whose name or personnummer matches, for enrolling (at most 20)."
    enrolmentCandidates(groupId: ID!, search: String!): [GroupMembershipStudent!]! @access(rule: STAFF)
    administeredSubjects(search: String, sort: CatalogueSort, page: PageInput): AdministeredSubjectPage! @access(rule: STAFF)
    administeredCourses(search: String, subjectId: ID, sort: CatalogueSort, page: PageInput): AdministeredCoursePage! @access(rule: STAFF)
  }

  extend type Mutation {
    createGroup(input: GroupInput!): AdministeredGroup! @access(rule: STAFF)
    updateGroup(id: ID!, input: GroupChangesInput!): AdministeredGroup! @access(rule: STAFF)
    "Enrols a student of the group's school from a date; overlapping an existing membership of the group is refused (OVERLAPS)."
    enrolInGroup(input: EnrolmentInput!): AdministeredGroupMembership! @access(rule: STAFF)
    "Moves a student to another class from a date in one step: the old membership ends the day before. Returns the new membership."
    moveToClass(input: ClassMoveInput!): AdministeredGroupMembership! @access(rule: STAFF)
    "Ends a membership on its last day; attendance already recorded stays."
    endMembership(input: MembershipEndInput!): AdministeredGroupMembership! @access(rule: STAFF)
    createSubject(input: SubjectInput!): AdministeredSubject! @access(rule: STAFF)
    updateSubject(id: ID!, input: SubjectInput!): AdministeredSubject! @access(rule: STAFF)
    createCourse(input: CourseInput!): AdministeredCourse! @access(rule: STAFF)
    updateCourse(id: ID!, input: CourseInput!): AdministeredCourse! @access(rule: STAFF)
    """
    Deletes a class or teaching group made by mistake, with its memberships, the staff duties for it, its lesson
    series and its lessons; returns its id. Refused (BAD_USER_INPUT, problem IN_USE at id, extensions.usedBy:
    [{ kind, count }]) while anything records school work in it: a roll call of its lessons (ROLL_CALLS), a day a roll
    call recorded a student while in the class (CLASS_ATTENDANCE), assessments, grade warnings, news posts, or links to
    the SS 12000 source. A class with students today who stay after today is refused too (HAS_STUDENTS,
    extensions.currentStudents): end their memberships first.
    """
    deleteGroup(id: ID!): ID! @access(rule: STAFF)
    "Deletes a subject no course, group, lesson, assessment, IUP entry, absence statistics or SS 12000 link refers to; else IN_USE with usedBy."
    deleteSubject(id: ID!): ID! @access(rule: STAFF)
    "Deletes a course no group or study plan refers to; else IN_USE with usedBy."
    deleteCourse(id: ID!): ID! @access(rule: STAFF)
  }
`;
