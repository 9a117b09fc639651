import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { schoolToday } from '../../../lib/dates';
import { GroupForm, type GroupValues } from './group-form';
import { CreateGroupDocument, GroupOptionsDocument } from './operations';
import { AdminPageHeader } from '../admin-page-header';

/** /administration/grupper/ny: a new class or teaching group; saved, the group's page opens. */
export function NewGroupPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.groups.createTitle'));
  const navigate = useNavigate();
  const options = useQuery(GroupOptionsDocument);
  const [createGroup] = useMutation(CreateGroupDocument);
  if (options.loading && !options.data) return <LoadingState label={t('administration.groups.loading')} />;
  if (options.error || !options.data) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const choices = options.data.administeredGroupOptions;
  const today = schoolToday();
  const year =
    choices.schoolYears.find((candidate) => candidate.startDate <= today && today <= candidate.endDate) ?? choices.schoolYears[0];
  const initial: GroupValues = {
    schoolId: choices.schools[0]?.id ?? '',
    schoolYearId: year?.id ?? '',
    kind: 'CLASS',
    name: '',
    yearLevel: '',
    subjectId: '',
    courseId: '',
  };
  const save = async (values: GroupValues) => {
    const { data } = await createGroup({
      variables: {
        input: {
          schoolId: values.schoolId,
          schoolYearId: values.schoolYearId,
          kind: values.kind,
          name: values.name,
          yearLevel: values.kind === 'CLASS' ? Number(values.yearLevel) : null,
          subjectId: values.kind === 'TEACHING' ? values.subjectId || null : null,
          courseId: values.kind === 'TEACHING' ? values.courseId || null : null,
        },
      },
      refetchQueries: ['AdministeredGroups'],
    });
    if (data) await navigate(`/administration/grupper/${data.createGroup.id}`);
  };
  return (
    <>
      <AdminPageHeader
        back="/administration/grupper"
        backLabel={t('administration.groups.title')}
        title={t('administration.groups.createTitle')}
      />
      <section className="panel form-panel">
        <GroupForm
          options={choices}
          initial={initial}
          existing={false}
          submitLabel={t('administration.groups.createSubmit')}
          onSave={save}
        />
      </section>
    </>
  );
}
