import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentPlanFieldsFragment } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';

/** "Höstterminen 2026" / "Autumn term 2026". */
export function useTermName(): (term: DevelopmentPlanFieldsFragment['term']) => string {
  const { t } = useTranslation();
  return (term) => t(`developmentPlans.term.${term.kind}`, { year: term.year });
}

/** Published, updated after publishing, or a draft only staff see; with a symbol, never colour alone. */
export function PlanStatus({ plan }: { plan: Pick<DevelopmentPlanFieldsFragment, 'publishedAt' | 'updatedAfterPublishing'> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [key, symbol, tone] = !plan.publishedAt
    ? (['draft', '…', 'pending'] as const)
    : plan.updatedAfterPublishing
      ? (['updated', '✎', 'withdrawn'] as const)
      : (['published', '✓', 'approved'] as const);
  return (
    <span className={`status-badge status-badge--${tone}`} data-testid="development-plan-status">
      <span aria-hidden="true">{symbol} </span>
      {t(`developmentPlans.status.${key}`, { when: plan.publishedAt ? formatSchoolDateTime(plan.publishedAt, locale) : '' })}
    </span>
  );
}

/** One subject's entry: where the student stands and the goals ahead, and who wrote it. */
export function EntryText({ entry }: { entry: { standing: string; goals: string; authoredBy: string } }) {
  const { t } = useTranslation();
  return (
    <dl className="plan-entry__texts">
      <dt>{t('developmentPlans.standing')}</dt>
      <dd data-testid="plan-entry-standing">{entry.standing}</dd>
      <dt>{t('developmentPlans.goals')}</dt>
      <dd>{entry.goals}</dd>
      <dt className="visually-hidden">{t('developmentPlans.writtenByLabel')}</dt>
      <dd className="record__meta">{t('developmentPlans.writtenBy', { name: entry.authoredBy })}</dd>
    </dl>
  );
}

/** A plan as the home reads it: the mentor's summary, then each subject's entry. `children`: staff forms. */
export function PlanView({
  plan,
  headingLevel = 2,
  children,
}: {
  plan: DevelopmentPlanFieldsFragment;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const termName = useTermName();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <article className="panel development-plan" data-testid="development-plan">
      <div className="development-plan__head">
        <Heading className="section-heading">{t('developmentPlans.planHeading', { term: termName(plan.term) })}</Heading>
        <PlanStatus plan={plan} />
      </div>
      {plan.publishedBy ? <p className="record__meta">{t('developmentPlans.publishedBy', { name: plan.publishedBy })}</p> : null}
      <section className="development-plan__summary" aria-label={t('developmentPlans.summary')}>
        <SubHeading className="development-plan__subheading">{t('developmentPlans.summary')}</SubHeading>
        <p data-testid="development-plan-summary">{plan.summary ?? t('developmentPlans.noSummary')}</p>
      </section>
      {plan.entries.length === 0 ? (
        <p className="week-empty">{t('developmentPlans.noEntries')}</p>
      ) : (
        <ul className="development-plan__entries">
          {plan.entries.map((entry) => (
            <li key={entry.subjectId} className="plan-entry" data-testid="plan-entry">
              <SubHeading className="development-plan__subheading">{entry.subjectName}</SubHeading>
              <EntryText entry={entry} />
            </li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
