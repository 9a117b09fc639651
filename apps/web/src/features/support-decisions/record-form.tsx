import {
  checkSupportDecision,
  MAX_SUPPORT_DOCUMENT_BYTES,
  MAX_SUPPORT_SUMMARY_LENGTH,
  PDF_MAGIC_LENGTH,
  SUPPORT_DECISION_KINDS,
  type SupportDecisionProblem,
} from '@insyn/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import { schoolToday } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { Field } from '../../components/ui/field';
import { formatFileSize } from './decision-item';
import { isKind, uploadSupportDecision, type Failure } from './document-api';

type Slot = 'kind' | 'summary' | 'decidedOn' | 'document';

const slotOf = (problem: SupportDecisionProblem): Slot =>
  problem === 'UNKNOWN_KIND'
    ? 'kind'
    : problem.startsWith('SUMMARY_')
      ? 'summary'
      : problem === 'INVALID_DATE' || problem === 'IN_THE_FUTURE'
        ? 'decidedOn'
        : 'document';

/**
 * "Nytt beslut": the principal records a decision with its PDF. The rules are checked here first (the
 * file's first bytes too, so a renamed file is caught before it is sent), and again by the API.
 */
export function RecordDecisionForm({ studentId, onRecorded }: { studentId: string; onRecorded: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = (slot: Slot) => `${id}-${slot}`;
  const [kind, setKind] = useState('');
  const [summary, setSummary] = useState('');
  const [decidedOn, setDecidedOn] = useState(() => schoolToday());
  const [file, setFile] = useState<File | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [problems, setProblems] = useState<SupportDecisionProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const errorsFor = (slot: Slot) =>
    problems
      .filter((problem) => slotOf(problem) === slot)
      .map((problem) => t(`supportDecisions.problems.${problem}`, { size: formatFileSize(MAX_SUPPORT_DOCUMENT_BYTES, currentLocale()) }));

  function show(found: SupportDecisionProblem[], failed: Failure | null = null) {
    setProblems(found);
    setFailure(failed);
    const first = found[0];
    if (first) document.getElementById(inputId(slotOf(first)))?.focus();
  }

  function clear() {
    setProblems([]);
    setFailure(null);
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const head = file ? new Uint8Array(await file.slice(0, PDF_MAGIC_LENGTH).arrayBuffer()) : new Uint8Array();
    const found = checkSupportDecision({ kind, summary, decidedOn, document: file ? { size: file.size, head } : null }, schoolToday());
    if (found.length > 0 || !file || !isKind(kind)) {
      show(found);
      return;
    }
    clear();
    setSaving(true);
    const outcome = await uploadSupportDecision({ studentId, kind, summary: summary.trim(), decidedOn, file });
    if (outcome.ok) {
      await onRecorded();
      setKind('');
      setSummary('');
      setDecidedOn(schoolToday());
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      setSaved(true);
    } else {
      show(outcome.problems, outcome.failure);
    }
    setSaving(false);
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-busy={saving}
      data-testid="record-support-decision-form"
    >
      <div className="form__row">
        <Field id={inputId('kind')} label={t('supportDecisions.form.kind')} errors={errorsFor('kind')}>
          {(describedBy, invalid) => (
            <select
              id={inputId('kind')}
              className="field__input"
              required
              value={kind}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setKind(event.target.value);
                clear();
              }}
            >
              <option value="">{t('supportDecisions.form.chooseKind')}</option>
              {SUPPORT_DECISION_KINDS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`supportDecisions.kinds.${candidate}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={inputId('decidedOn')} label={t('supportDecisions.form.decidedOn')} errors={errorsFor('decidedOn')}>
          {(describedBy, invalid) => (
            <input
              id={inputId('decidedOn')}
              className="field__input"
              type="date"
              required
              max={schoolToday()}
              value={decidedOn}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setDecidedOn(event.target.value);
                clear();
              }}
            />
          )}
        </Field>
      </div>
      <Field
        id={inputId('summary')}
        label={t('supportDecisions.form.summary')}
        hint={t('supportDecisions.form.summaryHint')}
        errors={errorsFor('summary')}
      >
        {(describedBy, invalid) => (
          <textarea
            id={inputId('summary')}
            className="field__input field__textarea field__textarea--short"
            required
            maxLength={MAX_SUPPORT_SUMMARY_LENGTH}
            value={summary}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setSummary(event.target.value);
              clear();
            }}
          />
        )}
      </Field>
      <Field
        id={inputId('document')}
        label={t('supportDecisions.form.document')}
        hint={t('supportDecisions.form.documentHint', { size: formatFileSize(MAX_SUPPORT_DOCUMENT_BYTES, currentLocale()) })}
        errors={errorsFor('document')}
      >
        {(describedBy, invalid) => (
          <input
            id={inputId('document')}
            ref={fileInput}
            className="field__input field__file"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              clear();
            }}
          />
        )}
      </Field>
      <p className="field__hint">{t('supportDecisions.form.notifyHint')}</p>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={saving} data-testid="record-support-decision">
            {saving ? t('supportDecisions.form.saving') : t('supportDecisions.form.submit')}
          </button>
        </div>
        <Alert tone="error">
          {failure === 'unreachable' ? t('errors.unreachableBody') : failure ? t(`supportDecisions.form.${failure}`) : null}
        </Alert>
        <Alert tone="success">{saved ? t('supportDecisions.form.saved') : null}</Alert>
      </div>
    </form>
  );
}
