import { createInstance } from 'i18next';
import type { ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { deferredPage } from './deferred-page';

function Week() {
  return <p>the week</p>;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The page as the app renders it, with texts (none loaded: the loading state shows its key). */
async function render(Page: ComponentType): Promise<string> {
  const i18n = createInstance();
  await i18n.init({ lng: 'sv', resources: {} });
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <Page />
    </I18nextProvider>,
  );
}

describe('a deferred page', () => {
  it('shows its loading state until its code has come', async () => {
    const Page = deferredPage(() => Promise.resolve(Week), 'schedule.loading');
    const first = await render(Page);
    expect(first).not.toContain('the week');
    expect(first).toContain('role="status"');
    expect(first).toContain('schedule.loading');
  });

  it('renders at once, without the loading state, when its code was loaded beforehand', async () => {
    const Page = deferredPage(() => Promise.resolve(Week), 'schedule.loading');
    Page.preload();
    await settled();
    const shown = await render(Page);
    expect(shown).toContain('<p>the week</p>');
    expect(shown).not.toContain('role="status"');
  });
});
