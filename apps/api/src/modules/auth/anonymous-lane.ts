import type { RequestHandler } from 'express';
import { WAITING_PER_RUNNING } from './password.ts';

/**
 * Requests that come without a valid access token (logins, activations, password resets, session renewals) share
 * a bounded number of places in one API process; beyond them a request is refused at once, before its body is
 * read or parsed. A flood of anonymous logins then costs each refused request a header check instead of a GraphQL
 * parse and a database round trip, so the event loop stays free for the logged-in users' requests while it lasts.
 * Logged-in requests never wait for this lane.
 */
export function anonymousLane(places: number, signedIn: (req: Parameters<RequestHandler>[0]) => boolean): RequestHandler {
  let inFlight = 0;
  return (req, res, next) => {
    if (signedIn(req)) return next();
    if (inFlight >= places) {
      const graphqlResponse =
        req.accepts(['application/graphql-response+json', 'application/json']) === 'application/graphql-response+json';
      res
        .status(429)
        .set('Retry-After', '1')
        .type(graphqlResponse ? 'application/graphql-response+json' : 'application/json')
        .send(BUSY_BODY);
      return;
    }
    inFlight++;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      inFlight--;
    };
    // 'close' also comes when the client goes away before the answer; either way the place is free again.
    res.once('finish', leave);
    res.once('close', leave);
    next();
  };
}

const BUSY_BODY = JSON.stringify({
  errors: [
    {
      message: 'The server is busy with sign-ins; try again in a moment',
      extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 },
    },
  ],
});

/**
 * Places for anonymous requests when `hashing` passwords are hashed at once: as many as the password gate runs or
 * lets wait. Measured on two cores (bench/credentials.ts), twice as many places let the flood's refused sign-ins
 * through to GraphQL and kept a logged-in user's p95 at about 550 ms instead of 90 ms.
 */
export const anonymousPlaces = (hashing: number): number => hashing * (1 + WAITING_PER_RUNNING);
