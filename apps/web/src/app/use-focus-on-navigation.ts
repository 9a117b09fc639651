import { useEffect, type RefObject } from 'react';
import { useLocation } from 'react-router';

/** Shared by both layouts: logging in moves from one layout to the other and should move focus too. */
let navigatedBefore = false;

/**
 * After moving to another page inside the app, put keyboard and screen reader focus at the start
 * of the main content (as a full page load would). Changing only the query (e.g. the week) keeps focus.
 */
export function useFocusOnNavigation(target: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  useEffect(() => {
    // The first page of a visit keeps the browser's own starting point (the top of the document).
    if (!navigatedBefore) {
      navigatedBefore = true;
      return;
    }
    target.current?.focus({ preventScroll: false });
  }, [pathname, target]);
}
