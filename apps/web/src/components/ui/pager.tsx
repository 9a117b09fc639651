import { useTranslation } from 'react-i18next';

export interface PageState {
  offset: number;
  limit: number;
}

/** "51–100 of 10 000" with previous and next, under a paged list. */
export function Pager({ page, total, onChange }: { page: PageState; total: number; onChange: (page: PageState) => void }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE');
  const first = total === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + page.limit, total);
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <p className="pager__status" aria-live="polite">
        {t('pager.status', { first: format.format(first), last: format.format(last), total: format.format(total) })}
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={page.offset === 0}
        onClick={() => onChange({ ...page, offset: Math.max(0, page.offset - page.limit) })}
      >
        {t('pager.previous')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={last >= total}
        onClick={() => onChange({ ...page, offset: page.offset + page.limit })}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
