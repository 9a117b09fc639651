import { graphql } from '../../gql';

export const AbsenceFiguresFieldsFragment = graphql(`
  fragment AbsenceFiguresFields on AbsenceFigures {
    lessons
    recordedMinutes
    absentMinutes
    validAbsentMinutes
    unexcusedAbsentMinutes
    lateCount
    lateMinutes
    notTakenLessons
    notTakenMinutes
    absencePercent
    validPercent
    unexcusedPercent
  }
`);

export const StudentAbsenceStatisticsDocument = graphql(`
  query StudentAbsenceStatistics($studentId: ID!, $range: StatisticsRangeInput!, $locale: Locale) {
    studentAbsenceStatistics(studentId: $studentId, range: $range) {
      studentId
      from
      to
      level
      thresholds {
        warningPercent
        alarmPercent
      }
      total {
        ...AbsenceFiguresFields
      }
      bySubject {
        subjectCode
        subjectName(locale: $locale)
        figures {
          ...AbsenceFiguresFields
        }
      }
      byWeek {
        isoYear
        isoWeek
        label
        figures {
          ...AbsenceFiguresFields
        }
      }
      byWeekday {
        weekday
        figures {
          ...AbsenceFiguresFields
        }
      }
    }
  }
`);

export const StatisticsStudentDocument = graphql(`
  query StatisticsStudent($id: ID!) {
    student(id: $id) {
      id
      firstName
      lastName
      className
      classId
    }
  }
`);

export const ClassAbsenceStatisticsDocument = graphql(`
  query ClassAbsenceStatistics($classId: ID!, $range: StatisticsRangeInput!, $locale: Locale) {
    classAbsenceStatistics(classId: $classId, range: $range) {
      classId
      className
      from
      to
      thresholds {
        warningPercent
        alarmPercent
      }
      total {
        ...AbsenceFiguresFields
      }
      students {
        studentId
        firstName
        lastName
        leftOn
        level
        total {
          ...AbsenceFiguresFields
        }
        bySubject {
          subjectCode
          subjectName(locale: $locale)
          figures {
            absencePercent
          }
        }
      }
    }
  }
`);

export const AbsenceSchoolsDocument = graphql(`
  query AbsenceSchools {
    absenceSchools {
      id
      name
      form
    }
  }
`);

export const SchoolAbsenceStatisticsDocument = graphql(`
  query SchoolAbsenceStatistics($schoolId: ID!, $range: StatisticsRangeInput!) {
    schoolAbsenceStatistics(schoolId: $schoolId, range: $range) {
      schoolId
      schoolName
      from
      to
      thresholds {
        warningPercent
        alarmPercent
      }
      total {
        ...AbsenceFiguresFields
      }
      byClass {
        classId
        className
        students
        level
        figures {
          ...AbsenceFiguresFields
        }
      }
      byWeek {
        isoYear
        isoWeek
        label
        figures {
          ...AbsenceFiguresFields
        }
      }
    }
  }
`);

export const CsnReportDocument = graphql(`
  query CsnReport($schoolId: ID!, $month: String!) {
    csnReport(schoolId: $schoolId, month: $month) {
      schoolId
      month
      thresholdMinutes
      students {
        studentId
        firstName
        lastName
        className
        unexcusedAbsentMinutes
        recordedMinutes
        notTakenLessons
      }
    }
  }
`);

export const LessonsWithoutRollCallDocument = graphql(`
  query LessonsWithoutRollCall($scope: MissingRollCallScope!, $range: StatisticsRangeInput!, $locale: Locale) {
    lessonsWithoutRollCall(scope: $scope, range: $range, locale: $locale) {
      name
      from
      to
      truncated
      lessons {
        lessonId
        date
        startsAt
        endsAt
        subjectCode
        subjectName
        groupName
        teacherNames
        missingStudents
        mayTakeNow
      }
    }
  }
`);

export const AbsenceLessonFieldsFragment = graphql(`
  fragment AbsenceLessonFields on AbsenceLesson {
    lessonId
    date
    startsAt
    endsAt
    minutes
    absentMinutes
    subjectCode
    subjectName
    groupName
    teacherNames
    status
    lateMinutes
    valid
    validReason
    validReasonNote
    mayReportSick
    mayExcuse
  }
`);

export const StudentAbsenceLessonsDocument = graphql(`
  query StudentAbsenceLessons($studentId: ID!, $range: StatisticsRangeInput!, $filter: AbsenceLessonFilter, $locale: Locale) {
    studentAbsenceLessons(studentId: $studentId, range: $range, filter: $filter, locale: $locale) {
      studentId
      from
      to
      lessons {
        ...AbsenceLessonFields
      }
      notEnded {
        ...AbsenceLessonFields
      }
    }
  }
`);
