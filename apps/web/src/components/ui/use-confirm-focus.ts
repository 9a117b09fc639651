import { useEffect, useRef } from 'react';

/**
 * A confirm step: the button pressed is replaced by a question, and the question by the button again. Focus follows,
 * to the question when it appears (or the confirming button, for a step without one) and back to the button when it
 * goes, so a keyboard or screen-reader user is never left on nothing.
 */
export function useConfirmFocus(asking: boolean) {
  const question = useRef<HTMLParagraphElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) (question.current ?? confirmButton.current)?.focus();
    else if (wasAsking.current) askButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  return { question, confirmButton, askButton };
}
