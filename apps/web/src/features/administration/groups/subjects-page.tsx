import { useMutation, useQuery } from '@apollo/client/react';
import { checkCourseFields, checkSubjectFields } from '@insyn/domain';
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { Pager } from '../../../components/ui/pager';
import { SearchField } from '../../../components/ui/search-field';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredCoursesQuery, AdministeredSubjectsQuery, CatalogueSortField } from '../../../gql/graphql';
import { isConnectionError } from '../../../lib/graphql-errors';
import { AdminTable, useListState } from '../admin-table';
import {
  AdministeredCoursesDocument,
  AdministeredSubjectsDocument,
  CreateCourseDocument,
  CreateSubjectDocument,
  GroupOptionsDocument,
  UpdateCourseDocument,
  UpdateSubjectDocument,
} from './operations';
import { InputField } from './input-field';
import { ProblemText } from './problem-text';
import { fieldProblems, type FieldProblem } from './problems';
import { useFocusedHeading } from './use-focused-heading';
import { AdminPageHeader } from '../admin-page-header';

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

/** The code of a subject or course, which names its row. */
const codeColumn = <T extends { code: string }>(t: TFunction): ColumnDef<T, unknown> => ({
  id: 'CODE',
  header: t('administration.subjects.code'),
  meta: { rowHeader: true },
  cell: ({ row }) => row.original.code,
});

/** The button that opens a row in the form under its list. */
const editColumn = <T extends { code: string }>(t: TFunction, edit: (row: T) => void): ColumnDef<T, unknown> => ({
  id: 'ACTIONS',
  header: t('administration.groups.actions'),
  enableSorting: false,
  cell: ({ row }) => (
    <button type="button" className="button button--secondary" onClick={() => edit(row.original)}>
      {t('administration.subjects.editNamed', { name: row.original.code })}
    </button>
  ),
});

function SubjectsSection() {
  const { t } = useTranslation();
  const id = useId();
  const list = useListState<CatalogueSortField>('CODE', PAGE_SIZE);
  const { data, previousData, error, refetch } = useQuery(AdministeredSubjectsDocument, {
    variables: { search: list.settledSearch || null, sort: list.sort, page: list.page },
  });
  const shown = data ?? previousData;
  const [editing, setEditing] = useState<Subject | null>(null);
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
      editColumn<Subject>(t, setEditing),
    ],
    [t],
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
        <InputField
          id={`${id}-code`}
          label={t('administration.subjects.code')}
          value={code}
          onChange={setCode}
          autoComplete="off"
          problem={saving.problemAt('code')}
        />
        <InputField
          id={`${id}-sv`}
          label={t('administration.subjects.nameSv')}
          value={nameSv}
          onChange={setNameSv}
          autoComplete="off"
          problem={saving.problemAt('nameSv')}
        />
        <InputField
          id={`${id}-en`}
          label={t('administration.subjects.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          autoComplete="off"
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
      editColumn<Course>(t, setEditing),
    ],
    [t, language],
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
        <InputField
          id={`${id}-code`}
          label={t('administration.subjects.code')}
          value={code}
          onChange={setCode}
          autoComplete="off"
          problem={saving.problemAt('code')}
        />
        <InputField
          id={`${id}-name`}
          label={t('administration.subjects.courseName')}
          value={name}
          onChange={setName}
          autoComplete="off"
          problem={saving.problemAt('name')}
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
