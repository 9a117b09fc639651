import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { MyGroupsDocument } from './operations';

export function MyGroupsPage() {
  const { t } = useTranslation();
  usePageTitle(t('groups.pageTitle'));
  const { data, error, loading, refetch } = useQuery(MyGroupsDocument, { fetchPolicy: 'cache-and-network' });

  if (!data && error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  // One school (the usual case): named once in the introduction instead of on every row.
  const schools = [...new Set(data?.myGroups.map((group) => group.schoolName) ?? [])];
  const singleSchool = schools.length === 1 ? schools[0] : null;

  return (
    <div className="groups-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('groups.heading')}</h1>
          <p className="page-header__sub">{singleSchool ? t('groups.introSchool', { school: singleSchool }) : t('groups.intro')}</p>
        </div>
      </header>
      {!data && loading ? <LoadingState label={t('groups.loading')} /> : null}
      {data && data.myGroups.length === 0 ? <p className="week-empty">{t('groups.empty')}</p> : null}
      {data && data.myGroups.length > 0 ? (
        <DataTable caption={t('groups.caption', { count: data.myGroups.length })} testId="my-groups">
          <thead>
            <tr>
              <th scope="col">{t('groups.columnName')}</th>
              <th scope="col">{t('groups.columnKind')}</th>
              {singleSchool ? null : <th scope="col">{t('groups.columnSchool')}</th>}
              <th scope="col" className="data-table__numeric">
                {t('groups.columnStudents')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.myGroups.map((group) => (
              <tr key={group.id}>
                <th scope="row">
                  <Link className="text-link" to={`/grupp/${encodeURIComponent(group.id)}`}>
                    {group.name}
                  </Link>
                </th>
                <td>{t(`groups.kind.${group.kind}`)}</td>
                {singleSchool ? null : <td>{group.schoolName}</td>}
                <td className="data-table__numeric">{group.studentCount}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
    </div>
  );
}
