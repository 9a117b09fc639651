import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { CreateStaffDocument } from './operations';
import { StaffForm } from './staff-form';

/** /administration/personal/ny: a new staff member; duties and a login are added on their page. */
export function StaffNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.people.staff.new'));
  const navigate = useNavigate();
  const [createStaff] = useMutation(CreateStaffDocument);
  return (
    <>
      <p>
        <Link to="/administration/personal">{t('administration.people.staff.title')}</Link>
      </p>
      <h1>{t('administration.people.staff.new')}</h1>
      <StaffForm
        initial={{ firstName: '', lastName: '', signature: '', email: '' }}
        submitLabel={t('administration.people.create')}
        onSave={async (input) => {
          const result = await createStaff({ variables: { input } });
          if (result.data) await navigate(`/administration/personal/${result.data.createStaff.id}`);
        }}
      />
    </>
  );
}
