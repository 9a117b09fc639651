import { useMutation, useQuery } from '@apollo/client/react';
import { checkSchoolBreak, checkSchoolYear, checkTerm } from '@insyn/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { usePageTitle } from '../../../components/ui/use-page-title';
import type { AdministeredSchoolYearFieldsFragment, TermKind } from '../../../gql/graphql';
import { formatDateSpan } from '../../../lib/dates';
import { currentLocale } from '../../../lib/i18n';
import { DeleteButton } from '../delete-button';
import { fieldProblemsOf } from '../field-problems';
import {
  AdministeredSchoolYearDocument,
  CreateSchoolBreakDocument,
  CreateTermDocument,
  DeleteSchoolBreakDocument,
  DeleteSchoolYearDocument,
  DeleteTermDocument,
  UpdateSchoolBreakDocument,
  UpdateSchoolYearDocument,
  UpdateTermDocument,
} from './operations';
import { SpanForm } from './span-form';
import '../schools/schools.css';
import { AdminPageHeader } from '../admin-page-header';

type Year = AdministeredSchoolYearFieldsFragment;
type Term = Year['terms'][number];
const KINDS: readonly TermKind[] = ['AUTUMN', 'SPRING'];
const EMPTY = { name: '', kind: 'AUTUMN' as TermKind, startDate: '', endDate: '' };

/** /administration/kalender/:schoolYearId: one school year, its terms and their breaks, each edited in place. */
/** A year, term or break the API finds in use (IN_USE) stays; its reason is told beside the button. */
function useInUseRefusal() {
  const { t } = useTranslation();
  return (error: unknown) => (fieldProblemsOf(error, ['id'], ['IN_USE']).length > 0 ? t('administration.calendar.inUse') : null);
}

export function SchoolYearPage() {
  const { t } = useTranslation();
  const inUse = useInUseRefusal();
  const { schoolYearId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(AdministeredSchoolYearDocument, { variables: { id: schoolYearId } });
  const [updateYear] = useMutation(UpdateSchoolYearDocument);
  const [deleteYear] = useMutation(DeleteSchoolYearDocument);
  const [createTerm] = useMutation(CreateTermDocument);
  const year = data?.administeredSchoolYear;
  usePageTitle(year ? t('administration.calendar.yearTitle', { name: year.name }) : t('administration.calendar.title'));

  if (!year) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('administration.calendar.loading')} /> : null;
  }
  const missingKinds = KINDS.filter((kind) => !year.terms.some((term) => term.kind === kind));
  const span = { startDate: year.startDate, endDate: year.endDate };

  return (
    <div className="admin-page">
      <AdminPageHeader
        back="/administration/kalender"
        backLabel={t('administration.calendar.title')}
        title={t('administration.calendar.yearTitle', { name: year.name })}
        lead={formatDateSpan(year.startDate, year.endDate, currentLocale())}
      />

      <section className="panel" aria-labelledby="year-heading">
        <h2 id="year-heading" className="section-heading">
          {t('administration.calendar.schoolYear')}
        </h2>
        <div className="admin-form-panel">
          <SpanForm
            key={year.id}
            label={t('administration.calendar.schoolYear')}
            testId="school-year-form"
            withName
            initial={{ ...EMPTY, name: year.name, startDate: year.startDate, endDate: year.endDate }}
            submitLabel={t('administration.calendar.save')}
            check={(values) => checkSchoolYear(values, { others: [], terms: year.terms })}
            onSave={async (values) => {
              await updateYear({
                variables: { id: year.id, input: { name: values.name, startDate: values.startDate, endDate: values.endDate } },
              });
            }}
          />
          {year.inUse ? (
            <p className="field__hint">{t('administration.calendar.yearInUse')}</p>
          ) : (
            <DeleteButton
              testId="delete-school-year"
              refusal={inUse}
              label={t('administration.calendar.deleteYear')}
              confirmLabel={t('administration.calendar.confirmDeleteYear', { name: year.name })}
              onDelete={async () => {
                await deleteYear({ variables: { id: year.id } });
                await navigate('/administration/kalender');
              }}
            />
          )}
        </div>
      </section>

      {year.terms.map((term) => (
        <TermSection key={term.id} year={year} term={term} />
      ))}

      {missingKinds.length > 0 ? (
        <section className="panel" aria-labelledby="new-term-heading">
          <h2 id="new-term-heading" className="section-heading">
            {t('administration.calendar.newTerm')}
          </h2>
          <div className="admin-form-panel">
            <SpanForm
              key={missingKinds.join()}
              label={t('administration.calendar.newTerm')}
              testId="new-term-form"
              withName={false}
              kinds={missingKinds}
              initial={{ ...EMPTY, kind: missingKinds[0] ?? 'AUTUMN' }}
              submitLabel={t('administration.calendar.createTerm')}
              clearOnSave
              check={(values) => checkTerm(values, { schoolYear: span, others: year.terms, breaks: [], lessonSeries: [] })}
              onSave={async (values) => {
                await createTerm({
                  variables: { schoolYearId: year.id, input: { kind: values.kind, startDate: values.startDate, endDate: values.endDate } },
                });
              }}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** A term's dates and its breaks: a table with edit and delete per break, and a form to add one. */
function TermSection({ year, term }: { year: Year; term: Term }) {
  const { t } = useTranslation();
  const inUse = useInUseRefusal();
  const locale = currentLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [updateTerm] = useMutation(UpdateTermDocument);
  const [deleteTerm] = useMutation(DeleteTermDocument);
  const [createBreak] = useMutation(CreateSchoolBreakDocument);
  const [updateBreak] = useMutation(UpdateSchoolBreakDocument);
  const [deleteBreak] = useMutation(DeleteSchoolBreakDocument);
  const termName = t(`administration.calendar.terms.${term.kind}`);
  const headingId = `term-${term.id}-heading`;
  const edited = term.breaks.find((range) => range.id === editing);
  const otherBreaks = (exceptId: string | null) => term.breaks.filter((range) => range.id !== exceptId);

  return (
    <section className="panel" aria-labelledby={headingId} data-testid={`term-${term.kind}`}>
      <h2 id={headingId} className="section-heading">
        {termName}
      </h2>
      <div className="admin-form-panel">
        <SpanForm
          key={term.id}
          label={termName}
          testId={`term-form-${term.kind}`}
          withName={false}
          initial={{ ...EMPTY, kind: term.kind, startDate: term.startDate, endDate: term.endDate }}
          submitLabel={t('administration.calendar.save')}
          check={(values) =>
            checkTerm(
              { kind: term.kind, startDate: values.startDate, endDate: values.endDate },
              { schoolYear: year, others: year.terms.filter((other) => other.id !== term.id), breaks: term.breaks, lessonSeries: [] },
            )
          }
          onSave={async (values) => {
            await updateTerm({
              variables: { id: term.id, input: { kind: term.kind, startDate: values.startDate, endDate: values.endDate } },
            });
          }}
        />
        {term.inUse ? (
          <p className="field__hint">{t('administration.calendar.termInUse')}</p>
        ) : (
          <DeleteButton
            testId={`delete-term-${term.kind}`}
            refusal={inUse}
            label={t('administration.calendar.deleteTerm')}
            confirmLabel={t('administration.calendar.confirmDeleteTerm', { name: termName })}
            onDelete={async () => {
              await deleteTerm({ variables: { id: term.id } });
            }}
          />
        )}
      </div>

      <h3 className="admin-subheading">{t('administration.calendar.breaks')}</h3>
      {term.breaks.length === 0 ? (
        <p className="admin-page__empty">{t('administration.calendar.noBreaks')}</p>
      ) : (
        <DataTable caption={t('administration.calendar.breaksOf', { term: termName })} testId={`breaks-${term.kind}`}>
          <thead>
            <tr>
              <th scope="col">{t('administration.calendar.name')}</th>
              <th scope="col">{t('administration.calendar.dates')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('administration.calendar.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {term.breaks.map((range) => (
              <tr key={range.id}>
                <th scope="row">{range.name}</th>
                <td>{formatDateSpan(range.startDate, range.endDate, locale)}</td>
                <td>
                  <div className="admin-row-actions">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('administration.calendar.editBreak', { name: range.name })}
                      onClick={() => setEditing(range.id)}
                    >
                      {t('administration.calendar.edit')}
                    </button>
                    <DeleteButton
                      testId={`delete-break-${range.id}`}
                      refusal={inUse}
                      label={t('administration.calendar.delete')}
                      confirmLabel={t('administration.calendar.confirmDeleteBreak', { name: range.name })}
                      onDelete={async () => {
                        await deleteBreak({ variables: { id: range.id } });
                        if (editing === range.id) setEditing(null);
                      }}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <div className="admin-form-panel">
        {edited ? (
          <>
            <h3 className="admin-subheading">{t('administration.calendar.editBreak', { name: edited.name })}</h3>
            <SpanForm
              key={edited.id}
              label={t('administration.calendar.editBreak', { name: edited.name })}
              testId={`edit-break-form-${term.kind}`}
              withName
              initial={{ ...EMPTY, name: edited.name, startDate: edited.startDate, endDate: edited.endDate }}
              submitLabel={t('administration.calendar.save')}
              check={(values) => checkSchoolBreak(values, { term, others: otherBreaks(edited.id) })}
              onSave={async (values) => {
                await updateBreak({
                  variables: { id: edited.id, input: { name: values.name, startDate: values.startDate, endDate: values.endDate } },
                });
                setEditing(null);
              }}
              onCancel={() => setEditing(null)}
            />
          </>
        ) : (
          <>
            <h3 className="admin-subheading">{t('administration.calendar.newBreak')}</h3>
            <SpanForm
              label={t('administration.calendar.newBreakIn', { term: termName })}
              testId={`new-break-form-${term.kind}`}
              withName
              nameHint={t('administration.calendar.breakNameHint')}
              initial={EMPTY}
              submitLabel={t('administration.calendar.createBreak')}
              clearOnSave
              check={(values) => checkSchoolBreak(values, { term, others: otherBreaks(null) })}
              onSave={async (values) => {
                await createBreak({
                  variables: { termId: term.id, input: { name: values.name, startDate: values.startDate, endDate: values.endDate } },
                });
              }}
            />
          </>
        )}
      </div>
    </section>
  );
}
