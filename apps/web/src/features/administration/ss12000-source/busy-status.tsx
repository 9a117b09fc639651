/**
 * A live region that is always there, so that a screen reader hears the work start: while `text` is given, it shows
 * with a spinner. The check is a single request without progress to tell, so this says only what is going on and that
 * it may take a while; a run says that it starts here, and how far it has come in its progress.
 */
export function BusyStatus({ text }: { text: string | null }) {
  return (
    <div role="status" aria-live="polite" className={text ? 'ss12000-busy' : undefined}>
      {text ? (
        <>
          <span className="loading-state__spinner" aria-hidden="true" />
          <span>{text}</span>
        </>
      ) : null}
    </div>
  );
}
