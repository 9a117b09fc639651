import { useMutation } from '@apollo/client/react';
import { checkNewsPost, MAX_NEWS_BODY_LENGTH, MAX_NEWS_TITLE_LENGTH, type NewsProblem } from '@insyn/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import type { NewsTargetsQuery } from '../../gql/graphql';
import { errorProblems, hasErrorCode, isConnectionError } from '../../lib/graphql-errors';
import { Field } from '../../components/ui/field';
import { PostNewsDocument } from './operations';

type Target = NewsTargetsQuery['newsTargets'][number];
type Slot = 'target' | 'audience' | 'title' | 'body';

const PROBLEMS: readonly string[] = [
  'NO_AUDIENCE',
  'TITLE_REQUIRED',
  'TITLE_TOO_LONG',
  'BODY_REQUIRED',
  'BODY_TOO_LONG',
  'NO_RECIPIENTS',
] satisfies NewsProblem[];
const isProblem = (value: unknown): value is NewsProblem => typeof value === 'string' && PROBLEMS.includes(value);

const slotOf = (problem: NewsProblem): Slot =>
  problem === 'NO_AUDIENCE' ? 'audience' : problem === 'NO_RECIPIENTS' ? 'target' : problem.startsWith('TITLE_') ? 'title' : 'body';

const keyOf = (target: Target) => (target.groupId ? `group:${target.groupId}` : `school:${target.schoolId}`);

/** "Skriv ett inlägg": where to (from the viewer's duties), to whom, title and text; errors at their fields. */
export function ComposeForm({ targets, onPosted }: { targets: Target[]; onPosted: (title: string, recipients: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [targetKey, setTargetKey] = useState(() => (targets[0] ? keyOf(targets[0]) : ''));
  const [toGuardians, setToGuardians] = useState(true);
  const [toStudents, setToStudents] = useState(false);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [problems, setProblems] = useState<NewsProblem[]>([]);
  const [failure, setFailure] = useState<'unreachable' | 'gone' | 'failed' | null>(null);
  const [post, { loading }] = useMutation(PostNewsDocument, { refetchQueries: ['SentNews'], awaitRefetchQueries: true });
  const inputId = (slot: Slot) => (slot === 'audience' ? `${id}-guardians` : `${id}-${slot}`);
  const errorsFor = (slot: Slot) => problems.filter((problem) => slotOf(problem) === slot).map((problem) => t(`news.problems.${problem}`));

  function show(found: NewsProblem[]) {
    setProblems(found);
    const first = found[0];
    if (first) document.getElementById(inputId(slotOf(first)))?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const target = targets.find((candidate) => keyOf(candidate) === targetKey);
    const content = { title, body, toGuardians, toStudents };
    const found = checkNewsPost(content);
    if (found.length > 0 || !target) {
      show(found);
      return;
    }
    setProblems([]);
    try {
      const result = await post({
        variables: { input: { schoolId: target.schoolId, groupId: target.groupId, ...content, title: title.trim(), body: body.trim() } },
      });
      setTitle('');
      setBody('');
      if (result.data) onPosted(result.data.postNews.title, result.data.postNews.recipientCount);
    } catch (error) {
      const reported = errorProblems(error).filter(isProblem);
      if (reported.length > 0) show(reported);
      else setFailure(hasErrorCode(error, 'NOT_FOUND') ? 'gone' : isConnectionError(error) ? 'unreachable' : 'failed');
    }
  }

  const audienceErrors = errorsFor('audience');
  const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
    set(event.target.value);
    setProblems([]);
  };
  const groupsOf = (kind: Target['kind']) => targets.filter((target) => target.kind === kind);

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={loading} data-testid="news-compose-form">
      <Field id={inputId('target')} label={t('news.compose.target')} errors={errorsFor('target')}>
        {(describedBy, invalid) => (
          <select
            id={inputId('target')}
            className="field__input"
            value={targetKey}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={change(setTargetKey)}
          >
            {(['SCHOOL', 'CLASS', 'TEACHING'] as const).map((kind) =>
              groupsOf(kind).length > 0 ? (
                <optgroup key={kind} label={t(`news.targetKinds.${kind}`)}>
                  {groupsOf(kind).map((target) => (
                    <option key={keyOf(target)} value={keyOf(target)}>
                      {kind === 'SCHOOL' ? t('news.compose.wholeSchool', { name: target.name }) : target.name}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
        )}
      </Field>
      <fieldset
        className={`choice-group${audienceErrors.length > 0 ? ' choice-group--invalid' : ''}`}
        aria-describedby={audienceErrors.length > 0 ? `${id}-audience-error` : undefined}
      >
        <legend className="choice-group__legend">{t('news.compose.audience')}</legend>
        <div className="choice-group__options">
          <div className="checkbox">
            <input
              id={`${id}-guardians`}
              className="checkbox__input"
              type="checkbox"
              checked={toGuardians}
              aria-invalid={audienceErrors.length > 0 || undefined}
              onChange={(event) => {
                setToGuardians(event.target.checked);
                setProblems([]);
              }}
            />
            <label className="checkbox__label" htmlFor={`${id}-guardians`}>
              {t('news.compose.toGuardians')}
            </label>
          </div>
          <div className="checkbox">
            <input
              id={`${id}-students`}
              className="checkbox__input"
              type="checkbox"
              checked={toStudents}
              aria-invalid={audienceErrors.length > 0 || undefined}
              onChange={(event) => {
                setToStudents(event.target.checked);
                setProblems([]);
              }}
            />
            <label className="checkbox__label" htmlFor={`${id}-students`}>
              {t('news.compose.toStudents')}
            </label>
          </div>
        </div>
        {audienceErrors.length > 0 ? (
          <p id={`${id}-audience-error`} className="field__error">
            {audienceErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Field id={inputId('title')} label={t('news.compose.title')} errors={errorsFor('title')}>
        {(describedBy, invalid) => (
          <input
            id={inputId('title')}
            className="field__input"
            type="text"
            required
            maxLength={MAX_NEWS_TITLE_LENGTH}
            value={title}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={change(setTitle)}
          />
        )}
      </Field>
      <Field id={inputId('body')} label={t('news.compose.body')} errors={errorsFor('body')}>
        {(describedBy, invalid) => (
          <textarea
            id={inputId('body')}
            className="field__input field__textarea"
            required
            maxLength={MAX_NEWS_BODY_LENGTH}
            value={body}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={change(setBody)}
          />
        )}
      </Field>
      <p className="field__hint">{t('news.compose.emailHint')}</p>
      <div className="form__footer">
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={loading} data-testid="post-news">
            {loading ? t('news.compose.posting') : t('news.compose.submit')}
          </button>
        </div>
        <Alert tone="error">{failure === 'unreachable' ? t('errors.unreachableBody') : failure ? t(`news.${failure}`) : null}</Alert>
      </div>
    </form>
  );
}
