// What the account forms (activation, new password by link, change of password, forgot password) share when a request
// fails and no field is to blame; kept apart from password-fields.tsx, whose password rule is large.
import { useEffect, useRef, useState } from 'react';
import { hasErrorCode, isConnectionError } from '../../lib/graphql-errors';

/** Too many attempts, no answer from the server, or anything else. */
export type GeneralFailure = 'TOO_MANY_ATTEMPTS' | 'unreachable' | 'unknownError';

export function generalFailure(error: unknown): GeneralFailure {
  if (hasErrorCode(error, 'TOO_MANY_ATTEMPTS')) return 'TOO_MANY_ATTEMPTS';
  return isConnectionError(error) ? 'unreachable' : 'unknownError';
}

/**
 * A refusal shown above a form, which takes focus when it appears, so that a phone scrolled down to the button shows
 * it. `failureRef` goes on the notice's focusable element.
 */
export function useFocusedFailure<Kind extends string>() {
  const [failure, setFailure] = useState<{ kind: Kind; error: unknown } | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  return { failure, setFailure, failureRef };
}
