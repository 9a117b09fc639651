import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * An administration page's header: the way back up (the start page, or the list the page belongs to), the title,
 * a lead line if any, and the page's own actions beside them.
 */
export function AdminPageHeader({
  back,
  backLabel,
  title,
  lead,
  children,
}: {
  back: string;
  backLabel: string;
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div className="page-header__text">
        <p className="page-header__kicker">
          <Link to={back}>{backLabel}</Link>
        </p>
        <h1 className="page-header__title">{title}</h1>
        {lead ? <p className="page-header__sub">{lead}</p> : null}
      </div>
      {children}
    </header>
  );
}
