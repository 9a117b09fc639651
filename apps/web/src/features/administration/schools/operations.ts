import { graphql } from '../../../gql';

export const AdministeredSchoolFieldsFragment = graphql(`
  fragment AdministeredSchoolFields on AdministeredSchool {
    id
    name
    unitCode
    form
    studentCount
    settings {
      mentorLeaveDayLimit
      sickReportDaysBack
      absenceWarningPercent
      absenceAlarmPercent
      csnThresholdMinutes
      gradeWarningContactDays
      quietHoursFrom
      quietHoursUntil
    }
  }
`);

export const AdministeredSchoolsDocument = graphql(`
  query AdministeredSchools($search: String, $sort: SchoolSort, $page: PageInput) {
    administeredSchools(search: $search, sort: $sort, page: $page) {
      items {
        ...AdministeredSchoolFields
      }
      pageInfo {
        offset
        limit
        total
      }
    }
  }
`);

export const AdministeredSchoolDocument = graphql(`
  query AdministeredSchool($id: ID!) {
    administeredSchool(id: $id) {
      ...AdministeredSchoolFields
    }
  }
`);

export const CreateSchoolDocument = graphql(`
  mutation CreateSchool($input: SchoolInput!) {
    createSchool(input: $input) {
      ...AdministeredSchoolFields
    }
  }
`);

export const UpdateSchoolDocument = graphql(`
  mutation UpdateSchool($id: ID!, $input: SchoolInput!) {
    updateSchool(id: $id, input: $input) {
      ...AdministeredSchoolFields
    }
  }
`);

export const UpdateSchoolSettingsDocument = graphql(`
  mutation UpdateSchoolSettings($id: ID!, $input: SchoolSettingsInput!) {
    updateSchoolSettings(id: $id, input: $input) {
      ...AdministeredSchoolFields
    }
  }
`);
