import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { downloadFromApi, type DownloadOutcome } from '../../../lib/download';
import { RegisterExtractContentsDocument } from './operations';
import './register-extract.css';

type Format = 'pdf' | 'json';
type Refusal = 'notAllowed' | 'sessionEnded' | 'unreachable' | 'failed';

function refusalOf(outcome: Exclude<DownloadOutcome, { ok: true }>): Refusal {
  if (outcome.status === null || outcome.status >= 500) return 'unreachable';
  if (outcome.status === 401) return 'sessionEnded';
  if (outcome.status === 403 || outcome.status === 404) return 'notAllowed';
  return 'failed';
}

/**
 * A person's register extract (GDPR art. 15) on their page in the administration: what it is for, what it holds, and
 * the two downloads, the PDF for the person to read (in the page's language) and the JSON file. The API's route
 * writes an audit row for each (see the API's register-extract.router.ts).
 */
export function RegisterExtractPanel({
  personId,
  name,
  protectedIdentity,
}: {
  personId: string;
  name: string;
  protectedIdentity: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const contents = useQuery(RegisterExtractContentsDocument, { variables: { personId } });
  const [busy, setBusy] = useState<Format | null>(null);
  const [result, setResult] = useState<{ ok: true } | { ok: false; refusal: Refusal } | null>(null);
  const sectionWords = t('administration.registerExtract.sections', { returnObjects: true }) as Record<string, string | undefined>;

  const download = async (format: Format) => {
    setBusy(format);
    setResult(null);
    const query = format === 'pdf' ? `?locale=${i18n.language === 'en' ? 'en' : 'sv'}` : '';
    const outcome = await downloadFromApi(`/api/register-extract/${encodeURIComponent(personId)}/${format}${query}`);
    setBusy(null);
    setResult(outcome.ok ? { ok: true } : { ok: false, refusal: refusalOf(outcome) });
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="form-panel" data-testid="register-extract">
      <h2 id={`${id}-heading`}>{t('administration.registerExtract.heading')}</h2>
      <p>{t('administration.registerExtract.lead', { name })}</p>
      {protectedIdentity ? (
        <p className="register-extract__protected">
          <strong>{t('administration.people.protectedIdentity')}.</strong> {t('administration.registerExtract.protectedIdentity')}
        </p>
      ) : null}
      {contents.data ? (
        <details className="register-extract__contents">
          <summary>{t('administration.registerExtract.contents')}</summary>
          <ul>
            {contents.data.registerExtractContents.sections.map((section) => (
              <li key={section}>{sectionWords[section] ?? section}</li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void download('pdf')}>
          {t('administration.registerExtract.pdf')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void download('json')}>
          {t('administration.registerExtract.json')}
        </button>
      </div>
      <Alert tone="success">
        {busy ? t('administration.registerExtract.making') : result?.ok ? t('administration.registerExtract.done') : null}
      </Alert>
      <Alert tone="error">{result && !result.ok ? t(`administration.registerExtract.refusals.${result.refusal}`) : null}</Alert>
    </section>
  );
}
