import { useMutation, useQuery } from '@apollo/client/react';
import {
  checkAssessmentRows,
  checkTask,
  MAX_TASK_DESCRIPTION_LENGTH,
  MAX_TASK_TITLE_LENGTH,
  type AssessmentProblem,
  type AssessmentRow,
  type SchoolYearSpan,
} from '@insyn/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { AssessmentTaskFieldsFragment, GroupAssessmentsQuery } from '../../gql/graphql';
import { formatDateRange, formatLongDate, formatSchoolDateTime, schoolToday } from '../../lib/dates';
import { forgetDraft, readDraft, useConfirmUnload, writeDraft } from '../../lib/drafts';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { Field } from '../../components/ui/field';
import { changedMarks, MarksTable, type Mark } from './marks-table';
import {
  CreateAssessmentTaskDocument,
  UpdateAssessmentTaskDocument,
  GroupAssessmentsDocument,
  PublishAssessmentTaskDocument,
  PublishSubjectAssessmentsDocument,
  SaveAssessmentResultsDocument,
  SaveSubjectAssessmentsDocument,
} from './operations';
import { outcomeOf, type Failure } from './problems';
import './assessments.css';

type GroupAssessments = GroupAssessmentsQuery['groupAssessments'];

/** /grupp/:groupId/omdomen: a teaching group's tasks with results and the term's subject assessments. */
export function GroupAssessmentsPage() {
  const { groupId = '' } = useParams();
  if (groupId === '') return <NotFoundState />;
  return <GroupAssessmentsContent key={groupId} groupId={groupId} />;
}

const REFETCH = { refetchQueries: ['GroupAssessments'], awaitRefetchQueries: true };
const TERM_PARAM = 'termin';

function useNotice() {
  const [notice, setNotice] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  return { notice, setNotice, ref };
}

function GroupAssessmentsContent({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // The term of the subject assessments: the current one unless another is chosen (kept in the address).
  const [params, setParams] = useSearchParams();
  const termId = params.get(TERM_PARAM);
  const { data, error, loading, refetch } = useQuery(GroupAssessmentsDocument, {
    variables: { groupId, termId },
    fetchPolicy: 'cache-and-network',
  });
  const { notice, setNotice, ref } = useNotice();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // "Visa resultat" moves focus to the results it showed, once they have replaced the previous task's.
  const focusResults = useRef(false);
  useEffect(() => {
    if (!focusResults.current) return;
    focusResults.current = false;
    document.getElementById('task-results-heading')?.focus();
  }, [selectedId]);
  const shown = data?.groupAssessments;
  usePageTitle(shown ? t('assessments.group.pageTitle', { name: shown.groupName }) : t('assessments.loading'));

  if (!shown) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('assessments.loading')} /> : <NotFoundState />;
  }
  const subject = locale === 'en' ? shown.subjectNameEn : shown.subjectNameSv;
  const selected = shown.tasks.find((task) => task.id === selectedId) ?? shown.tasks[0] ?? null;

  return (
    <div className="assessments-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to={`/grupp/${encodeURIComponent(groupId)}`}>
              {t('group.teachingHeading', { name: shown.groupName })}
            </Link>
          </p>
          <h1 className="page-header__title">{t('assessments.group.heading', { name: shown.groupName })}</h1>
          <p className="page-header__sub">
            {shown.scale ? t(`assessments.group.intro.${shown.scale}`, { subject }) : t('assessments.group.noScale')}
          </p>
        </div>
      </header>
      <Alert tone="success">
        {notice ? (
          <div ref={ref} tabIndex={-1} className="notice-focus" data-testid="assessment-notice">
            {notice}
          </div>
        ) : null}
      </Alert>
      {shown.canRecord ? (
        <section className="panel form-panel" aria-labelledby="new-task-heading">
          <h2 id="new-task-heading" className="section-heading">
            {t('assessments.newTask.heading')}
          </h2>
          <TaskForm
            groupId={groupId}
            schoolYear={shown.schoolYear}
            onSaved={(id, title) => {
              setSelectedId(id);
              setNotice(t('assessments.newTask.createdNotice', { title }));
            }}
          />
        </section>
      ) : null}
      <section className="records-section" aria-labelledby="tasks-heading">
        <h2 id="tasks-heading" className="section-heading">
          {t('assessments.tasks.heading')}
        </h2>
        {shown.tasks.length === 0 ? (
          <p className="week-empty" data-testid="no-tasks">
            {shown.canRecord ? t('assessments.tasks.emptyTeacher') : t('assessments.tasks.empty')}
          </p>
        ) : (
          <TaskList
            group={shown}
            selectedId={selected?.id ?? null}
            onSelect={(id) => {
              if (id === selected?.id) {
                document.getElementById('task-results-heading')?.focus();
                return;
              }
              focusResults.current = true;
              setSelectedId(id);
            }}
          />
        )}
      </section>
      {selected ? <TaskResults key={selected.id} group={shown} task={selected} onDone={setNotice} /> : null}
      <SubjectAssessments
        key={shown.term.id}
        group={shown}
        onDone={setNotice}
        onTermChange={(id) => setParams({ [TERM_PARAM]: id }, { replace: true })}
      />
    </div>
  );
}

function TaskStatus({ publishedAt }: { publishedAt: string | null }) {
  const { t } = useTranslation();
  return publishedAt ? (
    <span className="status-badge status-badge--approved">
      <span aria-hidden="true">✓ </span>
      {t('assessments.status.published')}
    </span>
  ) : (
    <span className="status-badge status-badge--pending">
      <span aria-hidden="true">… </span>
      {t('assessments.status.draft')}
    </span>
  );
}

function TaskList({ group, selectedId, onSelect }: { group: GroupAssessments; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DataTable caption={t('assessments.tasks.caption', { count: group.tasks.length })} testId="assessment-tasks">
      <thead>
        <tr>
          <th scope="col">{t('assessments.tasks.title')}</th>
          <th scope="col">{t('assessments.tasks.date')}</th>
          <th scope="col">{t('assessments.tasks.status')}</th>
          <th scope="col">{t('assessments.tasks.results')}</th>
          <th scope="col" className="assessments__action-heading">
            <span className="visually-hidden">{t('assessments.tasks.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {group.tasks.map((task) => (
          <tr key={task.id} data-task-id={task.id}>
            <th scope="row">{task.title}</th>
            <td>{formatLongDate(task.date, locale)}</td>
            <td>
              <TaskStatus publishedAt={task.publishedAt} />
            </td>
            <td className="data-table__numeric">
              {t('assessments.tasks.resultCount', { count: task.results.length, of: group.members.length })}
            </td>
            <td>
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={task.id === selectedId}
                aria-label={t('assessments.tasks.openLabel', { title: task.title })}
                onClick={() => onSelect(task.id)}
              >
                {t('assessments.tasks.open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function FailureAlert({ failure, general }: { failure: Failure | null; general: AssessmentProblem[] }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      {general.length > 0
        ? general.map((problem) => t(`assessments.problems.${problem}`)).join(' ')
        : failure === 'unreachable'
          ? t('errors.unreachableBody')
          : failure
            ? t(`assessments.${failure}`)
            : null}
    </Alert>
  );
}

type TaskSlot = 'title' | 'date' | 'description' | 'general';
const taskSlotOf = (problem: AssessmentProblem): TaskSlot =>
  problem.startsWith('TITLE_')
    ? 'title'
    : problem === 'INVALID_DATE' || problem === 'DATE_OUTSIDE_SCHOOL_YEAR'
      ? 'date'
      : problem === 'DESCRIPTION_TOO_LONG'
        ? 'description'
        : 'general';

/** "Ny uppgift": a test or an assignment, a draft until its results are published. */
/** A new task for the group, or (with `task`) the title, date and description of one to correct. */
function TaskForm({
  groupId,
  schoolYear,
  task,
  onSaved,
}: {
  groupId: string;
  /** the group's school year, within which its tasks are dated */
  schoolYear: SchoolYearSpan;
  task?: AssessmentTaskFieldsFragment;
  onSaved: (id: string, title: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(task?.title ?? '');
  const [date, setDate] = useState(() => task?.date ?? schoolToday());
  const [description, setDescription] = useState(task?.description ?? '');
  const [problems, setProblems] = useState<AssessmentProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [create, creating] = useMutation(CreateAssessmentTaskDocument, REFETCH);
  const [update, updating] = useMutation(UpdateAssessmentTaskDocument, REFETCH);
  const loading = creating.loading || updating.loading;
  const inputId = (slot: TaskSlot) => `${id}-${slot === 'general' ? 'title' : slot}`;
  const locale = currentLocale();
  const yearSpan = { span: formatDateRange(schoolYear.startDate, schoolYear.endDate, locale) };
  const errorsFor = (slot: TaskSlot) =>
    problems.filter((problem) => taskSlotOf(problem) === slot).map((problem) => t(`assessments.problems.${problem}`, yearSpan));

  function show(found: AssessmentProblem[], failed: Failure | null = null) {
    setProblems(found);
    setFailure(failed);
    const first = found[0];
    if (first) document.getElementById(inputId(taskSlotOf(first)))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { title: title.trim(), date, description: description.trim() || null };
    const found = checkTask(input, schoolYear);
    if (found.length > 0) {
      show(found);
      return;
    }
    show([]);
    try {
      if (task) {
        await update({ variables: { taskId: task.id, input } });
        onSaved(task.id, input.title);
        return;
      }
      const result = await create({ variables: { groupId, input } });
      const created = result.data?.createAssessmentTask.id;
      setTitle('');
      setDescription('');
      if (created) onSaved(created, input.title);
    } catch (error) {
      const outcome = outcomeOf(error);
      show(outcome.problems, outcome.failure);
    }
  }

  const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    setProblems([]);
    setFailure(null);
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-busy={loading}
      data-testid={task ? 'edit-task-form' : 'new-task-form'}
    >
      <div className="form__row">
        <Field
          id={inputId('title')}
          label={t('assessments.newTask.title')}
          hint={t('assessments.newTask.titleHint')}
          errors={errorsFor('title')}
        >
          {(describedBy, invalid) => (
            <input
              id={inputId('title')}
              className="field__input"
              type="text"
              required
              maxLength={MAX_TASK_TITLE_LENGTH}
              value={title}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={change(setTitle)}
            />
          )}
        </Field>
        <Field id={inputId('date')} label={t('assessments.newTask.date')} errors={errorsFor('date')}>
          {(describedBy, invalid) => (
            <input
              id={inputId('date')}
              className="field__input"
              type="date"
              required
              min={schoolYear.startDate}
              max={schoolYear.endDate}
              value={date}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={change(setDate)}
            />
          )}
        </Field>
      </div>
      <Field id={inputId('description')} label={t('assessments.newTask.description')} errors={errorsFor('description')}>
        {(describedBy, invalid) => (
          <textarea
            id={inputId('description')}
            className="field__input field__textarea field__textarea--short"
            maxLength={MAX_TASK_DESCRIPTION_LENGTH}
            value={description}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={change(setDescription)}
          />
        )}
      </Field>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading} data-testid={task ? 'update-task' : 'create-task'}>
            {loading ? t('assessments.saving') : t(task ? 'assessments.editTask.submit' : 'assessments.newTask.submit')}
          </button>
        </div>
        <FailureAlert failure={failure} general={problems.filter((problem) => taskSlotOf(problem) === 'general')} />
      </div>
    </form>
  );
}

const isMarks = (value: unknown): value is Record<string, Mark> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((mark: unknown) => typeof mark === 'object' && mark !== null && 'grade' in mark && 'comment' in mark);

/**
 * The marks as typed, starting from what is saved; `saved` compares against the server's copy. The rows changed and not
 * yet saved are kept under `draftKey` (lib/drafts.ts): a teacher who leaves the page with a half-filled table finds
 * their rows again when they come back.
 */
function useMarks(saved: Record<string, Mark>, draftKey: string) {
  const [marks, setMarks] = useState<Record<string, Mark>>(() => ({ ...saved, ...readDraft(draftKey, isMarks) }));
  const changes = changedMarks(marks, saved);
  const unsaved = changes.length > 0;
  useConfirmUnload(unsaved);
  const changedIds = changes.map((row) => row.studentId).join(',');
  useEffect(() => {
    if (changedIds === '') forgetDraft(draftKey);
    else writeDraft(draftKey, Object.fromEntries(changedIds.split(',').map((studentId) => [studentId, marks[studentId]])));
  }, [draftKey, changedIds, marks]);
  return { marks, setMark: (studentId: string, mark: Mark) => setMarks((previous) => ({ ...previous, [studentId]: mark })), changes };
}

/** Save and publish with their problems: rows' problems at the rows, the rest in one alert. */
function useTableOutcome() {
  const [rows, setRows] = useState<ReadonlyMap<string, AssessmentProblem[]>>(new Map());
  const [general, setGeneral] = useState<AssessmentProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const clear = () => {
    setRows(new Map());
    setGeneral([]);
    setFailure(null);
  };
  return {
    rows,
    general,
    failure,
    clear,
    /** The rules the API applies, checked on the device first: true when the rows may be sent, else their problems shown. */
    checkRows: (group: GroupAssessments, changes: AssessmentRow[], gradeRequired: boolean, tableId: string): boolean => {
      if (!group.scale) return false;
      const memberIds = group.members.map((member) => member.id);
      const found = checkAssessmentRows(changes, group.scale, memberIds, gradeRequired);
      if (found.length === 0) {
        clear();
        return true;
      }
      setRows(new Map(found.map((row) => [row.studentId, row.problems])));
      setGeneral([]);
      setFailure(null);
      const first = found[0]?.studentId;
      if (first)
        document
          .querySelector<HTMLElement>(`#${tableId} tr[data-student-id="${first}"] select, #${tableId} tr[data-student-id="${first}"] input`)
          ?.focus();
      return false;
    },
    showError: (error: unknown, tableId: string) => {
      const outcome = outcomeOf(error);
      setRows(outcome.rows);
      setGeneral(outcome.problems);
      setFailure(outcome.failure);
      const first = [...outcome.rows.keys()][0];
      if (first) document.querySelector<HTMLElement>(`#${tableId} tr[data-student-id="${first}"] select`)?.focus();
    },
  };
}

const scaleHeading = (group: GroupAssessments) =>
  group.scale === 'KNOWLEDGE_LEVELS' ? 'assessments.table.level' : 'assessments.table.grade';

/** A task's results for the whole group in one table; its creator publishes them. */
function TaskResults({
  group,
  task,
  onDone,
}: {
  group: GroupAssessments;
  task: AssessmentTaskFieldsFragment;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const viewer = useViewer();
  const saved = Object.fromEntries(
    task.results.map((result) => [result.studentId, { grade: result.grade ?? '', comment: result.comment ?? '' }]),
  );
  const { marks, setMark, changes } = useMarks(saved, `assessments:${viewer.userId}:task:${task.id}`);
  const outcome = useTableOutcome();
  const [save, saving] = useMutation(SaveAssessmentResultsDocument, REFETCH);
  const [publish, publishing] = useMutation(PublishAssessmentTaskDocument, REFETCH);
  // A draft is the group's teachers' to fill in; a published task only its creator's to correct.
  const editable = group.canRecord && (!task.publishedAt || task.createdByMe);
  const tableId = 'task-results';

  async function saveAll() {
    if (!outcome.checkRows(group, changes, false, tableId)) return;
    try {
      await save({ variables: { taskId: task.id, rows: changes } });
      onDone(t('assessments.results.savedNotice', { count: changes.length, title: task.title }));
    } catch (error) {
      outcome.showError(error, tableId);
    }
  }

  async function publishTask() {
    outcome.clear();
    try {
      await publish({ variables: { taskId: task.id } });
      onDone(t('assessments.results.publishedNotice', { title: task.title }));
    } catch (error) {
      outcome.showError(error, tableId);
    }
  }

  return (
    <section className="panel" aria-labelledby="task-results-heading" id={tableId}>
      <h2 id="task-results-heading" className="section-heading" tabIndex={-1}>
        {t('assessments.results.heading', { title: task.title })}
      </h2>
      <p className="record__meta">
        {t('assessments.results.meta', { date: formatLongDate(task.date, locale), name: task.createdBy })}{' '}
        <TaskStatus publishedAt={task.publishedAt} />
        {task.publishedAt ? (
          <span> {t('assessments.results.publishedAt', { when: formatSchoolDateTime(task.publishedAt, locale) })}</span>
        ) : null}
      </p>
      {task.description ? <p className="record__note">{task.description}</p> : null}
      {editable ? (
        <details className="assessments__edit-task">
          <summary>{t('assessments.editTask.heading')}</summary>
          <TaskForm
            key={task.id}
            groupId={group.groupId}
            schoolYear={group.schoolYear}
            task={task}
            onSaved={(_id, title) => onDone(t('assessments.editTask.savedNotice', { title }))}
          />
        </details>
      ) : null}
      <MarksTable
        caption={t('assessments.results.caption', { title: task.title })}
        gradeHeading={t(scaleHeading(group))}
        members={group.members}
        grades={group.grades}
        marks={marks}
        onChange={(studentId, mark) => {
          setMark(studentId, mark);
          outcome.clear();
        }}
        editable={() => editable}
        problems={outcome.rows}
        testId="results-table"
      />
      {editable ? (
        <div className="form__footer assessments__actions">
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={saving.loading || changes.length === 0}
              onClick={() => void saveAll()}
              data-testid="save-results"
            >
              {saving.loading ? t('assessments.saving') : t('assessments.results.save', { count: changes.length })}
            </button>
            {task.createdByMe && !task.publishedAt ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={publishing.loading || changes.length > 0 || task.results.length === 0}
                onClick={() => void publishTask()}
                aria-describedby="publish-task-hint"
                data-testid="publish-task"
              >
                {publishing.loading ? t('assessments.saving') : t('assessments.results.publish')}
              </button>
            ) : null}
          </div>
          <p id="publish-task-hint" className="field__hint">
            {task.publishedAt
              ? t('assessments.results.correctionHint')
              : changes.length > 0
                ? t('assessments.saveFirst')
                : task.createdByMe
                  ? t('assessments.results.publishHint')
                  : t('assessments.results.notYourDraft', { name: task.createdBy })}
          </p>
          <FailureAlert failure={outcome.failure} general={outcome.general} />
        </div>
      ) : null}
    </section>
  );
}

/** The term of the subject assessments, among the group's school year's; nothing to choose with one term. */
function TermPicker({ group, onChange }: { group: GroupAssessments; onChange: (termId: string) => void }) {
  const { t } = useTranslation();
  if (group.terms.length < 2) return null;
  return (
    <div className="field assessments__term">
      <label className="field__label" htmlFor="subject-assessments-term">
        {t('assessments.subject.termLabel')}
      </label>
      <select
        id="subject-assessments-term"
        className="field__input"
        value={group.term.id}
        onChange={(event) => onChange(event.target.value)}
        data-testid="subject-assessments-term"
      >
        {group.terms.map((option) => (
          <option key={option.id} value={option.id}>
            {t(`assessments.terms.${option.kind}`, { year: option.schoolYear })}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The term's subject assessments in one table; each teacher publishes the drafts they wrote. */
function SubjectAssessments({
  group,
  onDone,
  onTermChange,
}: {
  group: GroupAssessments;
  onDone: (notice: string) => void;
  onTermChange: (termId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const byStudent = new Map(group.subjectAssessments.map((assessment) => [assessment.studentId, assessment]));
  const viewer = useViewer();
  const saved = Object.fromEntries(group.subjectAssessments.map((a) => [a.studentId, { grade: a.grade, comment: a.comment ?? '' }]));
  const { marks, setMark, changes } = useMarks(saved, `assessments:${viewer.userId}:${group.groupId}:${group.term.id}`);
  const outcome = useTableOutcome();
  const [save, saving] = useMutation(SaveSubjectAssessmentsDocument, REFETCH);
  const [publish, publishing] = useMutation(PublishSubjectAssessmentsDocument, REFETCH);
  const term = t(`assessments.terms.${group.term.kind}`, { year: group.term.schoolYear });
  const myDrafts = group.subjectAssessments.filter((assessment) => assessment.authoredByMe && !assessment.publishedAt).length;
  const editable = (studentId: string) => {
    const assessment = byStudent.get(studentId);
    return group.canRecord && (!assessment?.publishedAt || assessment.authoredByMe);
  };
  const tableId = 'subject-assessments';

  async function saveAll() {
    if (!outcome.checkRows(group, changes, true, tableId)) return;
    try {
      await save({ variables: { groupId: group.groupId, termId: group.term.id, rows: changes } });
      onDone(t('assessments.subject.savedNotice', { count: changes.length }));
    } catch (error) {
      outcome.showError(error, tableId);
    }
  }

  async function publishMine() {
    outcome.clear();
    try {
      const result = await publish({ variables: { groupId: group.groupId, termId: group.term.id } });
      onDone(t('assessments.subject.publishedNotice', { count: result.data?.publishSubjectAssessments ?? 0 }));
    } catch (error) {
      outcome.showError(error, tableId);
    }
  }

  if (!group.canRecord && group.subjectAssessments.length === 0) {
    return (
      <section className="records-section" aria-labelledby="subject-assessments-heading">
        <h2 id="subject-assessments-heading" className="section-heading">
          {t('assessments.subject.heading', { term })}
        </h2>
        <TermPicker group={group} onChange={onTermChange} />
        <p className="week-empty">{t('assessments.subject.empty')}</p>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="subject-assessments-heading" id={tableId}>
      <h2 id="subject-assessments-heading" className="section-heading">
        {t('assessments.subject.heading', { term })}
      </h2>
      <TermPicker group={group} onChange={onTermChange} />
      <p className="field__hint">{t('assessments.subject.intro')}</p>
      <MarksTable
        caption={t('assessments.subject.caption', { term })}
        gradeHeading={t(scaleHeading(group))}
        members={group.members}
        grades={group.grades}
        marks={marks}
        onChange={(studentId, mark) => {
          setMark(studentId, mark);
          outcome.clear();
        }}
        editable={editable}
        problems={outcome.rows}
        status={{
          heading: t('assessments.tasks.status'),
          of: (studentId) => {
            const assessment = byStudent.get(studentId);
            if (!assessment) return '–';
            return (
              <span className="assessments__status">
                <TaskStatus publishedAt={assessment.publishedAt} />
                <span className="record__meta">
                  {assessment.publishedAt
                    ? t('assessments.subject.publishedBy', {
                        name: assessment.authoredBy,
                        when: formatSchoolDateTime(assessment.publishedAt, locale),
                      })
                    : t('assessments.subject.draftBy', { name: assessment.authoredBy })}
                </span>
              </span>
            );
          },
        }}
        testId="subject-assessments-table"
      />
      {group.canRecord ? (
        <div className="form__footer assessments__actions">
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={saving.loading || changes.length === 0}
              onClick={() => void saveAll()}
              data-testid="save-subject-assessments"
            >
              {saving.loading ? t('assessments.saving') : t('assessments.subject.save', { count: changes.length })}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={publishing.loading || changes.length > 0 || myDrafts === 0}
              onClick={() => void publishMine()}
              aria-describedby="publish-subject-hint"
              data-testid="publish-subject-assessments"
            >
              {publishing.loading ? t('assessments.saving') : t('assessments.subject.publish', { count: myDrafts })}
            </button>
          </div>
          <p id="publish-subject-hint" className="field__hint">
            {changes.length > 0 ? t('assessments.saveFirst') : t('assessments.subject.publishHint')}
          </p>
          <FailureAlert failure={outcome.failure} general={outcome.general} />
        </div>
      ) : null}
    </section>
  );
}
