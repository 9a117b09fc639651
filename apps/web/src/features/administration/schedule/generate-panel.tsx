import { useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Field } from '../../../components/ui/field';
import { schoolToday } from '../../../lib/dates';
import { GenerateTermLessonsDocument } from './operations';
import { FormSection } from './form-section';
import { useProblemMessages, useRefusal } from './problems';

/**
 * Generates the school's lessons of the term from its series, from a date on. Lessons with a saved roll call
 * and lessons changed by hand are kept; the result's counts say what happened.
 */
export function GeneratePanel({ term, schoolId }: { term: { id: string; startDate: string; endDate: string }; schoolId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const today = schoolToday();
  const [from, setFrom] = useState(today > term.startDate && today <= term.endDate ? today : term.startDate);
  const { problems, failed, attempt } = useRefusal();
  const [generate, { data, loading }] = useMutation(GenerateTermLessonsDocument, { refetchQueries: ['LessonSeriesList'] });
  const messages = useProblemMessages(problems);
  const result = data?.generateTermLessons;
  const submit = () => attempt(() => generate({ variables: { termId: term.id, schoolId, from } }));

  return (
    <FormSection
      heading={t('administration.schedule.generate.heading')}
      lead={t('administration.schedule.generate.lead')}
      busy={loading}
      onSubmit={submit}
    >
      <Field id={`${id}-from`} label={t('administration.schedule.generate.from')} errors={messages('from')}>
        {(describedBy, invalid) => (
          <input
            id={`${id}-from`}
            type="date"
            className="field__input schedule-admin__date"
            value={from}
            min={term.startDate}
            max={term.endDate}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => setFrom(event.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('administration.schedule.generate.running') : t('administration.schedule.generate.submit')}
        </button>
      </div>
      <Alert tone={failed ? 'error' : 'success'}>
        {failed ? (
          t('administration.schedule.saveFailed')
        ) : result ? (
          <p data-testid="generation-result">{t('administration.schedule.generate.result', { ...result })}</p>
        ) : null}
      </Alert>
    </FormSection>
  );
}
