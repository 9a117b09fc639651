import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/ui/field';
import type { AuditLogPersonFieldsFragment } from '../../../gql/graphql';
import { useSettledValue } from '../use-settled-value';
import { personLabel } from './labels';
import { AuditLogPeopleDocument } from './operations';

/** The filter's person as the page knows it: found by a search, or only its id (from the address) until the log names it. */
export type ChosenPerson = AuditLogPersonFieldsFragment | { id: string; kind?: undefined };

const MIN_SEARCH = 2;

/**
 * The filter's person: a search of the organisation's students, guardians and staff (by name, personnummer, signature
 * or id) with the matches as buttons; the chosen one is shown with a button that removes it. Focus follows: to the
 * remove button when a person is chosen, back to the search when it is removed.
 */
export function PersonPicker({
  id,
  person,
  onChange,
  errors,
}: {
  id: string;
  person: ChosenPerson | null;
  onChange: (person: ChosenPerson | null) => void;
  errors: string[];
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const settled = useSettledValue(search).trim();
  const searching = settled.length >= MIN_SEARCH;
  const { data, loading } = useQuery(AuditLogPeopleDocument, { variables: { search: settled }, skip: !searching || person !== null });
  const people = searching ? (data?.auditLogPeople ?? []) : [];
  const removeRef = useRef<HTMLButtonElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // Set by choosing or removing: the next render with the other control moves focus to it.
  const moveFocus = useRef(false);

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (person ? removeRef : searchRef).current?.focus();
  }, [person]);

  if (person) {
    return (
      <div className="field audit-person" data-testid="audit-person">
        <span className="field__label" id={`${id}-chosen`}>
          {t('administration.auditLog.filter.chosen')}
        </span>
        <p className="audit-person__chosen" aria-labelledby={`${id}-chosen`}>
          <span className="audit-person__name">{person.kind ? personLabel(t, person) : person.id}</span>
          <button
            ref={removeRef}
            type="button"
            className="button button--quiet"
            onClick={() => {
              onChange(null);
              moveFocus.current = true;
            }}
          >
            {t('administration.auditLog.filter.removePerson')}
          </button>
        </p>
        {errors.length > 0 ? <p className="field__error">{errors.join(' ')}</p> : null}
      </div>
    );
  }

  return (
    <div className="audit-person">
      <Field
        id={id}
        label={t('administration.auditLog.filter.person')}
        hint={t('administration.auditLog.filter.personHint')}
        errors={errors}
      >
        {(describedBy, invalid) => (
          <input
            ref={searchRef}
            id={id}
            type="search"
            className="field__input"
            value={search}
            autoComplete="off"
            aria-describedby={[describedBy, `${id}-status`].filter(Boolean).join(' ')}
            aria-invalid={invalid || undefined}
            onChange={(event) => setSearch(event.target.value)}
          />
        )}
      </Field>
      <p id={`${id}-status`} className="audit-person__status" role="status">
        {!searching
          ? ''
          : loading
            ? t('administration.auditLog.filter.searching')
            : people.length === 0
              ? t('administration.auditLog.filter.noResults')
              : t('administration.auditLog.filter.results', { count: people.length })}
      </p>
      {people.length > 0 ? (
        <ul className="audit-person__results" data-testid="audit-person-results">
          {people.map((candidate) => (
            <li key={candidate.id}>
              <button
                type="button"
                className="button button--secondary audit-person__result"
                onClick={() => {
                  onChange(candidate);
                  setSearch('');
                  moveFocus.current = true;
                }}
              >
                {personLabel(t, candidate)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
