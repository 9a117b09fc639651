import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Brand({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="brand">
      <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path
          d="M9 22.5V9.5h3v13zm5.5 0V13h2.8v1.4c.8-1.1 2-1.7 3.4-1.7 2.4 0 3.8 1.6 3.8 4.3v5.5h-3v-5c0-1.4-.6-2.1-1.8-2.1-1.3 0-2.2.9-2.2 2.5v4.6z"
          fill="#fff"
        />
      </svg>
      <span className="brand__name">{t('app.name')}</span>
    </Link>
  );
}
