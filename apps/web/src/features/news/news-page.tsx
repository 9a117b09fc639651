import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/ui/use-page-title';
import { useViewer } from '../auth/auth-context';
import { ReaderNews } from './reader-news';
import { StaffNews } from './staff-news';
import './news.css';

/** /nyheter: the posts a guardian or student has received; for staff, writing a post and following those sent. */
export function NewsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const staff = viewer.role === 'STAFF';
  usePageTitle(t('news.pageTitle'));
  return (
    <div className="news-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('news.heading')}</h1>
          <p className="page-header__sub">
            {staff ? t('news.staffIntro') : viewer.role === 'GUARDIAN' ? t('news.guardianIntro') : t('news.studentIntro')}
          </p>
        </div>
      </header>
      {staff ? <StaffNews /> : <ReaderNews />}
    </div>
  );
}
