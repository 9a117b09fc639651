import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { CreateStudentDocument } from './operations';
import { StudentForm } from './student-form';

/** /administration/elever/ny: a new student; then their page, where guardians and a login are added. */
export function StudentNewPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.people.students.new'));
  const navigate = useNavigate();
  const [createStudent] = useMutation(CreateStudentDocument);
  return (
    <>
      <p>
        <Link to="/administration/elever">{t('administration.people.students.title')}</Link>
      </p>
      <h1>{t('administration.people.students.new')}</h1>
      <StudentForm
        initial={{ personalIdentityNumber: '', firstName: '', lastName: '', schoolId: '', programmeCode: '', protectedIdentity: false }}
        submitLabel={t('administration.people.create')}
        onSave={async (input) => {
          const result = await createStudent({ variables: { input } });
          if (result.data) await navigate(`/administration/elever/${result.data.createStudent.id}`);
        }}
      />
    </>
  );
}
