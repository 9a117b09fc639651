import { graphql } from '../../gql';

export const SickReportFieldsFragment = graphql(`
  fragment SickReportFields on SickReport {
    id
    studentId
    studentName
    fromDate
    toDate
    fromTime
    toTime
    channel
    reportedBy
    note
    createdAt
    withdrawnAt
    coveredLessonCount
    canWithdraw
  }
`);

export const SickReportsDocument = graphql(`
  query SickReports($studentId: ID!) {
    sickReports(studentId: $studentId) {
      ...SickReportFields
    }
  }
`);

export const ReportSickDocument = graphql(`
  mutation ReportSick($input: SickReportInput!) {
    reportSick(input: $input) {
      ...SickReportFields
    }
  }
`);

export const WithdrawSickReportDocument = graphql(`
  mutation WithdrawSickReport($id: ID!) {
    withdrawSickReport(id: $id) {
      ...SickReportFields
    }
  }
`);

export const CheckSickReportDocument = graphql(`
  query CheckSickReport($input: SickReportInput!) {
    checkSickReport(input: $input) {
      lessonCount
      coveringReport {
        id
        fromDate
        toDate
        fromTime
        toTime
      }
    }
  }
`);

/** The student a staff member takes the home's report for; refused (NOT_FOUND) unless they may. */
export const SickReportForHomeDocument = graphql(`
  query SickReportForHome($studentId: ID!) {
    student(id: $studentId) {
      id
      firstName
      lastName
      className
      classId
    }
    proposedSickReportDate(studentId: $studentId)
  }
`);

export const ProposedSickReportDateDocument = graphql(`
  query ProposedSickReportDate($studentId: ID!) {
    proposedSickReportDate(studentId: $studentId)
  }
`);
