import { graphql } from '../../gql';

export const NewsItemFieldsFragment = graphql(`
  fragment NewsItemFields on NewsItem {
    id
    title
    body
    publishedAt
    author
    target {
      schoolId
      groupId
      kind
      name
    }
    readAt
    children {
      id
      firstName
    }
  }
`);

export const MyNewsDocument = graphql(`
  query MyNews($studentId: ID) {
    myNews(studentId: $studentId) {
      ...NewsItemFields
    }
  }
`);

export const MarkNewsReadDocument = graphql(`
  mutation MarkNewsRead($id: ID!) {
    markNewsRead(id: $id) {
      ...NewsItemFields
    }
  }
`);

export const NewsTargetsDocument = graphql(`
  query NewsTargets {
    newsTargets {
      schoolId
      groupId
      kind
      name
    }
  }
`);

export const SentNewsDocument = graphql(`
  query SentNews {
    sentNews {
      id
      title
      publishedAt
      author
      target {
        schoolId
        groupId
        kind
        name
      }
      toGuardians
      toStudents
      recipientCount
      readCount
    }
  }
`);

export const NewsPostDocument = graphql(`
  query NewsPost($id: ID!) {
    newsPost(id: $id) {
      id
      title
      body
      publishedAt
      author
      target {
        schoolId
        groupId
        kind
        name
      }
      toGuardians
      toStudents
      recipientCount
      readCount
      recipients {
        id
        name
        role
        children
        readAt
      }
    }
  }
`);

/** Answers with the counts only: the list of sent posts is fetched again. */
export const PostNewsDocument = graphql(`
  mutation PostNews($input: NewsPostInput!) {
    postNews(input: $input) {
      id
      title
      recipientCount
    }
  }
`);
