import { graphql } from '../../gql';

export const LeaveApplicationFieldsFragment = graphql(`
  fragment LeaveApplicationFields on LeaveApplication {
    id
    studentId
    studentName
    className
    fromDate
    toDate
    schoolDays
    reason
    status
    decider
    appliedBy
    createdAt
    decidedBy
    decidedAt
    decisionNote
    canWithdraw
    canDecide
  }
`);

export const LeaveApplicationsDocument = graphql(`
  query LeaveApplications($studentId: ID!) {
    leaveApplications(studentId: $studentId) {
      ...LeaveApplicationFields
    }
  }
`);

export const LeaveRulesDocument = graphql(`
  query LeaveRules($studentId: ID!) {
    leaveRules(studentId: $studentId) {
      mentorDayLimit
    }
  }
`);

export const LeaveApplicationsToDecideDocument = graphql(`
  query LeaveApplicationsToDecide {
    leaveApplicationsToDecide {
      ...LeaveApplicationFields
    }
  }
`);

export const ApplyForLeaveDocument = graphql(`
  mutation ApplyForLeave($input: LeaveApplicationInput!) {
    applyForLeave(input: $input) {
      ...LeaveApplicationFields
    }
  }
`);

export const WithdrawLeaveApplicationDocument = graphql(`
  mutation WithdrawLeaveApplication($id: ID!) {
    withdrawLeaveApplication(id: $id) {
      ...LeaveApplicationFields
    }
  }
`);

export const DecideLeaveApplicationDocument = graphql(`
  mutation DecideLeaveApplication($id: ID!, $approve: Boolean!, $note: String) {
    decideLeaveApplication(id: $id, approve: $approve, note: $note) {
      ...LeaveApplicationFields
    }
  }
`);
