import { deferredPage } from '../../components/ui/deferred-page';

// The phone number checks (libphonenumber-js) load with these pages only.
export const ContactPreferencesPage = deferredPage(
  async () => (await import('./contact-preferences-page')).ContactPreferencesPage,
  'contact.loading',
);
export const GuardianContactsPage = deferredPage(
  async () => (await import('./guardian-contacts-page')).GuardianContactsPage,
  'guardianContacts.loading',
);
