import { graphql } from '../../../gql';

export const ScheduleOptionsDocument = graphql(`
  query ScheduleOptions($schoolId: ID!, $termId: ID) {
    scheduleOptions(schoolId: $schoolId, termId: $termId) {
      terms {
        id
        kind
        schoolYear
        startDate
        endDate
        breaks {
          name
          startDate
          endDate
        }
      }
      groups {
        id
        name
        subjectId
      }
      subjects {
        id
        code
        name
      }
      teachers {
        id
        name
        signature
      }
    }
  }
`);

export const LessonSeriesFieldsFragment = graphql(`
  fragment LessonSeriesFields on AdminLessonSeries {
    id
    termId
    groupId
    groupName
    subjectId
    subjectName
    weekday
    startTime
    endTime
    durationMinutes
    room
    validFrom
    validTo
    lessonCount
    teachers {
      id
      name
      signature
    }
  }
`);

export const LessonSeriesListDocument = graphql(`
  query LessonSeriesList($schoolId: ID!, $termId: ID!, $groupId: ID, $search: String, $sort: LessonSeriesSort, $page: PageInput) {
    lessonSeriesList(schoolId: $schoolId, termId: $termId, groupId: $groupId, search: $search, sort: $sort, page: $page) {
      items {
        ...LessonSeriesFields
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const CreateLessonSeriesDocument = graphql(`
  mutation CreateLessonSeries($termId: ID!, $input: LessonSeriesInput!) {
    createLessonSeries(termId: $termId, input: $input) {
      ...LessonSeriesFields
    }
  }
`);

export const UpdateLessonSeriesDocument = graphql(`
  mutation UpdateLessonSeries($id: ID!, $input: LessonSeriesInput!) {
    updateLessonSeries(id: $id, input: $input) {
      ...LessonSeriesFields
    }
  }
`);

export const EndLessonSeriesDocument = graphql(`
  mutation EndLessonSeries($id: ID!, $lastDate: String!) {
    endLessonSeries(id: $id, lastDate: $lastDate) {
      ...LessonSeriesFields
    }
  }
`);

export const GenerateTermLessonsDocument = graphql(`
  mutation GenerateTermLessons($termId: ID!, $schoolId: ID!, $from: String) {
    generateTermLessons(termId: $termId, schoolId: $schoolId, from: $from) {
      termId
      from
      created
      updated
      removed
      unchanged
      keptWithAttendance
      keptChanged
    }
  }
`);

export const AdminLessonFieldsFragment = graphql(`
  fragment AdminLessonFields on AdminLesson {
    id
    seriesId
    groupId
    groupName
    subjectName
    date
    startsAt
    endsAt
    startTime
    durationMinutes
    room
    status
    originalStartsAt
    originalRoom
    changeNote
    attendanceTaken
    schoolId
    teachers {
      id
      name
      signature
    }
    term {
      id
      startDate
      endDate
      breaks {
        name
        startDate
        endDate
      }
    }
  }
`);

export const ScheduleGroupLessonsDocument = graphql(`
  query ScheduleGroupLessons($groupId: ID!, $week: IsoWeekInput!) {
    scheduleGroupLessons(groupId: $groupId, week: $week) {
      ...AdminLessonFields
    }
  }
`);

export const AdministeredLessonDocument = graphql(`
  query AdministeredLesson($id: ID!) {
    administeredLesson(id: $id) {
      ...AdminLessonFields
    }
  }
`);

export const CancelLessonDocument = graphql(`
  mutation CancelLesson($id: ID!, $reason: String!) {
    cancelLesson(id: $id, reason: $reason) {
      ...AdminLessonFields
    }
  }
`);

export const RestoreLessonDocument = graphql(`
  mutation RestoreLesson($id: ID!) {
    restoreLesson(id: $id) {
      ...AdminLessonFields
    }
  }
`);

export const ChangeLessonDocument = graphql(`
  mutation ChangeLesson($id: ID!, $input: LessonChangeInput!) {
    changeLesson(id: $id, input: $input) {
      ...AdminLessonFields
    }
  }
`);
