import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { RegisterExtractPanel } from '../register-extract/register-extract-panel';
import { GuardianForm } from './guardian-form';
import { LoginForm } from './login-form';
import { AdminGuardianDocument, UpdateGuardianDocument } from './operations';

/** /administration/vardnadshavare/:guardianId: a guardian's details, children and login. */
export function GuardianPage() {
  const { t } = useTranslation();
  const { guardianId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminGuardianDocument, {
    variables: { id: guardianId },
    fetchPolicy: 'cache-and-network',
  });
  const [updateGuardian] = useMutation(UpdateGuardianDocument);
  const guardian = data?.administeredGuardian;
  usePageTitle(guardian ? `${guardian.firstName} ${guardian.lastName}` : t('administration.people.guardians.title'));
  if (loading && !guardian) return <LoadingState label={t('administration.people.loading')} />;
  if (error || !guardian) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <p>
        <Link to="/administration/vardnadshavare">{t('administration.people.guardians.title')}</Link>
      </p>
      <h1>
        {guardian.firstName} {guardian.lastName}
      </h1>
      <section>
        <h2>{t('administration.people.guardians.children')}</h2>
        <ul className="mentor-list">
          {guardian.children.map((child) => (
            <li key={child.id} className="mentor-list__item">
              <Link to={`/administration/elever/${child.id}`}>
                {child.firstName} {child.lastName}
              </Link>{' '}
              {child.personalIdentityNumber}, {child.school.name}
              {child.protectedIdentity ? ` (${t('administration.people.protectedIdentity')})` : ''}
            </li>
          ))}
        </ul>
      </section>
      <h2>{t('administration.people.details')}</h2>
      <GuardianForm
        key={guardian.id}
        initial={{
          personalIdentityNumber: guardian.personalIdentityNumber ?? '',
          firstName: guardian.firstName,
          lastName: guardian.lastName,
          mobilePhone: guardian.mobilePhone ?? '',
          email: guardian.email ?? '',
          streetAddress: guardian.streetAddress ?? '',
          postalCode: guardian.postalCode ?? '',
          city: guardian.city ?? '',
          protectedIdentity: guardian.protectedIdentity,
        }}
        submitLabel={t('administration.people.save')}
        onSave={async (input) => {
          await updateGuardian({ variables: { id: guardian.id, input } });
        }}
      />
      <LoginForm personKind="GUARDIAN" personId={guardian.id} username={guardian.login?.username ?? null} />
      <RegisterExtractPanel
        personId={guardian.id}
        name={`${guardian.firstName} ${guardian.lastName}`}
        protectedIdentity={guardian.protectedIdentity}
      />
    </>
  );
}
