import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { GroupDocument } from '../groups/operations';
import { GroupDevelopmentPlansDocument } from './operations';
import { PlanStatus } from './plan-view';
import './development-plans.css';

/** /grupp/:groupId/iup: the members of a class or teaching group with this term's IUP (or their study plan). */
export function GroupDevelopmentPlansPage() {
  const { groupId = '' } = useParams();
  if (groupId === '') return <NotFoundState />;
  return <GroupPlansContent key={groupId} groupId={groupId} />;
}

function GroupPlansContent({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useQuery(GroupDocument, { variables: { id: groupId }, fetchPolicy: 'cache-and-network' });
  const plans = useQuery(GroupDevelopmentPlansDocument, { variables: { groupId }, fetchPolicy: 'cache-and-network' });
  const shown = group.data?.group;
  usePageTitle(shown ? t('developmentPlans.group.pageTitle', { name: shown.name }) : t('developmentPlans.loading'));
  if (!shown) {
    if (group.error) return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
    return group.loading ? <LoadingState label={t('developmentPlans.loading')} /> : <NotFoundState />;
  }
  const rows = plans.data?.groupDevelopmentPlans;
  return (
    <div className="development-plans-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={`/grupp/${encodeURIComponent(shown.id)}`}>
              {shown.kind === 'CLASS' ? t('group.classHeading', { name: shown.name }) : t('group.teachingHeading', { name: shown.name })}
            </Link>
          </p>
          <h1 className="page-header__title">{t('developmentPlans.group.heading', { name: shown.name })}</h1>
          <p className="page-header__sub">{t('developmentPlans.group.intro')}</p>
        </div>
      </header>
      {rows ? (
        rows.length === 0 ? (
          <p className="week-empty">{t('group.noStudents')}</p>
        ) : (
          <DataTable caption={t('developmentPlans.group.caption', { name: shown.name })} testId="group-development-plans">
            <thead>
              <tr>
                <th scope="col">{t('group.columnName')}</th>
                <th scope="col" className="data-table__numeric">
                  {t('developmentPlans.group.columnEntries')}
                </th>
                <th scope="col">{t('developmentPlans.group.columnSummary')}</th>
                <th scope="col">{t('developmentPlans.group.columnStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const name = t('group.sortName', { firstName: row.firstName, lastName: row.lastName });
                return (
                  <tr key={row.studentId} data-student-id={row.studentId}>
                    <th scope="row">
                      <Link
                        className="text-link"
                        to={`/elev/${encodeURIComponent(row.studentId)}/${row.applies ? 'iup' : 'studieplan'}`}
                        aria-label={t(row.applies ? 'developmentPlans.group.openPlan' : 'developmentPlans.group.openStudyPlan', { name })}
                      >
                        {name}
                      </Link>
                    </th>
                    {row.applies ? (
                      <>
                        <td className="data-table__numeric">{row.entries}</td>
                        <td>{row.hasSummary ? t('developmentPlans.group.yes') : t('developmentPlans.group.no')}</td>
                        <td>
                          <PlanStatus plan={row} />
                        </td>
                      </>
                    ) : (
                      <td colSpan={3}>{t('developmentPlans.group.studyPlanInstead')}</td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )
      ) : plans.error ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : (
        <LoadingState label={t('developmentPlans.loading')} />
      )}
    </div>
  );
}
