import { useQuery } from '@apollo/client/react';
import { ACTIVATION_CODE_DAYS } from '@insyn/domain';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import { PrintCredentialsButton } from '../accounts/print-credentials';
import { useViewer } from '../auth/auth-context';
import { STUDENT_PARAM } from '../schedule/schedule-request';
import { MentorList } from './mentor-list';
import { GroupDocument } from './operations';

/** Class list: the group's name, mentors and students (personnummer only when the API gives it). */
export function GroupPage() {
  const { groupId = '' } = useParams();
  if (groupId === '') return <NotFoundState />;
  return <GroupPageContent key={groupId} groupId={groupId} />;
}

function GroupPageContent({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(GroupDocument, {
    variables: { id: groupId },
    fetchPolicy: 'cache-and-network',
  });
  const group = data?.group;
  const heading = group
    ? group.kind === 'CLASS'
      ? t('group.classHeading', { name: group.name })
      : t('group.teachingHeading', { name: group.name })
    : null;
  usePageTitle(heading ?? t('group.loading'));

  if (!group) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('group.loading')} /> : <NotFoundState />;
  }

  const showIdentityNumbers = group.students.some((student) => student.personalIdentityNumber !== null);
  const staff = viewer.role === 'STAFF';
  // The mentor, the principal and administrators keep the guardians' contact choices (the API decides per student).
  const showContacts =
    staff && group.kind === 'CLASS' && viewer.duties.some((duty) => duty === 'MENTOR' || duty === 'PRINCIPAL' || duty === 'ADMINISTRATOR');
  // A teaching group's warnings are its teachers' (and the principal's); a class's are those who see its contact choices.
  const showWarnings = (staff && group.kind === 'TEACHING') || showContacts;

  return (
    <div className="group-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            {group.schoolName}
            {group.yearLevel !== null ? <span> · {t('group.yearLevel', { level: group.yearLevel })}</span> : null}
          </p>
          <h1 className="page-header__title" data-testid="group-heading">
            {heading}
          </h1>
          {showWarnings ? (
            <p className="page-header__links">
              {showContacts ? (
                <Link className="text-link" to={`/klass/${encodeURIComponent(group.id)}/franvaro`} data-testid="class-absence-link">
                  {t('statistics.class.link')}
                </Link>
              ) : null}
              {showWarnings ? (
                <Link className="text-link" to={`/grupp/${encodeURIComponent(group.id)}/betygsvarningar`} data-testid="grade-warnings-link">
                  {t('gradeWarnings.group.link')}
                </Link>
              ) : null}
              {staff && group.kind === 'TEACHING' ? (
                <Link className="text-link" to={`/grupp/${encodeURIComponent(group.id)}/omdomen`} data-testid="assessments-link">
                  {t('assessments.group.link')}
                </Link>
              ) : null}
              {staff ? (
                <Link className="text-link" to={`/grupp/${encodeURIComponent(group.id)}/iup`} data-testid="development-plans-link">
                  {t('developmentPlans.group.link')}
                </Link>
              ) : null}
            </p>
          ) : null}
        </div>
      </header>

      {/* A class has mentors; a teaching group never has (it has teachers), so it does not say "no mentor". */}
      {group.kind === 'CLASS' ? (
        <section className="panel" aria-labelledby="mentors-heading">
          <h2 id="mentors-heading" className="section-heading">
            {t('group.mentors')}
          </h2>
          {group.mentors.length === 0 ? <p>{t('group.noMentors')}</p> : <MentorList mentors={group.mentors} />}
        </section>
      ) : null}

      <section className="panel" aria-labelledby="students-heading">
        <h2 id="students-heading" className="section-heading">
          {t('group.students')}
        </h2>
        {group.students.length === 0 ? (
          <p>{t('group.noStudents')}</p>
        ) : (
          <DataTable caption={t('group.caption', { count: group.students.length, name: group.name })} testId="class-list">
            <thead>
              <tr>
                <th scope="col">{t('group.columnName')}</th>
                {showIdentityNumbers ? <th scope="col">{t('group.columnPersonalIdentityNumber')}</th> : null}
                {showContacts ? <th scope="col">{t('group.columnGuardians')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {group.students.map((student) => {
                const sortName = t('group.sortName', { firstName: student.firstName, lastName: student.lastName });
                return (
                  <tr key={student.id} data-student-id={student.id}>
                    <th scope="row">
                      {staff ? (
                        <Link
                          className="text-link"
                          to={`/schema?${STUDENT_PARAM}=${encodeURIComponent(student.id)}`}
                          aria-label={t('group.viewSchedule', { name: sortName })}
                        >
                          {sortName}
                        </Link>
                      ) : (
                        sortName
                      )}
                    </th>
                    {showIdentityNumbers ? <td className="data-table__mono">{student.personalIdentityNumber ?? '–'}</td> : null}
                    {showContacts ? (
                      <td>
                        <Link
                          className="text-link"
                          to={`/elev/${encodeURIComponent(student.id)}/kontakt`}
                          aria-label={t('group.contactsFor', { name: sortName })}
                          data-testid="guardian-contacts-link"
                        >
                          {t('group.contacts')}
                        </Link>
                        {' · '}
                        <Link
                          className="text-link"
                          to={`/elev/${encodeURIComponent(student.id)}/beslut-om-stod`}
                          aria-label={t('supportDecisions.linkFor', { name: sortName })}
                          data-testid="support-decisions-link"
                        >
                          {t('supportDecisions.link')}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        )}
      </section>

      {/* A class's students get their credentials from the mentor: the API decides who may print them. */}
      {showContacts && group.students.length > 0 ? (
        <section className="panel" aria-labelledby="class-sheet-heading">
          <h2 id="class-sheet-heading" className="section-heading">
            {t('accounts.classSheet.heading')}
          </h2>
          <p>{t('accounts.classSheet.intro', { count: ACTIVATION_CODE_DAYS })}</p>
          <PrintCredentialsButton
            print={{ kind: 'class-sheet', body: { groupId: group.id } }}
            label={t('accounts.classSheet.print')}
            confirmLabel={t('accounts.classSheet.confirm', { count: group.students.length })}
            warning={t('accounts.classSheet.warning')}
            testId="print-class-sheet"
          />
        </section>
      ) : null}
    </div>
  );
}
