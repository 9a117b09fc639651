import { graphql } from '../../gql';

export const OutboundMessageFieldsFragment = graphql(`
  fragment OutboundMessageFields on OutboundMessage {
    id
    kind
    channel
    recipient
    guardianName
    studentName
    subject
    body
    status
    attempts
    lastError
    provider
    createdAt
    sentAt
    nextAttemptAt
  }
`);

export const OutboxDocument = graphql(`
  query Outbox($status: MessageStatus, $limit: Int, $offset: Int) {
    outbox(status: $status, limit: $limit, offset: $offset) {
      messages {
        ...OutboundMessageFields
      }
      totalCount
      failedCount
      smsProviderConfigured
      emailProviderConfigured
    }
  }
`);

export const RetryMessageDocument = graphql(`
  mutation RetryMessage($id: ID!) {
    retryMessage(id: $id) {
      ...OutboundMessageFields
    }
  }
`);
