import { useEffect, useState } from 'react';

/** The value a list searches for, a moment after the user stops typing, so that each key does not ask the server. */
export function useSettledValue(value: string, delayMs = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
