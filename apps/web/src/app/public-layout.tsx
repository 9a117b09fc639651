import { LanguageSwitch } from '../features/locale/language-switch';
import { Brand } from './brand';
import { PageBody } from './page-body';
import { SkipLink } from './skip-link';

/** Pages for someone not logged in: the login page. */
export function PublicLayout() {
  return (
    <div className="page page--public">
      <SkipLink />
      <header className="site-header site-header--public">
        <div className="site-header__inner">
          <Brand to="/logga-in" />
          <LanguageSwitch />
        </div>
      </header>
      <PageBody />
    </div>
  );
}
