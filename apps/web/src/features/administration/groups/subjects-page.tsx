import { useMutation, useQuery } from '@apollo/client/react';
import { checkCourseFields, checkSubjectFields } from '@insyn/domain';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredCoursesQuery, AdministeredSubjectsQuery, CatalogueSortField } from '../../../gql/graphql';
import { AdminTable, useListState } from '../admin-table';
import { DeleteButton } from '../delete-button';
import { useDeletionRefusal } from './deletion-refusal';
import { FormPanel } from './form-panel';
import {
  AdministeredCoursesDocument,
  AdministeredSubjectsDocument,
  CreateCourseDocument,
  CreateSubjectDocument,
  DeleteCourseDocument,
  DeleteSubjectDocument,
  GroupOptionsDocument,
  UpdateCourseDocument,
  UpdateSubjectDocument,
} from './operations';
import { InputField, SelectField } from './input-field';
import type { FieldProblem } from './problems';
import { useSaving } from './use-saving';
import { AdminPageHeader } from '../admin-page-header';
import '../schools/schools.css';

type Subject = AdministeredSubjectsQuery['administeredSubjects']['subjects'][number];
type Course = AdministeredCoursesQuery['administeredCourses']['courses'][number];
const PAGE_SIZE = 25;

/** /administration/amnen: the organisation's subjects and courses, to search, add and edit. */
export function SubjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.subjects.title'));
  return (
    <>
      <AdminPageHeader back="/administration" backLabel={t('administration.title')} title={t('administration.subjects.title')} />
      <SubjectsSection />
      <CoursesSection />
    </>
  );
}

/** The code of a subject or course, which names its row. */
const codeColumn = <T extends { code: string }>(t: TFunction): ColumnDef<T, unknown> => ({
  id: 'CODE',
  header: t('administration.subjects.code'),
  meta: { rowHeader: true },
  cell: ({ row }) => row.original.code,
});

/**
 * A row's actions: open it in the form under its list, or delete it (asked first). `confirmLabel` and `question`
 * name the row in the confirmation.
 */
function actionsColumn<T extends { id: string; code: string }>(
  t: TFunction,
  actions: {
    edit: (row: T) => void;
    remove: (row: T) => Promise<void>;
    refusal: (error: unknown) => string | null;
    confirmLabel: (row: T) => string;
    question: (row: T) => string;
  },
): ColumnDef<T, unknown> {
  return {
    id: 'ACTIONS',
    header: t('administration.groups.actions'),
    enableSorting: false,
    cell: ({ row }) => (
      <div className="admin-row-actions">
        <button type="button" className="button button--secondary" onClick={() => actions.edit(row.original)}>
          {t('administration.subjects.editNamed', { name: row.original.code })}
        </button>
        <DeleteButton
          testId={`delete-${row.original.code}`}
          label={t('administration.subjects.deleteNamed', { name: row.original.code })}
          confirmLabel={actions.confirmLabel(row.original)}
          question={actions.question(row.original)}
          refusal={actions.refusal}
          onDelete={() => actions.remove(row.original)}
        />
      </div>
    ),
  };
}

function SubjectsSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const list = useListState<CatalogueSortField>('CODE', PAGE_SIZE);
  const { data, previousData, error, refetch } = useQuery(AdministeredSubjectsDocument, {
    variables: { search: list.settledSearch || null, sort: list.sort, page: list.page },
  });
  const shown = data ?? previousData;
  const [editing, setEditing] = useState<Subject | null>(null);
  const language = i18n.language;
  const refusal = useDeletionRefusal('subject');
  const [deleteSubject] = useMutation(DeleteSubjectDocument);
  const columns = useMemo<ColumnDef<Subject, unknown>[]>(
    () => [
      codeColumn<Subject>(t),
      { id: 'NAME', header: t('administration.subjects.nameSv'), cell: ({ row }) => row.original.nameSv },
      { id: 'NAME_EN', header: t('administration.subjects.nameEn'), enableSorting: false, cell: ({ row }) => row.original.nameEn },
      {
        id: 'COURSES',
        header: t('administration.subjects.courseCount'),
        enableSorting: false,
        meta: { numeric: true },
        cell: ({ row }) => row.original.courseCount,
      },
      actionsColumn<Subject>(t, {
        edit: setEditing,
        remove: async (subject) => {
          await deleteSubject({ variables: { id: subject.id }, refetchQueries: ['AdministeredSubjects', 'AdministeredGroupOptions'] });
          setEditing((current) => (current?.id === subject.id ? null : current));
        },
        refusal,
        confirmLabel: (subject) => t('administration.subjects.confirmDeleteSubject', { code: subject.code }),
        question: (subject) =>
          t('administration.subjects.deleteQuestion', { code: subject.code, name: language === 'en' ? subject.nameEn : subject.nameSv }),
      }),
    ],
    [t, language, refusal, deleteSubject],
  );
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.subjects.subjects')}
      </h2>
      <div className="list-controls">
        <SearchField label={t('administration.subjects.searchSubjects')} value={list.search} onChange={list.setSearch} />
      </div>
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {!shown ? (
        <LoadingState label={t('administration.subjects.loading')} />
      ) : (
        <>
          <AdminTable
            caption={t('administration.subjects.subjectsCaption', { count: shown.administeredSubjects.pageInfo.total })}
            columns={columns}
            rows={shown.administeredSubjects.subjects}
            sort={list.sort}
            onSort={list.setSort}
            testId="subjects-table"
          />
          <Pager page={list.page} total={shown.administeredSubjects.pageInfo.total} onChange={list.setPage} />
        </>
      )}
      <SubjectForm key={editing?.id ?? 'new'} subject={editing} onDone={() => setEditing(null)} />
    </section>
  );
}

/**
 * The form of a new or an edited subject or course (`editing`): its fields checked with the shared rules, then
 * created or updated; a new one empties the form for the next.
 */
function CatalogueForm<Input>({
  kind,
  editing,
  input,
  check,
  create,
  update,
  clear,
  onDone,
  children,
}: {
  kind: 'Subject' | 'Course';
  editing: { id: string; code: string } | null;
  input: Input;
  check: (input: Input) => readonly FieldProblem[];
  create: (input: Input) => Promise<unknown>;
  update: (id: string, input: Input) => Promise<unknown>;
  clear: () => void;
  onDone: () => void;
  children: (problemAt: (field: string) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const saving = useSaving();
  const submit = async () => {
    const saved = await saving.save(check(input), () => (editing ? update(editing.id, input) : create(input)));
    if (saved && !editing) clear();
  };
  return (
    <FormPanel
      title={editing ? t(`administration.subjects.edit${kind}`, { code: editing.code }) : t(`administration.subjects.new${kind}`)}
      focusHeading={editing !== null}
      testId={kind === 'Subject' ? 'subject-form' : 'course-form'}
      onSubmit={submit}
      submitLabel={editing ? t('administration.groups.save') : t(`administration.subjects.add${kind}`)}
      onCancel={editing ? onDone : undefined}
      outcome={saving.outcome}
    >
      {children(saving.problemAt)}
    </FormPanel>
  );
}

function SubjectForm({ subject, onDone }: { subject: Subject | null; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState(subject?.code ?? '');
  const [nameSv, setNameSv] = useState(subject?.nameSv ?? '');
  const [nameEn, setNameEn] = useState(subject?.nameEn ?? '');
  const refetchQueries = ['AdministeredSubjects', 'AdministeredGroupOptions'];
  const [createSubject] = useMutation(CreateSubjectDocument, { refetchQueries });
  const [updateSubject] = useMutation(UpdateSubjectDocument, { refetchQueries });
  return (
    <CatalogueForm
      kind="Subject"
      editing={subject}
      input={{ code, nameSv, nameEn }}
      check={checkSubjectFields}
      create={(input) => createSubject({ variables: { input } })}
      update={(subjectId, input) => updateSubject({ variables: { id: subjectId, input } })}
      clear={() => {
        setCode('');
        setNameSv('');
        setNameEn('');
      }}
      onDone={onDone}
    >
      {(problemAt) => (
        <div className="form__row">
          <InputField
            id={`${id}-code`}
            label={t('administration.subjects.code')}
            value={code}
            onChange={setCode}
            autoComplete="off"
            problem={problemAt('code')}
          />
          <InputField
            id={`${id}-sv`}
            label={t('administration.subjects.nameSv')}
            value={nameSv}
            onChange={setNameSv}
            autoComplete="off"
            problem={problemAt('nameSv')}
          />
          <InputField
            id={`${id}-en`}
            label={t('administration.subjects.nameEn')}
            value={nameEn}
            onChange={setNameEn}
            autoComplete="off"
            problem={problemAt('nameEn')}
          />
        </div>
      )}
    </CatalogueForm>
  );
}

function CoursesSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const list = useListState<CatalogueSortField>('CODE', PAGE_SIZE);
  const [subjectId, setSubjectId] = useState('');
  const [editing, setEditing] = useState<Course | null>(null);
  const options = useQuery(GroupOptionsDocument);
  const { data, previousData, error, refetch } = useQuery(AdministeredCoursesDocument, {
    variables: { search: list.settledSearch || null, subjectId: subjectId || null, sort: list.sort, page: list.page },
  });
  const shown = data ?? previousData;
  const subjects = options.data?.administeredGroupOptions.subjects ?? [];
  const language = i18n.language;
  const refusal = useDeletionRefusal('course');
  const [deleteCourse] = useMutation(DeleteCourseDocument);
  const columns = useMemo<ColumnDef<Course, unknown>[]>(
    () => [
      codeColumn<Course>(t),
      { id: 'NAME', header: t('administration.subjects.courseName'), cell: ({ row }) => row.original.name },
      {
        id: 'POINTS',
        header: t('administration.subjects.points'),
        enableSorting: false,
        meta: { numeric: true },
        cell: ({ row }) => row.original.points,
      },
      {
        id: 'SUBJECT',
        header: t('administration.groups.subject'),
        enableSorting: false,
        cell: ({ row }) => (language === 'en' ? row.original.subject.nameEn : row.original.subject.nameSv),
      },
      actionsColumn<Course>(t, {
        edit: setEditing,
        remove: async (course) => {
          await deleteCourse({
            variables: { id: course.id },
            refetchQueries: ['AdministeredCourses', 'AdministeredSubjects', 'AdministeredGroupOptions'],
          });
          setEditing((current) => (current?.id === course.id ? null : current));
        },
        refusal,
        confirmLabel: (course) => t('administration.subjects.confirmDeleteCourse', { code: course.code }),
        question: (course) => t('administration.subjects.deleteQuestion', { code: course.code, name: course.name }),
      }),
    ],
    [t, language, refusal, deleteCourse],
  );
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.subjects.courses')}
      </h2>
      <div className="list-controls">
        <SearchField label={t('administration.subjects.searchCourses')} value={list.search} onChange={list.setSearch} />
        <div className="field">
          <label className="field__label" htmlFor={`${id}-subject`}>
            {t('administration.groups.subject')}
          </label>
          <select
            id={`${id}-subject`}
            className="field__input"
            value={subjectId}
            onChange={(event) => {
              setSubjectId(event.target.value);
              list.resetPage();
            }}
          >
            <option value="">{t('administration.subjects.allSubjects')}</option>
            {subjects.map((subject) => (
              <option key={subject.id} value={subject.id}>
                {subject.code} – {language === 'en' ? subject.nameEn : subject.nameSv}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {!shown ? (
        <LoadingState label={t('administration.subjects.loading')} />
      ) : (
        <>
          <AdminTable
            caption={t('administration.subjects.coursesCaption', { count: shown.administeredCourses.pageInfo.total })}
            columns={columns}
            rows={shown.administeredCourses.courses}
            sort={list.sort}
            onSort={list.setSort}
            testId="courses-table"
          />
          {shown.administeredCourses.pageInfo.total === 0 ? <p>{t('administration.subjects.noCourses')}</p> : null}
          <Pager page={list.page} total={shown.administeredCourses.pageInfo.total} onChange={list.setPage} />
        </>
      )}
      <CourseForm key={editing?.id ?? 'new'} course={editing} subjects={subjects} onDone={() => setEditing(null)} />
    </section>
  );
}

function CourseForm({
  course,
  subjects,
  onDone,
}: {
  course: Course | null;
  subjects: readonly { id: string; code: string; nameSv: string; nameEn: string }[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [code, setCode] = useState(course?.code ?? '');
  const [name, setName] = useState(course?.name ?? '');
  const [points, setPoints] = useState(course ? String(course.points) : '100');
  const [subjectId, setSubjectId] = useState(course?.subject.id ?? '');
  const refetchQueries = ['AdministeredCourses', 'AdministeredSubjects', 'AdministeredGroupOptions'];
  const [createCourse] = useMutation(CreateCourseDocument, { refetchQueries });
  const [updateCourse] = useMutation(UpdateCourseDocument, { refetchQueries });
  return (
    <CatalogueForm
      kind="Course"
      editing={course}
      input={{ code, name, points: Number(points), subjectId }}
      check={checkCourseFields}
      create={(input) => createCourse({ variables: { input } })}
      update={(courseId, input) => updateCourse({ variables: { id: courseId, input } })}
      clear={() => {
        setCode('');
        setName('');
      }}
      onDone={onDone}
    >
      {(problemAt) => (
        <>
          <div className="form__row">
            <InputField
              id={`${id}-code`}
              label={t('administration.subjects.code')}
              value={code}
              onChange={setCode}
              autoComplete="off"
              problem={problemAt('code')}
            />
            <InputField
              id={`${id}-name`}
              label={t('administration.subjects.courseName')}
              value={name}
              onChange={setName}
              autoComplete="off"
              problem={problemAt('name')}
            />
          </div>
          <div className="form__row">
            <InputField
              id={`${id}-points`}
              label={t('administration.subjects.points')}
              value={points}
              onChange={setPoints}
              inputMode="numeric"
              autoComplete="off"
              problem={problemAt('points')}
            />
            <SelectField
              id={`${id}-subject`}
              label={t('administration.groups.subject')}
              value={subjectId}
              onChange={setSubjectId}
              problem={problemAt('subjectId')}
            >
              <option value="">{t('administration.groups.chooseSubject')}</option>
              {subjects.map((subject) => (
                <option key={subject.id} value={subject.id}>
                  {subject.code} – {i18n.language === 'en' ? subject.nameEn : subject.nameSv}
                </option>
              ))}
            </SelectField>
          </div>
        </>
      )}
    </CatalogueForm>
  );
}
