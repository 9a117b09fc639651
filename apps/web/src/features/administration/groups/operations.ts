import { graphql } from '../../../gql';

export const AdministeredGroupFieldsFragment = graphql(`
  fragment AdministeredGroupFields on AdministeredGroup {
    id
    kind
    name
    yearLevel
    currentStudents
    school {
      id
      name
    }
    schoolYear {
      id
      name
      startDate
      endDate
    }
    subject {
      id
      code
      nameSv
      nameEn
    }
    course {
      id
      code
      name
    }
  }
`);

export const GroupOptionsDocument = graphql(`
  query AdministeredGroupOptions {
    administeredGroupOptions {
      schools {
        id
        name
      }
      schoolYears {
        id
        name
        startDate
        endDate
      }
      subjects {
        id
        code
        nameSv
        nameEn
      }
      courses {
        id
        code
        name
        subject {
          id
        }
      }
    }
  }
`);

export const AdministeredGroupsDocument = graphql(`
  query AdministeredGroups($filter: AdministeredGroupFilter, $sort: AdministeredGroupSort, $page: PageInput) {
    administeredGroups(filter: $filter, sort: $sort, page: $page) {
      groups {
        ...AdministeredGroupFields
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const AdministeredGroupDocument = graphql(`
  query AdministeredGroup($id: ID!) {
    administeredGroup(id: $id) {
      ...AdministeredGroupFields
      memberships {
        id
        groupId
        validFrom
        validTo
        current
        student {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

export const EnrolmentCandidatesDocument = graphql(`
  query EnrolmentCandidates($groupId: ID!, $search: String!) {
    enrolmentCandidates(groupId: $groupId, search: $search) {
      id
      firstName
      lastName
    }
  }
`);

export const CreateGroupDocument = graphql(`
  mutation CreateGroup($input: GroupInput!) {
    createGroup(input: $input) {
      ...AdministeredGroupFields
    }
  }
`);

export const UpdateGroupDocument = graphql(`
  mutation UpdateGroup($id: ID!, $input: GroupChangesInput!) {
    updateGroup(id: $id, input: $input) {
      ...AdministeredGroupFields
    }
  }
`);

export const EnrolInGroupDocument = graphql(`
  mutation EnrolInGroup($input: EnrolmentInput!) {
    enrolInGroup(input: $input) {
      id
    }
  }
`);

export const MoveToClassDocument = graphql(`
  mutation MoveToClass($input: ClassMoveInput!) {
    moveToClass(input: $input) {
      id
    }
  }
`);

export const EndMembershipDocument = graphql(`
  mutation EndMembership($input: MembershipEndInput!) {
    endMembership(input: $input) {
      id
    }
  }
`);

export const AdministeredSubjectsDocument = graphql(`
  query AdministeredSubjects($search: String, $sort: CatalogueSort, $page: PageInput) {
    administeredSubjects(search: $search, sort: $sort, page: $page) {
      subjects {
        id
        code
        nameSv
        nameEn
        courseCount
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const AdministeredCoursesDocument = graphql(`
  query AdministeredCourses($search: String, $subjectId: ID, $sort: CatalogueSort, $page: PageInput) {
    administeredCourses(search: $search, subjectId: $subjectId, sort: $sort, page: $page) {
      courses {
        id
        code
        name
        points
        subject {
          id
          code
          nameSv
          nameEn
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

export const CreateSubjectDocument = graphql(`
  mutation CreateSubject($input: SubjectInput!) {
    createSubject(input: $input) {
      id
    }
  }
`);

export const UpdateSubjectDocument = graphql(`
  mutation UpdateSubject($id: ID!, $input: SubjectInput!) {
    updateSubject(id: $id, input: $input) {
      id
    }
  }
`);

export const CreateCourseDocument = graphql(`
  mutation CreateCourse($input: CourseInput!) {
    createCourse(input: $input) {
      id
    }
  }
`);

export const UpdateCourseDocument = graphql(`
  mutation UpdateCourse($id: ID!, $input: CourseInput!) {
    updateCourse(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteGroupDocument = graphql(`
  mutation DeleteGroup($id: ID!) {
    deleteGroup(id: $id)
  }
`);

export const DeleteSubjectDocument = graphql(`
  mutation DeleteSubject($id: ID!) {
    deleteSubject(id: $id)
  }
`);

export const DeleteCourseDocument = graphql(`
  mutation DeleteCourse($id: ID!) {
    deleteCourse(id: $id)
  }
`);
