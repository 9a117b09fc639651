import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/alert';
import type { SupportDecisionFieldsFragment } from '../../gql/graphql';
import { formatLongDate, formatSchoolDateTime } from '../../lib/dates';
import { currentLocale, type AppLocale } from '../../lib/i18n';
import { downloadSupportDecision } from './document-api';
import { AcknowledgeSupportDecisionDocument } from './operations';

/** "48 kB", "2,4 MB" in the reader's language. */
export function formatFileSize(bytes: number, locale: AppLocale): string {
  const tag = locale === 'sv' ? 'sv-SE' : 'en-GB';
  return bytes < 1024 * 1024
    ? new Intl.NumberFormat(tag, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))
    : new Intl.NumberFormat(tag, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/** Confirmed or not, with a symbol, never colour alone. For the home: by me; for staff: by anyone. */
function AcknowledgementStatus({ decision, forStaff }: { decision: SupportDecisionFieldsFragment; forStaff: boolean }) {
  const { t } = useTranslation();
  const done = forStaff ? decision.acknowledgements.length > 0 : decision.acknowledgedByMe;
  return (
    <span className={`status-badge status-badge--${done ? 'approved' : 'pending'}`} data-testid="support-decision-status">
      <span aria-hidden="true">{done ? '✓ ' : '… '}</span>
      {t(`supportDecisions.status.${done ? 'acknowledged' : 'notAcknowledged'}`)}
    </span>
  );
}

/** One decision: what was decided, when and by whom, the PDF, and who has confirmed reading it. */
export function DecisionItem({ decision, forStaff }: { decision: SupportDecisionFieldsFragment; forStaff: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [downloading, setDownloading] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const [acknowledge, { loading: acknowledging, error: acknowledgeError }] = useMutation(AcknowledgeSupportDecisionDocument);
  const headingId = `support-decision-${decision.id}`;

  async function open() {
    setDownloading(true);
    setDownloadFailed(!(await downloadSupportDecision(decision.id, decision.documentName)));
    setDownloading(false);
  }

  return (
    <li className="record support-decision" data-testid="support-decision" aria-labelledby={headingId}>
      <div className="support-decision__head">
        <h3 id={headingId} className="record__title">
          {t(`supportDecisions.kinds.${decision.kind}`)}
        </h3>
        <AcknowledgementStatus decision={decision} forStaff={forStaff} />
      </div>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('supportDecisions.decidedLabel')}</dt>
          <dd>{t('supportDecisions.decided', { date: formatLongDate(decision.decidedOn, locale), name: decision.decidedBy })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('supportDecisions.summaryLabel')}</dt>
          <dd className="facts__text" data-testid="support-decision-summary">
            {decision.summary}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('supportDecisions.documentLabel')}</dt>
          <dd>
            <button
              type="button"
              className="button button--quiet support-decision__document"
              onClick={() => void open()}
              disabled={downloading}
              data-testid="support-decision-document"
            >
              {t('supportDecisions.download', { name: decision.documentName, size: formatFileSize(decision.documentSize, locale) })}
            </button>
          </dd>
        </div>
      </dl>
      <Alert tone="error">{downloadFailed ? t('supportDecisions.downloadFailed') : null}</Alert>
      <div className="support-decision__section">
        <p className="support-decision__label">{t('supportDecisions.acknowledgementsLabel')}</p>
        {decision.acknowledgements.length === 0 ? (
          <p className="record__meta">{t('supportDecisions.noAcknowledgements')}</p>
        ) : (
          <ul className="support-decision__acknowledgements" data-testid="support-decision-acknowledgements">
            {decision.acknowledgements.map((ack) => (
              <li key={`${ack.name}-${ack.acknowledgedAt}`}>
                {t('supportDecisions.acknowledgedBy', {
                  name: ack.name,
                  role: t(`roles.${ack.role}`),
                  when: formatSchoolDateTime(ack.acknowledgedAt, locale),
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
      {decision.canAcknowledge && !decision.acknowledgedByMe ? (
        <div className="support-decision__acknowledge">
          <button
            type="button"
            className="button button--primary"
            disabled={acknowledging}
            onClick={() => void acknowledge({ variables: { id: decision.id } }).catch(() => undefined)}
            data-testid="acknowledge-support-decision"
          >
            {acknowledging ? t('supportDecisions.acknowledging') : t('supportDecisions.acknowledge')}
          </button>
          <p className="field__hint">{t('supportDecisions.acknowledgeHint')}</p>
          <Alert tone="error">{acknowledgeError ? t('supportDecisions.acknowledgeFailed') : null}</Alert>
        </div>
      ) : null}
    </li>
  );
}
