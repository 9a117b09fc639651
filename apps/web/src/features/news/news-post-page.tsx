import { useQuery } from '@apollo/client/react';
import { getCoreRowModel, getSortedRowModel, useReactTable, type ColumnDef, type Row, type SortingState } from '@tanstack/react-table';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/ui/data-table';
import { SortableHeader } from '../../components/ui/sortable-header';
import { ErrorState, NotFoundState } from '../../components/ui/error-state';
import { LoadingState } from '../../components/ui/loading-state';
import { usePageTitle } from '../../components/ui/use-page-title';
import type { NewsPostQuery } from '../../gql/graphql';
import { formatSchoolDateTime } from '../../lib/dates';
import { currentLocale } from '../../lib/i18n';
import { audienceKey } from './audience';
import { NewsPostDocument } from './operations';
import './news.css';

type Recipient = NewsPostQuery['newsPost']['recipients'][number];
type Shown = 'all' | 'read' | 'unread';

/** Names sort the Swedish way (… Z, Å, Ä, Ö) whatever the interface language; the unread before the read. */
const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });
const compare = (a: Row<Recipient>, b: Row<Recipient>, columnId: string) =>
  collator.compare(String(a.getValue(columnId)), String(b.getValue(columnId)));

/** Who the post reaches and who has read it: sortable by every column, narrowed to the read or the unread. */
function RecipientsTable({ recipients }: { recipients: Recipient[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [shown, setShown] = useState<Shown>('all');
  const rows = useMemo(
    () => recipients.filter((recipient) => shown === 'all' || (shown === 'read') === (recipient.readAt !== null)),
    [recipients, shown],
  );
  const columns = useMemo<ColumnDef<Recipient, string>[]>(
    () => [
      { id: 'name', header: t('news.recipients.name'), accessorFn: (row) => row.name, sortingFn: compare },
      { id: 'role', header: t('news.recipients.role'), accessorFn: (row) => t(`news.roles.${row.role}`), sortingFn: compare },
      { id: 'children', header: t('news.recipients.children'), accessorFn: (row) => row.children.join(', '), sortingFn: compare },
      {
        id: 'status',
        header: t('news.recipients.status'),
        accessorFn: (row) => (row.readAt ? t('news.recipients.read') : t('news.recipients.notRead')),
        sortingFn: compare,
      },
      // ISO instants sort as text; the unread (empty) first.
      { id: 'readAt', header: t('news.recipients.readAt'), accessorFn: (row) => row.readAt ?? '', sortingFn: compare },
    ],
    [t],
  );
  // TanStack's table object is not memoisable by design; the React Compiler is told so.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    enableSortingRemoval: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => `${row.role}:${row.id}`,
  });

  return (
    <div className="news-recipients">
      <div className="field news-filter">
        <label className="field__label" htmlFor={`${id}-shown`}>
          {t('news.recipients.show')}
        </label>
        <select
          id={`${id}-shown`}
          className="field__input"
          value={shown}
          onChange={(event) => setShown((['all', 'read', 'unread'] as const).find((value) => value === event.target.value) ?? 'all')}
        >
          <option value="all">{t('news.recipients.showAll')}</option>
          <option value="unread">{t('news.recipients.showUnread')}</option>
          <option value="read">{t('news.recipients.showRead')}</option>
        </select>
      </div>
      <DataTable caption={t('news.recipients.caption')} testId="news-recipients">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{t('news.recipients.none')}</td>
            </tr>
          ) : (
            table.getRowModel().rows.map(({ original }) => (
              <tr key={`${original.role}:${original.id}`} data-testid="news-recipient" data-read={original.readAt ? 'true' : 'false'}>
                <th scope="row">{original.name}</th>
                <td>{t(`news.roles.${original.role}`)}</td>
                <td>{original.children.join(', ')}</td>
                <td>
                  <span className={`news-read-state${original.readAt ? ' news-read-state--read' : ''}`}>
                    <span aria-hidden="true">{original.readAt ? '✓ ' : '– '}</span>
                    {original.readAt ? t('news.recipients.read') : t('news.recipients.notRead')}
                  </span>
                </td>
                <td>{original.readAt ? formatSchoolDateTime(original.readAt, locale) : ''}</td>
              </tr>
            ))
          )}
        </tbody>
      </DataTable>
    </div>
  );
}

/** /nyheter/:postId: a sent post, for its author, the school's principal and administrators. */
export function NewsPostPage() {
  const { postId = '' } = useParams();
  const { t } = useTranslation();
  const locale = currentLocale();
  const { data, error, loading, refetch } = useQuery(NewsPostDocument, {
    variables: { id: postId },
    skip: postId === '',
    fetchPolicy: 'cache-and-network',
  });
  const post = data?.newsPost;
  usePageTitle(post ? post.title : t('news.loading'));
  if (!post) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    return loading ? <LoadingState label={t('news.loading')} /> : <NotFoundState />;
  }
  return (
    <div className="news-page">
      <header className="page-header">
        <div className="page-header__text">
          <p className="page-header__kicker">
            <Link className="text-link" to="/nyheter">
              {t('news.heading')}
            </Link>
          </p>
          <h1 className="page-header__title">{post.title}</h1>
          <p className="page-header__sub">
            {t('news.meta', { target: post.target.name, author: post.author, when: formatSchoolDateTime(post.publishedAt, locale) })}
            {' · '}
            {t(`news.audience.${audienceKey(post)}`)}
          </p>
        </div>
      </header>
      <div className="panel news-post__body">{post.body}</div>
      <section className="records-section" aria-labelledby="news-recipients-heading">
        <h2 id="news-recipients-heading" className="section-heading">
          {t('news.recipients.heading')}
        </h2>
        <p className="news-count" data-testid="news-post-reads">
          {t('news.readBy', { count: post.readCount, total: post.recipientCount })}
        </p>
        <RecipientsTable recipients={post.recipients} />
      </section>
    </div>
  );
}
