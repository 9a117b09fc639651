import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { SchoolPicker } from '../../../components/ui/school-picker';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { LessonSeriesFieldsFragment } from '../../../gql/graphql';
import { schoolToday } from '../../../lib/dates';
import { AdministeredOrganisationDocument } from '../operations';
import { GeneratePanel } from './generate-panel';
import { LessonFinder } from './lesson-finder';
import { ScheduleOptionsDocument } from './operations';
import { SeriesForm } from './series-form';
import { SeriesTable } from './series-table';
import './schedule.css';

/** The term a date is in, else the next to start, else the last. */
function defaultTerm<T extends { id: string; startDate: string; endDate: string }>(terms: readonly T[], today: string): T | undefined {
  return (
    terms.find((term) => term.startDate <= today && today <= term.endDate) ??
    terms.find((term) => term.startDate > today) ??
    terms[terms.length - 1]
  );
}

/**
 * /administration/schema?skola=…&termin=…&grupp=…: the basic schedule (grundschema) of a school in a term:
 * the lesson series, searched, sorted and paged, a form to add or change one, generating the term's lessons,
 * and finding one lesson of a group in a week to change it.
 */
export function BasicSchedulePage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.schedule.title'));
  const id = useId();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<LessonSeriesFieldsFragment | null>(null);
  const organisation = useQuery(AdministeredOrganisationDocument);
  const schools = organisation.data?.administeredOrganisation?.schools ?? [];
  const schoolId = params.get('skola') ?? schools[0]?.id ?? null;
  const termParam = params.get('termin');
  const groupId = params.get('grupp');
  const options = useQuery(ScheduleOptionsDocument, {
    variables: { schoolId: schoolId ?? '', termId: termParam },
    skip: !schoolId,
  });
  const terms = useMemo(() => options.data?.scheduleOptions.terms ?? [], [options.data]);
  const term = terms.find((candidate) => candidate.id === termParam);

  useEffect(() => {
    if (termParam || terms.length === 0) return;
    const chosen = defaultTerm(terms, schoolToday());
    if (chosen) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('termin', chosen.id);
          return next;
        },
        { replace: true },
      );
    }
  }, [termParam, terms, setParams]);

  const setParam = (name: string, value: string | null) => {
    setEditing(null);
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'grupp') next.delete('grupp');
      return next;
    });
  };

  if (organisation.loading || (options.loading && !options.data)) return <LoadingState label={t('administration.schedule.loading')} />;
  if (organisation.error) return <ErrorState error={organisation.error} onRetry={() => void organisation.refetch()} />;
  if (options.error) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  if (!schoolId || !organisation.data?.administeredOrganisation) return <p>{t('administration.notAdministrator')}</p>;

  const { groups, subjects, teachers } = options.data?.scheduleOptions ?? { groups: [], subjects: [], teachers: [] };
  const termName = (candidate: (typeof terms)[number]) =>
    t(`administration.schedule.termName.${candidate.kind}`, { schoolYear: candidate.schoolYear });

  return (
    <>
      <header className="page-header">
        <h1 className="page-header__title">{t('administration.schedule.title')}</h1>
        <p className="page-header__sub">{t('administration.schedule.lead')}</p>
      </header>
      <div className="schedule-admin__filters">
        <SchoolPicker
          label={t('administration.schedule.school')}
          schools={schools}
          value={schoolId}
          onChange={(value) => setParam('skola', value)}
        />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-term`}>
            {t('administration.schedule.term')}
          </label>
          <select
            id={`${id}-term`}
            className="field__input"
            value={term?.id ?? ''}
            onChange={(event) => setParam('termin', event.target.value)}
          >
            {terms.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {termName(candidate)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-group`}>
            {t('administration.schedule.group')}
          </label>
          <select
            id={`${id}-group`}
            className="field__input"
            value={groupId ?? ''}
            onChange={(event) => setParam('grupp', event.target.value || null)}
          >
            <option value="">{t('administration.schedule.allGroups')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {term ? (
        <>
          <SeriesTable schoolId={schoolId} termId={term.id} groupId={groupId} onEdit={setEditing} />
          <SeriesForm
            key={`${term.id}:${groupId ?? ''}:${editing?.id ?? 'new'}`}
            term={term}
            groups={groups}
            subjects={subjects}
            teachers={teachers}
            series={editing}
            defaultGroupId={groupId}
            onDone={() => setEditing(null)}
          />
          <GeneratePanel key={term.id} term={term} schoolId={schoolId} />
          <LessonFinder key={`${term.id}:${groupId ?? ''}`} groups={groups} defaultGroupId={groupId} term={term} />
        </>
      ) : null}
    </>
  );
}
