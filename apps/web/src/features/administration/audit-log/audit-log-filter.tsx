import { useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldInput, FieldSelect } from '../../../components/ui/field';
import type { AuditLogFilter, AuditLogPersonFieldsFragment } from '../../../gql/graphql';
import { actionGroup, actionLabel, type ActionGroup } from './labels';
import { AuditLogActionsDocument } from './operations';
import { PersonPicker, type ChosenPerson } from './person-picker';

const GROUPS: readonly ActionGroup[] = ['access', 'reads', 'changes', 'administration'];

/** The API's refusal of the filter, at its field. */
export interface FilterProblems {
  person?: string;
  actor?: string;
  toDate?: string;
}

/**
 * The filter of the log: person, user, event and days. Nothing is asked until it is shown ("Visa"); days the wrong
 * way round are refused here, a person or user not of the organisation by the API (`problems`).
 */
export function AuditLogFilterForm({
  applied,
  knownPerson,
  problems,
  onApply,
}: {
  applied: AuditLogFilter;
  /** the applied filter's person as the log named them */
  knownPerson: AuditLogPersonFieldsFragment | null;
  problems: FilterProblems;
  onApply: (filter: AuditLogFilter) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const actions = useQuery(AuditLogActionsDocument);
  const [person, setPerson] = useState<ChosenPerson | null>(applied.personId ? { id: applied.personId } : null);
  const [actor, setActor] = useState(applied.actor ?? '');
  const [action, setAction] = useState(applied.action ?? '');
  const [fromDate, setFromDate] = useState(applied.fromDate ?? '');
  const [toDate, setToDate] = useState(applied.toDate ?? '');
  const [reversed, setReversed] = useState(false);
  const shownPerson = person && !person.kind && knownPerson?.id === person.id ? knownPerson : person;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (fromDate && toDate && fromDate > toDate) {
      setReversed(true);
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setReversed(false);
    onApply({
      ...(person ? { personId: person.id } : {}),
      ...(actor.trim() ? { actor: actor.trim() } : {}),
      ...(action ? { action } : {}),
      ...(fromDate ? { fromDate } : {}),
      ...(toDate ? { toDate } : {}),
    });
  }

  function clear() {
    setPerson(null);
    setActor('');
    setAction('');
    setFromDate('');
    setToDate('');
    setReversed(false);
    onApply({});
  }

  const offered = actions.data?.auditLogActions ?? [];
  const toDateProblem = reversed ? t('administration.auditLog.filter.datesReversed') : problems.toDate;
  return (
    <form className="panel audit-filter" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate data-testid="audit-filter">
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.auditLog.filter.heading')}
      </h2>
      <div className="audit-filter__fields">
        <PersonPicker id={`${id}-person`} person={shownPerson} onChange={setPerson} errors={problems.person ? [problems.person] : []} />
        <FieldInput
          id={`${id}-actor`}
          label={t('administration.auditLog.filter.actor')}
          hint={t('administration.auditLog.filter.actorHint')}
          errors={problems.actor ? [problems.actor] : []}
          value={actor}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setActor(event.target.value)}
        />
        <FieldSelect
          id={`${id}-action`}
          label={t('administration.auditLog.filter.action')}
          value={action}
          onChange={(event) => setAction(event.target.value)}
        >
          <option value="">{t('administration.auditLog.filter.allActions')}</option>
          {/* An action in the address that the list does not (yet) have stays chosen. */}
          {action && offered.length > 0 && !offered.includes(action) ? <option value={action}>{actionLabel(t, action)}</option> : null}
          {GROUPS.map((group) => (
            <optgroup key={group} label={t(`administration.auditLog.groups.${group}`)}>
              {offered
                .filter((candidate) => actionGroup(candidate) === group)
                .map((candidate) => (
                  <option key={candidate} value={candidate}>
                    {actionLabel(t, candidate)}
                  </option>
                ))}
            </optgroup>
          ))}
        </FieldSelect>
        <div className="audit-filter__dates">
          <FieldInput
            id={`${id}-from`}
            type="date"
            label={t('administration.auditLog.filter.fromDate')}
            value={fromDate}
            onChange={(event) => setFromDate(event.target.value)}
          />
          <FieldInput
            id={`${id}-to`}
            type="date"
            label={t('administration.auditLog.filter.toDate')}
            errors={toDateProblem ? [toDateProblem] : []}
            value={toDate}
            onChange={(event) => setToDate(event.target.value)}
          />
        </div>
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('administration.auditLog.filter.show')}
        </button>
        <button type="button" className="button button--secondary" onClick={clear}>
          {t('administration.auditLog.filter.clear')}
        </button>
      </div>
    </form>
  );
}
