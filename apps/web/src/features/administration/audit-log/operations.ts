import { graphql } from '../../../gql';

export const AuditLogEntryFieldsFragment = graphql(`
  fragment AuditLogEntryFields on AuditLogEntry {
    id
    at
    action
    entityType
    entityId
    ip
    summary
    actor {
      userId
      username
      kind
      firstName
      lastName
      duties
    }
    student {
      id
      firstName
      lastName
    }
  }
`);

export const AuditLogPersonFieldsFragment = graphql(`
  fragment AuditLogPersonFields on AuditLogPerson {
    id
    kind
    firstName
    lastName
    detail
  }
`);

export const AuditLogDocument = graphql(`
  query AuditLog($filter: AuditLogFilter, $page: AuditLogPageInput) {
    auditLog(filter: $filter, page: $page) {
      entries {
        ...AuditLogEntryFields
      }
      nextCursor
      person {
        ...AuditLogPersonFields
      }
    }
  }
`);

export const AuditLogExportDocument = graphql(`
  query AuditLogExport($filter: AuditLogFilter) {
    auditLogExport(filter: $filter) {
      entries {
        ...AuditLogEntryFields
      }
      limit
      truncated
    }
  }
`);

export const AuditLogActionsDocument = graphql(`
  query AuditLogActions {
    auditLogActions
  }
`);

export const AuditLogPeopleDocument = graphql(`
  query AuditLogPeople($search: String!) {
    auditLogPeople(search: $search) {
      ...AuditLogPersonFields
    }
  }
`);
