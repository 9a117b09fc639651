import { graphql } from '../../gql';

export const GroupDocument = graphql(`
  query Group($id: ID!) {
    group(id: $id) {
      id
      name
      kind
      schoolName
      yearLevel
      mentors {
        id
        name
        email
      }
      students {
        id
        firstName
        lastName
        personalIdentityNumber
      }
    }
  }
`);

export const MyGroupsDocument = graphql(`
  query MyGroups {
    myGroups {
      id
      name
      kind
      schoolName
      studentCount
    }
  }
`);

export const StudentMentorsDocument = graphql(`
  query StudentMentors($studentId: ID!) {
    studentMentors(studentId: $studentId) {
      id
      name
      email
    }
  }
`);
