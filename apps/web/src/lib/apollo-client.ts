import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { HttpLink } from '@apollo/client/link/http';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { from, switchMap, throwError } from 'rxjs';
import { GRAPHQL_ENDPOINT, getAccessToken, renewSession, reportSessionExpired, tokenNeedsRenewal } from '../features/auth/session';
import { hasErrorCode } from './graphql-errors';
import { persistedHash } from './persisted-operations';

/** Operations that must never trigger a renewal (they are how a session starts or ends). */
const SESSION_OPERATIONS = new Set(['Login', 'RefreshSession', 'Logout']);

/** Adds the bearer token; renews first when the token is about to expire. */
const authLink = new SetContextLink(async (prevContext, operation) => {
  if (!SESSION_OPERATIONS.has(operation.operationName ?? '') && tokenNeedsRenewal()) {
    await renewSession();
  }
  const token = getAccessToken();
  return token ? { headers: { ...prevContext.headers, authorization: `Bearer ${token}` } } : {};
});

/** On UNAUTHENTICATED: renew once with the cookie and retry; if that fails the user must log in again. */
const renewOnUnauthenticatedLink = new ErrorLink(({ error, operation, forward }) => {
  if (!hasErrorCode(error, 'UNAUTHENTICATED')) return;
  if (SESSION_OPERATIONS.has(operation.operationName ?? '')) return;
  if (operation.getContext().renewedAfterRefusal === true) {
    reportSessionExpired();
    return;
  }
  return from(renewSession()).pipe(
    switchMap((result) => {
      if (!result.ok) {
        if (result.reason === 'unauthenticated') reportSessionExpired();
        return throwError(() => error);
      }
      operation.setContext({ renewedAfterRefusal: true });
      return forward(operation);
    }),
  );
});

/** Each operation goes as its hash, never its text (persisted-operations.ts). */
const persistedLink = new PersistedQueryLink({
  generateHash: persistedHash,
  // A server that does not know the hash would refuse the text as well (it runs only this app's operations).
  retry: () => false,
});

const httpLink = new HttpLink({ uri: GRAPHQL_ENDPOINT, credentials: 'same-origin' });

export function createApolloClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.from([renewOnUnauthenticatedLink, authLink, persistedLink, httpLink]),
    cache: new InMemoryCache({
      typePolicies: {
        Viewer: { keyFields: ['userId'] },
        // One guardian's choices, whether read as their own or from a student's contact page.
        ContactPreferences: { keyFields: ['guardianId'] },
        // An adult student's one guardian: a change's answer updates the list it is in.
        GuardianConsentState: { keyFields: ['guardianId'] },
        // A week has no id of its own; it lives under the query field and its arguments.
        WeekSchedule: { keyFields: false },
        ScheduleDay: { keyFields: false },
        // A student's attendance belongs to one lesson: never merge rows of different lessons by student id.
        RollCallStudent: { keyFields: false },
        ClassDayStudent: { keyFields: false },
      },
    }),
  });
}
