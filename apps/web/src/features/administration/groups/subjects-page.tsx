import { useMutation, useQuery } from '@apollo/client/react';
import { checkCourseFields, checkSubjectFields } from '@insyn/domain';
import { getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager, type PageState } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { SortableHeader } from '../../../components/ui/sortable-header';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredCoursesQuery, AdministeredSubjectsQuery, CatalogueSortField } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import {
  AdministeredCoursesDocument,
  AdministeredSubjectsDocument,
  CreateCourseDocument,
  CreateSubjectDocument,
  GroupOptionsDocument,
  UpdateCourseDocument,
  UpdateSubjectDocument,
} from './operations';
import { ProblemText } from './problem-text';
import { fieldProblems, type FieldProblem } from './problems';
import { useFocusedHeading } from './use-focused-heading';

type Subject = AdministeredSubjectsQuery['administeredSubjects']['subjects'][number];
type Course = AdministeredCoursesQuery['administeredCourses']['courses'][number];
const FIRST_PAGE: PageState = { offset: 0, limit: 25 };
const isSortField = (value: string): value is CatalogueSortField => value === 'CODE' || value === 'NAME';
const sortOf = (sorting: SortingState) => {
  const first = sorting[0];
  return first && isSortField(first.id) ? { field: first.id, direction: first.desc ? ('DESC' as const) : ('ASC' as const) } : null;
};

/** /administration/amnen: the organisation's subjects and courses, to search, add and edit. */
export function SubjectsPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.subjects.title'));
  return (
    <>
      <header className="page-header">
        <div>
          <p className="page-header__kicker">
            <Link to="/administration">{t('administration.title')}</Link>
          </p>
          <h1 className="page-header__title">{t('administration.subjects.title')}</h1>
        </div>
      </header>
      <SubjectsSection />
      <CoursesSection />
    </>
  );
}

/** Text fields of a small form, with their problems from the shared rules or the API. */
function TextField({
  id,
  label,
  value,
  onChange,
  problem,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string;
  inputMode?: 'numeric';
}) {
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        autoComplete="off"
        inputMode={inputMode}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem ? <ProblemText id={`${id}-error`} code={problem} /> : null}
    </div>
  );
}

function useSaving() {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [outcome, setOutcome] = useState<'saved' | 'unreachable' | 'failed' | null>(null);
  const save = async (checked: readonly FieldProblem[], work: () => Promise<unknown>): Promise<boolean> => {
    setOutcome(null);
    setProblems([...checked]);
    if (checked.length > 0) return false;
    try {
      await work();
      setOutcome('saved');
      return true;
    } catch (error) {
      const found = fieldProblems(error);
      setProblems(found);
      if (found.length === 0) setOutcome(isConnectionError(error) ? 'unreachable' : 'failed');
      return false;
    }
  };
  return { save, outcome, problemAt: (field: string) => problems.find((problem) => problem.field === field)?.code };
}

function Outcome({ outcome }: { outcome: 'saved' | 'unreachable' | 'failed' | null }) {
  const { t } = useTranslation();
  return <Alert tone={outcome === 'saved' ? 'success' : 'error'}>{outcome ? t(`administration.groups.${outcome}`) : null}</Alert>;
}

function SubjectsSection() {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'CODE', desc: false }]);
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const { data, previousData, error, refetch } = useQuery(AdministeredSubjectsDocument, {
    variables: { search: deferred || null, sort: sortOf(sorting), page },
  });
  const shown = data ?? previousData;
  const [editing, setEditing] = useState<Subject | null>(null);
  const columns = useMemo<ColumnDef<Subject>[]>(
    () => [
      { id: 'CODE', header: t('administration.subjects.code') },
      { id: 'NAME', header: t('administration.subjects.nameSv') },
    ],
    [t],
  );
  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: shown?.administeredSubjects.subjects ?? [],
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      setSorting(updater);
      setPage(FIRST_PAGE);
    },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.subjects.subjects')}
      </h2>
      <div className="list-controls">
        <SearchField
          label={t('administration.subjects.searchSubjects')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(FIRST_PAGE);
          }}
        />
      </div>
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : null}
      {!shown ? (
        <LoadingState label={t('administration.subjects.loading')} />
      ) : (
        <>
          <DataTable
            caption={t('administration.subjects.subjectsCaption', { count: shown.administeredSubjects.pageInfo.total })}
            testId="subjects-table"
          >
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <SortableHeader key={header.id} header={header} />
                  ))}
                  <th scope="col">{t('administration.subjects.nameEn')}</th>
                  <th scope="col" className="data-table__numeric">
                    {t('administration.subjects.courseCount')}
                  </th>
                  <th scope="col">{t('administration.groups.actions')}</th>
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map(({ original: subject }) => (
                <tr key={subject.id}>
                  <th scope="row">{subject.code}</th>
                  <td>{subject.nameSv}</td>
                  <td>{subject.nameEn}</td>
                  <td className="data-table__numeric">{subject.courseCount}</td>
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => setEditing(subject)}>
                      {t('administration.subjects.editNamed', { name: subject.code })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <Pager page={page} total={shown.administeredSubjects.pageInfo.total} onChange={setPage} />
        </>
      )}
      <SubjectForm key={editing?.id ?? 'new'} subject={editing} onDone={() => setEditing(null)} />
    </section>
  );
}

function SubjectForm({ subject, onDone }: { subject: Subject | null; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusedHeading(subject !== null);
  const [code, setCode] = useState(subject?.code ?? '');
  const [nameSv, setNameSv] = useState(subject?.nameSv ?? '');
  const [nameEn, setNameEn] = useState(subject?.nameEn ?? '');
  const [createSubject] = useMutation(CreateSubjectDocument);
  const [updateSubject] = useMutation(UpdateSubjectDocument);
  const saving = useSaving();
  const submit = async () => {
    const input = { code, nameSv, nameEn };
    const refetchQueries = ['AdministeredSubjects', 'AdministeredGroupOptions'];
    const saved = await saving.save(checkSubjectFields(input), () =>
      subject
        ? updateSubject({ variables: { id: subject.id, input }, refetchQueries })
        : createSubject({ variables: { input }, refetchQueries }),
    );
    if (saved && !subject) {
      setCode('');
      setNameSv('');
      setNameEn('');
    }
  };
  return (
    <form
      className="form form-panel"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="subject-form"
    >
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {subject ? t('administration.subjects.editSubject', { code: subject.code }) : t('administration.subjects.newSubject')}
      </h3>
      <div className="form__row">
        <TextField
          id={`${id}-code`}
          label={t('administration.subjects.code')}
          value={code}
          onChange={setCode}
          problem={saving.problemAt('code')}
        />
        <TextField
          id={`${id}-sv`}
          label={t('administration.subjects.nameSv')}
          value={nameSv}
          onChange={setNameSv}
          problem={saving.problemAt('nameSv')}
        />
        <TextField
          id={`${id}-en`}
          label={t('administration.subjects.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          problem={saving.problemAt('nameEn')}
        />
      </div>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {subject ? t('administration.groups.save') : t('administration.subjects.addSubject')}
          </button>
          {subject ? (
            <button type="button" className="button button--quiet" onClick={onDone}>
              {t('administration.groups.cancel')}
            </button>
          ) : null}
        </div>
        <Outcome outcome={saving.outcome} />
      </div>
    </form>
  );
}

function CoursesSection() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search);
  const [subjectId, setSubjectId] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'CODE', desc: false }]);
  const [page, setPage] = useState<PageState>(FIRST_PAGE);
  const [editing, setEditing] = useState<Course | null>(null);
  const options = useQuery(GroupOptionsDocument);
  const { data, previousData, error, refetch } = useQuery(AdministeredCoursesDocument, {
    variables: { search: deferred || null, subjectId: subjectId || null, sort: sortOf(sorting), page },
  });
  const shown = data ?? previousData;
  const subjects = options.data?.administeredGroupOptions.subjects ?? [];
  const subjectName = (subject: { nameSv: string; nameEn: string }) => (i18n.language === 'en' ? subject.nameEn : subject.nameSv);
  const columns = useMemo<ColumnDef<Course>[]>(
    () => [
      { id: 'CODE', header: t('administration.subjects.code') },
      { id: 'NAME', header: t('administration.subjects.courseName') },
    ],
    [t],
  );
  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: shown?.administeredCourses.courses ?? [],
    columns,
    state: { sorting },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      setSorting(updater);
      setPage(FIRST_PAGE);
    },
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="section-heading">
        {t('administration.subjects.courses')}
      </h2>
      <div className="list-controls">
        <SearchField
          label={t('administration.subjects.searchCourses')}
          value={search}
          onChange={(value) => {
            setSearch(value);
            setPage(FIRST_PAGE);
          }}
        />
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
              setPage(FIRST_PAGE);
            }}
          >
            <option value="">{t('administration.subjects.allSubjects')}</option>
            {subjects.map((subject) => (
              <option key={subject.id} value={subject.id}>
                {subject.code} – {subjectName(subject)}
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
          <DataTable
            caption={t('administration.subjects.coursesCaption', { count: shown.administeredCourses.pageInfo.total })}
            testId="courses-table"
          >
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => (
                    <SortableHeader key={header.id} header={header} />
                  ))}
                  <th scope="col" className="data-table__numeric">
                    {t('administration.subjects.points')}
                  </th>
                  <th scope="col">{t('administration.groups.subject')}</th>
                  <th scope="col">{t('administration.groups.actions')}</th>
                </tr>
              ))}
            </thead>
            <tbody>
              {table.getRowModel().rows.map(({ original: course }) => (
                <tr key={course.id}>
                  <th scope="row">{course.code}</th>
                  <td>{course.name}</td>
                  <td className="data-table__numeric">{course.points}</td>
                  <td>{subjectName(course.subject)}</td>
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => setEditing(course)}>
                      {t('administration.subjects.editNamed', { name: course.code })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {shown.administeredCourses.pageInfo.total === 0 ? <p>{t('administration.subjects.noCourses')}</p> : null}
          <Pager page={page} total={shown.administeredCourses.pageInfo.total} onChange={setPage} />
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
  const heading = useFocusedHeading(course !== null);
  const [code, setCode] = useState(course?.code ?? '');
  const [name, setName] = useState(course?.name ?? '');
  const [points, setPoints] = useState(course ? String(course.points) : '100');
  const [subjectId, setSubjectId] = useState(course?.subject.id ?? '');
  const [createCourse] = useMutation(CreateCourseDocument);
  const [updateCourse] = useMutation(UpdateCourseDocument);
  const saving = useSaving();
  const subjectProblem = saving.problemAt('subjectId');
  const submit = async () => {
    const input = { code, name, points: Number(points), subjectId };
    const refetchQueries = ['AdministeredCourses', 'AdministeredSubjects', 'AdministeredGroupOptions'];
    const saved = await saving.save(checkCourseFields(input), () =>
      course
        ? updateCourse({ variables: { id: course.id, input }, refetchQueries })
        : createCourse({ variables: { input }, refetchQueries }),
    );
    if (saved && !course) {
      setCode('');
      setName('');
    }
  };
  return (
    <form
      className="form form-panel"
      noValidate
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      data-testid="course-form"
    >
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {course ? t('administration.subjects.editCourse', { code: course.code }) : t('administration.subjects.newCourse')}
      </h3>
      <div className="form__row">
        <TextField
          id={`${id}-code`}
          label={t('administration.subjects.code')}
          value={code}
          onChange={setCode}
          problem={saving.problemAt('code')}
        />
        <TextField
          id={`${id}-name`}
          label={t('administration.subjects.courseName')}
          value={name}
          onChange={setName}
          problem={saving.problemAt('name')}
        />
      </div>
      <div className="form__row">
        <TextField
          id={`${id}-points`}
          label={t('administration.subjects.points')}
          value={points}
          onChange={setPoints}
          inputMode="numeric"
          problem={saving.problemAt('points')}
        />
        <div className={`field${subjectProblem ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={`${id}-subject`}>
            {t('administration.groups.subject')}
          </label>
          <select
            id={`${id}-subject`}
            className="field__input"
            value={subjectId}
            aria-invalid={subjectProblem ? true : undefined}
            aria-describedby={subjectProblem ? `${id}-subject-error` : undefined}
            onChange={(event) => setSubjectId(event.target.value)}
          >
            <option value="">{t('administration.groups.chooseSubject')}</option>
            {subjects.map((subject) => (
              <option key={subject.id} value={subject.id}>
                {subject.code} – {i18n.language === 'en' ? subject.nameEn : subject.nameSv}
              </option>
            ))}
          </select>
          {subjectProblem ? <ProblemText id={`${id}-subject-error`} code={subjectProblem} /> : null}
        </div>
      </div>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {course ? t('administration.groups.save') : t('administration.subjects.addCourse')}
          </button>
          {course ? (
            <button type="button" className="button button--quiet" onClick={onDone}>
              {t('administration.groups.cancel')}
            </button>
          ) : null}
        </div>
        <Outcome outcome={saving.outcome} />
      </div>
    </form>
  );
}
