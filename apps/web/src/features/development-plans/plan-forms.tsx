import { useMutation } from '@apollo/client/react';
import {
  checkPlanEntry,
  checkPlanSummary,
  MAX_GOALS_LENGTH,
  MAX_STANDING_LENGTH,
  MAX_SUMMARY_LENGTH,
  type DevelopmentPlanProblem,
} from '@insyn/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import type { DevelopmentPlanWorkFieldsFragment } from '../../gql/graphql';
import { errorProblems, hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { currentLocale } from '../../lib/i18n';
import { Field } from '../../components/ui/field';
import { PublishDevelopmentPlanDocument, SaveDevelopmentPlanEntryDocument, SaveDevelopmentPlanSummaryDocument } from './operations';

const PROBLEMS: readonly string[] = [
  'NOT_COMPULSORY_SCHOOL',
  'STANDING_REQUIRED',
  'STANDING_TOO_LONG',
  'GOALS_REQUIRED',
  'GOALS_TOO_LONG',
  'SUMMARY_REQUIRED',
  'SUMMARY_TOO_LONG',
  'ALREADY_PUBLISHED',
] satisfies DevelopmentPlanProblem[];
const isProblem = (value: unknown): value is DevelopmentPlanProblem => typeof value === 'string' && PROBLEMS.includes(value);

/** The problems from the API, or a failure of the whole form (unreachable, refused, failed). */
function useFormState() {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<DevelopmentPlanProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  return {
    problems,
    failure,
    errorsFor: (prefix: string) =>
      problems.filter((problem) => problem.startsWith(prefix)).map((problem) => t(`developmentPlans.problems.${problem}`)),
    generalErrors: () =>
      problems
        .filter((problem) => problem === 'NOT_COMPULSORY_SCHOOL' || problem === 'ALREADY_PUBLISHED')
        .map((problem) => t(`developmentPlans.problems.${problem}`)),
    clear: () => {
      setProblems([]);
      setFailure(null);
    },
    show: (found: DevelopmentPlanProblem[]) => setProblems(found),
    fail: (error: unknown) => {
      const found = errorProblems(error).filter(isProblem);
      setProblems(found);
      if (found.length > 0) return;
      setFailure(
        isConnectionError(error)
          ? t('errors.unreachableBody')
          : hasErrorCode(error, 'NOT_FOUND')
            ? t('developmentPlans.gone')
            : t('developmentPlans.failed'),
      );
    },
  };
}

type Work = DevelopmentPlanWorkFieldsFragment;
type Subject = Work['subjects'][number];

/** A teacher's entry for one subject: where the student stands and the goals ahead. */
export function EntryForm({ studentId, subject, onSaved }: { studentId: string; subject: Subject; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [standing, setStanding] = useState(subject.entry?.standing ?? '');
  const [goals, setGoals] = useState(subject.entry?.goals ?? '');
  const [save, { loading }] = useMutation(SaveDevelopmentPlanEntryDocument);
  const form = useFormState();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkPlanEntry({ standing, goals });
    form.clear();
    if (found.length > 0) {
      form.show(found);
      document.getElementById(found[0]?.startsWith('STANDING') ? `${id}-standing` : `${id}-goals`)?.focus();
      return;
    }
    try {
      await save({ variables: { input: { studentId, subjectId: subject.subjectId, standing, goals }, locale: currentLocale() } });
      onSaved();
    } catch (error) {
      form.fail(error);
    }
  }

  const general = [...form.generalErrors(), ...(form.failure ? [form.failure] : [])];
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="plan-entry-form">
      <Field
        id={`${id}-standing`}
        label={t('developmentPlans.entryForm.standing')}
        hint={t('developmentPlans.entryForm.standingHint')}
        errors={form.errorsFor('STANDING')}
      >
        {(describedBy, invalid) => (
          <textarea
            id={`${id}-standing`}
            className="field__input field__textarea"
            maxLength={MAX_STANDING_LENGTH}
            value={standing}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => setStanding(event.target.value)}
          />
        )}
      </Field>
      <Field
        id={`${id}-goals`}
        label={t('developmentPlans.entryForm.goals')}
        hint={t('developmentPlans.entryForm.goalsHint')}
        errors={form.errorsFor('GOALS')}
      >
        {(describedBy, invalid) => (
          <textarea
            id={`${id}-goals`}
            className="field__input field__textarea"
            maxLength={MAX_GOALS_LENGTH}
            value={goals}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => setGoals(event.target.value)}
          />
        )}
      </Field>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading} data-testid="save-plan-entry">
            {loading ? t('developmentPlans.saving') : t('developmentPlans.entryForm.submit', { subject: subject.subjectName })}
          </button>
        </div>
        <Alert tone="error">{general.length > 0 ? general.join(' ') : null}</Alert>
      </div>
    </form>
  );
}

/** The mentor's summary, and publishing the plan to the home (again, after changes). */
export function MentorForm({
  studentId,
  work,
  onDone,
}: {
  studentId: string;
  work: Work;
  onDone: (what: 'summary' | 'published') => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [summary, setSummary] = useState(work.plan.summary ?? '');
  const [saveSummary, saving] = useMutation(SaveDevelopmentPlanSummaryDocument);
  const [publish, publishing] = useMutation(PublishDevelopmentPlanDocument);
  const form = useFormState();
  const { plan } = work;
  const changed = summary.trim() !== (plan.summary ?? '');
  const canPublish = !plan.publishedAt || plan.updatedAfterPublishing || changed;

  async function submitSummary(event: FormEvent) {
    event.preventDefault();
    const found = checkPlanSummary(summary);
    form.clear();
    if (found.length > 0) {
      form.show(found);
      document.getElementById(`${id}-summary`)?.focus();
      return;
    }
    try {
      await saveSummary({ variables: { studentId, summary, locale: currentLocale() } });
      onDone('summary');
    } catch (error) {
      form.fail(error);
    }
  }

  /** Publishing saves a changed summary first, so what the mentor sees is what the home gets. */
  async function submitPublish() {
    form.clear();
    const found = checkPlanSummary(summary);
    if (found.length > 0) {
      form.show(found);
      document.getElementById(`${id}-summary`)?.focus();
      return;
    }
    try {
      if (changed) await saveSummary({ variables: { studentId, summary, locale: currentLocale() } });
      await publish({ variables: { studentId, locale: currentLocale() } });
      onDone('published');
    } catch (error) {
      form.fail(error);
    }
  }

  const general = [...form.generalErrors(), ...(form.failure ? [form.failure] : [])];
  const busy = saving.loading || publishing.loading;
  return (
    <form className="form" noValidate onSubmit={(event) => void submitSummary(event)} aria-busy={busy} data-testid="plan-summary-form">
      <Field
        id={`${id}-summary`}
        label={t('developmentPlans.mentorForm.summary')}
        hint={t('developmentPlans.mentorForm.summaryHint')}
        errors={form.errorsFor('SUMMARY')}
      >
        {(describedBy, invalid) => (
          <textarea
            id={`${id}-summary`}
            className="field__input field__textarea"
            maxLength={MAX_SUMMARY_LENGTH}
            value={summary}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => setSummary(event.target.value)}
          />
        )}
      </Field>
      <p className="field__hint">{t('developmentPlans.mentorForm.publishHint')}</p>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={busy} data-testid="save-plan-summary">
            {saving.loading && !publishing.loading ? t('developmentPlans.saving') : t('developmentPlans.mentorForm.save')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || !canPublish}
            onClick={() => void submitPublish()}
            data-testid="publish-plan"
          >
            {publishing.loading
              ? t('developmentPlans.saving')
              : plan.publishedAt
                ? t('developmentPlans.mentorForm.publishAgain')
                : t('developmentPlans.mentorForm.publish')}
          </button>
        </div>
        {!canPublish ? <p className="record__meta">{t('developmentPlans.mentorForm.upToDate')}</p> : null}
        <Alert tone="error">{general.length > 0 ? general.join(' ') : null}</Alert>
      </div>
    </form>
  );
}
