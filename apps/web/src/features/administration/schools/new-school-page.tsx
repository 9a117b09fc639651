import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { CreateSchoolDocument } from './operations';
import { SchoolDetailsForm } from './school-forms';
import './schools.css';
import { AdminPageHeader } from '../admin-page-header';

/** /administration/skolor/ny: a new school; its settings start at the defaults and are set on its page. */
export function NewSchoolPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.schools.newTitle'));
  const navigate = useNavigate();
  const [create] = useMutation(CreateSchoolDocument);
  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration/skolor"
        backLabel={t('administration.schools.title')}
        title={t('administration.schools.newTitle')}
        lead={t('administration.schools.newLead')}
      />
      <section className="panel admin-form-panel" aria-label={t('administration.schools.newTitle')}>
        <SchoolDetailsForm
          initial={{ name: '', unitCode: '', form: 'COMPULSORY' }}
          submitLabel={t('administration.schools.create')}
          onSave={async (input) => {
            const { data } = await create({ variables: { input } });
            if (!data) throw new Error('createSchool returned no data');
            await navigate(`/administration/skolor/${data.createSchool.id}`);
          }}
        />
      </section>
    </div>
  );
}
