import { useId, type ReactNode } from 'react';

/** One of a schedule page's forms under its own heading: sent with its button or Enter, without leaving the page. */
export function FormSection({
  heading,
  lead,
  busy,
  onSubmit,
  children,
}: {
  heading: string;
  lead?: string;
  busy: boolean;
  onSubmit: () => Promise<unknown>;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="schedule-admin__section form-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {lead ? <p>{lead}</p> : null}
      <form
        className="form"
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        {children}
      </form>
    </section>
  );
}
