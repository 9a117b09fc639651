import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { AdministeredOrganisationDocument } from './operations';
import { ADMINISTRATION_SECTIONS } from './sections';

/** /administration: the organisation an administrator runs, and its sections. */
export function AdministrationHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.title'));
  const { data, loading, error, refetch } = useQuery(AdministeredOrganisationDocument);
  if (loading) return <LoadingState label={t('administration.loading')} />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const organisation = data?.administeredOrganisation;
  return (
    <>
      <h1>{t('administration.title')}</h1>
      {organisation ? (
        <>
          <p>{t('administration.lead', { organisation: organisation.name })}</p>
          <ul className="admin-sections">
            {ADMINISTRATION_SECTIONS.map((section) => (
              <li key={section.path} className="admin-sections__item">
                <h2 className="admin-sections__title">
                  <Link to={section.path}>{t(section.titleKey)}</Link>
                </h2>
                <p>{t(section.descriptionKey)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('administration.notAdministrator')}</p>
      )}
    </>
  );
}
