import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { RecordsSection } from '../../components/ui/records-section';
import { usePageTitle } from '../../components/ui/use-page-title';
import { currentLocale } from '../../lib/i18n';
import { GroupDocument, MyGroupsDocument } from '../groups/operations';
import { GroupGradeWarningsDocument } from './operations';
import { IssueWarningForm, WarningActions, type RosterStudent } from './warning-forms';
import { WarningItem } from './warning-item';
import './grade-warnings.css';

/** /grupp/:groupId/betygsvarningar: a teaching group's warnings (its teachers issue here), or a class's students' (its mentor). */
export function GroupWarningsPage() {
  const { groupId = '' } = useParams();
  if (groupId === '') return <NotFoundState />;
  return <GroupWarningsContent key={groupId} groupId={groupId} />;
}

function GroupWarningsContent({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const group = useQuery(GroupDocument, { variables: { id: groupId }, fetchPolicy: 'cache-and-network' });
  // Only the group's teachers may issue: their teaching groups are the TEACHING groups among their own.
  const mine = useQuery(MyGroupsDocument, { fetchPolicy: 'cache-first' });
  const warnings = useQuery(GroupGradeWarningsDocument, { variables: { groupId, locale }, fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const shown = group.data?.group;
  usePageTitle(shown ? t('gradeWarnings.group.pageTitle', { name: shown.name }) : t('gradeWarnings.loading'));

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!shown) {
    if (group.error) return <ErrorState error={group.error} onRetry={() => void group.refetch()} />;
    return group.loading ? <LoadingState label={t('gradeWarnings.loading')} /> : <NotFoundState />;
  }

  const teaches =
    shown.kind === 'TEACHING' && (mine.data?.myGroups ?? []).some((candidate) => candidate.id === groupId && candidate.kind === 'TEACHING');
  const roster: RosterStudent[] = shown.students.map((student) => ({
    id: student.id,
    name: t('group.sortName', { firstName: student.firstName, lastName: student.lastName }),
    fullName: `${student.firstName} ${student.lastName}`,
  }));
  const list = warnings.data?.groupGradeWarnings;

  return (
    <div className="grade-warnings-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={`/grupp/${encodeURIComponent(shown.id)}`}>
              {shown.kind === 'CLASS' ? t('group.classHeading', { name: shown.name }) : t('group.teachingHeading', { name: shown.name })}
            </Link>
          </p>
          <h1 className="page-header__title">{t('gradeWarnings.group.heading', { name: shown.name })}</h1>
          <p className="page-header__sub">
            {shown.kind === 'CLASS' ? t('gradeWarnings.group.introClass') : t('gradeWarnings.group.intro')}
          </p>
        </div>
      </header>
      <Alert tone="success">
        {notice ? (
          <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="grade-warning-notice">
            {notice}
          </div>
        ) : null}
      </Alert>
      {teaches ? (
        <section className="panel form-panel" aria-labelledby="new-grade-warning-heading">
          <h2 id="new-grade-warning-heading" className="section-heading">
            {t('gradeWarnings.issue.heading')}
          </h2>
          <IssueWarningForm
            groupId={groupId}
            students={roster}
            onIssued={(student) => setNotice(t('gradeWarnings.issue.issuedNotice', { name: student.fullName }))}
          />
        </section>
      ) : null}
      <RecordsSection
        headingId="grade-warnings-heading"
        heading={t('gradeWarnings.group.listHeading')}
        records={list}
        renderRecord={(warning) => (
          <WarningItem key={warning.id} warning={warning} forStaff>
            {warning.closedAt ? null : (
              <WarningActions
                warning={warning}
                onDone={(done) =>
                  setNotice(
                    t(done === 'contact' ? 'gradeWarnings.contactForm.savedNotice' : 'gradeWarnings.closeForm.closedNotice', {
                      name: warning.student.name,
                      subject: warning.subjectName,
                    }),
                  )
                }
              />
            )}
          </WarningItem>
        )}
        empty={t('gradeWarnings.group.empty')}
        emptyTestId="no-grade-warnings"
        listTestId="grade-warnings"
        error={warnings.error}
        loading={warnings.loading}
        loadingLabel={t('gradeWarnings.loading')}
        onRetry={() => void warnings.refetch()}
      />
    </div>
  );
}
