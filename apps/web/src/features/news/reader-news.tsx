import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import type { NewsItemFieldsFragment } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { useViewer } from '../auth/auth-context';
import { STUDENT_PARAM } from '../schedule/schedule-request';
import { MarkNewsReadDocument, MyNewsDocument } from './operations';

/** One post: the title opens it (and marks it read); unread posts say so in words and in bold, not by colour alone. */
function NewsItem({ item, showChildren }: { item: NewsItemFieldsFragment; showChildren: boolean }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  const [markRead] = useMutation(MarkNewsReadDocument);
  const unread = item.readAt === null;

  function toggle() {
    setOpen(!open);
    // Opening counts as reading; the answer updates the item in the cache. A failure leaves it unread, to try again.
    if (!open && unread) void markRead({ variables: { id: item.id } }).catch(() => undefined);
  }

  return (
    <li className={`record news-item${unread ? ' news-item--unread' : ''}`} data-testid="news-item" data-read={unread ? 'false' : 'true'}>
      <h3 className="news-item__heading">
        <button type="button" className="news-item__toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          <span className="news-item__state">{unread ? t('news.unread') : t('news.read')}</span>
          <span className="news-item__title">{item.title}</span>
        </button>
      </h3>
      <p className="record__meta">
        {t('news.meta', { target: item.target.name, author: item.author, when: formatSchoolDateTime(item.publishedAt, locale) })}
        {showChildren && item.children.length > 0
          ? ` · ${t('news.concerns', { names: item.children.map((child) => child.firstName).join(', ') })}`
          : null}
      </p>
      <div id={bodyId} className="news-item__body" hidden={!open} data-testid="news-body">
        {item.body}
      </div>
    </li>
  );
}

/** A guardian may narrow the list to one child: `?elev=<id>`; all children by default. */
function ChildFilter() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const id = useId();
  const [params, setParams] = useSearchParams();
  if (viewer.role !== 'GUARDIAN' || viewer.students.length < 2) return null;
  return (
    <div className="field news-filter">
      <label className="field__label" htmlFor={id}>
        {t('news.childFilter')}
      </label>
      <select
        id={id}
        className="field__input"
        value={params.get(STUDENT_PARAM) ?? ''}
        onChange={(event) =>
          setParams(
            (previous) => {
              const next = new URLSearchParams(previous);
              if (event.target.value) next.set(STUDENT_PARAM, event.target.value);
              else next.delete(STUDENT_PARAM);
              return next;
            },
            { replace: true },
          )
        }
      >
        <option value="">{t('news.allChildren')}</option>
        {viewer.students.map((student) => (
          <option key={student.id} value={student.id}>
            {student.firstName}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ReaderNews() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const requested = params.get(STUDENT_PARAM);
  const studentId = viewer.students.some((student) => student.id === requested) ? requested : null;
  const { data, error, loading, refetch } = useQuery(MyNewsDocument, { variables: { studentId }, fetchPolicy: 'cache-and-network' });
  const items = data?.myNews;
  const unread = items?.filter((item) => item.readAt === null).length ?? 0;
  return (
    <section className="records-section" aria-labelledby="news-list-heading">
      <h2 id="news-list-heading" className="section-heading">
        {t('news.listHeading')}
      </h2>
      <ChildFilter />
      {items ? (
        items.length === 0 ? (
          <p className="week-empty" data-testid="no-news">
            {t('news.empty')}
          </p>
        ) : (
          <>
            <p className="news-count" data-testid="news-unread-count">
              {t('news.unreadCount', { count: unread })}
            </p>
            <ul className="records news-list" data-testid="news-list">
              {items.map((item) => (
                <NewsItem key={item.id} item={item} showChildren={viewer.role === 'GUARDIAN' && studentId === null} />
              ))}
            </ul>
          </>
        )
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : loading ? (
        <LoadingState label={t('news.loading')} />
      ) : null}
    </section>
  );
}
