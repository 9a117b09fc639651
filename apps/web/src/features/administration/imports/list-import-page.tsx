import type { ParseKeys } from 'i18next';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { formatSchoolDateTime, schoolToday } from '../../../lib/dates';
import { downloadBlob } from '../../../lib/download';
import { currentLocale } from '../../../lib/i18n';
import { fetchImportHistory, LISTS, sendList, type ImportRun, type ListImportReport, type ListKind, type ListProblem } from './lists-api';
import './imports.css';
import { AdminPageHeader } from '../admin-page-header';

type Step =
  | { kind: 'idle' }
  | { kind: 'checked'; report: ListImportReport }
  | { kind: 'applied'; report: ListImportReport }
  | { kind: 'refused'; problems: ListProblem[] }
  | { kind: 'failed' };

/** The template as a download: with a byte-order mark, which Excel needs to open UTF-8 with å, ä and ö intact. */
const downloadTemplate = (template: string, fileName: string) =>
  downloadBlob(new Blob([`\uFEFF${template}`], { type: 'text/csv;charset=utf-8' }), fileName);

/**
 * /administration/elevlista, /administration/vardnadshavarlista and /administration/personallista: one of the
 * school's lists in, as a dry run first (who is added, who changes, every problem with its line) and then, if the
 * list has no problem, the same file applied in one go; below, the organisation's earlier imports.
 */
export function ListImportPage({ kind }: { kind: ListKind }) {
  const { t } = useTranslation();
  const texts = TEXTS[kind];
  usePageTitle(t(texts.title));
  const list = LISTS[kind];
  const id = useId();
  const locale = currentLocale();
  const [file, setFile] = useState<File | null>(null);
  const [fromDate, setFromDate] = useState(schoolToday());
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<ImportRun[] | null>(null);
  useEffect(() => {
    let current = true;
    void fetchImportHistory().then((runs) => {
      if (current) setHistory(runs);
    });
    return () => {
      current = false;
    };
  }, []);
  const columnName = (column: string | null) => {
    const found = list.columns.find((candidate) => candidate.key === column);
    return found ? (locale === 'sv' ? found.sv : found.en) : '–';
  };

  const send = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    const outcome = await sendList(kind, { file, fromDate, apply });
    setBusy(false);
    if (apply) setHistory(await fetchImportHistory());
    if (outcome.ok) setStep({ kind: outcome.report.applied ? 'applied' : 'checked', report: outcome.report });
    else if (outcome.failure) setStep({ kind: 'failed' });
    else setStep({ kind: 'refused', problems: outcome.problems });
  };
  const onCheck = (event: FormEvent) => {
    event.preventDefault();
    void send(false);
  };

  const report = step.kind === 'checked' || step.kind === 'applied' ? step.report : null;
  const problems = step.kind === 'refused' ? step.problems : (report?.problems ?? []);

  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration"
        backLabel={t('administration.title')}
        title={t(texts.title)}
        lead={t('administration.imports.lead')}
      />
      <nav aria-label={t('administration.imports.lists')} className="import-lists">
        {(['students', 'guardians', 'staff'] as const).map((other) => (
          <NavLink key={other} to={LISTS[other].path} className="button button--quiet" end>
            {t(TEXTS[other].title)}
          </NavLink>
        ))}
      </nav>

      <section aria-labelledby={`${id}-columns`} className="form-panel">
        <h2 id={`${id}-columns`}>{t('administration.imports.columnsHeading')}</h2>
        <p>{t(texts.columnsText)}</p>
        <ul className="import-columns">
          {list.columns.map((column) => (
            <li key={column.key}>
              <strong>{locale === 'sv' ? column.sv : column.en}</strong>
              {` – ${column.required ? t('administration.imports.required') : t(texts.hints[column.key] ?? 'administration.imports.optional')}`}
            </li>
          ))}
        </ul>
        <button type="button" className="button button--secondary" onClick={() => downloadTemplate(list.template(), t(texts.templateFile))}>
          {t('administration.imports.template')}
        </button>
      </section>

      <form className="form form-panel" noValidate onSubmit={onCheck} aria-busy={busy} data-testid="list-form">
        <div className="form__row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              {t(texts.file)}
            </label>
            <p id={`${id}-file-hint`} className="field__hint">
              {t('administration.imports.fileHint')}
            </p>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.txt,text/csv"
              className="field__input"
              aria-describedby={`${id}-file-hint`}
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setStep({ kind: 'idle' });
              }}
            />
          </div>
          {kind === 'students' ? (
            <div className="field">
              <label className="field__label" htmlFor={`${id}-from`}>
                {t('administration.imports.fromDate')}
              </label>
              <p id={`${id}-from-hint`} className="field__hint">
                {t('administration.imports.fromDateHint')}
              </p>
              <input
                id={`${id}-from`}
                type="date"
                className="field__input"
                aria-describedby={`${id}-from-hint`}
                value={fromDate}
                onChange={(event) => {
                  setFromDate(event.target.value);
                  setStep({ kind: 'idle' });
                }}
              />
            </div>
          ) : null}
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !file}>
            {t('administration.imports.check')}
          </button>
          {step.kind === 'checked' && step.report.problems.length === 0 ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void send(true)}>
              {t(texts.apply, { count: step.report.added + step.report.changed })}
            </button>
          ) : null}
        </div>
        <Alert tone="success">
          {step.kind === 'applied'
            ? t('administration.imports.applied', {
                added: step.report.added,
                changed: step.report.changed,
                unchanged: step.report.unchanged,
              })
            : step.kind === 'checked' && step.report.problems.length === 0
              ? t('administration.imports.checked', {
                  added: step.report.added,
                  changed: step.report.changed,
                  unchanged: step.report.unchanged,
                })
              : null}
        </Alert>
        <Alert tone="error">
          {step.kind === 'failed'
            ? t('administration.imports.failed')
            : problems.length > 0
              ? t('administration.imports.hasProblems', { count: problems.length })
              : null}
        </Alert>
      </form>

      {problems.length > 0 ? (
        <section aria-labelledby={`${id}-problems`} className="import-result">
          <h2 id={`${id}-problems`}>{t('administration.imports.problemsCaption')}</h2>
          <DataTable caption={t('administration.imports.problemsCaption')} testId="list-problems">
            <thead>
              <tr>
                <th scope="col">{t('administration.imports.line')}</th>
                <th scope="col">{t('administration.imports.column')}</th>
                <th scope="col">{t('administration.imports.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((problem, index) => (
                <tr key={`${problem.line}-${problem.column ?? ''}-${index}`}>
                  <td>{problem.line === 0 ? t('administration.imports.wholeFile') : problem.line}</td>
                  <td>{columnName(problem.column)}</td>
                  <td>{t(`administration.imports.problems.${problem.code}`)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {report && report.rows.some((row) => row.outcome !== 'UNCHANGED') ? (
        <section aria-labelledby={`${id}-rows`} className="import-result">
          <h2 id={`${id}-rows`}>{t('administration.imports.rowsCaption')}</h2>
          <DataTable caption={t('administration.imports.rowsCaption')} testId="list-rows">
            <thead>
              <tr>
                <th scope="col">{t('administration.imports.line')}</th>
                <th scope="col">{t('administration.imports.name')}</th>
                <th scope="col">{t(texts.detail)}</th>
                <th scope="col">{t('administration.imports.outcome')}</th>
                <th scope="col">{t('administration.imports.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows
                .filter((row) => row.outcome !== 'UNCHANGED')
                .map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <th scope="row">{row.name}</th>
                    <td>{row.detail ?? '–'}</td>
                    <td>{t(`administration.imports.outcomes.${row.outcome}`)}</td>
                    <td>{row.changes.map((change) => t(`administration.imports.changeNames.${change}`)).join(', ') || '–'}</td>
                  </tr>
                ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}

      {history && history.length > 0 ? (
        <section aria-labelledby={`${id}-history`} className="import-result">
          <h2 id={`${id}-history`}>{t('administration.imports.history.heading')}</h2>
          <DataTable caption={t('administration.imports.history.caption')} testId="import-history">
            <thead>
              <tr>
                <th scope="col">{t('administration.imports.history.at')}</th>
                <th scope="col">{t('administration.imports.history.list')}</th>
                <th scope="col">{t('administration.imports.history.by')}</th>
                <th scope="col">{t('administration.imports.history.result')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((run) => (
                <tr key={run.id}>
                  <td>{formatSchoolDateTime(run.at, locale)}</td>
                  <td>{t(`administration.imports.history.kinds.${run.kind}`)}</td>
                  <td>{run.by}</td>
                  <td>
                    {run.applied
                      ? t('administration.imports.history.applied', { added: run.added, changed: run.changed })
                      : t('administration.imports.history.refused', { count: run.problems })}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}

type Key = ParseKeys;

/** The texts that differ between the lists; `hints` names what an optional column is for. */
interface ListTexts {
  title: Key;
  columnsText: Key;
  templateFile: Key;
  file: Key;
  detail: Key;
  apply: Key;
  hints: Partial<Record<string, Key>>;
}

const TEXTS: Record<ListKind, ListTexts> = {
  students: {
    title: 'administration.imports.students.title',
    columnsText: 'administration.imports.students.columnsText',
    templateFile: 'administration.imports.students.templateFile',
    file: 'administration.imports.students.file',
    detail: 'administration.imports.students.detail',
    apply: 'administration.imports.students.apply',
    hints: {
      className: 'administration.imports.students.hints.className',
      programmeCode: 'administration.imports.students.hints.programmeCode',
      protectedIdentity: 'administration.imports.hints.protectedIdentity',
    },
  },
  guardians: {
    title: 'administration.imports.guardians.title',
    columnsText: 'administration.imports.guardians.columnsText',
    templateFile: 'administration.imports.guardians.templateFile',
    file: 'administration.imports.guardians.file',
    detail: 'administration.imports.guardians.detail',
    apply: 'administration.imports.applyLines',
    hints: {
      mobilePhone: 'administration.imports.guardians.hints.mobilePhone',
      email: 'administration.imports.guardians.hints.email',
      streetAddress: 'administration.imports.guardians.hints.address',
      postalCode: 'administration.imports.guardians.hints.address',
      city: 'administration.imports.guardians.hints.address',
      protectedIdentity: 'administration.imports.hints.protectedIdentity',
    },
  },
  staff: {
    title: 'administration.imports.staff.title',
    columnsText: 'administration.imports.staff.columnsText',
    templateFile: 'administration.imports.staff.templateFile',
    file: 'administration.imports.staff.file',
    detail: 'administration.imports.staff.detail',
    apply: 'administration.imports.applyLines',
    hints: {
      email: 'administration.imports.staff.hints.email',
      duty: 'administration.imports.staff.hints.duty',
      schoolUnitCode: 'administration.imports.staff.hints.schoolUnitCode',
      groupName: 'administration.imports.staff.hints.groupName',
      validFrom: 'administration.imports.staff.hints.validFrom',
      validTo: 'administration.imports.staff.hints.validTo',
    },
  },
};
