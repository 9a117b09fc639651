import { useMutation } from '@apollo/client/react';
import {
  checkClose,
  checkContact,
  CONTACT_METHODS,
  MAX_AGREED_LENGTH,
  MAX_CLOSE_NOTE_LENGTH,
  MAX_MISSING_LENGTH,
  MAX_WITH_WHOM_LENGTH,
  type ContactMethod,
  type GradeWarningProblem,
} from '@insyn/domain';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import type { GradeWarningFieldsFragment } from '../../gql/graphql';
import { errorProblems, hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { contactInstant, toSchoolDateTimeLocal } from './contact-time';
import { Field } from '../../components/ui/field';
import { CloseGradeWarningDocument, IssueGradeWarningDocument, RecordGradeWarningContactDocument } from './operations';

const PROBLEMS: readonly string[] = [
  'NOT_A_TEACHING_GROUP',
  'GROUP_WITHOUT_SUBJECT',
  'MISSING_REQUIRED',
  'MISSING_TOO_LONG',
  'INVALID_TIME',
  'IN_THE_FUTURE',
  'BEFORE_WARNING',
  'UNKNOWN_METHOD',
  'WITH_WHOM_REQUIRED',
  'WITH_WHOM_TOO_LONG',
  'AGREED_REQUIRED',
  'AGREED_TOO_LONG',
  'NOTE_REQUIRED',
  'NOTE_TOO_LONG',
  'ALREADY_CLOSED',
] satisfies GradeWarningProblem[];

const isProblem = (value: unknown): value is GradeWarningProblem => typeof value === 'string' && PROBLEMS.includes(value);

/** Not the input's fault: the API could not be reached, refused (NOT_FOUND: the viewer may not act), or failed. */
type Failure = 'unreachable' | 'gone' | 'failed';

/** What went wrong with a mutation: the problems to show at the fields, or a failure for the whole form. */
function outcomeOf(error: unknown): { problems: GradeWarningProblem[]; failure: Failure | null } {
  const problems = errorProblems(error).filter(isProblem);
  if (problems.length > 0) return { problems, failure: null };
  if (hasErrorCode(error, 'NOT_FOUND')) return { problems, failure: 'gone' };
  return { problems, failure: isConnectionError(error) ? 'unreachable' : 'failed' };
}

/** The shape every form here shares: problems by field, focus on the first one's input. */
function useProblems<Slot extends string>(slotOf: (problem: GradeWarningProblem) => Slot, inputIdOf: (slot: Slot) => string) {
  const { t } = useTranslation();
  const [problems, setProblems] = useState<GradeWarningProblem[]>([]);
  const [failure, setFailure] = useState<Failure | null>(null);
  return {
    failure,
    errorsFor: (slot: Slot) =>
      problems.filter((problem) => slotOf(problem) === slot).map((problem) => t(`gradeWarnings.problems.${problem}`)),
    clear: () => {
      setProblems([]);
      setFailure(null);
    },
    show: (found: GradeWarningProblem[], failed: Failure | null = null) => {
      setProblems(found);
      setFailure(failed);
      const first = found[0];
      if (first) document.getElementById(inputIdOf(slotOf(first)))?.focus();
    },
  };
}

function FailureAlert({ failure, general }: { failure: Failure | null; general: string[] }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error">
      {general.length > 0
        ? general.join(' ')
        : failure === 'unreachable'
          ? t('errors.unreachableBody')
          : failure
            ? t(`gradeWarnings.${failure}`)
            : null}
    </Alert>
  );
}

export interface RosterStudent {
  id: string;
  /** as the list sorts it: "Ek, Anna" */
  name: string;
  /** as a sentence says it: "Anna Ek" */
  fullName: string;
}

type IssueSlot = 'student' | 'missing' | 'general';

/** "Ny betygsvarning": a teacher of the teaching group warns one of its students. */
export function IssueWarningForm({
  groupId,
  students,
  onIssued,
}: {
  groupId: string;
  students: RosterStudent[];
  onIssued: (student: RosterStudent) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [studentId, setStudentId] = useState('');
  const [missing, setMissing] = useState('');
  const [studentMissing, setStudentMissing] = useState(false);
  const [issue, { loading }] = useMutation(IssueGradeWarningDocument, {
    refetchQueries: ['GroupGradeWarnings'],
    awaitRefetchQueries: true,
  });
  const inputIds: Record<IssueSlot, string> = { student: `${id}-student`, missing: `${id}-missing`, general: `${id}-student` };
  const slotOf = (problem: GradeWarningProblem): IssueSlot => (problem.startsWith('MISSING_') ? 'missing' : 'general');
  const form = useProblems(slotOf, (slot) => inputIds[slot]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = missing.trim();
    const found: GradeWarningProblem[] = text === '' ? ['MISSING_REQUIRED'] : text.length > MAX_MISSING_LENGTH ? ['MISSING_TOO_LONG'] : [];
    const student = students.find((candidate) => candidate.id === studentId);
    setStudentMissing(!student);
    if (!student) {
      form.show(found);
      document.getElementById(inputIds.student)?.focus();
      return;
    }
    if (found.length > 0) {
      form.show(found);
      return;
    }
    form.clear();
    try {
      await issue({ variables: { input: { studentId: student.id, groupId, missing: text } } });
      setStudentId('');
      setMissing('');
      onIssued(student);
    } catch (error) {
      const outcome = outcomeOf(error);
      form.show(outcome.problems, outcome.failure);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="issue-grade-warning-form">
      <Field
        id={inputIds.student}
        label={t('gradeWarnings.issue.student')}
        errors={studentMissing ? [t('gradeWarnings.issue.studentRequired')] : []}
      >
        {(describedBy, invalid) => (
          <select
            id={inputIds.student}
            className="field__input"
            required
            value={studentId}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setStudentId(event.target.value);
              setStudentMissing(false);
            }}
          >
            <option value="">{t('gradeWarnings.issue.chooseStudent')}</option>
            {students.map((student) => (
              <option key={student.id} value={student.id}>
                {student.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={inputIds.missing}
        label={t('gradeWarnings.issue.missing')}
        hint={t('gradeWarnings.issue.missingHint')}
        errors={form.errorsFor('missing')}
      >
        {(describedBy, invalid) => (
          <textarea
            id={inputIds.missing}
            className="field__input field__textarea"
            required
            maxLength={MAX_MISSING_LENGTH}
            value={missing}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setMissing(event.target.value);
              form.clear();
            }}
          />
        )}
      </Field>
      <p className="field__hint">{t('gradeWarnings.issue.notifyHint')}</p>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading} data-testid="issue-grade-warning">
            {loading ? t('gradeWarnings.saving') : t('gradeWarnings.issue.submit')}
          </button>
        </div>
        <FailureAlert failure={form.failure} general={form.errorsFor('general')} />
      </div>
    </form>
  );
}

type ContactSlot = 'contactedAt' | 'method' | 'withWhom' | 'agreed';

const contactSlotOf = (problem: GradeWarningProblem): ContactSlot =>
  problem === 'UNKNOWN_METHOD'
    ? 'method'
    : problem.startsWith('WITH_WHOM_')
      ? 'withWhom'
      : problem.startsWith('AGREED_')
        ? 'agreed'
        : 'contactedAt';

/** A contact with the home: when (now unless changed), how, with whom and what was agreed. */
function ContactForm({ warning, onSaved }: { warning: GradeWarningFieldsFragment; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  // Now, or the warning's own time on a device whose clock runs behind the server's.
  const [contactedAt, setContactedAt] = useState(() => toSchoolDateTimeLocal(new Date(Math.max(Date.now(), Date.parse(warning.issuedAt)))));
  const [method, setMethod] = useState<ContactMethod>('PHONE');
  const [withWhom, setWithWhom] = useState('');
  const [agreed, setAgreed] = useState('');
  const [record, { loading }] = useMutation(RecordGradeWarningContactDocument, {
    refetchQueries: ['GroupGradeWarnings'],
    awaitRefetchQueries: true,
  });
  const inputId = (slot: ContactSlot) => `${id}-${slot}`;
  const form = useProblems(contactSlotOf, inputId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { warningId: warning.id, contactedAt: contactInstant(contactedAt, warning.issuedAt) ?? '', method, withWhom, agreed };
    // The server's clock decides "in the future"; a device running behind it cannot be earlier than the warning.
    const now = new Date(Math.max(Date.now(), Date.parse(warning.issuedAt)));
    const found = checkContact(input, new Date(warning.issuedAt), now);
    if (found.length > 0) {
      form.show(found);
      return;
    }
    form.clear();
    try {
      await record({ variables: { input: { ...input, withWhom: withWhom.trim(), agreed: agreed.trim() } } });
      onSaved();
    } catch (error) {
      const outcome = outcomeOf(error);
      form.show(outcome.problems, outcome.failure);
    }
  }

  const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    form.clear();
  };

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="grade-warning-contact-form">
      <div className="form__row">
        <Field id={inputId('contactedAt')} label={t('gradeWarnings.contactForm.contactedAt')} errors={form.errorsFor('contactedAt')}>
          {(describedBy, invalid) => (
            <input
              id={inputId('contactedAt')}
              className="field__input"
              type="datetime-local"
              required
              value={contactedAt}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={change(setContactedAt)}
            />
          )}
        </Field>
        <Field id={inputId('method')} label={t('gradeWarnings.contactForm.method')} errors={form.errorsFor('method')}>
          {(describedBy, invalid) => (
            <select
              id={inputId('method')}
              className="field__input"
              value={method}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(event) => {
                setMethod(CONTACT_METHODS.find((candidate) => candidate === event.target.value) ?? 'PHONE');
                form.clear();
              }}
            >
              {CONTACT_METHODS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {t(`gradeWarnings.methods.${candidate}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id={inputId('withWhom')}
        label={t('gradeWarnings.contactForm.withWhom')}
        hint={t('gradeWarnings.contactForm.withWhomHint')}
        errors={form.errorsFor('withWhom')}
      >
        {(describedBy, invalid) => (
          <input
            id={inputId('withWhom')}
            className="field__input"
            type="text"
            required
            maxLength={MAX_WITH_WHOM_LENGTH}
            value={withWhom}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={change(setWithWhom)}
          />
        )}
      </Field>
      <Field id={inputId('agreed')} label={t('gradeWarnings.contactForm.agreed')} errors={form.errorsFor('agreed')}>
        {(describedBy, invalid) => (
          <textarea
            id={inputId('agreed')}
            className="field__input field__textarea field__textarea--short"
            required
            maxLength={MAX_AGREED_LENGTH}
            value={agreed}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={change(setAgreed)}
          />
        )}
      </Field>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading} data-testid="save-grade-warning-contact">
            {loading ? t('gradeWarnings.saving') : t('gradeWarnings.contactForm.submit')}
          </button>
        </div>
        <FailureAlert failure={form.failure} general={[]} />
      </div>
    </form>
  );
}

type CloseSlot = 'note' | 'general';

/** Resolved or withdrawn, with a note saying which and why. */
function CloseForm({ warning, onClosed }: { warning: GradeWarningFieldsFragment; onClosed: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [note, setNote] = useState('');
  const [close, { loading }] = useMutation(CloseGradeWarningDocument, {
    refetchQueries: ['GroupGradeWarnings'],
    awaitRefetchQueries: true,
  });
  const noteId = `${id}-note`;
  const form = useProblems(
    (problem): CloseSlot => (problem === 'ALREADY_CLOSED' ? 'general' : 'note'),
    () => noteId,
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkClose(note, false);
    if (found.length > 0) {
      form.show(found);
      return;
    }
    form.clear();
    try {
      await close({ variables: { warningId: warning.id, note: note.trim() } });
      onClosed();
    } catch (error) {
      const outcome = outcomeOf(error);
      form.show(outcome.problems, outcome.failure);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="close-grade-warning-form">
      <Field
        id={noteId}
        label={t('gradeWarnings.closeForm.note')}
        hint={t('gradeWarnings.closeForm.noteHint')}
        errors={form.errorsFor('note')}
      >
        {(describedBy, invalid) => (
          <textarea
            id={noteId}
            className="field__input field__textarea field__textarea--short"
            required
            maxLength={MAX_CLOSE_NOTE_LENGTH}
            value={note}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => {
              setNote(event.target.value);
              form.clear();
            }}
          />
        )}
      </Field>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={loading} data-testid="close-grade-warning">
            {loading ? t('gradeWarnings.saving') : t('gradeWarnings.closeForm.submit')}
          </button>
        </div>
        <FailureAlert failure={form.failure} general={form.errorsFor('general')} />
      </div>
    </form>
  );
}

/** A form behind a disclosure, so that the list stays readable; the form mounts (and takes "now") when opened. */
function Disclosure({ summary, label, children }: { summary: string; label: string; children: (done: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="grade-warning__disclosure" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="grade-warning__summary" aria-label={label}>
        {summary}
      </summary>
      {open ? children(() => setOpen(false)) : null}
    </details>
  );
}

/** The staff's two actions on an open warning. */
export function WarningActions({ warning, onDone }: { warning: GradeWarningFieldsFragment; onDone: (done: 'contact' | 'closed') => void }) {
  const { t } = useTranslation();
  const about = { name: warning.student.name, subject: warning.subjectName };
  return (
    <div className="grade-warning__actions">
      <Disclosure summary={t('gradeWarnings.contactForm.summary')} label={t('gradeWarnings.contactForm.summaryLabel', about)}>
        {(done) => (
          <ContactForm
            warning={warning}
            onSaved={() => {
              done();
              onDone('contact');
            }}
          />
        )}
      </Disclosure>
      <Disclosure summary={t('gradeWarnings.closeForm.summary')} label={t('gradeWarnings.closeForm.summaryLabel', about)}>
        {(done) => (
          <CloseForm
            warning={warning}
            onClosed={() => {
              done();
              onDone('closed');
            }}
          />
        )}
      </Disclosure>
    </div>
  );
}
