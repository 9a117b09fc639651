import { graphql } from '../../gql';

export const TeacherLessonFieldsFragment = graphql(`
  fragment TeacherLessonFields on TeacherLesson {
    id
    date
    startsAt
    endsAt
    subjectCode
    subjectName(locale: $locale)
    groupName
    room
    status
    rollCallState
    rollCallOverdue
    studentCount
  }
`);

export const MyLessonsDocument = graphql(`
  query MyLessons($date: String, $locale: Locale!) {
    myLessons(date: $date) {
      ...TeacherLessonFields
    }
  }
`);

export const ReportedAbsenceFieldsFragment = graphql(`
  fragment ReportedAbsenceFields on ReportedAbsence {
    reason
    fromDate
    toDate
    fromTime
    toTime
  }
`);

export const RollCallFieldsFragment = graphql(`
  fragment RollCallFields on RollCall {
    lesson {
      ...TeacherLessonFields
    }
    durationMinutes
    reasonRequired
    cannotSaveBecause
    offlineProof
    students {
      id
      firstName
      lastName
      className
      status
      lateMinutes
      note
      validReason
      reportedAbsence {
        ...ReportedAbsenceFields
      }
    }
    history {
      studentId
      studentName
      changedAt
      changedBy
      beforeStatus
      beforeLateMinutes
      afterStatus
      afterLateMinutes
      reason
      takenOfflineAt
    }
  }
`);

export const RollCallDocument = graphql(`
  query RollCall($lessonId: ID!, $locale: Locale!) {
    rollCall(lessonId: $lessonId) {
      ...RollCallFields
    }
  }
`);

export const SaveRollCallDocument = graphql(`
  mutation SaveRollCall($input: SaveRollCallInput!) {
    saveRollCall(input: $input) {
      submissionId
      applied
      changedCount
    }
  }
`);

export const ClassDayDocument = graphql(`
  query ClassDay($classId: ID!, $date: String) {
    classDay(classId: $classId, date: $date) {
      classId
      className
      date
      lessons {
        lessonId
        subjectCode
        startsAt
        endsAt
        status
        rollCallState
        rollCallOverdue
        arrivedLate
      }
      students {
        id
        firstName
        lastName
        marks {
          lessonId
          status
          lateMinutes
          unexcused
        }
        unexcusedAbsenceCount
        lateCount
        repeatedLateness
        reportedAbsences {
          ...ReportedAbsenceFields
        }
        mayReportSick
      }
    }
  }
`);

export const SetAbsenceReasonDocument = graphql(`
  mutation SetAbsenceReason($input: AbsenceReasonInput!) {
    setAbsenceReason(input: $input) {
      lessonId
      studentId
      status
      reason
      note
      unexcused
    }
  }
`);
