import { useEffect, useRef } from 'react';

/**
 * The heading of a form opened from a row's button: focused when it appears (and `focus` holds), so
 * keyboard and screen reader users land in the form they asked for. The heading needs tabIndex={-1}.
 */
export function useFocusedHeading(focus = true) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return heading;
}
