import { deferredPage } from '../../components/ui/deferred-page';

// Lazily loaded: the password pages bring the password rule's dictionaries, which no other page needs.
export const ActivationPage = deferredPage(async () => (await import('./activation-page')).ActivationPage, 'accounts.loading');
export const ChangePasswordPage = deferredPage(async () => (await import('./change-password-page')).ChangePasswordPage, 'accounts.loading');
export const ForgotPasswordPage = deferredPage(async () => (await import('./forgot-password-page')).ForgotPasswordPage, 'accounts.loading');
export const ResetPasswordPage = deferredPage(async () => (await import('./reset-password-page')).ResetPasswordPage, 'accounts.loading');
export const GuardianLettersPage = deferredPage(
  async () => (await import('./guardian-letters-page')).GuardianLettersPage,
  'accounts.loading',
);
