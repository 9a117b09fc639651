import { STUDENT_LIST_COLUMNS, studentListTemplate, type StudentListColumn } from '@insyn/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert';
import { DataTable } from '../../../components/ui/data-table';
import { usePageTitle } from '../../../components/ui/use-page-title';
import { schoolToday } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { sendStudentList, type ListProblem, type StudentImportReport } from './student-list-api';
import './imports.css';

type Step =
  | { kind: 'idle' }
  | { kind: 'checked'; report: StudentImportReport }
  | { kind: 'applied'; report: StudentImportReport }
  | { kind: 'refused'; problems: ListProblem[] }
  | { kind: 'failed' };

/** The template as a download: with a byte-order mark, which Excel needs to open UTF-8 with å, ä and ö intact. */
function downloadTemplate(fileName: string) {
  const url = URL.createObjectURL(new Blob([`\uFEFF${studentListTemplate()}`], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url));
}

/**
 * /administration/elevlista: the school's student list in, as a dry run first (who is added, who changes, every
 * problem with its line) and then, if the list has no problem, the same file applied in one go.
 */
export function StudentListImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('administration.imports.title'));
  const id = useId();
  const locale = currentLocale();
  const [file, setFile] = useState<File | null>(null);
  const [fromDate, setFromDate] = useState(schoolToday());
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const columnName = (column: StudentListColumn | null) => {
    const found = STUDENT_LIST_COLUMNS.find((candidate) => candidate.key === column);
    return found ? (locale === 'sv' ? found.sv : found.en) : '–';
  };

  const send = async (apply: boolean) => {
    if (!file) return;
    setBusy(true);
    const outcome = await sendStudentList({ file, fromDate, apply });
    setBusy(false);
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
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link to="/administration">{t('administration.title')}</Link>
          </p>
          <h1 className="page-header__title">{t('administration.imports.title')}</h1>
          <p className="page-header__sub">{t('administration.imports.lead')}</p>
        </div>
      </header>

      <section aria-labelledby={`${id}-columns`} className="form-panel">
        <h2 id={`${id}-columns`}>{t('administration.imports.columnsHeading')}</h2>
        <p>{t('administration.imports.columnsText')}</p>
        <ul className="import-columns">
          {STUDENT_LIST_COLUMNS.map((column) => (
            <li key={column.key}>
              <strong>{locale === 'sv' ? column.sv : column.en}</strong>
              {column.required
                ? ` – ${t('administration.imports.required')}`
                : ` – ${t(`administration.imports.columnHints.${column.key}`)}`}
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadTemplate(t('administration.imports.templateFile'))}
        >
          {t('administration.imports.template')}
        </button>
      </section>

      <form className="form form-panel" noValidate onSubmit={onCheck} aria-busy={busy} data-testid="student-list-form">
        <div className="form__row">
          <div className="field">
            <label className="field__label" htmlFor={`${id}-file`}>
              {t('administration.imports.file')}
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
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={busy || !file}>
            {t('administration.imports.check')}
          </button>
          {step.kind === 'checked' && step.report.problems.length === 0 ? (
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void send(true)}>
              {t('administration.imports.apply', { count: step.report.added + step.report.changed })}
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
                <th scope="col">{t('administration.imports.className')}</th>
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
                    <td>{row.className ?? '–'}</td>
                    <td>{t(`administration.imports.outcomes.${row.outcome}`)}</td>
                    <td>{row.changes.map((change) => t(`administration.imports.changeNames.${change}`)).join(', ') || '–'}</td>
                  </tr>
                ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
