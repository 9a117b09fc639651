import type { ReactNode } from 'react';

type Tone = 'error' | 'info' | 'success';

/**
 * A message box. Errors use role="alert" (announced at once); others role="status".
 * Render the element always and change its content, so screen readers notice the change.
 */
export function Alert({ tone, children, id }: { tone: Tone; children?: ReactNode; id?: string }) {
  const hasContent = children !== undefined && children !== null && children !== false && children !== '';
  return (
    <div id={id} role={tone === 'error' ? 'alert' : 'status'} className={hasContent ? `alert alert--${tone}` : 'alert--empty'}>
      {hasContent ? (
        <>
          <span className="alert__icon" aria-hidden="true">
            {tone === 'error' ? '!' : 'i'}
          </span>
          <div className="alert__body">{children}</div>
        </>
      ) : null}
    </div>
  );
}
