import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { AdministeredSchoolDocument, UpdateSchoolDocument, UpdateSchoolSettingsDocument } from './operations';
import { SchoolDetailsForm, SchoolSettingsForm } from './school-forms';
import './schools.css';
import { AdminPageHeader } from '../admin-page-header';

/** /administration/skolor/:schoolId: a school's details and its settings, each saved on its own. */
export function SchoolPage() {
  const { t, i18n } = useTranslation();
  const { schoolId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdministeredSchoolDocument, { variables: { id: schoolId } });
  const [update] = useMutation(UpdateSchoolDocument);
  const [updateSettings] = useMutation(UpdateSchoolSettingsDocument);
  const school = data?.administeredSchool;
  usePageTitle(school?.name ?? t('administration.schools.title'));
  const count = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE');

  if (!school) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('administration.schools.loading')} /> : null;
  }
  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration/skolor"
        backLabel={t('administration.schools.title')}
        title={school.name}
        lead={
          <>
            {t('administration.schools.summary', {
              form: t(`administration.schools.forms.${school.form}`),
              unitCode: school.unitCode,
              students: count.format(school.studentCount),
            })}
          </>
        }
      />
      <section className="panel admin-form-panel" aria-labelledby="school-details-heading">
        <h2 id="school-details-heading" className="section-heading">
          {t('administration.schools.details')}
        </h2>
        <SchoolDetailsForm
          key={school.id}
          initial={{ name: school.name, unitCode: school.unitCode, form: school.form }}
          submitLabel={t('administration.schools.save')}
          onSave={async (input) => {
            await update({ variables: { id: school.id, input } });
          }}
        />
      </section>
      <section className="panel admin-form-panel" aria-labelledby="school-settings-heading">
        <h2 id="school-settings-heading" className="section-heading">
          {t('administration.schools.settingsTitle')}
        </h2>
        <p>{t('administration.schools.settingsLead')}</p>
        <SchoolSettingsForm
          key={school.id}
          initial={school.settings}
          onSave={async (input) => {
            await updateSettings({ variables: { id: school.id, input } });
          }}
        />
      </section>
    </div>
  );
}
