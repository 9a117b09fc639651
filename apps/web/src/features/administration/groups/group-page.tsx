import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredGroupQuery } from '../../../gql/graphql';
import { schoolToday } from '../../../lib/dates';
import { DeleteButton } from '../delete-button';
import { useSettledValue } from '../use-settled-value';
import { useDeletionRefusal } from './deletion-refusal';
import { FormPanel } from './form-panel';
import { GroupForm, type GroupValues } from './group-form';
import {
  AdministeredGroupDocument,
  AdministeredGroupsDocument,
  DeleteGroupDocument,
  EndMembershipDocument,
  EnrolInGroupDocument,
  EnrolmentCandidatesDocument,
  GroupOptionsDocument,
  MoveToClassDocument,
  UpdateGroupDocument,
} from './operations';
import { InputField, SelectField } from './input-field';
import { useSaving } from './use-saving';
import { AdminPageHeader } from '../admin-page-header';

type Group = AdministeredGroupQuery['administeredGroup'];
type Membership = Group['memberships'][number];

/** /administration/grupper/:groupId: a group's details to edit, its members with their dates, enrolment, moves and leaving. */
export function AdministeredGroupPage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(AdministeredGroupDocument, { variables: { id: groupId } });
  const options = useQuery(GroupOptionsDocument);
  const [updateGroup] = useMutation(UpdateGroupDocument);
  const group = data?.administeredGroup;
  usePageTitle(group ? group.name : t('administration.groups.title'));
  // Only the first load replaces the page: a refetch after a change keeps the forms and their messages.
  if ((loading && !data) || (options.loading && !options.data)) return <LoadingState label={t('administration.groups.loading')} />;
  if (error || !group) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (options.error || !options.data) return <ErrorState error={options.error} onRetry={() => void options.refetch()} />;
  const choices = options.data.administeredGroupOptions;
  const initial: GroupValues = {
    schoolId: group.school.id,
    schoolYearId: group.schoolYear.id,
    kind: group.kind,
    name: group.name,
    yearLevel: group.yearLevel === null ? '' : String(group.yearLevel),
    subjectId: group.subject?.id ?? '',
    courseId: group.course?.id ?? '',
  };
  const save = async (values: GroupValues) => {
    await updateGroup({
      variables: {
        id: group.id,
        input: {
          name: values.name,
          yearLevel: group.kind === 'CLASS' ? Number(values.yearLevel) : null,
          subjectId: group.kind === 'TEACHING' ? values.subjectId || null : null,
          courseId: group.kind === 'TEACHING' ? values.courseId || null : null,
        },
      },
    });
  };
  return (
    <>
      <AdminPageHeader
        back="/administration/grupper"
        backLabel={t('administration.groups.title')}
        title={group.name}
        lead={
          <>
            {t(`administration.groups.kind.${group.kind}`)} · {group.school.name} · {group.schoolYear.name} ·{' '}
            {t('administration.groups.currentCount', { count: group.currentStudents })}
          </>
        }
      />
      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading" className="section-heading">
          {t('administration.groups.members')}
        </h2>
        <Members group={group} onChanged={() => void refetch()} />
      </section>
      <section className="panel" aria-labelledby="enrol-heading">
        <h2 id="enrol-heading" className="section-heading">
          {t('administration.groups.enrol')}
        </h2>
        <EnrolForm group={group} onChanged={() => void refetch()} />
      </section>
      <section className="panel form-panel" aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="section-heading">
          {t('administration.groups.edit')}
        </h2>
        <GroupForm options={choices} initial={initial} existing submitLabel={t('administration.groups.save')} onSave={save} />
      </section>
      <section className="panel form-panel" aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="section-heading">
          {t('administration.groups.deletion.title')}
        </h2>
        <DeleteGroup group={group} />
      </section>
    </>
  );
}

/** Deleting a group made by mistake; the list of groups then says it is gone. */
function DeleteGroup({ group }: { group: Group }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const refusal = useDeletionRefusal('group');
  const [deleteGroup] = useMutation(DeleteGroupDocument, {
    // Every list of groups is read anew. Not the group itself: this page, still shown, would ask for it again.
    update: (cache) => {
      cache.evict({ fieldName: 'administeredGroups' });
    },
  });
  return (
    <>
      <p className="field__hint">{t('administration.groups.deletion.hint')}</p>
      <DeleteButton
        testId="delete-group"
        label={t('administration.groups.deletion.delete')}
        confirmLabel={t('administration.groups.deletion.confirm', { name: group.name })}
        question={t('administration.groups.deletion.question', { name: group.name })}
        refusal={refusal}
        onDelete={async () => {
          await deleteGroup({ variables: { id: group.id } });
          await navigate('/administration/grupper', { state: { deletedGroup: group.name } });
        }}
      />
    </>
  );
}

function Members({ group, onChanged }: { group: Group; onChanged: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ membershipId: string; action: 'move' | 'end' } | null>(null);
  const name = (membership: Membership) => `${membership.student.lastName}, ${membership.student.firstName}`;
  if (group.memberships.length === 0) return <p>{t('administration.groups.noMembers')}</p>;
  return (
    <>
      <DataTable caption={t('administration.groups.membersCaption', { count: group.memberships.length })} testId="members-table">
        <thead>
          <tr>
            <th scope="col">{t('administration.groups.student')}</th>
            <th scope="col">{t('administration.groups.validFrom')}</th>
            <th scope="col">{t('administration.groups.validTo')}</th>
            <th scope="col">{t('administration.groups.status')}</th>
            <th scope="col">{t('administration.groups.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {group.memberships.map((membership) => (
            <tr key={membership.id}>
              <th scope="row">{name(membership)}</th>
              <td>{membership.validFrom}</td>
              <td>{membership.validTo ?? t('administration.groups.untilFurther')}</td>
              <td>{membership.current ? t('administration.groups.current') : t('administration.groups.notCurrent')}</td>
              <td>
                <div className="form__actions">
                  {group.kind === 'CLASS' && membership.validTo === null ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-expanded={open?.membershipId === membership.id && open.action === 'move'}
                      onClick={() => setOpen({ membershipId: membership.id, action: 'move' })}
                    >
                      {t('administration.groups.moveAction')}
                      <span className="visually-hidden"> {membership.student.firstName}</span>
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-expanded={open?.membershipId === membership.id && open.action === 'end'}
                    onClick={() => setOpen({ membershipId: membership.id, action: 'end' })}
                  >
                    {t('administration.groups.endAction')}
                    <span className="visually-hidden">
                      {' '}
                      {t('administration.groups.endActionFor', { name: membership.student.firstName })}
                    </span>
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {open
        ? (() => {
            const membership = group.memberships.find((candidate) => candidate.id === open.membershipId);
            if (!membership) return null;
            const done = () => {
              setOpen(null);
              onChanged();
            };
            return open.action === 'move' ? (
              <MoveForm key={membership.id} group={group} membership={membership} onDone={done} onCancel={() => setOpen(null)} />
            ) : (
              <EndForm key={membership.id} membership={membership} onDone={done} onCancel={() => setOpen(null)} />
            );
          })()
        : null}
    </>
  );
}

function MoveForm({
  group,
  membership,
  onDone,
  onCancel,
}: {
  group: Group;
  membership: Membership;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [fromDate, setFromDate] = useState(schoolToday());
  const [toGroupId, setToGroupId] = useState('');
  const classes = useQuery(AdministeredGroupsDocument, {
    variables: { filter: { schoolId: group.school.id, schoolYearId: group.schoolYear.id, kind: 'CLASS' }, page: { offset: 0, limit: 200 } },
  });
  const [move, { loading }] = useMutation(MoveToClassDocument);
  const saving = useSaving();
  const targets = (classes.data?.administeredGroups.groups ?? []).filter((candidate) => candidate.id !== group.id);
  const submit = async () => {
    if (await saving.save([], () => move({ variables: { input: { membershipId: membership.id, toGroupId, fromDate } } }))) onDone();
  };
  return (
    <FormPanel
      title={t('administration.groups.moveTitle', { name: `${membership.student.firstName} ${membership.student.lastName}` })}
      hint={t('administration.groups.moveHint')}
      onSubmit={submit}
      submitLabel={t('administration.groups.moveSubmit')}
      submitDisabled={loading || toGroupId === ''}
      onCancel={onCancel}
      outcome={saving.outcome}
    >
      <div className="form__row">
        <SelectField
          id={`${id}-to`}
          label={t('administration.groups.toClass')}
          value={toGroupId}
          onChange={setToGroupId}
          problem={saving.problemAt('toGroupId')}
        >
          <option value="">{t('administration.groups.chooseClass')}</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.name}
            </option>
          ))}
        </SelectField>
        <InputField
          type="date"
          id={`${id}-from`}
          label={t('administration.groups.moveFrom')}
          value={fromDate}
          onChange={setFromDate}
          problem={saving.problemAt('fromDate')}
        />
      </div>
    </FormPanel>
  );
}

function EndForm({ membership, onDone, onCancel }: { membership: Membership; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [validTo, setValidTo] = useState(membership.validTo ?? schoolToday());
  const [end, { loading }] = useMutation(EndMembershipDocument);
  const saving = useSaving();
  const submit = async () => {
    if (await saving.save([], () => end({ variables: { input: { membershipId: membership.id, validTo } } }))) onDone();
  };
  return (
    <FormPanel
      title={t('administration.groups.endTitle', { name: `${membership.student.firstName} ${membership.student.lastName}` })}
      hint={t('administration.groups.endHint')}
      onSubmit={submit}
      submitLabel={t('administration.groups.endSubmit')}
      submitDisabled={loading}
      onCancel={onCancel}
      outcome={saving.outcome}
    >
      <InputField
        type="date"
        id={`${id}-to`}
        label={t('administration.groups.lastDay')}
        value={validTo}
        onChange={setValidTo}
        problem={saving.problemAt('validTo') ?? saving.problemAt('validFrom')}
      />
    </FormPanel>
  );
}

function EnrolForm({ group, onChanged }: { group: Group; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const settled = useSettledValue(search.trim());
  const [studentId, setStudentId] = useState('');
  const [validFrom, setValidFrom] = useState(schoolToday());
  const [validTo, setValidTo] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const candidates = useQuery(EnrolmentCandidatesDocument, {
    variables: { groupId: group.id, search: settled },
    skip: settled.length < 2,
  });
  const [enrol, { loading }] = useMutation(EnrolInGroupDocument);
  const saving = useSaving();
  const found = settled.length < 2 ? [] : (candidates.data?.enrolmentCandidates ?? []);
  const chosen = found.find((candidate) => candidate.id === studentId);
  const submit = async () => {
    setSaved(null);
    const ok = await saving.save([], () =>
      enrol({ variables: { input: { groupId: group.id, studentId, validFrom, validTo: validTo === '' ? null : validTo } } }),
    );
    if (ok) {
      setSaved(chosen ? `${chosen.firstName} ${chosen.lastName}` : '');
      setStudentId('');
      setSearch('');
      onChanged();
    }
  };
  return (
    <form
      className="form form-panel"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="enrol-form"
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-search`}>
          {t('administration.groups.findStudent')}
        </label>
        <p id={`${id}-search-hint`} className="field__hint">
          {t('administration.groups.findStudentHint', { school: group.school.name })}
        </p>
        <input
          id={`${id}-search`}
          type="search"
          className="field__input"
          autoComplete="off"
          aria-describedby={`${id}-search-hint`}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <SelectField
        id={`${id}-student`}
        label={t('administration.groups.student')}
        value={studentId}
        onChange={setStudentId}
        problem={saving.problemAt('studentId')}
      >
        <option value="">
          {found.length === 0 ? t('administration.groups.noCandidates') : t('administration.groups.chooseStudent', { count: found.length })}
        </option>
        {found.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.lastName}, {candidate.firstName}
          </option>
        ))}
      </SelectField>
      <div className="form__row">
        <InputField
          type="date"
          id={`${id}-from`}
          label={t('administration.groups.validFrom')}
          value={validFrom}
          onChange={setValidFrom}
          problem={saving.problemAt('validFrom')}
        />
        <InputField
          type="date"
          id={`${id}-to`}
          label={t('administration.groups.validToOptional')}
          value={validTo}
          onChange={setValidTo}
          problem={saving.problemAt('validTo')}
        />
      </div>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading || studentId === ''}>
            {t('administration.groups.enrolSubmit')}
          </button>
        </div>
        <Alert tone={saved !== null ? 'success' : 'error'}>
          {saved !== null
            ? t('administration.groups.enrolled', { name: saved })
            : saving.outcome === 'unreachable' || saving.outcome === 'failed'
              ? t(`administration.groups.${saving.outcome}`)
              : null}
        </Alert>
      </div>
    </form>
  );
}
