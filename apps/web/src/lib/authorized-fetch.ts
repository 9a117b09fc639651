import { getAccessToken, renewSession, reportSessionExpired, tokenNeedsRenewal } from '../features/auth/session';

/**
 * fetch() for the API's routes outside GraphQL (file upload and download), with the session's access token
 * as the Apollo link sends it: renewed first when about to expire, and once more (then retried) on a 401.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  if (tokenNeedsRenewal()) await renewSession();
  const send = () => {
    const headers = new Headers(init.headers);
    const token = getAccessToken();
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetch(url, { ...init, headers, credentials: 'same-origin' });
  };
  const response = await send();
  if (response.status !== 401) return response;
  const renewed = await renewSession();
  if (!renewed.ok) {
    if (renewed.reason === 'unauthenticated') reportSessionExpired();
    return response;
  }
  return send();
}
