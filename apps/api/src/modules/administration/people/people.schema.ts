import gql from 'graphql-tag';

// Students, guardians and staff of the administrator's organisation, with guardianships, dated duties and logins.
export const adminPeopleTypeDefs = gql`
  enum AdminStudentSortField {
    NAME
    PERSONAL_IDENTITY_NUMBER
    SCHOOL
    BIRTH_DATE
  }

  input AdminStudentSort {
    field: AdminStudentSortField!
    direction: SortDirection!
  }

  input AdminStudentFilter {
    "part of the name (first or last), or of the personnummer"
    search: String
    schoolId: ID
    "students in this class today"
    classId: ID
  }

  enum AdminPersonSortField {
    NAME
    CREATED
  }

  input AdminPersonSort {
    field: AdminPersonSortField!
    direction: SortDirection!
  }

  type AdminSchoolRef {
    id: ID!
    name: String!
  }

  type AdminStudentRow {
    id: ID!
    firstName: String!
    lastName: String!
    personalIdentityNumber: String!
    birthDate: String!
    school: AdminSchoolRef!
    "the class today, if any"
    className: String
    """
    the last day of the student's last class or group once every one has ended before today: the student has left, or
    (between school years) has no class of the new year yet
    """
    leftOn: String
    protectedIdentity: Boolean!
  }

  type AdminStudentPage {
    rows: [AdminStudentRow!]!
    pageInfo: PageInfo!
  }

  type AdminLogin {
    username: String!
    "locked by an administrator: no login, no activation"
    disabled: Boolean!
    "the person has chosen a password (with an activation code), or was given one"
    activated: Boolean!
    lastLoginAt: String
  }

  type AdminMembership {
    groupId: ID!
    groupName: String!
    kind: GroupKind!
    validFrom: String!
    validTo: String
  }

  type AdminGuardianRef {
    id: ID!
    firstName: String!
    lastName: String!
    mobilePhone: String
    email: String
    protectedIdentity: Boolean!
  }

  type AdminStudentRef {
    id: ID!
    firstName: String!
    lastName: String!
    personalIdentityNumber: String!
    school: AdminSchoolRef!
    protectedIdentity: Boolean!
  }

  "A student with every relation an administrator keeps: school, guardians, group memberships, login."
  type AdminStudent {
    id: ID!
    personalIdentityNumber: String!
    firstName: String!
    lastName: String!
    birthDate: String!
    programmeCode: String
    protectedIdentity: Boolean!
    school: AdminSchoolRef!
    guardians: [AdminGuardianRef!]!
    memberships: [AdminMembership!]!
    """
    the last day of the student's last class or group once every one has ended before today: the student has left, or
    (between school years) has no class of the new year yet
    """
    leftOn: String
    login: AdminLogin
  }

  input StudentInput {
    "personnummer or samordningsnummer, with or without the hyphen"
    personalIdentityNumber: String!
    firstName: String!
    lastName: String!
    schoolId: ID!
    programmeCode: String
    protectedIdentity: Boolean! = false
  }

  type AdminGuardianRow {
    id: ID!
    firstName: String!
    lastName: String!
    personalIdentityNumber: String
    mobilePhone: String
    email: String
    protectedIdentity: Boolean!
    "the organisation's students this guardian is guardian of"
    childCount: Int!
  }

  type AdminGuardianPage {
    rows: [AdminGuardianRow!]!
    pageInfo: PageInfo!
  }

  type AdminGuardian {
    id: ID!
    personalIdentityNumber: String
    firstName: String!
    lastName: String!
    mobilePhone: String
    email: String
    streetAddress: String
    postalCode: String
    city: String
    protectedIdentity: Boolean!
    "the guardian's children in the organisation"
    children: [AdminStudentRef!]!
    login: AdminLogin
  }

  input GuardianInput {
    personalIdentityNumber: String
    firstName: String!
    lastName: String!
    "a mobile number; stored in E.164"
    mobilePhone: String
    email: String
    streetAddress: String
    postalCode: String
    city: String
    protectedIdentity: Boolean! = false
  }

  type AdminStaffRow {
    id: ID!
    firstName: String!
    lastName: String!
    signature: String!
    email: String
    "the kinds of the duties in force today"
    currentDutyKinds: [StaffDutyKind!]!
  }

  type AdminStaffPage {
    rows: [AdminStaffRow!]!
    pageInfo: PageInfo!
  }

  type AdminDuty {
    id: ID!
    kind: StaffDutyKind!
    school: AdminSchoolRef
    group: AdminDutyGroup
    validFrom: String!
    validTo: String
  }

  type AdminDutyGroup {
    id: ID!
    name: String!
    kind: GroupKind!
    schoolName: String!
  }

  type AdminStaff {
    id: ID!
    firstName: String!
    lastName: String!
    signature: String!
    email: String
    duties: [AdminDuty!]!
    login: AdminLogin
  }

  input StaffInput {
    firstName: String!
    lastName: String!
    "two to eight letters or digits, unique in the organisation; stored upper-case"
    signature: String!
    email: String
  }

  input StaffDutyInput {
    kind: StaffDutyKind!
    "the school of a PRINCIPAL duty"
    schoolId: ID
    "the teaching group of a TEACHER duty, the class of a MENTOR duty"
    groupId: ID
    validFrom: String!
    validTo: String
  }

  "A group a duty may be of, for the duty form."
  type AdminGroupOption {
    id: ID!
    name: String!
    kind: GroupKind!
    schoolName: String!
  }

  enum PersonKind {
    STUDENT
    GUARDIAN
    STAFF
  }

  input LoginInput {
    personKind: PersonKind!
    personId: ID!
    username: String!
    "set by the administrator; the person may change it later"
    password: String!
  }

  extend type Query {
    administeredStudents(filter: AdminStudentFilter, sort: AdminStudentSort, page: PageInput): AdminStudentPage! @access(rule: STAFF)
    administeredStudent(id: ID!): AdminStudent! @access(rule: STAFF)
    administeredGuardians(search: String, sort: AdminPersonSort, page: PageInput): AdminGuardianPage! @access(rule: STAFF)
    administeredGuardian(id: ID!): AdminGuardian! @access(rule: STAFF)
    administeredStaff(search: String, sort: AdminPersonSort, page: PageInput): AdminStaffPage! @access(rule: STAFF)
    administeredStaffMember(id: ID!): AdminStaff! @access(rule: STAFF)
    "classes and teaching groups of the organisation's schools in school years not yet over, for duty and filter forms"
    groupChoices(schoolId: ID): [AdminGroupOption!]! @access(rule: STAFF)
  }

  extend type Mutation {
    createStudent(input: StudentInput!): AdminStudent! @access(rule: STAFF)
    updateStudent(id: ID!, input: StudentInput!): AdminStudent! @access(rule: STAFF)
    "a new guardian, made guardian of one of the organisation's students at once"
    createGuardian(studentId: ID!, input: GuardianInput!): AdminGuardian! @access(rule: STAFF)
    updateGuardian(id: ID!, input: GuardianInput!): AdminGuardian! @access(rule: STAFF)
    linkGuardian(studentId: ID!, guardianId: ID!): AdminStudent! @access(rule: STAFF)
    unlinkGuardian(studentId: ID!, guardianId: ID!): AdminStudent! @access(rule: STAFF)
    """
    the student leaves the school after lastDay: their classes and groups in force after it end on it, those not begun
    by then are removed (refused at lastDay: INVALID_DATE, NOTHING_TO_END when no membership goes on after it,
    BEFORE_BEGUN when one that has begun by today began after it)
    """
    endStudentMemberships(studentId: ID!, lastDay: String!): AdminStudent! @access(rule: STAFF)
    createStaff(input: StaffInput!): AdminStaff! @access(rule: STAFF)
    updateStaff(id: ID!, input: StaffInput!): AdminStaff! @access(rule: STAFF)
    addStaffDuty(staffId: ID!, input: StaffDutyInput!): AdminStaff! @access(rule: STAFF)
    "ends a duty on a date (its last day)"
    endStaffDuty(dutyId: ID!, validTo: String!): AdminStaff! @access(rule: STAFF)
    "sets or replaces the login of a student, guardian or staff member of the organisation"
    setLogin(input: LoginInput!): AdminLogin! @access(rule: STAFF)
    "locks the account (its sessions end at once) or unlocks it"
    setLoginLocked(personKind: PersonKind!, personId: ID!, locked: Boolean!): AdminLogin! @access(rule: STAFF)
  }
`;
