import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/**
 * "‹ Tillbaka" to the page the user came from within the app, for a page reached from several others (a class's table,
 * a group's list) that cannot name one of them; none on a page opened directly (a bookmark, a message's link), where
 * the menu leads on. The installed app has no browser back button of its own.
 */
export function BackButton() {
  const { t } = useTranslation();
  // Read again at each navigation: the router's place in the tab's history (0 for the page the app opened on, and for
  // the page a login or a redirect replaced it with).
  useLocation();
  const navigate = useNavigate();
  const position: unknown = (window.history.state as { idx?: unknown } | null)?.idx;
  if (typeof position !== 'number' || position < 1) return null;
  return (
    <p className="page-header__kicker">
      <button type="button" className="text-link back-button" onClick={() => void navigate(-1)} data-testid="back-button">
        <span aria-hidden="true" className="back-arrow">
          ‹
        </span>
        {t('app.back')}
      </button>
    </p>
  );
}
