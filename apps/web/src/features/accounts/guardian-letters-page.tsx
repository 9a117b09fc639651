import { useQuery } from '@apollo/client/react';
import { ACTIVATION_CODE_DAYS } from '@insyn/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/ui/data-table';
import { ErrorState } from '../../components/ui/error-state';
import { CheckboxField, FieldSelect } from '../../components/ui/field';
import { LoadingState } from '../../components/ui/loading-state';
import { SchoolPicker } from '../../components/ui/school-picker';
import { usePageTitle } from '../../components/ui/use-page-title';
import { GuardianLetterPlanDocument, LetterChoicesDocument } from './operations';
import { PrintCredentialsButton } from './print-credentials';
import './accounts.css';

/**
 * /inloggningsbrev: letters by post with a username and an activation code for a school's guardians, or one class's,
 * for the principal and the organisation's administrators. The plan (how many letters, who gets none and why) is
 * shown before anything is printed; printing issues the codes.
 */
export function GuardianLettersPage() {
  const { t } = useTranslation();
  const id = useId();
  usePageTitle(t('accounts.letters.pageTitle'));
  const { data, error, loading, refetch } = useQuery(LetterChoicesDocument);
  const [chosenSchool, setChosenSchool] = useState<string | null>(null);
  const [groupId, setGroupId] = useState('');
  // Guardians who chose a password already have no use for a letter; sending them one is the exception.
  const [onlyWithoutActivatedAccount, setOnlyWithoutActivatedAccount] = useState(true);

  const schools = data?.absenceSchools ?? [];
  const school = schools.find((candidate) => candidate.id === chosenSchool) ?? schools[0];
  const classes = (data?.newsTargets ?? []).flatMap((target) =>
    target.kind === 'CLASS' && target.groupId && target.schoolId === school?.id ? [{ id: target.groupId, name: target.name }] : [],
  );
  const chosenClass = classes.find((candidate) => candidate.id === groupId) ?? null;

  return (
    <div className="letters-page">
      <header className="page-header">
        <div className="page-header__text">
          <h1 className="page-header__title">{t('accounts.letters.heading')}</h1>
          {school ? <p className="page-header__sub">{school.name}</p> : null}
        </div>
      </header>
      <p className="letters-page__intro">{t('accounts.letters.intro', { count: ACTIVATION_CODE_DAYS })}</p>
      {error && !data ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data ? (
        loading ? (
          <LoadingState label={t('accounts.letters.loading')} />
        ) : null
      ) : !school ? (
        <p>{t('accounts.letters.noSchool')}</p>
      ) : (
        <>
          <section className="panel form-panel" aria-labelledby={`${id}-choice`}>
            <h2 id={`${id}-choice`} className="section-heading">
              {t('accounts.letters.choiceHeading')}
            </h2>
            <div className="form">
              <SchoolPicker
                label={t('accounts.letters.school')}
                schools={schools}
                value={school.id}
                onChange={(schoolId) => {
                  setChosenSchool(schoolId);
                  setGroupId('');
                }}
              />
              <FieldSelect
                id={`${id}-class`}
                label={t('accounts.letters.class')}
                value={chosenClass?.id ?? ''}
                onChange={(event) => setGroupId(event.target.value)}
              >
                <option value="">{t('accounts.letters.wholeSchool')}</option>
                {classes.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name}
                  </option>
                ))}
              </FieldSelect>
              <CheckboxField
                id={`${id}-only-new`}
                label={t('accounts.letters.onlyWithoutActivatedAccount')}
                hint={t('accounts.letters.onlyWithoutActivatedAccountHint')}
                checked={onlyWithoutActivatedAccount}
                onChange={(event) => setOnlyWithoutActivatedAccount(event.target.checked)}
              />
            </div>
          </section>
          <LetterPlan
            schoolId={school.id}
            groupId={chosenClass?.id ?? null}
            place={chosenClass ? t('accounts.letters.classPlace', { name: chosenClass.name }) : school.name}
            onlyWithoutActivatedAccount={onlyWithoutActivatedAccount}
          />
        </>
      )}
    </div>
  );
}

function LetterPlan({
  schoolId,
  groupId,
  place,
  onlyWithoutActivatedAccount,
}: {
  schoolId: string;
  groupId: string | null;
  /** the school's name, or the class's */
  place: string;
  onlyWithoutActivatedAccount: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const choice = { schoolId, groupId, onlyWithoutActivatedAccount };
  // Each time: who has activated since, or moved, changes the plan.
  const { data, error, refetch } = useQuery(GuardianLetterPlanDocument, { variables: { choice }, fetchPolicy: 'cache-and-network' });
  const plan = data?.guardianLetterPlan;

  if (error && !plan) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <section className="panel form-panel" aria-labelledby={`${id}-print`}>
        <h2 id={`${id}-print`} className="section-heading">
          {t('accounts.letters.printHeading')}
        </h2>
        <p role="status" className="letters-page__count" data-testid="letter-count">
          {plan ? t('accounts.letters.count', { count: plan.letterCount, place }) : t('accounts.letters.planning')}
        </p>
        <PrintCredentialsButton
          key={`${schoolId} ${groupId} ${onlyWithoutActivatedAccount}`}
          print={{ kind: 'guardian-letters', body: choice }}
          label={t('accounts.letters.print')}
          confirmLabel={t('accounts.letters.confirm', { count: plan?.letterCount ?? 0 })}
          warning={t('accounts.letters.warning')}
          disabled={!plan || plan.letterCount === 0}
          testId="print-letters"
        />
      </section>
      {plan && plan.skipped.length > 0 ? (
        <section className="panel" aria-labelledby={`${id}-skipped`}>
          <h2 id={`${id}-skipped`} className="section-heading">
            {t('accounts.letters.skippedHeading', { count: plan.skipped.length })}
          </h2>
          <p className="field__hint">{t('accounts.letters.skippedIntro')}</p>
          <DataTable caption={t('accounts.letters.skippedCaption', { count: plan.skipped.length, place })} testId="skipped-guardians">
            <thead>
              <tr>
                <th scope="col">{t('accounts.letters.columnName')}</th>
                <th scope="col">{t('accounts.letters.columnReason')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.skipped.map((guardian) => (
                <tr key={guardian.guardianId}>
                  <th scope="row">{guardian.name}</th>
                  <td>{t(`accounts.letters.reasons.${guardian.reason}`)}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
