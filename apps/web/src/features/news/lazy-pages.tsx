import { deferredPage } from '../../components/ui/deferred-page';

const deferred = (load: Parameters<typeof deferredPage>[0]) => deferredPage(load, 'news.loading');

export const NewsPage = deferred(async () => (await import('./news-page')).NewsPage);
export const NewsPostPage = deferred(async () => (await import('./news-post-page')).NewsPostPage);
