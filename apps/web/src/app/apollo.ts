import { createApolloClient } from '../lib/apollo-client';

/** The app's one Apollo Client: the providers give it to the pages, and main.tsx fetches the start page's data with it. */
export const apolloClient = createApolloClient();
