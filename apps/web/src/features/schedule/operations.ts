import { graphql } from '../../gql';

/** Subject names come in the interface language (`$locale` of the operation that spreads this). */
export const LessonFieldsFragment = graphql(`
  fragment LessonFields on ScheduleLesson {
    id
    date
    startsAt
    endsAt
    subjectCode
    subjectName(locale: $locale)
    groupName
    room
    teachers {
      id
      name
      signature
    }
    status
    changed
    originalStartsAt
    originalRoom
    changeNote
  }
`);

export const WeekFieldsFragment = graphql(`
  fragment WeekFields on WeekSchedule {
    isoYear
    isoWeek
    days {
      date
      weekday
      lessons {
        ...LessonFields
      }
    }
  }
`);

export const StudentWeekScheduleDocument = graphql(`
  query StudentWeekSchedule($studentId: ID!, $week: IsoWeekInput!, $locale: Locale!) {
    student(id: $studentId) {
      id
      firstName
      lastName
      className
      classId
      schoolName
    }
    studentWeekSchedule(studentId: $studentId, week: $week) {
      ...WeekFields
    }
  }
`);

export const TeachingWeekScheduleDocument = graphql(`
  query TeachingWeekSchedule($week: IsoWeekInput!, $locale: Locale!) {
    myTeachingWeekSchedule(week: $week) {
      ...WeekFields
    }
  }
`);
