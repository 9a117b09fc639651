import { graphql } from '../../../gql';

export const AdministeredSchoolYearFieldsFragment = graphql(`
  fragment AdministeredSchoolYearFields on AdministeredSchoolYear {
    id
    name
    startDate
    endDate
    inUse
    terms {
      id
      kind
      startDate
      endDate
      inUse
      breaks {
        id
        name
        startDate
        endDate
      }
    }
  }
`);

export const SchoolCalendarDocument = graphql(`
  query SchoolCalendar {
    schoolCalendar {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const AdministeredSchoolYearDocument = graphql(`
  query AdministeredSchoolYear($id: ID!) {
    administeredSchoolYear(id: $id) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const CreateSchoolYearDocument = graphql(`
  mutation CreateSchoolYear($input: SchoolYearInput!) {
    createSchoolYear(input: $input) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const UpdateSchoolYearDocument = graphql(`
  mutation UpdateSchoolYear($id: ID!, $input: SchoolYearInput!) {
    updateSchoolYear(id: $id, input: $input) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const DeleteSchoolYearDocument = graphql(`
  mutation DeleteSchoolYear($id: ID!) {
    deleteSchoolYear(id: $id)
  }
`);

export const CreateTermDocument = graphql(`
  mutation CreateTerm($schoolYearId: ID!, $input: TermInput!) {
    createTerm(schoolYearId: $schoolYearId, input: $input) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const UpdateTermDocument = graphql(`
  mutation UpdateTerm($id: ID!, $input: TermInput!) {
    updateTerm(id: $id, input: $input) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const DeleteTermDocument = graphql(`
  mutation DeleteTerm($id: ID!) {
    deleteTerm(id: $id) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const CreateSchoolBreakDocument = graphql(`
  mutation CreateSchoolBreak($termId: ID!, $input: SchoolBreakInput!) {
    createSchoolBreak(termId: $termId, input: $input) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const UpdateSchoolBreakDocument = graphql(`
  mutation UpdateSchoolBreak($id: ID!, $input: SchoolBreakInput!) {
    updateSchoolBreak(id: $id, input: $input) {
      ...AdministeredSchoolYearFields
    }
  }
`);

export const DeleteSchoolBreakDocument = graphql(`
  mutation DeleteSchoolBreak($id: ID!) {
    deleteSchoolBreak(id: $id) {
      ...AdministeredSchoolYearFields
    }
  }
`);
