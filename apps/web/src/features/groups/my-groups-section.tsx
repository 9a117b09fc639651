import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MyGroupsDocument } from './operations';

/** A staff member's groups as quick links under their schedule. */
export function MyGroupsSection() {
  const { t } = useTranslation();
  const { data, error } = useQuery(MyGroupsDocument);
  if (error || !data) return null;
  const groups = data.myGroups;
  const shown = groups.slice(0, 12);
  return (
    <section className="groups-section" aria-labelledby="my-groups-heading">
      <h2 id="my-groups-heading" className="section-heading">
        {t('groups.sectionHeading')}
      </h2>
      {groups.length === 0 ? (
        <p>{t('groups.empty')}</p>
      ) : (
        <>
          <ul className="group-chips">
            {shown.map((group) => (
              <li key={group.id}>
                <Link className="group-chip" to={`/grupp/${encodeURIComponent(group.id)}`}>
                  <span className="group-chip__name">{group.name}</span>
                  <span className="group-chip__meta">
                    {t(`groups.kind.${group.kind}`)} · {t('groups.studentCount', { count: group.studentCount })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {groups.length > shown.length ? (
            <p>
              <Link className="text-link" to="/grupper">
                {t('groups.showAll')}
              </Link>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
