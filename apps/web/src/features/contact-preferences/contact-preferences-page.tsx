import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { ContactPreferencesForm } from './contact-preferences-form';
import { MyContactPreferencesDocument, UpdateMyContactPreferencesDocument } from './operations';

/** A guardian's own notification choices (replaces the paper form the school used to send home). */
export function ContactPreferencesPage() {
  const { t } = useTranslation();
  usePageTitle(t('contact.pageTitle'));
  const { data, error, loading, refetch } = useQuery(MyContactPreferencesDocument, { fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateMyContactPreferencesDocument);
  const preferences = data?.myContactPreferences;

  return (
    <div className="contact-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">{t('contact.kicker')}</p>
          <h1 className="page-header__title">{t('contact.heading')}</h1>
          <p className="page-header__sub">{t('contact.intro')}</p>
        </div>
      </header>
      {preferences ? (
        <section className="panel form-panel" aria-label={t('contact.heading')}>
          <ContactPreferencesForm
            key={preferences.guardianId}
            preferences={preferences}
            onSave={async (input) => {
              const { data: saved } = await update({ variables: { input } });
              if (!saved) throw new Error('updateMyContactPreferences returned no data');
              return saved.updateMyContactPreferences;
            }}
          />
        </section>
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('contact.loading')} />
      ) : null}
    </div>
  );
}
