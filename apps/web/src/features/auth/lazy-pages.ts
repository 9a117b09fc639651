import { deferredPage } from '../../components/ui/deferred-page';

// A returning user never sees it: the form and its checks load only when it is shown.
export const LoginPage = deferredPage(async () => (await import('./login-page')).LoginPage, 'app.loading');
