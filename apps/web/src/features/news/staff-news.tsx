import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/ui/alert';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { RecordsSection } from '../../components/ui/records-section';
import type { SentNewsQuery } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { audienceKey } from './audience';
import { ComposeForm } from './compose-form';
import { NewsTargetsDocument, SentNewsDocument } from './operations';

type SentPost = SentNewsQuery['sentNews'][number];

function SentItem({ post }: { post: SentPost }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className="record news-sent" data-testid="sent-news-item">
      <h3 className="record__title">
        <Link className="text-link" to={`/nyheter/${encodeURIComponent(post.id)}`}>
          {post.title}
        </Link>
      </h3>
      <p className="record__meta">
        {t('news.meta', { target: post.target.name, author: post.author, when: formatSchoolDateTime(post.publishedAt, locale) })}
        {' · '}
        {t(`news.audience.${audienceKey(post)}`)}
      </p>
      <p className="news-sent__reads" data-testid="sent-news-reads">
        {t('news.readBy', { count: post.readCount, total: post.recipientCount })}
      </p>
    </li>
  );
}

/** The staff's /nyheter: write a post where their duties allow, and follow those sent. */
export function StaffNews() {
  const { t } = useTranslation();
  const targets = useQuery(NewsTargetsDocument, { fetchPolicy: 'cache-and-network' });
  const sent = useQuery(SentNewsDocument, { fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const choices = targets.data?.newsTargets;
  const posts = sent.data?.sentNews;

  return (
    <>
      <Alert tone="success">
        {notice ? (
          <div ref={noticeRef} tabIndex={-1} className="notice-focus" data-testid="news-notice">
            {notice}
          </div>
        ) : null}
      </Alert>
      <section className="panel form-panel" aria-labelledby="news-compose-heading">
        <h2 id="news-compose-heading" className="section-heading">
          {t('news.compose.heading')}
        </h2>
        {choices ? (
          choices.length === 0 ? (
            <p className="week-empty">{t('news.compose.noTargets')}</p>
          ) : (
            <ComposeForm
              targets={choices}
              onPosted={(title, recipients) => setNotice(t('news.compose.postedNotice', { title, count: recipients }))}
            />
          )
        ) : targets.error ? (
          <ErrorState error={targets.error} onRetry={() => void targets.refetch()} />
        ) : (
          <LoadingState label={t('news.loading')} />
        )}
      </section>
      <RecordsSection
        headingId="news-sent-heading"
        heading={t('news.sentHeading')}
        records={posts}
        renderRecord={(post) => <SentItem key={post.id} post={post} />}
        empty={t('news.sentEmpty')}
        emptyTestId="no-sent-news"
        listTestId="sent-news"
        error={sent.error}
        loading={sent.loading}
        loadingLabel={t('news.loading')}
        onRetry={() => void sent.refetch()}
      />
    </>
  );
}
