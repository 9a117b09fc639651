/**
 * A clock drawn, not a character: the emoji "⏱" showed as an empty box where no emoji font is installed (Debian's
 * Chromium). As big as the text around it and in its colour; hidden from assistive technology, which reads the words
 * next to it.
 */
export function ClockIcon({ className }: { className?: string }) {
  return (
    <svg
      className={className ? `clock-icon ${className}` : 'clock-icon'}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.75" />
      <path d="M8 4.25V8l2.5 1.75" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
