import { graphql } from '../../gql';

export const SupportDecisionFieldsFragment = graphql(`
  fragment SupportDecisionFields on SupportDecision {
    id
    kind
    summary
    decidedOn
    decidedBy
    documentName
    documentSize
    acknowledgements {
      name
      role
      acknowledgedAt
    }
    acknowledgedByMe
    canAcknowledge
  }
`);

export const StudentSupportDecisionsDocument = graphql(`
  query StudentSupportDecisions($studentId: ID!) {
    studentSupportDecisions(studentId: $studentId) {
      studentId
      canRecord
      decisions {
        ...SupportDecisionFields
      }
    }
  }
`);

/** For the staff page's heading and the way back to the class list. */
export const SupportDecisionStudentDocument = graphql(`
  query SupportDecisionStudent($studentId: ID!) {
    student(id: $studentId) {
      id
      firstName
      lastName
      classId
      className
      schoolName
    }
  }
`);

export const AcknowledgeSupportDecisionDocument = graphql(`
  mutation AcknowledgeSupportDecision($id: ID!) {
    acknowledgeSupportDecision(id: $id) {
      ...SupportDecisionFields
    }
  }
`);
