import { graphql } from '../../../gql';

export const AdminStudentsDocument = graphql(`
  query AdminStudents($filter: AdminStudentFilter, $sort: AdminStudentSort, $page: PageInput) {
    administeredStudents(filter: $filter, sort: $sort, page: $page) {
      rows {
        id
        firstName
        lastName
        personalIdentityNumber
        className
        leftOn
        protectedIdentity
        school {
          id
          name
        }
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const AdminGroupOptionsDocument = graphql(`
  query AdminGroupOptions($schoolId: ID) {
    groupChoices(schoolId: $schoolId) {
      id
      name
      kind
      schoolName
    }
  }
`);

export const AdminStudentFieldsFragment = graphql(`
  fragment AdminStudentFields on AdminStudent {
    id
    personalIdentityNumber
    firstName
    lastName
    birthDate
    programmeCode
    protectedIdentity
    school {
      id
      name
    }
    guardians {
      id
      firstName
      lastName
      mobilePhone
      email
      protectedIdentity
    }
    memberships {
      groupId
      groupName
      kind
      validFrom
      validTo
    }
    leftOn
    login {
      username
    }
  }
`);

export const AdminStudentDocument = graphql(`
  query AdminStudent($id: ID!) {
    administeredStudent(id: $id) {
      ...AdminStudentFields
    }
  }
`);

export const CreateStudentDocument = graphql(`
  mutation CreateStudent($input: StudentInput!) {
    createStudent(input: $input) {
      ...AdminStudentFields
    }
  }
`);

export const UpdateStudentDocument = graphql(`
  mutation UpdateStudent($id: ID!, $input: StudentInput!) {
    updateStudent(id: $id, input: $input) {
      ...AdminStudentFields
    }
  }
`);

export const EndStudentMembershipsDocument = graphql(`
  mutation EndStudentMemberships($studentId: ID!, $lastDay: String!) {
    endStudentMemberships(studentId: $studentId, lastDay: $lastDay) {
      ...AdminStudentFields
    }
  }
`);

export const LinkGuardianDocument = graphql(`
  mutation LinkGuardian($studentId: ID!, $guardianId: ID!) {
    linkGuardian(studentId: $studentId, guardianId: $guardianId) {
      ...AdminStudentFields
    }
  }
`);

export const UnlinkGuardianDocument = graphql(`
  mutation UnlinkGuardian($studentId: ID!, $guardianId: ID!) {
    unlinkGuardian(studentId: $studentId, guardianId: $guardianId) {
      ...AdminStudentFields
    }
  }
`);

export const AdminGuardiansDocument = graphql(`
  query AdminGuardians($search: String, $sort: AdminPersonSort, $page: PageInput) {
    administeredGuardians(search: $search, sort: $sort, page: $page) {
      rows {
        id
        firstName
        lastName
        personalIdentityNumber
        mobilePhone
        email
        protectedIdentity
        childCount
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const AdminGuardianFieldsFragment = graphql(`
  fragment AdminGuardianFields on AdminGuardian {
    id
    personalIdentityNumber
    firstName
    lastName
    mobilePhone
    email
    streetAddress
    postalCode
    city
    protectedIdentity
    children {
      id
      firstName
      lastName
      personalIdentityNumber
      protectedIdentity
      school {
        id
        name
      }
    }
    login {
      username
    }
  }
`);

export const AdminGuardianDocument = graphql(`
  query AdminGuardian($id: ID!) {
    administeredGuardian(id: $id) {
      ...AdminGuardianFields
    }
  }
`);

export const CreateGuardianDocument = graphql(`
  mutation CreateGuardian($studentId: ID!, $input: GuardianInput!) {
    createGuardian(studentId: $studentId, input: $input) {
      ...AdminGuardianFields
    }
  }
`);

export const UpdateGuardianDocument = graphql(`
  mutation UpdateGuardian($id: ID!, $input: GuardianInput!) {
    updateGuardian(id: $id, input: $input) {
      ...AdminGuardianFields
    }
  }
`);

export const AdminStaffListDocument = graphql(`
  query AdminStaffList($search: String, $sort: AdminPersonSort, $page: PageInput) {
    administeredStaff(search: $search, sort: $sort, page: $page) {
      rows {
        id
        firstName
        lastName
        signature
        email
        currentDutyKinds
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const AdminStaffFieldsFragment = graphql(`
  fragment AdminStaffFields on AdminStaff {
    id
    firstName
    lastName
    signature
    email
    duties {
      id
      kind
      validFrom
      validTo
      school {
        id
        name
      }
      group {
        id
        name
        kind
        schoolName
      }
    }
    login {
      username
    }
  }
`);

export const AdminStaffMemberDocument = graphql(`
  query AdminStaffMember($id: ID!) {
    administeredStaffMember(id: $id) {
      ...AdminStaffFields
    }
  }
`);

export const CreateStaffDocument = graphql(`
  mutation CreateStaff($input: StaffInput!) {
    createStaff(input: $input) {
      ...AdminStaffFields
    }
  }
`);

export const UpdateStaffDocument = graphql(`
  mutation UpdateStaff($id: ID!, $input: StaffInput!) {
    updateStaff(id: $id, input: $input) {
      ...AdminStaffFields
    }
  }
`);

export const AddStaffDutyDocument = graphql(`
  mutation AddStaffDuty($staffId: ID!, $input: StaffDutyInput!) {
    addStaffDuty(staffId: $staffId, input: $input) {
      ...AdminStaffFields
    }
  }
`);

export const EndStaffDutyDocument = graphql(`
  mutation EndStaffDuty($dutyId: ID!, $validTo: String!) {
    endStaffDuty(dutyId: $dutyId, validTo: $validTo) {
      ...AdminStaffFields
    }
  }
`);

export const SetLoginDocument = graphql(`
  mutation SetLogin($input: LoginInput!) {
    setLogin(input: $input) {
      username
    }
  }
`);
